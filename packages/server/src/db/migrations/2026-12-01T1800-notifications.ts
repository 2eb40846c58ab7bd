import type { Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Notifications made from the trade events: one row per recipient user (its text in the user's
 * language, read or not), the email outbox (one row per notification and address, the attempt
 * recorded before each send so a restart can tell a message that may have gone out), and the RFQs
 * whose "deadline near" notice has been written (at most once each).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('trade_events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('read_at', ts)
    .execute();
  // One notification per user and event, whatever a retried delivery does.
  await db.schema.createIndex('notifications_user_event').on('notifications').columns(['user_id', 'event_id']).unique().execute();
  await db.schema.createIndex('notifications_user_created').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempted_at', ts)
    .addColumn('sent_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('email_outbox_notification_address').on('email_outbox').columns(['notification_id', 'address']).unique().execute();
  await db.schema.createIndex('email_outbox_status').on('email_outbox').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('rfq_deadline_notices')
    .addColumn('rfq_id', 'text', (c) => c.primaryKey().references('rfqs.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rfq_deadline_notices', 'email_outbox', 'notifications']) await db.schema.dropTable(table).execute();
}
