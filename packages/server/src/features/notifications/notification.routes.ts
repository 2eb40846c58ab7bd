import type { FastifyInstance } from 'fastify';
import { idParamsSchema, notificationListQuerySchema, notificationListSchema, notificationSchema, readAllResultSchema, unreadCountSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { NotificationService } from './notification.service.ts';

/** The caller's own notifications, for any signed-in role. */
export function notificationRoutes(notifications: NotificationService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['notifications'];
    app.get('/notifications', {
      schema: { tags, summary: "The caller's notifications, newest first, paged (unread=true: only the unread ones)", querystring: notificationListQuerySchema, response: { 200: notificationListSchema, ...errorResponses } },
    }, async (request) => notifications.list(request.caller, request.query));
    app.get('/notifications/unread-count', {
      schema: { tags, summary: "How many of the caller's notifications are unread (the bell)", response: { 200: unreadCountSchema, ...errorResponses } },
    }, async (request) => notifications.unreadCount(request.caller));
    app.post('/notifications/read-all', {
      schema: { tags, summary: "Mark all the caller's notifications read", response: { 200: readAllResultSchema, ...errorResponses } },
    }, async (request) => notifications.markAllRead(request.caller));
    app.post('/notifications/:id/read', {
      schema: { tags, summary: 'Mark one of the caller\'s notifications read (another user\'s is 404)', params: idParamsSchema, response: { 200: notificationSchema, ...errorResponses } },
    }, async (request) => notifications.markRead(request.caller, request.params.id));
  };
}
