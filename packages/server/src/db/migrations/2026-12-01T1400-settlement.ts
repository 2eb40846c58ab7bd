import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Exporter settlement: the pavilions' commission rates with the time each took effect (a new rate
 * never rewrites an order placed before it), the monthly statements per exporter and currency, and
 * their lines, each a snapshot of what was settled (rate, commission rate, amounts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('pavilion_commission_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id').onDelete('cascade'))
    .addColumn('rate_bp', 'integer', (c) => c.notNull().check(sql`rate_bp between 0 and 5000`))
    .addColumn('effective_from', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('pavilion_commission_rates_idx').on('pavilion_commission_rates').columns(['pavilion_id', 'effective_from']).execute();

  await db.schema
    .createTable('settlement_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id'))
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id'))
    // The China-time month, YYYY-MM.
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued')`))
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('goods_fen', 'bigint', (c) => c.notNull())
    .addColumn('commission_fen', 'bigint', (c) => c.notNull())
    .addColumn('share_fen', 'bigint', (c) => c.notNull())
    .addColumn('share_minor', 'bigint', (c) => c.notNull())
    .addColumn('generated_at', ts, (c) => c.notNull())
    .addColumn('issued_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('settlement_statements_month', ['exporter_id', 'month', 'currency'])
    .addCheckConstraint('settlement_statements_share', sql`share_fen = goods_fen - commission_fen`)
    .addCheckConstraint('settlement_statements_issued', sql`(status = 'issued') = (issued_at is not null)`)
    .execute();
  await db.schema.createIndex('settlement_statements_pavilion_idx').on('settlement_statements').columns(['pavilion_id', 'month']).execute();

  await db.schema
    .createTable('settlement_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('settlement_statements.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sale', 'refund')`))
    // What the line settles: the order line (a sale) or the returned line's key (a refund), once.
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_lines.id'))
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('goods_fen', 'bigint', (c) => c.notNull())
    .addColumn('commission_bp', 'integer', (c) => c.notNull().check(sql`commission_bp between 0 and 5000`))
    .addColumn('commission_fen', 'bigint', (c) => c.notNull())
    .addColumn('share_fen', 'bigint', (c) => c.notNull())
    .addColumn('rate_micro', 'bigint', (c) => c.notNull())
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('share_minor', 'bigint', (c) => c.notNull())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    // Set when its statement is issued: from then on the item is settled and no other statement takes it.
    .addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0).check(sql`issued in (0, 1)`))
    .addUniqueConstraint('settlement_lines_position', ['statement_id', 'position'])
    .addCheckConstraint('settlement_lines_share', sql`share_fen = goods_fen - commission_fen`)
    .execute();
  // The last line of defence: an order line (or a return) is on one issued statement at most.
  await sql`create unique index settlement_lines_settled_once on settlement_lines (kind, item_key) where issued = 1`.execute(db);
  await db.schema.createIndex('settlement_lines_item_idx').on('settlement_lines').columns(['item_key', 'issued']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['settlement_lines', 'settlement_statements', 'pavilion_commission_rates']) {
    await db.schema.dropTable(table).execute();
  }
}
