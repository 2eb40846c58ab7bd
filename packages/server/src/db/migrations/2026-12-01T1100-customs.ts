import { sql, type Kysely } from 'kysely';
import { timestampType } from '../migration-helpers.ts';

/**
 * Customs: the order messages (CEB311) Pavilion declares, the outbox that hands each to the customs
 * client exactly once, the receipts (CEB312) that come back, the operator's corrections of an
 * order's declaration data, and the payment provider's declaration of the payment (CEB411) with
 * its identity check.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  // One row per message. The clear buyer name and ID number are never stored here (PIPL art. 51):
  // `snapshot` holds the message input without them and the file is rebuilt from it and the order's
  // sealed identity when it is handed over; `message_xml` is the message with both masked, for operators.
  await db.schema
    .createTable('customs_declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('guid', 'text', (c) => c.notNull().unique())
    .addColumn('app_type', 'text', (c) => c.notNull().check(sql`app_type in ('1', '2')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invalid', 'queued', 'sent', 'accepted', 'rejected', 'released')`))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('message_xml', 'text', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('return_status', 'text')
    .addColumn('return_info', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customs_declarations_order_idx').on('customs_declarations').columns(['order_id', 'created_at']).execute();

  // What still has to be handed to the customs client; sent_at is set after the transport took it.
  await db.schema
    .createTable('customs_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration_id', 'text', (c) => c.notNull().unique().references('customs_declarations.id'))
    .addColumn('file_name', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema.createIndex('customs_outbox_unsent_idx').on('customs_outbox').columns(['sent_at', 'created_at']).execute();

  // Receipts as received; the same status for the same message is recorded once, however often the file comes.
  await db.schema
    .createTable('customs_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('declaration_id', 'text', (c) => c.references('customs_declarations.id'))
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('return_status', 'text', (c) => c.notNull())
    .addColumn('return_time', 'text', (c) => c.notNull())
    .addColumn('return_info', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addUniqueConstraint('customs_receipts_guid_status_key', ['guid', 'return_status'])
    .execute();
  await db.schema.createIndex('customs_receipts_declaration_idx').on('customs_receipts').columns(['declaration_id']).execute();

  // What an operator corrected before a resend (consignee, item names and units), applied to every later message.
  await db.schema
    .createTable('customs_corrections')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // The payment provider declared the payment to customs (CEB411) at our request; one per order.
  await db.schema
    .createTable('payment_declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('orders.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('identity_check', 'text', (c) => c.notNull().check(sql`identity_check in ('SAME', 'DIFFERENT', 'UNCHECKED')`))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('declared_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['payment_declarations', 'customs_corrections', 'customs_receipts', 'customs_outbox', 'customs_declarations']) {
    await db.schema.dropTable(table).execute();
  }
}
