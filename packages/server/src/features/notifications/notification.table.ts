import type { ColumnType } from 'kysely';
import type { Locale, NotificationKind } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: notifications. In-app notifications and the mail outbox are written by the notification service only.

export type EmailOutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NotificationsTable {
  id: string;
  user_id: string;
  event_id: string;
  kind: NotificationKind;
  subject_id: string;
  locale: Locale;
  title: string;
  body: string;
  link: string;
  created_at: Timestamp;
  read_at: Nullable<string>;
}

export interface EmailOutboxTable {
  id: string;
  notification_id: string;
  address: string;
  /** Stable per row: a resend after a crash carries the same Message-ID, which receiving systems dedupe. */
  message_id: string;
  status: ColumnType<EmailOutboxStatus, EmailOutboxStatus | undefined, EmailOutboxStatus>;
  /** When the row was last handed to the mailer: with status 'sending', it may have gone out (a crash before the outcome). */
  attempted_at: Nullable<string>;
  sent_at: Nullable<string>;
  created_at: Timestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const notificationTableColumns = {
  notifications: {
    id: 'not null', user_id: 'not null', event_id: 'not null', kind: 'not null', subject_id: 'not null', locale: 'not null', title: 'not null',
    body: 'not null', link: 'not null', created_at: 'not null', read_at: 'null',
  },
  email_outbox: {
    id: 'not null', notification_id: 'not null', address: 'not null', message_id: 'not null', status: 'not null', attempted_at: 'null',
    sent_at: 'null', created_at: 'not null',
  },
} as const satisfies TableColumns<NotificationTables>;
