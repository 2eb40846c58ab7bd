import { z } from 'zod';

/** What a party must act on; the server's notification events carry these kinds (each with its line in notification.rules.ts). */
export const notificationKinds = ['inquiry_created', 'inquiry_message', 'rfq_matched', 'quote_submitted', 'quote_revised', 'quote_accepted', 'rfq_deadline_near', 'b2b_order_issued', 'b2b_order_step'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

const unreadFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const notificationListQuerySchema = z
  .object({
    /** true: only the unread ones; false or absent: all. */
    unread: unreadFlag.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    subjectId: z.string(),
    /** In the recipient's language, as written when the event was delivered. */
    title: z.string(),
    body: z.string(),
    /** The page in the web app where the recipient acts on it. */
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListSchema = z.object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() });
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const readAllResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
