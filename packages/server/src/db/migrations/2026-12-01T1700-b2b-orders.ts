import { sql, type Kysely } from 'kysely';
import { timestampType } from '../migration-helpers.ts';

/**
 * B2B orders: what an accepted quote becomes (a sample or a bulk order) with its proforma invoice.
 * The order carries its own copy of everything the invoice prints (parties, lines, terms, the
 * exporter's bank details at issue), so an issued invoice reads the same whatever is edited later.
 * Its steps are recorded as events (the timeline) and its bank transfers as payments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  // The account the exporter's buyers pay into; one per exporter, copied onto each proforma at issue.
  await db.schema
    .createTable('exporter_bank_details')
    .addColumn('exporter_id', 'text', (c) => c.primaryKey().references('exporters.id').onDelete('cascade'))
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('swift_bic', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('bank_address', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('b2b_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('company_id', 'text', (c) => c.notNull().references('buyer_companies.id'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id'))
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id'))
    .addColumn('rfq_id', 'text', (c) => c.notNull().references('rfqs.id'))
    // One order per accepted quote, whatever the race.
    .addColumn('quote_id', 'text', (c) => c.notNull().unique().references('quotes.id'))
    .addColumn('quote_revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sample', 'bulk')`))
    .addColumn('currency', 'text', (c) => c.notNull())
    // JSON array of { descriptionEn, descriptionZh, quantity, unit, unitPriceMinor, amountMinor }.
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull().check(sql`total_minor >= 0`))
    .addColumn('payment_terms', 'text', (c) => c.notNull().check(sql`payment_terms in ('tt', 'lc')`))
    .addColumn('deposit_percent', 'integer', (c) => c.check(sql`deposit_percent between 0 and 100`))
    .addColumn('deposit_minor', 'bigint', (c) => c.notNull())
    .addColumn('balance_minor', 'bigint', (c) => c.notNull())
    .addColumn('incoterm', 'text', (c) => c.notNull().check(sql`incoterm in ('EXW', 'FOB', 'CIF', 'DDP')`))
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('destination_port', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    // JSON: the exporter's and the importer's names, codes and addresses at issue.
    .addColumn('parties', 'text', (c) => c.notNull())
    // JSON: the exporter's bank details at issue; null when it had entered none.
    .addColumn('bank_details', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('proforma_issued').check(sql`status in ('proforma_issued', 'deposit_paid', 'in_production', 'shipped', 'balance_paid', 'completed', 'cancelled')`),
    )
    .addColumn('transport_document_kind', 'text', (c) => c.check(sql`transport_document_kind in ('bl', 'awb')`))
    .addColumn('transport_document_number', 'text')
    .addColumn('carrier', 'text')
    .addColumn('vessel', 'text')
    .addColumn('cancellation_reason', 'text')
    .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('company', 'exporter')`))
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('b2b_orders_amounts', sql`deposit_minor >= 0 and balance_minor >= 0 and deposit_minor + balance_minor = total_minor`)
    .execute();
  await db.schema.createIndex('b2b_orders_company_idx').on('b2b_orders').columns(['company_id', 'issued_at']).execute();
  await db.schema.createIndex('b2b_orders_exporter_idx').on('b2b_orders').columns(['exporter_id', 'issued_at']).execute();
  await db.schema.createIndex('b2b_orders_pavilion_idx').on('b2b_orders').columns(['pavilion_id', 'issued_at']).execute();

  await db.schema
    .createTable('b2b_order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('b2b_orders.id').onDelete('cascade'))
    // 1, 2, … in the order the steps happened (two steps may share a timestamp).
    .addColumn('position', 'integer', (c) => c.notNull())
    // 'issue' or one of the actions.
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('company', 'exporter')`))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('b2b_order_events_position', ['order_id', 'position'])
    .execute();

  await db.schema
    .createTable('b2b_order_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('b2b_orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('deposit', 'balance')`))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    // The buyer's bank transfer reference, as it appears on the exporter's statement.
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addUniqueConstraint('b2b_order_payments_one_per_kind', ['order_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['b2b_order_payments', 'b2b_order_events', 'b2b_orders', 'exporter_bank_details']) await db.schema.dropTable(table).execute();
}
