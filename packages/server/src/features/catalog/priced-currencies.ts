import { sql } from 'kysely';
import { currencyCodes, type CurrencyCode } from '@pavilion/contracts';
import { isPostgres, type Db, type Trx } from '../../db/database.ts';

/**
 * The currencies exporters price in: those of their products on sale (the live variants) and of the
 * products they are editing (a product waiting for review needs its rate before it goes on sale),
 * archived products left out. `pavilionIds` narrows to an operator's pavilions; `approvedOnly` to
 * approved exporters, whose currencies are the ones in use.
 */
export async function currenciesPricedIn(db: Db | Trx, filter: { pavilionIds: readonly string[] | 'all'; approvedOnly?: boolean }): Promise<Set<CurrencyCode>> {
  const { pavilionIds } = filter;
  if (pavilionIds !== 'all' && pavilionIds.length === 0) return new Set();
  const contentCurrency = isPostgres(db) ? sql<string>`(r.content::jsonb ->> 'currency')` : sql<string>`json_extract(r.content, '$.currency')`;
  let live = db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('exporters as e', 'e.id', 'p.exporter_id')
    .select('v.live_currency as currency')
    .distinct()
    .where('v.live_currency', 'is not', null)
    .where('v.status', '=', 'active')
    .where('p.status', '!=', 'archived');
  let working = db
    .selectFrom('products as p')
    .innerJoin('product_revisions as r', 'r.id', 'p.working_revision_id')
    .innerJoin('exporters as e', 'e.id', 'p.exporter_id')
    .select(contentCurrency.as('currency'))
    .distinct()
    .where('p.status', '!=', 'archived');
  if (pavilionIds !== 'all') {
    live = live.where('e.pavilion_id', 'in', [...pavilionIds]);
    working = working.where('e.pavilion_id', 'in', [...pavilionIds]);
  }
  if (filter.approvedOnly) {
    live = live.where('e.status', '=', 'approved');
    working = working.where('e.status', '=', 'approved');
  }
  const [a, b] = await Promise.all([live.execute(), working.execute()]);
  const known = new Set<string>(currencyCodes);
  return new Set([...a, ...b].flatMap((r) => (r.currency && known.has(r.currency) ? [r.currency as CurrencyCode] : [])));
}
