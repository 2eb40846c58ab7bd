import { randomInt } from 'node:crypto';
import type { PaymentMethod } from '@pavilion/contracts';
import { PaymentProviderError, type PaymentTransaction, type RefundStatus } from './payment-provider.ts';

/**
 * The payment rules, without a database or HTTP: what a provider's report means for our payment,
 * what a provider's failure means for a refund, and our numbers.
 */

/** Our payment as far as a notification is concerned. */
export interface KnownPayment {
  provider: PaymentMethod;
  amountFen: number;
}

/**
 * What to do with a verified report of a transaction:
 * - ignore: not paid (NOTPAY, CLOSED, …): nothing happened that we must record;
 * - unknown_order: no payment of ours by that number with that provider (refused, shown to operators);
 * - amount_mismatch: the order's amount differs from ours (refused, shown to operators);
 * - apply: record the payment and settle the checkout.
 *
 * The amount compared is the order total the provider charged against, not what the buyer paid out
 * of pocket: a WeChat coupon lowers payer_total, and that is WeChat's money, not a short payment.
 */
export function judgeTransaction(payment: KnownPayment | null, method: PaymentMethod, transaction: PaymentTransaction): 'ignore' | 'unknown_order' | 'amount_mismatch' | 'apply' {
  // REFUND: paid, then (partly) refunded at the provider; still a payment we must have on record.
  if ((transaction.tradeState !== 'SUCCESS' && transaction.tradeState !== 'REFUND') || !transaction.transactionId) return 'ignore';
  if (!payment || payment.provider !== method) return 'unknown_order';
  const total = transaction.amount.total;
  if (total.currency !== 'CNY' || total.amount !== payment.amountFen) return 'amount_mismatch';
  return 'apply';
}

/** Where a refund stands after the provider answered. */
export function refundStateOf(status: RefundStatus): 'succeeded' | 'processing' | 'failed' {
  if (status === 'SUCCESS') return 'succeeded';
  if (status === 'PROCESSING') return 'processing';
  // CLOSED or ABNORMAL (e.g. the buyer's card was cancelled): a person must settle it.
  return 'failed';
}

/**
 * Whether a failed refund call is over for good. Only a refusal we can trust is final: our own
 * input refused before sending, or an error answer the provider signed that says retrying will
 * not help. Everything else (no answer, 5xx, an unsigned page, a tampered answer) may or may not
 * have reached the provider, so the same out_refund_no is sent again later: the provider treats it
 * as the same refund, which is what makes the retry safe.
 */
export function refundFailureIsFinal(error: unknown): boolean {
  if (!(error instanceof PaymentProviderError)) return false;
  if (error.code === 'INVALID_REQUEST') return true;
  return error.code === 'PROVIDER_ERROR' && error.authenticated && !error.retryable;
}

// Crockford's base 32: no I, L, O, U, so a number read out on the phone is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const compactDay = (chinaDay: string) => chinaDay.replaceAll('-', '');

/** Our payment number as the provider knows it (WeChat: 6–32 of [0-9A-Za-z_-|*]): "PV20261123" and 12 random characters. */
export function newOutTradeNo(chinaDay: string): string {
  return `PV${compactDay(chinaDay)}${randomCode(12)}`;
}

/** Our refund number (WeChat: 1–64 of [0-9A-Za-z_-|*@]); made once when the refund is decided, then only re-sent. */
export function newOutRefundNo(chinaDay: string): string {
  return `RF${compactDay(chinaDay)}${randomCode(12)}`;
}

/** WeChat shows at most 127 characters in the payment sheet and the buyer's bill. */
export const MAX_DESCRIPTION_CHARS = 127;

/**
 * What the buyer sees in the payment sheet for a checkout: the same text every time for the same
 * orders, because WeChat accepts the same out_trade_no again only with the same description.
 */
export function describeCheckout(orders: Array<{ number: string; firstTitleZh: string | null }>): string {
  const sorted = [...orders].sort((a, b) => a.number.localeCompare(b.number));
  const first = sorted[0];
  if (!first) return 'Pavilion 跨境购';
  const more = sorted.length > 1 ? ` 等${sorted.length}单` : '';
  const text = `Pavilion ${first.number}${more}${first.firstTitleZh ? ` ${first.firstTitleZh}` : ''}`;
  return [...text].slice(0, MAX_DESCRIPTION_CHARS).join('');
}

/** "¥1,234.50" from fen, for the sandbox page. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
