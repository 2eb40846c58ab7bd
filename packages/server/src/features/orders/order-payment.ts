import type { Db, Trx } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { moveQuotaToPaidYear, releaseHolds, retakeHolds } from './order-holds.ts';
import { moveOrder } from './order-records.ts';

/**
 * A checkout's payment was confirmed (the settle-payment workflow calls this in the transaction that
 * records the payment, once). Unpaid orders become paid; an order that expired meanwhile is paid
 * too if its stock and allowance can be taken again, otherwise it must be refunded (listed).
 * Calling it again for a settled checkout changes nothing and lists nothing.
 */
export async function settleCheckout(trx: Trx, input: { checkoutId: string; paidAt: string }): Promise<{ paidOrderIds: string[]; refundOrders: Array<{ orderId: string; amountFen: number; reason?: string }> }> {
  const orders = await trx.selectFrom('orders').select(['id', 'status', 'total_fen']).where('checkout_id', '=', input.checkoutId).orderBy('id').execute();
  const paidOrderIds: string[] = [];
  const refundOrders: Array<{ orderId: string; amountFen: number; reason?: string }> = [];
  for (const order of orders) {
    if (order.status === 'pending_payment') {
      if (!(await moveQuotaToPaidYear(trx, order.id, input.paidAt))) {
        // Paid in a new year whose allowance is already spent: the order cannot stand; refunded.
        if (await moveOrder(trx, order.id, 'cancel', input.paidAt, 'paid in a new year whose cross-border allowance is used up; refunded')) {
          await releaseHolds(trx, order.id, input.paidAt);
          refundOrders.push({ orderId: order.id, amountFen: Number(order.total_fen), reason: '支付时所在年度的跨境电商交易限值已用完，全额退款 paid in a year whose cross-border allowance is used up' });
        }
        continue;
      }
      if (await moveOrder(trx, order.id, 'pay', input.paidAt)) paidOrderIds.push(order.id);
    } else if (order.status === 'cancelled') {
      const refundedAlready = await trx.selectFrom('refunds').select('id').where('order_id', '=', order.id).executeTakeFirst();
      if (refundedAlready) continue;
      if (await retakeHolds(trx, order.id, input.paidAt)) {
        if (await moveOrder(trx, order.id, 'pay_late', input.paidAt, 'payment arrived after expiry; stock reserved again')) paidOrderIds.push(order.id);
      } else {
        refundOrders.push({ orderId: order.id, amountFen: Number(order.total_fen) });
      }
    }
  }
  return { paidOrderIds, refundOrders };
}

/**
 * Cancels unpaid orders whose 30 minutes have passed and gives their stock and allowance back, a
 * few at a time, each in its own transaction. The work is found from the orders themselves, so a
 * restart loses nothing; a payment racing an expiry is settled by whichever commits first.
 */
export async function expireUnpaidOrders(db: Db, clock: Clock, batch = 100): Promise<number> {
  const now = clock().toISOString();
  const due = await db.selectFrom('orders').select('id').where('status', '=', 'pending_payment').where('expires_at', '<=', now).orderBy('expires_at').limit(batch).execute();
  let cancelled = 0;
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      if (await moveOrder(trx, id, 'expire', now, 'not paid within 30 minutes')) {
        await releaseHolds(trx, id, now);
        cancelled += 1;
      }
    });
  }
  return cancelled;
}

/** The buyer gives up an unpaid order. */
export async function cancelUnpaidOrder(trx: Trx, orderId: string, at: string): Promise<boolean> {
  if (!(await moveOrder(trx, orderId, 'cancel', at, 'cancelled by the buyer'))) return false;
  await releaseHolds(trx, orderId, at);
  return true;
}
