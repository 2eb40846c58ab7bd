import { toCnyFen, type CurrencyCode } from '@pavilion/contracts';

export interface QuoteTier {
  minQuantity: number;
  unitPriceMinor: number;
}

export type TierProblem = { index: number; rule: 'tiersAscending' | 'tierPriceRises' };

/**
 * Tiers rise strictly in minimum quantity, and a larger quantity never costs more per unit: a tier
 * that raises the price is almost always a typing error, and a buyer ordering more would pay more
 * in total for nothing (our choice; equal prices are allowed).
 */
export function tierProblems(tiers: readonly QuoteTier[]): TierProblem[] {
  const problems: TierProblem[] = [];
  for (let i = 1; i < tiers.length; i++) {
    const prev = tiers[i - 1];
    const tier = tiers[i];
    if (!prev || !tier) continue;
    if (tier.minQuantity <= prev.minQuantity) problems.push({ index: i, rule: 'tiersAscending' });
    else if (tier.unitPriceMinor > prev.unitPriceMinor) problems.push({ index: i, rule: 'tierPriceRises' });
  }
  return problems;
}

/** The tier that prices a quantity: the one with the highest minimum at or below it; none below the first. */
export function tierAt(tiers: readonly QuoteTier[], quantity: number): QuoteTier | null {
  let found: QuoteTier | null = null;
  for (const tier of tiers) if (tier.minQuantity <= quantity) found = tier;
  return found;
}

/** A quote is valid through its valid-until date, a date in China (UTC+8). */
export const quoteValidOn = (validUntil: string, chinaToday: string): boolean => validUntil >= chinaToday;

/**
 * One line of the comparison: the unit price at the quantity in yuan fen (converted once, with the
 * project's rounding), and the whole quantity converted once from the quote's own total, so the
 * yuan total is the exact conversion rather than a rounded unit price times the quantity.
 */
export function priceAtQuantity(options: { tiers: readonly QuoteTier[]; quantity: number; currency: CurrencyCode; rateMicro: number | null }) {
  const tier = tierAt(options.tiers, options.quantity);
  if (!tier) return { tier: null, unitPriceMinor: null, unitFen: null, totalFen: null, notQuotable: 'below_first_tier' as const };
  if (options.rateMicro === null) return { tier, unitPriceMinor: tier.unitPriceMinor, unitFen: null, totalFen: null, notQuotable: 'no_exchange_rate' as const };
  const total = tier.unitPriceMinor * options.quantity;
  if (!Number.isSafeInteger(total)) throw new RangeError('quote total out of range');
  return {
    tier,
    unitPriceMinor: tier.unitPriceMinor,
    unitFen: toCnyFen(tier.unitPriceMinor, options.currency, options.rateMicro),
    totalFen: toCnyFen(total, options.currency, options.rateMicro),
    notQuotable: null,
  };
}

/** Sorts comparison lines cheapest first in yuan per unit; lines without a price go last, in their order. */
export function byUnitFen<T extends { unitFen: number | null }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => (a.unitFen === null ? (b.unitFen === null ? 0 : 1) : b.unitFen === null ? -1 : a.unitFen - b.unitFen));
}

