import type { Db, Trx } from '../../db/database.ts';
import { companyColumns } from './trade-rows.ts';

/** An RFQ with its category's names. */
export function rfqQuery(db: Db | Trx) {
  return db
    .selectFrom('rfqs as r')
    .innerJoin('categories as cat', 'cat.id', 'r.category_id')
    .innerJoin('buyer_companies as c', 'c.id', 'r.company_id')
    .select([
      'r.id',
      'r.company_id',
      'r.status',
      'r.pavilion_id',
      'r.description_zh',
      'r.description_en',
      'r.category_id',
      'r.quantity',
      'r.unit',
      'r.target_price_minor',
      'r.target_currency',
      'r.incoterm',
      'r.destination_port',
      'r.deadline',
      'r.certifications',
      'r.accepted_quote_id',
      'r.created_at',
      'cat.name_en as category_name_en',
      'cat.name_zh as category_name_zh',
      ...companyColumns,
    ]);
}
export type RfqRow = Awaited<ReturnType<ReturnType<typeof rfqQuery>['executeTakeFirstOrThrow']>>;

/**
 * The exporters an RFQ reaches, decided at posting: approved exporters of its pavilion (or of every
 * pavilion) with a category that is the RFQ's or lies under it, so a request in a top-level
 * category reaches the makers of each of its subcategories.
 */
export async function findMatchingExporters(db: Db | Trx, options: { categoryPath: string; pavilionId: string | null }): Promise<string[]> {
  let q = db
    .selectFrom('exporters as e')
    .innerJoin('exporter_categories as ec', 'ec.exporter_id', 'e.id')
    .innerJoin('categories as cat', 'cat.id', 'ec.category_id')
    .select('e.id')
    .distinct()
    .where('e.status', '=', 'approved')
    // Category paths are built of slugs ([a-z0-9-]), so they hold no LIKE wildcard.
    .where('cat.path', 'like', `${options.categoryPath}%`);
  if (options.pavilionId) q = q.where('e.pavilion_id', '=', options.pavilionId);
  return (await q.orderBy('e.id').execute()).map((r) => r.id);
}

export function quoteQuery(db: Db | Trx) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('exporters as e', 'e.id', 'q.exporter_id')
    .select([
      'q.id',
      'q.rfq_id',
      'q.exporter_id',
      'q.revision',
      'q.currency',
      'q.tiers',
      'q.incoterm',
      'q.port',
      'q.lead_time_days',
      'q.valid_until',
      'q.tt_deposit_percent',
      'q.letter_of_credit',
      'q.sample_available',
      'q.sample_price_minor',
      'q.notes',
      'q.status',
      'q.created_at',
      'q.updated_at',
      'e.trading_name_en',
      'e.trading_name_zh',
      'e.country_code',
    ]);
}
export type QuoteRow = Awaited<ReturnType<ReturnType<typeof quoteQuery>['executeTakeFirstOrThrow']>>;
