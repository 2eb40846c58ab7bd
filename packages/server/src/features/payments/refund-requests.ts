import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueRefund } from './refund-job.ts';

/**
 * How other features owe a refund (returns): a `refunds` row written in their own transaction,
 * status requested, with a number they fix, and its send-refund job in the same transaction; the
 * job sends it after commit, and a resend after a crash is the same refund to the provider because
 * the number never changes.
 */

export type RefundState = 'requested' | 'processing' | 'succeeded' | 'failed';

/**
 * Writes a refund of `amountFen` from the paid payment of the order's checkout. Null when the
 * checkout has no paid payment (nothing to refund from). One per return: the unique index on
 * refunds.return_id refuses a second.
 */
export async function requestOrderRefund(
  trx: Trx,
  input: { orderId: string; returnId: string; outRefundNo: string; amountFen: number; reason: string; now: string },
): Promise<{ refundId: string } | null> {
  const payment = await trx
    .selectFrom('payments')
    .innerJoin('orders', 'orders.checkout_id', 'payments.checkout_id')
    .select(['payments.id'])
    .where('orders.id', '=', input.orderId)
    .where('payments.status', '=', 'paid')
    .orderBy('payments.paid_at')
    .executeTakeFirst();
  if (!payment) return null;
  const refundId = newId();
  await trx
    .insertInto('refunds')
    .values({ id: refundId, payment_id: payment.id, order_id: input.orderId, return_id: input.returnId, out_refund_no: input.outRefundNo, amount_fen: input.amountFen, reason: input.reason, status: 'requested', created_at: input.now, completed_at: null })
    .execute();
  await enqueueRefund(trx, { refundId, now: input.now });
  return { refundId };
}

/** The refund state of each return that has one. */
export async function refundStatesOfReturns(db: Db | Trx, returnIds: readonly string[]): Promise<Map<string, RefundState>> {
  if (returnIds.length === 0) return new Map();
  const rows = await db.selectFrom('refunds').select(['return_id', 'status']).where('return_id', 'in', [...returnIds]).execute();
  return new Map(rows.flatMap((r) => (r.return_id ? [[r.return_id, r.status] as const] : [])));
}

/** The return a refund pays, if any. */
export async function returnOfRefund(trx: Trx, refundId: string): Promise<string | null> {
  const row = await trx.selectFrom('refunds').select('return_id').where('id', '=', refundId).executeTakeFirst();
  return row?.return_id ?? null;
}
