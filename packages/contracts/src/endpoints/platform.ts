import { healthSchema } from '../health.ts';
import { notificationListQuerySchema, notificationListSchema, notificationSchema, readAllResultSchema, unreadCountSchema } from '../notifications.ts';
import { idParamsSchema } from '../trade.ts';
import { endpoint } from './endpoint.ts';

/** Health and notifications: every endpoint, by name. */
export const platformEndpoints = {
  getHealth: endpoint({ method: 'GET', path: '/api/health', response: { 200: healthSchema } }),
  getNotifications: endpoint({ method: 'GET', path: '/api/notifications', query: notificationListQuerySchema, response: { 200: notificationListSchema } }),
  getUnreadNotificationCount: endpoint({ method: 'GET', path: '/api/notifications/unread-count', response: { 200: unreadCountSchema } }),
  readAllNotifications: endpoint({ method: 'POST', path: '/api/notifications/read-all', response: { 200: readAllResultSchema } }),
  readNotification: endpoint({ method: 'POST', path: '/api/notifications/:id/read', params: idParamsSchema, response: { 200: notificationSchema } }),
} as const;
