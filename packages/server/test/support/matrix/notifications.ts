import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';

/** Notifications: every signed-in role reads and marks its own; an id that is not the caller's is 404. */
export const notificationCases: MatrixCase[] = [
  { method: 'GET', url: '/api/notifications', expect: expectAll(200, { anonymous: 401 }) },
  { method: 'GET', url: '/api/notifications?unread=true', route: '/api/notifications', expect: expectAll(200, { anonymous: 401 }) },
  { method: 'GET', url: '/api/notifications/unread-count', expect: expectAll(200, { anonymous: 401 }) },
  { method: 'POST', url: `/api/notifications/${randomId}/read`, route: '/api/notifications/:id/read', expect: expectAll(404, { anonymous: 401 }) },
  { method: 'POST', url: '/api/notifications/read-all', expect: expectAll(200, { anonymous: 401 }) },
];
