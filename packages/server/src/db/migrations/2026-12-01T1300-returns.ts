import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Returns after delivery (after-sale): the buyer's request with its lines, the decision, the parcel
 * going back, the refund it owes (a `refunds` row, linked by refunds.return_id, one per return),
 * and per order line the units held by returns, taken and given back by conditional updates so no
 * unit is in two requests whatever the race.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Also the refund's out_refund_no: one number per return, whoever sends the refund.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('buyer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Image ids (JSON array) the buyer uploaded, in order.
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'approved', 'refused', 'return_shipped', 'received', 'refunded')`))
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', ts)
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('shipped_at', ts)
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', ts)
    .addColumn('refunded_at', ts)
    // What goes back: an estimate until received, then fixed (the refund is written with these).
    .addColumn('goods_fen', 'bigint', (c) => c.notNull().check(sql`goods_fen >= 0`))
    .addColumn('tax_fen', 'bigint', (c) => c.notNull().check(sql`tax_fen >= 0`))
    .addColumn('freight_fen', 'bigint', (c) => c.notNull().check(sql`freight_fen >= 0`))
    .addColumn('refund_fen', 'bigint', (c) => c.notNull().check(sql`refund_fen >= 0`))
    .addColumn('quota_fen', 'bigint', (c) => c.notNull().check(sql`quota_fen >= 0`))
    .addColumn('requested_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('returns_refund_total', sql`refund_fen = goods_fen + tax_fen + freight_fen`)
    .execute();
  await db.schema.createIndex('returns_order_idx').on('returns').column('order_id').execute();
  await db.schema.createIndex('returns_buyer_idx').on('returns').columns(['buyer_user_id', 'requested_at']).execute();
  // The after-sale queues go by state and age.
  await db.schema.createIndex('returns_status_idx').on('returns').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('goods_fen', 'bigint', (c) => c.notNull().check(sql`goods_fen >= 0`))
    .addColumn('tax_fen', 'bigint', (c) => c.notNull().check(sql`tax_fen >= 0`))
    .addColumn('quota_fen', 'bigint', (c) => c.notNull().check(sql`quota_fen >= 0`))
    .addUniqueConstraint('return_lines_once', ['return_id', 'order_line_id'])
    .execute();

  // Units of each order line held by returns that are not refused: never more than were bought.
  await db.schema
    .createTable('order_line_returns')
    .addColumn('order_line_id', 'text', (c) => c.primaryKey().references('order_lines.id').onDelete('cascade'))
    .addColumn('bought', 'integer', (c) => c.notNull().check(sql`bought > 0`))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('order_line_returns_held', sql`held >= 0 and held <= bought`)
    .execute();

  await db.schema.alterTable('refunds').addColumn('return_id', 'text', (c) => c.references('returns.id')).execute();
  // One refund per return, whatever runs twice.
  await sql`create unique index refunds_one_per_return on refunds (return_id) where return_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('refunds_one_per_return').execute();
  await db.schema.alterTable('refunds').dropColumn('return_id').execute();
  for (const table of ['order_line_returns', 'return_lines', 'returns']) await db.schema.dropTable(table).execute();
}
