import { z } from 'zod';

/**
 * ISO 4217 minor-unit digits of the currencies Pavilion prices in. VUV has no minor unit.
 * Amounts are integers in minor units (fen, paisa, cents, vatu) everywhere; never floats.
 */
export const currencies = {
  CNY: { digits: 2, en: 'Chinese yuan', zh: '人民币', symbol: '¥' },
  PKR: { digits: 2, en: 'Pakistani rupee', zh: '巴基斯坦卢比', symbol: 'Rs' },
  FJD: { digits: 2, en: 'Fijian dollar', zh: '斐济元', symbol: 'FJ$' },
  WST: { digits: 2, en: 'Samoan tālā', zh: '萨摩亚塔拉', symbol: 'WS$' },
  TOP: { digits: 2, en: "Tongan pa'anga", zh: '汤加潘加', symbol: 'T$' },
  VUV: { digits: 0, en: 'Vanuatu vatu', zh: '瓦努阿图瓦图', symbol: 'VT' },
  PGK: { digits: 2, en: 'Papua New Guinean kina', zh: '巴布亚新几内亚基那', symbol: 'K' },
  SBD: { digits: 2, en: 'Solomon Islands dollar', zh: '所罗门群岛元', symbol: 'SI$' },
  USD: { digits: 2, en: 'US dollar', zh: '美元', symbol: 'US$' },
} as const;

export type CurrencyCode = keyof typeof currencies;
export const currencyCodes = Object.keys(currencies) as [CurrencyCode, ...CurrencyCode[]];
export const currencySchema = z.enum(currencyCodes);

export interface Money {
  /** Integer minor units. */
  amount: number;
  currency: CurrencyCode;
}

/**
 * Bounds of every money and quantity input, chosen so that every amount derived from them stays a
 * safe integer (below 2^53 ≈ 9.007e15) in JavaScript, and below 2^63 inside the SQL that converts
 * listing prices, whatever the allowed rate:
 *
 * - A unit price is at most 1e9 minor units (10,000,000.00 in a currency with cents, 1e9 vatu).
 * - An exchange rate is at least 0.0001 yuan per unit and at most 0.2 yuan per minor unit: 20 yuan
 *   per unit of a currency with cents (USD, the strongest Pavilion prices in, is about 7), 0.2 per
 *   vatu (about 0.06). A rate outside is a typing error. So a unit price is at most
 *   1e9 × 0.2 yuan = ¥200,000,000 = 2e10 fen, in every currency.
 * - A traded quantity (inquiry, RFQ, quote tier, product MOQ and tiers, B2B order) is at most
 *   100,000 units of its unit (pieces, kg, tonnes, cartons…): a whole quantity at the highest price
 *   is at most 2e15 fen, or 1e14 minor units in its own currency, leaving room for a sum of a few.
 * - A cart line is at most 999 units (orders.ts): a retail line is at most 2e13 fen; tax, at most
 *   about 8,000 times the value with the 1/(1−c) gross-up of a 9,999 bp consumption tax, is only
 *   reached by a single item (the ¥5,000 order limit is checked first), at most ~1.6e14 fen.
 * - Listing prices are converted in SQL as price × rate × 200: at most 1e9 × 2e7 × 200 = 4e18,
 *   below PostgreSQL's bigint limit of 9.2e18.
 * - Freight prices are at most ¥10,000 per first weight or step (of at least 1 g); a cart line weighs
 *   at most 999 × 1,000 kg, so freight stays below 1e15 fen.
 * Converting yuan back into a currency (fromCnyFen) is done at the rate the amount was converted
 * with, so it comes back within the same bounds in minor units.
 */
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000;
export const MAX_TRADE_QUANTITY = 100_000;
/** The highest whole amount of a traded quantity, in minor units (a B2B order's total or payment). */
export const MAX_TOTAL_MINOR = MAX_UNIT_PRICE_MINOR * MAX_TRADE_QUANTITY;
export const MIN_RATE_MICRO = 100;
/** At most 0.2 yuan per minor unit, in millionths of a yuan per major unit. */
export function maxRateMicro(currency: CurrencyCode): number {
  return 200_000 * 10 ** currencies[currency].digits;
}

