import type { Return } from '@pavilion/contracts';
import type { Db, Trx } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { Caller } from '../platform/sessions.ts';
import { restoreQuota } from '../features/orders/index.ts';
import { moveOrder } from '../features/orders/index.ts';
import type { SettleRefund } from '../features/payments/index.ts';
import { requestOrderRefund, returnOfRefund } from '../features/payments/index.ts';
import { bilingualNote, outRefundNoOf } from '../features/returns/index.ts';
import type { ReturnService, StaffSide } from '../features/returns/index.ts';

export interface RefundReturnDeps {
  db: Db;
  clock: Clock;
  returns: ReturnService;
  /** Wakes the refund sender after a commit that wrote a refund. */
  onRefundsRequested?: () => void;
}

export interface RefundReturn {
  /** The exporter or operator says the goods are back (POST /returns/:id/received). */
  receive(caller: Caller | null, side: StaffSide, id: string, note: string): Promise<Return>;
  /** Payments says how a refund ended (inside its transaction, once per refund): payments' SettleRefund. */
  refundEnded: SettleRefund;
}

/**
 * Refund a return: the goods reach the exporter (or the bonded zone), the buyer gets the money and the
 * yearly allowance back (海关总署公告2018年第194号: tax is not levied on goods returned in time), and
 * the order is refunded once every unit of it came back.
 *
 * The refund is written in the transaction that records the goods as received, and the payment
 * worker sends it after commit with the return's own number as out_refund_no, so a crash at any
 * moment leaves either no refund or one refund that is sent, resent or queried under the same
 * number until the provider says how it ended (then `refundEnded` finishes the return, once).
 */
export function refundReturnWorkflow(deps: RefundReturnDeps): RefundReturn {
  const { db, clock, returns } = deps;
  const onRefundsRequested = deps.onRefundsRequested ?? (() => {});

  /** The return is refunded; the order too once every unit of it came back and was refunded. */
  async function finishRefunded(trx: Trx, returnId: string, at: string): Promise<void> {
    const refunded = await returns.markRefunded(trx, returnId, at);
    if (refunded?.wholeOrderBack) await moveOrder(trx, refunded.orderId, 'return_refunded', at, bilingualNote('全部商品已退货退款', 'every item was returned and refunded'));
  }

  return {
    async receive(caller, side, id, note) {
      const { scope, userId } = returns.staffScope(caller, side);
      const at = clock().toISOString();
      const refundOwed = await db.transaction().execute(async (trx) => {
        // 1. Returns: received, the amounts fixed (no tax and no allowance back after the 45th day).
        const received = await returns.markReceived(trx, scope, id, { userId, note, at });
        // 2. Orders: the buyer's yearly allowance gets the returned part back.
        if (received.quotaFen > 0) await restoreQuota(trx, received.orderId, received.quotaFen);
        // 3. Nothing to send (goods given free): the return is refunded at once.
        if (received.refundFen === 0) {
          await finishRefunded(trx, id, at);
          return false;
        }
        // 4. Payments: the refund is owed, from the order's paid payment, under the return's number.
        const refund = await requestOrderRefund(trx, { orderId: received.orderId, returnId: id, outRefundNo: outRefundNoOf(received.number), amountFen: received.refundFen, reason: `退货退款 ${received.number} return refund`, now: at });
        if (!refund) throw new Error(`order ${received.orderId} has no paid payment to refund from`);
        return true;
      });
      // 5. After commit: the refund sender sends it now rather than at its next tick.
      if (refundOwed) onRefundsRequested();
      return returns.staffReturn(scope, id);
    },

    async refundEnded(trx, input) {
      // The refunds of returns only; a late payment's or a duplicate's refund ends in payments alone.
      const returnId = await returnOfRefund(trx, input.refundId);
      if (!returnId) return;
      if (input.state === 'failed') await returns.markRefundFailed(trx, returnId, input.at);
      else await finishRefunded(trx, returnId, input.at);
    },
  };
}
