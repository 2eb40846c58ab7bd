import { sql } from 'kysely';
import { currencies, currencyCodes } from '@pavilion/contracts';
import { isPostgres, type Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { raiseMissingRateAlert, resolveRateAlert } from '../rates/index.ts';
import type { RateService } from '../rates/index.ts';
import { bumpCatalogVersion } from './catalog-version.ts';

/**
 * Recomputes the listings' yuan prices from the rates in force today, in SQL (one statement per
 * currency), and opens or resolves the "no rate" and "rate too old" alerts. Runs when a rate is added, at start and
 * just after each midnight in China, so a rate effective tomorrow takes over tomorrow.
 */
export async function refreshListingPrices(deps: { db: Db; rates: RateService; clock: Clock }): Promise<void> {
  const { db, rates, clock } = deps;
  await bumpCatalogVersion(db);
  const inForce = await rates.ratesInForce();
  const used = await db.selectFrom('catalog_listings').select('currency').distinct().execute();
  const usedSet = new Set(used.map((u) => u.currency));
  for (const currency of currencyCodes) {
    const rate = inForce.get(currency);
    if (usedSet.has(currency)) {
      // Same rounding as toCnyFen: half up, in integers (literals, so SQLite divides integers). denominator = 10^(digits+6).
      const denominator = 10 ** (currencies[currency].digits + 6);
      const price = rate ? sql<number>`(price_min_minor * ${sql.lit(rate.rateMicro)} * 200 + ${sql.lit(denominator)}) / ${sql.lit(2 * denominator)}` : sql<null>`null`;
      // Only the listings whose price moves are written (a start with the same rates writes none, and fires no trigger).
      const moves = isPostgres(db) ? sql<boolean>`price_cny_min is distinct from ${price}` : sql<boolean>`price_cny_min is not ${price}`;
      await db.updateTable('catalog_listings').set({ price_cny_min: price }).where('currency', '=', currency).where(moves).execute();
    }
    if (currency === 'CNY') continue;
    if (!rate && usedSet.has(currency)) await raiseMissingRateAlert(db, currency, clock().toISOString());
    if (rate) {
      await resolveRateAlert(db, 'missing_rate', currency, clock().toISOString());
    }
  }
  await rates.reviewRateAges();
}
