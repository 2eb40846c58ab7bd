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
