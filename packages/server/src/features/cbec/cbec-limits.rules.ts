import { chinaCalendarDate, formatCheckoutMessage, formatMajor, type Locale } from '@pavilion/contracts';

/**
 * The CBEC retail import limits (财关税〔2018〕49号 art. 1, in force since 2019-01-01): a single
 * transaction's dutiable value at most 5,000 yuan, a person's yearly total at most 26,000 yuan. The
 * service passes the limits in from configuration (cbec.md: policy values change by circular);
 * these are the defaults.
 */
export interface CbecLimits {
  perOrderFen: number;
  annualFen: number;
}

export const CBEC_LIMITS: CbecLimits = { perOrderFen: 500_000, annualFen: 2_600_000 };

/** The quota year of an instant: the calendar year in China (UTC+8), whatever the server's time zone. */
export function cbecQuotaYear(at: Date): number {
  return Number(chinaCalendarDate(at).slice(0, 4));
}

export interface QuotaOrder {
  /** When the order was paid: it counts toward the China calendar year of that instant. */
  paidAt: Date;
  dutiableValueFen: number;
  /** Dutiable value of the goods returned and refunded (0 if none): restored to the quota. */
  refundedValueFen: number;
}

/**
 * How much of the buyer's yearly quota is used (财关税〔2018〕49号 art. 1, 商财发〔2018〕486号 on returns):
 * the dutiable value of the orders paid in that China calendar year, minus what was returned and
 * refunded. A refund gives back quota in the year the order counted in, even when it comes in January.
 * The service computes the same sum in SQL over the buyer's ID-number hash; this is its definition.
 */
export function sumQuotaUsedFen(orders: readonly QuotaOrder[], year: number): number {
  let used = 0;
  for (const order of orders) {
    if (cbecQuotaYear(order.paidAt) !== year) continue;
    used += order.dutiableValueFen - Math.min(order.refundedValueFen, order.dutiableValueFen);
  }
  return used;
}

export interface CbecLimitInput {
  /** The order's dutiable value: goods actually paid + freight + insurance, fen. */
  dutiableValueFen: number;
  /**
   * The order's lines. `indivisible`: one unit of the product is one indivisible good, as its
   * exporter declared (a set or a multipack is not); only such a unit takes the single-item exception.
   */
  lines: ReadonlyArray<{ quantity: number; indivisible: boolean }>;
  /** Dutiable value the buyer already used this quota year (paid orders minus refunds), fen. */
  usedThisYearFen: number;
  limits?: CbecLimits;
}

interface Quota {
  orderValueFen: number;
  annualLimitFen: number;
  /** Before this order. */
  annualUsedFen: number;
  /** Before this order: what the buyer may still spend this year. */
  annualRemainingFen: number;
}

/**
 * The verdict on an order, for the checkout page and the API's message:
 * - `cbec`: within both limits, taxed at the CBEC rates (70%, no tariff).
 * - `general`: one indivisible item above the per-order limit but within the yearly quota
 *   (财关税〔2018〕49号 art. 2): allowed, taxed in full at general-trade rates, and counted in the quota.
 * - `ORDER_LIMIT_EXCEEDED`: more than 5,000 and not a single indivisible item; `overByFen` is what to remove.
 * - `ANNUAL_QUOTA_EXCEEDED`: the year's total would pass 26,000; `overByFen` likewise.
 * When both limits are broken the per-order one is reported (it is the one the buyer fixes first);
 * the remaining yearly quota is always given.
 */
export type CbecLimitVerdict =
  | (Quota & { ok: true; regime: 'cbec' | 'general'; annualRemainingAfterFen: number })
  | (Quota & { ok: false; code: 'ORDER_LIMIT_EXCEEDED'; limitFen: number; overByFen: number })
  | (Quota & { ok: false; code: 'ANNUAL_QUOTA_EXCEEDED'; limitFen: number; overByFen: number });

/** Checks an order against the per-order limit, the yearly quota and the single-item exception (财关税〔2018〕49号). */
export function checkCbecLimits(input: CbecLimitInput): CbecLimitVerdict {
  const limits = input.limits ?? CBEC_LIMITS;
  const value = input.dutiableValueFen;
  for (const [name, amount] of [['dutiableValueFen', value], ['usedThisYearFen', input.usedThisYearFen]] as const) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${name} must be a non-negative integer number of fen`);
  }
  const quota: Quota = {
    orderValueFen: value,
    annualLimitFen: limits.annualFen,
    annualUsedFen: input.usedThisYearFen,
    annualRemainingFen: Math.max(0, limits.annualFen - input.usedThisYearFen),
  };

  const overOrder = value - limits.perOrderFen;
  if (overOrder > 0 && !isSingleIndivisibleItem(input.lines)) {
    return { ...quota, ok: false, code: 'ORDER_LIMIT_EXCEEDED', limitFen: limits.perOrderFen, overByFen: overOrder };
  }
  const overYear = input.usedThisYearFen + value - limits.annualFen;
  if (overYear > 0) {
    return { ...quota, ok: false, code: 'ANNUAL_QUOTA_EXCEEDED', limitFen: limits.annualFen, overByFen: overYear };
  }
  return { ...quota, ok: true, regime: overOrder > 0 ? 'general' : 'cbec', annualRemainingAfterFen: limits.annualFen - input.usedThisYearFen - value };
}

/** 财关税〔2018〕49号 art. 2: "完税价格超过5000元单次交易限值但低于26000元年度交易限值，且订单下仅一件商品时". */
function isSingleIndivisibleItem(lines: CbecLimitInput['lines']): boolean {
  return lines.length === 1 && lines[0]?.quantity === 1 && lines[0].indivisible;
}

/** What the buyer reads, in their language; null when the order is simply within the limits. */
export function describeCbecLimitVerdict(verdict: CbecLimitVerdict, options: { locale: Locale; year: number; limits?: CbecLimits }): string | null {
  const limits = options.limits ?? CBEC_LIMITS;
  if (verdict.ok) {
    return verdict.regime === 'general' ? formatCheckoutMessage('singleItemFullTax', options.locale, { limit: formatYuan(limits.perOrderFen) }) : null;
  }
  const values = {
    value: formatYuan(verdict.orderValueFen),
    over: formatYuan(verdict.overByFen),
    limit: formatYuan(verdict.limitFen),
    remaining: formatYuan(verdict.annualRemainingFen),
    year: options.year,
  };
  return formatCheckoutMessage(verdict.code === 'ORDER_LIMIT_EXCEEDED' ? 'orderLimitExceeded' : 'annualQuotaExceeded', options.locale, values);
}

/** 123456789 fen → "1,234,567.89". */
export function formatYuan(fen: number): string {
  return formatMajor(fen, 'CNY').replace(/\B(?=(\d{3})+\.)/g, ',');
}
