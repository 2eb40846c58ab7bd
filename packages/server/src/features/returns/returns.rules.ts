import { randomInt } from 'node:crypto';
import { allocate, returnReasons, type OrderStatus, type ReturnReason, type ReturnStage, type ReturnStatus } from '@pavilion/contracts';

/**
 * Returns as pure rules: who may return what and until when, the return's states as a table, and
 * what goes back (money and yearly allowance), in integer fen.
 */

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * 海关总署公告2018年第194号: a return is asked for within 30 days of customs release, and the goods
 * are back in the original customs zone within 45 days of it.
 */
export const RETURN_WINDOW_DAYS = 30;
export const RETURN_ARRIVAL_DAYS = 45;
/** 《网络购买商品七日无理由退货暂行办法》: 7 days from receipt for a return without a reason. */
export const NO_REASON_DAYS = 7;

/**
 * Only goods the buyer has: delivered or completed. A shipped order is not returnable yet: the
 * parcel is still with the carrier, and a refusal at the door is the fulfilment side's (the goods
 * never reached the buyer, so there is nothing to send back).
 */
export const RETURNABLE_ORDER_STATUSES: readonly OrderStatus[] = ['delivered', 'completed'];

/**
 * The end of the China calendar day `days` after the one `at` falls on (exclusive), as an instant:
 * released on 1 December (China time) → requests until 31 December 23:59:59.999 China time.
 */