/** A unit price (or sample price) in minor units: integer, 0 to 1e9. */
export const unitPriceMinorSchema = z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR);
/** A quantity of goods traded between businesses: 1–100,000 units of its unit. */
export const tradeQuantitySchema = z.number().int().min(1).max(MAX_TRADE_QUANTITY);

export const moneySchema = z.object({
  amount: z.number().int().refine(Number.isSafeInteger, { message: 'must be a safe integer' }),
  currency: currencySchema,
});

/** Round half up (away from zero for positives) of numerator / denominator, in integers. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/** Parses a decimal string ("1234.5", "1,234.50", "1500") in the currency's major unit into minor units. */
export function parseMajor(text: string, currency: CurrencyCode): number | null {
  const digits = currencies[currency].digits;
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const amount = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return amount <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(amount) : null;
}

/** Minor units → a plain decimal string in the major unit: 123456 CNY → "1234.56"; 1500 VUV → "1500". */
export function formatMajor(amount: number, currency: CurrencyCode): string {
  const digits = currencies[currency].digits;
  const negative = amount < 0;
  const abs = BigInt(Math.abs(amount));
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const unit = 10n ** BigInt(digits);
  return `${negative ? '-' : ''}${abs / unit}.${(abs % unit).toString().padStart(digits, '0')}`;
}

/**
 * Exchange rates are CNY per one major unit of the foreign currency, kept as an integer number of
 * millionths (3.1825 CNY per FJD → 3_182_500), so conversion stays in integers.
 */
export const RATE_SCALE = 1_000_000;

export function parseRate(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  const micro = Number(match[1]) * RATE_SCALE + Number((match[2] ?? '').padEnd(6, '0') || '0');
  return Number.isSafeInteger(micro) && micro > 0 ? micro : null;
}

/** True for a rate operators may enter for the currency: 0.0001 yuan per unit to 0.2 yuan per minor unit (see the bounds above). */
export function isAllowedRate(text: string, currency: CurrencyCode): boolean {
  const micro = parseRate(text);
  return micro !== null && micro >= MIN_RATE_MICRO && micro <= maxRateMicro(currency);
}

export function formatRate(rateMicro: number): string {
  const whole = Math.floor(rateMicro / RATE_SCALE);
  const fraction = String(rateMicro % RATE_SCALE).padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Converts foreign minor units into CNY fen at a rate, rounded half up to the fen. */
export function toCnyFen(amount: number, currency: CurrencyCode, rateMicro: number): number {
  if (currency === 'CNY') return amount;
  const digits = currencies[currency].digits;
  // fen = amount / 10^digits × rate / 10^6 × 100
  const fen = divideRoundHalfUp(BigInt(amount) * BigInt(rateMicro) * 100n, 10n ** BigInt(digits) * BigInt(RATE_SCALE));
  return Number(fen);
}

/** Converts CNY fen into the currency's minor units at a rate, rounded half up (settlement, quotes). */
export function fromCnyFen(fen: number, currency: CurrencyCode, rateMicro: number): number {
  if (currency === 'CNY') return fen;
  const digits = currencies[currency].digits;
  return Number(divideRoundHalfUp(BigInt(fen) * 10n ** BigInt(digits) * BigInt(RATE_SCALE), BigInt(rateMicro) * 100n));
}

/**
 * Splits a total into parts proportional to weights, each rounded, so the parts add up to the total
 * exactly (largest remainder; ties go to the earlier part).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    const parts = weights.map(() => 0);
    parts[0] = total;
    return parts;
  }
  const T = BigInt(total);
  const S = BigInt(sum);
  const floors = weights.map((w) => (T * BigInt(w)) / S);
  const remainders = weights.map((w, i) => ({ i, r: T * BigInt(w) - (floors[i] ?? 0n) * S }));
  let left = T - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map(Number);
}
