import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * The trade bridge between importers and exporters: the company's registration (credit code,
 * address, verification), private files attached to messages, inquiries (询盘) each with its
 * thread of messages and a last-read mark per side, requests for quotation with the exporters they
 * matched at posting, quotes with every revision kept, and the trade events notifications will be
 * sent from.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema.alterTable('buyer_companies').addColumn('credit_code', 'text').execute();
  await db.schema.alterTable('buyer_companies').addColumn('address', 'text').execute();
  await db.schema.alterTable('buyer_companies').addColumn('verified_at', ts).execute();
  // The operator's user id, kept as history (no foreign key: SQLite cannot drop a column that has one).
  await db.schema.alterTable('buyer_companies').addColumn('verified_by', 'text').execute();
  // One company per registration (GB 32100-2015 codes are unique nationwide).
  await db.schema.createIndex('buyer_companies_credit_code').on('buyer_companies').column('credit_code').unique().execute();

  // Files are private like exporter documents: only the thread's two parties fetch them, through the API.
  await db.schema
    .createTable('trade_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.references('buyer_companies.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.references('exporters.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('trade_files_one_owner', sql`(company_id is null) <> (exporter_id is null)`)
    .execute();

  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('buyer_companies.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
    // The product's titles when the inquiry was sent: what the buyer asked about, whatever the listing becomes.
    .addColumn('product_title_en', 'text')
    .addColumn('product_title_zh', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target_price_minor', 'bigint')
    .addColumn('target_currency', 'text')
    .addColumn('incoterm', 'text', (c) => c.check(sql`incoterm in ('EXW', 'FOB', 'CIF', 'DDP')`))
    .addColumn('destination_port', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'quoted', 'closed')`))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_message_at', ts, (c) => c.notNull())
    .addColumn('first_response_at', ts)
    .addColumn('company_read_at', ts)
    .addColumn('exporter_read_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('closed_by', 'text', (c) => c.check(sql`closed_by in ('company', 'exporter')`))
    .addCheckConstraint('inquiries_target_price', sql`(target_price_minor is null) = (target_currency is null)`)
    .execute();
  await db.schema.createIndex('inquiries_company_idx').on('inquiries').columns(['company_id', 'last_message_at']).execute();
  await db.schema.createIndex('inquiries_exporter_idx').on('inquiries').columns(['exporter_id', 'last_message_at']).execute();

  await db.schema
    .createTable('inquiry_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('company', 'exporter')`))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inquiry_messages_inquiry_idx').on('inquiry_messages').columns(['inquiry_id', 'created_at']).execute();
  await db.schema
    .createTable('inquiry_message_files')
    .addColumn('message_id', 'text', (c) => c.notNull().references('inquiry_messages.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('trade_files.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('inquiry_message_files_pk', ['message_id', 'file_id'])
    .execute();
  await db.schema.createIndex('inquiry_message_files_file_idx').on('inquiry_message_files').column('file_id').execute();

  await db.schema
    .createTable('rfqs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('buyer_companies.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // Null: every pavilion.
    .addColumn('pavilion_id', 'text', (c) => c.references('pavilions.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target_price_minor', 'bigint')
    .addColumn('target_currency', 'text')
    .addColumn('incoterm', 'text', (c) => c.notNull().check(sql`incoterm in ('EXW', 'FOB', 'CIF', 'DDP')`))
    .addColumn('destination_port', 'text', (c) => c.notNull())
    .addColumn('deadline', ts, (c) => c.notNull())
    .addColumn('certifications', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed_deadline', 'accepted', 'cancelled')`))
    .addColumn('accepted_quote_id', 'text')
    .addColumn('closed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addCheckConstraint('rfqs_description', sql`description_zh <> '' or description_en <> ''`)
    .addCheckConstraint('rfqs_target_price', sql`(target_price_minor is null) = (target_currency is null)`)
    .execute();
  await db.schema.createIndex('rfqs_company_idx').on('rfqs').columns(['company_id', 'created_at']).execute();
  await db.schema.createIndex('rfqs_open_deadline_idx').on('rfqs').columns(['status', 'deadline']).execute();

  // Who may see and quote on an RFQ is decided once, at posting: an exporter approved later does not see older requests.
  await db.schema
    .createTable('rfq_matches')
    .addColumn('rfq_id', 'text', (c) => c.notNull().references('rfqs.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('rfq_matches_pk', ['rfq_id', 'exporter_id'])
    .execute();
  await db.schema.createIndex('rfq_matches_exporter_idx').on('rfq_matches').columns(['exporter_id', 'rfq_id']).execute();

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rfq_id', 'text', (c) => c.notNull().references('rfqs.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn('currency', 'text', (c) => c.notNull())
    // The quantity tiers, validated by the contract's schema on the way in and out.
    .addColumn('tiers', 'text', (c) => c.notNull())
    .addColumn('incoterm', 'text', (c) => c.notNull().check(sql`incoterm in ('EXW', 'FOB', 'CIF', 'DDP')`))
    .addColumn('port', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('tt_deposit_percent', 'integer', (c) => c.check(sql`tt_deposit_percent between 0 and 100`))
    .addColumn('letter_of_credit', 'integer', (c) => c.notNull().check(sql`letter_of_credit in (0, 1)`))
    .addColumn('sample_available', 'integer', (c) => c.notNull().check(sql`sample_available in (0, 1)`))
    .addColumn('sample_price_minor', 'bigint')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('submitted').check(sql`status in ('submitted', 'accepted', 'not_chosen')`))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    // One quote per exporter per RFQ, whatever the race: a second submission revises it.
    .addUniqueConstraint('quotes_one_per_exporter', ['rfq_id', 'exporter_id'])
    .execute();
  await db.schema
    .createTable('quote_revisions')
    .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    // The whole quote as submitted (the contract's input shape, as JSON).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('quote_revisions_pk', ['quote_id', 'revision'])
    .execute();

  // What a party must act on, written in the use case's transaction; notifications and mail are sent from here.
  await db.schema
    .createTable('trade_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.references('buyer_companies.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.references('exporters.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('delivered_at', ts)
    .execute();
  await db.schema.createIndex('trade_events_undelivered_idx').on('trade_events').columns(['delivered_at', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['trade_events', 'quote_revisions', 'quotes', 'rfq_matches', 'rfqs', 'inquiry_message_files', 'inquiry_messages', 'inquiries', 'trade_files']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('buyer_companies_credit_code').execute();
  for (const column of ['verified_by', 'verified_at', 'address', 'credit_code']) {
    await db.schema.alterTable('buyer_companies').dropColumn(column).execute();
  }
}
