import type { Db } from '../db/database.ts';
import { settleCheckout } from '../features/orders/index.ts';
import { findOrderNumber } from '../features/orders/index.ts';
import { markPaymentPaid, recordAnomaly, requestPaymentRefund } from '../features/payments/index.ts';
import type { SettlePayment } from '../features/payments/index.ts';

/**
 * Settle a payment: the provider says a checkout's payment went through (its notification, our
 * query when that is late, the sandbox page, or an attempt found paid while being closed). The
 * payments feature checks the report (signature, number, amount) and hands it here; this records it
 * exactly once, in one transaction, then wakes the refund sender if money must go back.
 */
export function settlePaymentWorkflow(deps: { db: Db; onRefundsRequested?: () => void }): SettlePayment {
  const { db } = deps;
  const onRefundsRequested = deps.onRefundsRequested ?? (() => {});
  return async ({ payment, method, transactionId, paidAt, reported, now }) => {
    const at = now.toISOString();
    const recorded = await db.transaction().execute(async (trx) => {
      // 1. Payments: pending → paid. The conditional update is the once-only guard: a report repeated
      //    by the provider, or racing our own query, stops here.
      if (!(await markPaymentPaid(trx, { paymentId: payment.id, transactionId, paidAt }))) return { fresh: false, refunds: 0 };

      // 2. Orders: the checkout's unpaid orders are paid (their allowance moved to the year paid in);
      //    expired ones are revived if their stock and allowance can be taken again.
      const settled = await settleCheckout(trx, { checkoutId: payment.checkoutId, paidAt });

      // 3. Payments: a checkout settled already by another attempt (both paid): this money buys
      //    nothing and goes back whole, shown to operators.
      if (settled.paidOrderIds.length === 0 && settled.refundOrders.length === 0) {
        const outRefundNo = await requestPaymentRefund(trx, { paymentId: payment.id, orderId: null, amountFen: payment.amountFen, reason: '重复支付退款 duplicate payment', now });
        await recordAnomaly(trx, { kind: 'duplicate_payment_refunded', provider: method, reference: payment.outTradeNo, details: { ...reported, checkoutId: payment.checkoutId, outRefundNo, refundFen: payment.amountFen }, at });
        return { fresh: true, refunds: 1 };
      }

      // 4. Payments: each order that cannot stand (expired and its stock gone, or paid in a year
      //    whose allowance is spent) is refunded in full, shown to operators.
      for (const order of settled.refundOrders) {
        const outRefundNo = await requestPaymentRefund(trx, { paymentId: payment.id, orderId: order.orderId, amountFen: order.amountFen, reason: order.reason ?? '订单已超时关闭，库存不足，全额退款 order expired, out of stock', now });
        const orderNumber = await findOrderNumber(trx, order.orderId);
        await recordAnomaly(trx, { kind: 'late_payment_refunded', provider: method, reference: payment.outTradeNo, details: { ...reported, orderId: order.orderId, orderNumber, outRefundNo, refundFen: order.amountFen }, at });
      }
      return { fresh: true, refunds: settled.refundOrders.length };
    });
    // 5. After commit: refunds owed are sent now rather than at the worker's next tick.
    if (recorded.refunds > 0) onRefundsRequested();
    return recorded;
  };
}
