import type { CurrencyCode } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Writes exchange rates a seed (the demo) starts with, as if an operator had entered them (no one
 * named), one statement in the caller's transaction. Listing prices follow when the seed rebuilds
 * its listings; nothing is refreshed here.
 */
export async function seedExchangeRates(trx: Trx, rates: Array<{ currency: CurrencyCode; rateMicro: number; effectiveDate: string; source: string }>, now: Date): Promise<void> {
  if (rates.length === 0) return;
  await trx
    .insertInto('exchange_rates')
    .values(rates.map((r) => ({ id: newId(), currency: r.currency, rate_micro: r.rateMicro, effective_date: r.effectiveDate, source: r.source, created_by: null, created_at: now.toISOString() })))
    .execute();
}
