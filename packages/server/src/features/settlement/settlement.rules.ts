import { divideRoundHalfUp, fromCnyFen, MAX_COMMISSION_BP, type CurrencyCode } from '@pavilion/contracts';

/**
 * What an exporter is owed, as pure rules.
 *
 * - The exporter's share of an order line is its goods value (yuan the buyer paid for the goods)
 *   less the pavilion's commission. Freight and tax are not the exporter's: the freight pays the
 *   carriage the platform buys (direct mail for 9610, the bonded warehouse's delivery for 1210), and
 *   the tax is withheld for customs (代收代缴, 财关税〔2016〕18号), so neither enters a statement.
 * - Rounding happens per line, once each: the commission half up to the fen, then the share
 *   (goods − commission) is converted back into the exporter's currency at the line's own rate
 *   (the rate the order was priced at, never today's), half up to the currency's minor unit (whole
 *   vatu for VUV). A statement's totals are the sums of its lines, so the lines add up to the total
 *   to the minor unit by construction.
 * - Month: an order is settled in the China-time month it was completed (the buyer confirmed receipt
 *   or seven days passed after delivery). Before that the order can still be refunded whole
 *   (customs refusal, identity mismatch, a lost parcel); after it, what is left is a return, which
 *   goes on the statement of the month it is refunded as a negative line. Settling on release or on
 *   delivery would pay exporters for orders that are then refunded whole, and claw it back later.
 * - Commission: the pavilion's rate in force when the order was placed (the terms the sale was made
 *   on), snapshot on the line; a return reverses the commission of the line it returns at the same
 *   rate.
 */

/**
 * The commission of a pavilion that has not set its own: 8%. The operators of the demo pavilions
 * are trade-promotion bodies, not marketplaces living off fees: 8% is at the low end of what
 * cross-border marketplaces take per category, and pays for the pavilion's curation, translation and
 * buyer service without pricing the exporters' goods out. Operators set their own (0–50%).
 */
export const DEFAULT_COMMISSION_BP = 800;
export { MAX_COMMISSION_BP };

const BP = 10_000n;

export interface CommissionRate {
  rateBp: number;
  /** ISO instant from which the rate applies. */
  effectiveFrom: string;
}

/** The rate in force at an instant: the latest that took effect at or before it, else the default. */
export function commissionRateAt(rates: readonly CommissionRate[], at: string): { rateBp: number; isDefault: boolean } {
  const atMs = Date.parse(at);
  let best: CommissionRate | null = null;
  for (const r of rates) {
    if (Date.parse(r.effectiveFrom) <= atMs && (!best || Date.parse(r.effectiveFrom) >= Date.parse(best.effectiveFrom))) best = r;
  }
  return best ? { rateBp: best.rateBp, isDefault: false } : { rateBp: DEFAULT_COMMISSION_BP, isDefault: true };
}

export interface SettledAmounts {
  goodsFen: number;
  commissionFen: number;
  shareFen: number;
  /** The share in the exporter's currency, minor units. */
  shareMinor: number;
}

/** Commission on a goods value, half up to the fen. */
export function commissionOf(goodsFen: number, rateBp: number): number {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > MAX_COMMISSION_BP) throw new RangeError(`commission rate ${rateBp} bp is out of range`);
  return Number(divideRoundHalfUp(BigInt(goodsFen) * BigInt(rateBp), BP));
}

/** One order line sold: its goods value, the commission, the share in fen and in the exporter's currency. */
export function settleSale(line: { goodsFen: number; commissionBp: number; currency: CurrencyCode; rateMicro: number }): SettledAmounts {
  const commissionFen = commissionOf(line.goodsFen, line.commissionBp);
  const shareFen = line.goodsFen - commissionFen;
  return { goodsFen: line.goodsFen, commissionFen, shareFen, shareMinor: fromCnyFen(shareFen, line.currency, line.rateMicro) };
}

/**
 * A return of `quantity` units of a sold line, as the negative amounts of a refund line, after
 * `alreadyReturned` units of it came back earlier. Each return takes back the difference between
 * what the units returned so far, with and without it, were settled at (goods as the part of the
 * line's value those units are, half up; commission and share at the line's own rates). So returns
 * of a line in several parcels add up to exactly its sale, negated, whatever the rounding.
 */
export function settleReturn(
  sale: { quantity: number; goodsFen: number; commissionBp: number; currency: CurrencyCode; rateMicro: number },
  quantity: number,
  alreadyReturned = 0,
): SettledAmounts {
  if (!Number.isInteger(quantity) || quantity <= 0 || !Number.isInteger(alreadyReturned) || alreadyReturned < 0 || alreadyReturned + quantity > sale.quantity) {
    throw new RangeError(`cannot return ${quantity} of ${sale.quantity} units after ${alreadyReturned}`);
  }
  const settledFor = (units: number): SettledAmounts => {
    if (units === 0) return { goodsFen: 0, commissionFen: 0, shareFen: 0, shareMinor: 0 };
    const goodsFen = units === sale.quantity ? sale.goodsFen : Number(divideRoundHalfUp(BigInt(sale.goodsFen) * BigInt(units), BigInt(sale.quantity)));
    return settleSale({ ...sale, goodsFen });
  };
  const before = settledFor(alreadyReturned);
  const after = settledFor(alreadyReturned + quantity);
  return {
    goodsFen: before.goodsFen - after.goodsFen,
    commissionFen: before.commissionFen - after.commissionFen,
    shareFen: before.shareFen - after.shareFen,
    shareMinor: before.shareMinor - after.shareMinor,
  };
}

/** A statement's totals: the sums of its lines, nothing rounded again. */
export function statementTotals(lines: readonly SettledAmounts[]): SettledAmounts {
  return lines.reduce<SettledAmounts>(
    (t, l) => ({ goodsFen: t.goodsFen + l.goodsFen, commissionFen: t.commissionFen + l.commissionFen, shareFen: t.shareFen + l.shareFen, shareMinor: t.shareMinor + l.shareMinor }),
    { goodsFen: 0, commissionFen: 0, shareFen: 0, shareMinor: 0 },
  );
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time month (UTC+8, no daylight saving) of an instant: "2026-11". */
export function chinaMonth(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The first instant of a China-time month, as an ISO UTC string ("2026-11" → "2026-10-31T16:00:00.000Z"). */
export function monthStart(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) throw new RangeError(`not a month: ${month}`);
  return new Date(Date.UTC(year, mon - 1, 1) - CHINA_OFFSET_MS).toISOString();
}

/** The first instant after a China-time month. */
export function monthEnd(month: string): string {
  return monthStart(nextMonth(month));
}

export function nextMonth(month: string): string {
  const [year = 0, mon = 0] = month.split('-').map(Number);
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [year = 0, mon = 0] = month.split('-').map(Number);
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
}

/** What a line says it is: the product's title and its options ("Vase (Blue, 20 cm)"). */
export function lineDescription(title: string, options: readonly string[]): string {
  return options.length > 0 ? `${title} (${options.join(', ')})` : title;
}
