import type { PaymentAnomalyKind, PaymentMethod } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { chinaDate } from '../../platform/clock.ts';
import { newOutRefundNo, newOutTradeNo } from './payment.rules.ts';
import * as repo from './payment.repository.ts';

/**
 * The payments feature owns `payments`, `refunds` and `payment_anomalies`. These are the writes it
 * offers the others (the checkout and customs workflows); each runs in the caller's transaction so
 * a use case stays one transaction. Refunds owed by returns are in refund-requests.ts.
 */

/** Opens a checkout's payment (pending, with its provider's number): the placement's transaction writes it; the provider is asked after commit. */
export async function openPayment(trx: Trx, input: { checkoutId: string; provider: PaymentMethod; amountFen: number; now: Date }): Promise<string> {
  return repo.insertPayment(trx, { checkoutId: input.checkoutId, provider: input.provider, outTradeNo: newOutTradeNo(chinaDate(input.now)), amountFen: input.amountFen, now: input.now.toISOString() });
}

/** Something operators must look at (a payer who is not the buyer, a refund that failed): listed in their anomaly queue. */
export async function recordAnomaly(db: Db | Trx, input: { kind: PaymentAnomalyKind; provider: string; reference: string; details: Record<string, unknown>; at: string }): Promise<void> {
  await repo.insertAnomaly(db, { kind: input.kind, provider: input.provider, reference: input.reference, details: input.details, now: input.at });
}

/** Marks the open anomalies of a kind about one order resolved (an operator settled them elsewhere, e.g. lifted the order's hold). */
export async function resolveOrderAnomalies(trx: Trx, r: { kind: PaymentAnomalyKind; orderId: string; at: string }): Promise<void> {
  await trx
    .updateTable('payment_anomalies')
    .set({ resolved_at: r.at })
    .where('kind', '=', r.kind)
    .where('resolved_at', 'is', null)
    .where('details', 'like', `%"orderId":"${r.orderId}"%`)
    .execute();
}

/** A payment the provider confirmed: pending (or closed) → paid, once; false when it was recorded already (a repeated report). */
export async function markPaymentPaid(trx: Trx, input: { paymentId: string; transactionId: string; paidAt: string }): Promise<boolean> {
  return repo.markPaymentPaid(trx, input);
}

/**
 * Money of a payment that must go back (an order that cannot stand, a checkout paid twice): a refund
 * written requested, with the number it will be sent under fixed now; the refund worker sends it
 * after commit. Answers that number.
 */
export async function requestPaymentRefund(trx: Trx, input: { paymentId: string; orderId: string | null; amountFen: number; reason: string; now: Date }): Promise<string> {
  const outRefundNo = newOutRefundNo(chinaDate(input.now));
  await repo.insertRefund(trx, { paymentId: input.paymentId, orderId: input.orderId, outRefundNo, amountFen: input.amountFen, reason: input.reason, now: input.now.toISOString() });
  return outRefundNo;
}
