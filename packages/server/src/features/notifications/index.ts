// What notifications offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { LogMailer, SmtpMailer, type Mailer } from './mailer.ts';
export { DELIVER_NOTIFICATION_EVENT, SEND_EMAIL_LEASE_MS, SEND_NOTIFICATION_EMAIL } from './notification-jobs.ts';
export { notificationRoutes } from './notification.routes.ts';
export { NotificationService } from './notification.service.ts';
export { notify, type NotificationEvent } from './notify.ts';
