import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { NotificationService } from './notification.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** The caller's own notifications, for any signed-in role. */
export function notificationRoutes(notifications: NotificationService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['notifications'];
    route(app, endpoints.platform.getNotifications, {
      schema: { tags, summary: "The caller's notifications, newest first, paged (unread=true: only the unread ones)", response: errorResponses },
    }, async (request) => notifications.list(request.caller, request.query));
    route(app, endpoints.platform.getUnreadNotificationCount, {
      schema: { tags, summary: "How many of the caller's notifications are unread (the bell)", response: errorResponses },
    }, async (request) => notifications.unreadCount(request.caller));
    route(app, endpoints.platform.readAllNotifications, {
      schema: { tags, summary: "Mark all the caller's notifications read", response: errorResponses },
    }, async (request) => notifications.markAllRead(request.caller));
    route(app, endpoints.platform.readNotification, {
      schema: { tags, summary: 'Mark one of the caller\'s notifications read (another user\'s is 404)', response: errorResponses },
    }, async (request) => notifications.markRead(request.caller, request.params.id));
  };
}