export function endOfChinaDayAfter(at: string, days: number): Date {
  const chinaMidnight = Math.floor((Date.parse(at) + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return new Date(chinaMidnight + (days + 1) * DAY_MS);
}

/** The last China day a return may be asked for (for messages), "2026-12-31". */
export const lastChinaDay = (deadline: Date): string => new Date(deadline.getTime() - 1 + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export type EligibilityProblem =
  | { problem: 'not_returnable'; status: OrderStatus }
  | { problem: 'not_released' }
  | { problem: 'window_closed'; lastDay: string; rule: 'release_30_days' | 'no_reason_7_days' };

/** Whether an order may be returned now, for this reason; null when it may. */
export function checkEligibility(input: {
  status: OrderStatus;
  releasedAt: string | null;
  deliveredAt: string | null;
  reason: ReturnReason;
  now: Date;
}): EligibilityProblem | null {
  if (!RETURNABLE_ORDER_STATUSES.includes(input.status)) return { problem: 'not_returnable', status: input.status };
  if (!input.releasedAt) return { problem: 'not_released' };
  const releaseDeadline = endOfChinaDayAfter(input.releasedAt, RETURN_WINDOW_DAYS);
  if (input.now.getTime() >= releaseDeadline.getTime()) return { problem: 'window_closed', lastDay: lastChinaDay(releaseDeadline), rule: 'release_30_days' };
  if (returnReasons[input.reason].noReason) {
    // Delivered orders always carry delivered_at; should one not, the release counts as the receipt.
    const noReasonDeadline = endOfChinaDayAfter(input.deliveredAt ?? input.releasedAt, NO_REASON_DAYS);
    if (input.now.getTime() >= noReasonDeadline.getTime()) return { problem: 'window_closed', lastDay: lastChinaDay(noReasonDeadline), rule: 'no_reason_7_days' };
  }
  return null;
}

/** The day the goods must be back in the customs zone. */
export const arriveBy = (releasedAt: string): string => lastChinaDay(endOfChinaDayAfter(releasedAt, RETURN_ARRIVAL_DAYS));

/**
 * A late return: the goods reach the customs zone after the 45th China day from release (海关总署
 * 公告2018年第194号). Customs then does not take them back as a cross-border return: the tax it was
 * paid stays levied and the buyer's yearly allowance stays used. `at` is when they arrived (or now,
 * for goods still on their way: then "late" means they can no longer arrive in time).
 */
export const isLateArrival = (releasedAt: string, at: Date): boolean => at.getTime() >= endOfChinaDayAfter(releasedAt, RETURN_ARRIVAL_DAYS).getTime();

export interface LineAvailability {
  orderLineId: string;
  bought: number;
  /** Units in returns that are not refused (open, received or refunded). */
  taken: number;
}

export type QuantityProblem = { orderLineId: string; asked: number; left: number; rule: 'not_in_order' | 'duplicate_line' | 'too_many' };

/**
 * Each asked line must be of the order, once, and ask no more than bought less what other
 * returns (not refused) already hold: so no unit is in two open requests.
 */
export function checkQuantities(asked: ReadonlyArray<{ orderLineId: string; quantity: number }>, lines: readonly LineAvailability[]): QuantityProblem[] {
  const problems: QuantityProblem[] = [];
  const seen = new Set<string>();
  for (const a of asked) {
    const line = lines.find((l) => l.orderLineId === a.orderLineId);
    if (!line) {
      problems.push({ orderLineId: a.orderLineId, asked: a.quantity, left: 0, rule: 'not_in_order' });
      continue;
    }
    const left = Math.max(0, line.bought - line.taken);
    if (seen.has(a.orderLineId)) problems.push({ orderLineId: a.orderLineId, asked: a.quantity, left, rule: 'duplicate_line' });
    else if (a.quantity > left) problems.push({ orderLineId: a.orderLineId, asked: a.quantity, left, rule: 'too_many' });
    seen.add(a.orderLineId);
  }
  return problems;
}

// ---- The return's states ----

export const returnActions = ['approve', 'refuse', 'ship_back', 'receive', 'refund'] as const;
export type ReturnAction = (typeof returnActions)[number];

/**
 * Each action names the states it may leave and the one it reaches. No "refund only" without the
 * goods: the tax is not levied and the allowance comes back only for goods that re-enter the
 * customs zone (海关总署公告2018年第194号), so every approved return travels back.
 */
const returnTransitions: Record<ReturnAction, { from: readonly ReturnStatus[]; to: ReturnStatus }> = {
  // The exporter or the pavilion's operator accepts the request.
  approve: { from: ['requested'], to: 'approved' },
  // … or refuses it, saying why.
  refuse: { from: ['requested'], to: 'refused' },
  // The buyer sent the parcel back and gave its carrier and tracking number (a correction is allowed while in transit).
  ship_back: { from: ['approved', 'return_shipped'], to: 'return_shipped' },
  // The goods arrived: the refund and the allowance are written in the same transaction.
  receive: { from: ['return_shipped'], to: 'received' },
  // The provider confirmed the refund.
  refund: { from: ['received'], to: 'refunded' },
};

export function nextReturnStatus(current: ReturnStatus, action: ReturnAction): ReturnStatus | null {
  const rule = returnTransitions[action];
  return rule.from.includes(current) ? rule.to : null;
}

export const returnStatesLeftBy = (action: ReturnAction): readonly ReturnStatus[] => returnTransitions[action].from;

/** Units of a return that is not refused still count against the line (open, received or refunded). */
export const holdsUnits = (status: ReturnStatus): boolean => status !== 'refused';

/** The queue's stage: the status, with `received` told apart by its refund's state. */
export function returnStage(status: ReturnStatus, refundStatus: 'requested' | 'processing' | 'succeeded' | 'failed' | null): ReturnStage {
  switch (status) {
    case 'return_shipped':
      return 'in_transit';
    case 'received':
      if (refundStatus === 'failed') return 'refund_failed';
      if (refundStatus === 'processing' || refundStatus === 'succeeded') return 'refunding';
      return 'received';
    default:
      return status;
  }
}

// ---- Money and allowance ----

/**
 * The part of `total` that belongs to the first `units` of `quantity`, by the one allocation
 * function: cumulative, so the returns of one line, taken one after another, add up to the line
 * exactly (share(quantity) = total) and none goes back twice.
 */
export function shareOfUnits(total: number, units: number, quantity: number): number {
  if (units <= 0) return 0;
  if (units >= quantity) return total;
  return allocate(total, [units, quantity - units])[0] ?? 0;
}

export interface OrderLineAmounts {
  orderLineId: string;
  quantity: number;
  goodsFen: number;
  freightFen: number;
  taxFen: number;
}

export interface RefundLine {
  orderLineId: string;
  quantity: number;
  goodsFen: number;
  taxFen: number;
  quotaFen: number;
}

export interface RefundAmounts {
  lines: RefundLine[];
  goodsFen: number;
  taxFen: number;
  freightFen: number;
  /** goods + tax + freight. */
  refundFen: number;
  /** What the buyer's yearly allowance gets back. */
  quotaFen: number;
  /** Whether this return brings the whole order back. */
  wholeOrder: boolean;
}

/**
 * What a return gives back, per line: the goods and their tax (the tax is not levied on returned
 * goods) for the units returned; the freight only when, with this return, every unit of the order
 * has come back (the parcel was delivered; a part of it does not undo the carriage). The yearly
 * allowance gets back the returned part of the order's dutiable value: orders.quota_fen allocated
 * to the lines by their dutiable value (goods + freight), then to units like the goods.
 *
 * The freight is the order's, not a line's: it goes back whole, less any freight given back before.
 *
 * `before` is what earlier returns with fixed amounts (received or refunded) took, per line, in units.
 */
export function refundAmounts(input: {
  orderLines: readonly OrderLineAmounts[];
  orderQuotaFen: number;
  before: ReadonlyMap<string, number>;
  /** Freight already given back by earlier returns of the order. */
  freightBeforeFen: number;
  returned: ReadonlyArray<{ orderLineId: string; quantity: number }>;
  /**
   * The goods came back after the 45th day: the tax is not refunded and the allowance not restored
   * (customs keeps the tax it was paid and counts the purchase). The buyer still gets back what the
   * seller was paid: the goods and, as on time, the freight once the whole order is back.
   */
  late?: boolean;
}): RefundAmounts {
  const quotaByLine = allocate(input.orderQuotaFen, input.orderLines.map((l) => l.goodsFen + l.freightFen));
  const asked = new Map<string, number>();
  for (const r of input.returned) asked.set(r.orderLineId, (asked.get(r.orderLineId) ?? 0) + r.quantity);
  const wholeOrder = input.orderLines.every((l) => (input.before.get(l.orderLineId) ?? 0) + (asked.get(l.orderLineId) ?? 0) >= l.quantity);

  const lines: RefundLine[] = [];
  input.orderLines.forEach((line, index) => {
    const quantity = asked.get(line.orderLineId);
    if (!quantity) return;
    const from = Math.min(line.quantity, input.before.get(line.orderLineId) ?? 0);
    const to = Math.min(line.quantity, from + quantity);
    const part = (total: number) => shareOfUnits(total, to, line.quantity) - shareOfUnits(total, from, line.quantity);
    lines.push({
      orderLineId: line.orderLineId,
      quantity,
      goodsFen: part(line.goodsFen),
      taxFen: input.late ? 0 : part(line.taxFen),
      quotaFen: input.late ? 0 : part(quotaByLine[index] ?? 0),
    });
  });
  const sum = (pick: (l: RefundLine) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const goodsFen = sum((l) => l.goodsFen);
  const taxFen = sum((l) => l.taxFen);
  const orderFreightFen = input.orderLines.reduce((n, l) => n + l.freightFen, 0);
  const freightFen = wholeOrder ? Math.max(0, orderFreightFen - input.freightBeforeFen) : 0;
  return { lines, goodsFen, taxFen, freightFen, refundFen: goodsFen + taxFen + freightFen, quotaFen: sum((l) => l.quotaFen), wholeOrder };
}

/** The allowance after giving `fen` back: never below zero. */
export const restoredQuota = (usedFen: number, fen: number): number => Math.max(0, usedFen - fen);

// ---- Numbers ----

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * "RT20261201-7K3Q9M": the China date and six random characters. It is also the refund's
 * out_refund_no (WeChat allows [0-9A-Za-z_-|*@], 1–64), so the refund a return owes has one number
 * whoever sends it and however often.
 */
export function returnNumber(chinaDay: string): string {
  return `RT${chinaDay.replaceAll('-', '')}-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}

/** The refund's number for a return: fixed by the return, never drawn again. */
export const outRefundNoOf = (returnNo: string): string => returnNo;

/** Whole hours between two instants (the queue's age). */
export const hoursBetween = (from: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 3_600_000));

/** A timeline note in both languages, as the order's events carry them. */
export const bilingualNote = (zh: string, en: string): string => `${zh} / ${en}`;
