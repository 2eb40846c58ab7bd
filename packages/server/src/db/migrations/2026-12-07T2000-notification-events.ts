import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers.ts';

/**
 * Notifications own the event intake: trade's `trade_events` becomes `notification_events`, written
 * by the notifications feature for every feature that has something to tell someone. Renamed in
 * place, so its rows and the `notifications.event_id` foreign key stay (PostgreSQL keeps a foreign
 * key on the table itself; SQLite rewrites the references to a renamed table). An event may now name
 * one user (a buyer) or a pavilion (its operators) besides an exporter and an importer company.
 * The email outbox's own attempt counter and last error go: each email is a job of the durable
 * queue now, whose attempts and last error are the job's (the one retry design).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('trade_events').renameTo('notification_events').execute();
  await db.schema.dropIndex('trade_events_undelivered_idx').execute();
  await db.schema.createIndex('notification_events_undelivered_idx').on('notification_events').columns(['delivered_at', 'created_at']).execute();
  for (const [column, parent] of [['user_id', 'users.id'], ['pavilion_id', 'pavilions.id']] as const) {
    // On SQLite a step down keeps the column (see down): a step up again finds it there.
    if (!isPostgres(db) && (await sql`select 1 from pragma_table_info('notification_events') where name = ${column}`.execute(db)).rows.length > 0) continue;
    await db.schema.alterTable('notification_events').addColumn(column, 'text', (c) => c.references(parent).onDelete('cascade')).execute();
  }
  await db.schema.alterTable('email_outbox').dropColumn('attempts').execute();
  await db.schema.alterTable('email_outbox').dropColumn('last_error').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Events for one user or for a pavilion's operators have no place in trade's table.
  await db.deleteFrom('notification_events').where((eb) => eb.or([eb('user_id', 'is not', null), eb('pavilion_id', 'is not', null)])).execute();
  // SQLite cannot drop a column a foreign key is declared on: there the two columns stay, empty and unread by trade.
  if (isPostgres(db)) {
    await db.schema.alterTable('notification_events').dropColumn('pavilion_id').execute();
    await db.schema.alterTable('notification_events').dropColumn('user_id').execute();
  }
  await db.schema.dropIndex('notification_events_undelivered_idx').execute();
  await db.schema.alterTable('notification_events').renameTo('trade_events').execute();
  await db.schema.createIndex('trade_events_undelivered_idx').on('trade_events').columns(['delivered_at', 'created_at']).execute();
}
