import type { PaymentAnomalyKind, PaymentMethod } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueRefund } from './refund-job.ts';

/** Queries only: the payment service decides. Each takes the database or a transaction first. */

export interface PaymentRow {
  id: string;
  checkoutId: string;
  provider: PaymentMethod;
  outTradeNo: string;
  amountFen: number;
  status: 'pending' | 'paid' | 'closed';
  transactionId: string | null;
  createdAt: string;
}

const paymentColumns = ['id', 'checkout_id', 'provider', 'out_trade_no', 'amount_fen', 'status', 'transaction_id', 'created_at'] as const;

function toPayment(row: { id: string; checkout_id: string; provider: PaymentMethod; out_trade_no: string; amount_fen: number; status: PaymentRow['status']; transaction_id: string | null; created_at: string | Date }): PaymentRow {
  return {
    id: row.id,
    checkoutId: row.checkout_id,
    provider: row.provider,
    outTradeNo: row.out_trade_no,
    amountFen: Number(row.amount_fen),
    status: row.status,
    transactionId: row.transaction_id,
    createdAt: String(row.created_at),
  };
}

export async function findPaymentById(db: Db | Trx, id: string): Promise<PaymentRow | null> {
  const row = await db.selectFrom('payments').select(paymentColumns).where('id', '=', id).executeTakeFirst();
  return row ? toPayment(row) : null;
}

export async function findPaymentByOutTradeNo(db: Db | Trx, outTradeNo: string): Promise<PaymentRow | null> {
  const row = await db.selectFrom('payments').select(paymentColumns).where('out_trade_no', '=', outTradeNo).executeTakeFirst();
  return row ? toPayment(row) : null;
}

/**
 * The attempt that speaks for the checkout: a paid one if any, else the newest still open, else
 * the newest closed (creation times can tie within a millisecond; the status cannot mislead).
 */
export async function findCurrentPayment(db: Db | Trx, checkoutId: string): Promise<PaymentRow | null> {
  const rows = (await db.selectFrom('payments').select(paymentColumns).where('checkout_id', '=', checkoutId).orderBy('created_at', 'desc').execute()).map(toPayment);
  return rows.find((p) => p.status === 'paid') ?? rows.find((p) => p.status === 'pending') ?? rows[0] ?? null;
}

export async function insertPayment(db: Db | Trx, input: { checkoutId: string; provider: PaymentMethod; outTradeNo: string; amountFen: number; now: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('payments')
    .values({ id, checkout_id: input.checkoutId, provider: input.provider, out_trade_no: input.outTradeNo, amount_fen: input.amountFen, status: 'pending', transaction_id: null, paid_at: null, created_at: input.now })
    .execute();
  return id;
}

/** pending (or closed: see the service) → paid; false when it was already paid (a repeated report). */
export async function markPaymentPaid(trx: Trx, input: { paymentId: string; transactionId: string; paidAt: string }): Promise<boolean> {
  const updated = await trx
    .updateTable('payments')
    .set({ status: 'paid', transaction_id: input.transactionId, paid_at: input.paidAt })
    .where('id', '=', input.paymentId)
    .where('status', 'in', ['pending', 'closed'])
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function markPaymentClosed(db: Db | Trx, paymentId: string): Promise<boolean> {
  const updated = await db.updateTable('payments').set({ status: 'closed' }).where('id', '=', paymentId).where('status', '=', 'pending').executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export interface CheckoutOrders {
  id: string;
  buyerUserId: string;
  totalFen: number;
  orders: Array<{ id: string; number: string; status: string; expiresAt: string; pavilionId: string; firstTitleZh: string | null }>;
}

export async function findCheckout(db: Db | Trx, checkoutId: string): Promise<CheckoutOrders | null> {
  const checkout = await db.selectFrom('checkouts').select(['id', 'buyer_user_id', 'total_fen']).where('id', '=', checkoutId).executeTakeFirst();
  if (!checkout) return null;
  const orders = await db
    .selectFrom('orders')
    .select((eb) => [
      'orders.id',
      'orders.number',
      'orders.status',
      'orders.expires_at',
      'orders.pavilion_id',
      eb.selectFrom('order_lines').select('order_lines.title_zh').whereRef('order_lines.order_id', '=', 'orders.id').orderBy('order_lines.line_no').limit(1).as('first_title_zh'),
    ])
    .where('orders.checkout_id', '=', checkoutId)
    .orderBy('orders.number')
    .execute();
  return {
    id: checkout.id,
    buyerUserId: checkout.buyer_user_id,
    totalFen: Number(checkout.total_fen),
    orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status, expiresAt: String(o.expires_at), pavilionId: o.pavilion_id, firstTitleZh: o.first_title_zh ?? null })),
  };
}

/**
 * Payments still waiting for the provider's word, created between `createdAfter` and
 * `createdBefore`, whose checkout has an order not paid yet (waiting, or cancelled by expiry while
 * the buyer may have paid).
 */
export async function findPendingPayments(db: Db, input: { createdBefore: string; createdAfter: string; limit: number }): Promise<PaymentRow[]> {
  const rows = await db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('status', '=', 'pending')
    .where('created_at', '<=', input.createdBefore)
    .where('created_at', '>=', input.createdAfter)
    .where((eb) => eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.checkout_id', '=', 'payments.checkout_id').where('orders.status', 'in', ['pending_payment', 'cancelled'])))
    .orderBy('created_at')
    .limit(input.limit)
    .execute();
  return rows.map(toPayment);
}

export async function findWechatOpenid(db: Db, input: { userId: string; appId: string | null }): Promise<string | null> {
  let query = db.selectFrom('wechat_accounts').select('openid').where('user_id', '=', input.userId);
  if (input.appId) query = query.where('app_id', '=', input.appId);
  const row = await query.orderBy('updated_at', 'desc').executeTakeFirst();
  return row?.openid ?? null;
}

// Refunds

export interface RefundRow {
  id: string;
  paymentId: string;
  orderId: string | null;
  outRefundNo: string;
  amountFen: number;
  reason: string;
  status: 'requested' | 'processing' | 'succeeded' | 'failed';
  outTradeNo: string;
  paymentAmountFen: number;
  provider: PaymentMethod;
}

function refundQuery(db: Db | Trx) {
  return db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.payment_id')
    .select([
      'refunds.id',
      'refunds.payment_id',
      'refunds.order_id',
      'refunds.out_refund_no',
      'refunds.amount_fen',
      'refunds.reason',
      'refunds.status',
      'payments.out_trade_no',
      'payments.amount_fen as payment_amount_fen',
      'payments.provider',
    ]);
}

type RefundSelect = Awaited<ReturnType<ReturnType<typeof refundQuery>['executeTakeFirstOrThrow']>>;
const toRefund = (r: RefundSelect): RefundRow => ({
  id: r.id,
  paymentId: r.payment_id,
  orderId: r.order_id,
  outRefundNo: r.out_refund_no,
  amountFen: Number(r.amount_fen),
  reason: r.reason,
  status: r.status,
  outTradeNo: r.out_trade_no,
  paymentAmountFen: Number(r.payment_amount_fen),
  provider: r.provider,
});

/** Refunds not finished: requested, or processing (sent, perhaps before a crash, or the provider is still at it). */
export async function findOpenRefunds(db: Db, limit: number): Promise<RefundRow[]> {
  const rows = await refundQuery(db).where('refunds.status', 'in', ['requested', 'processing']).orderBy('refunds.created_at').limit(limit).execute();
  return rows.map(toRefund);
}

export async function findRefundByOutRefundNo(db: Db | Trx, outRefundNo: string): Promise<RefundRow | null> {
  const row = await refundQuery(db).where('refunds.out_refund_no', '=', outRefundNo).executeTakeFirst();
  return row ? toRefund(row) : null;
}

/** A refund owed, with its send-refund job in the same transaction (refund-job.ts). */
export async function insertRefund(trx: Trx, input: { paymentId: string; orderId: string | null; outRefundNo: string; amountFen: number; reason: string; now: string }): Promise<string> {
  const id = newId();
  await trx
    .insertInto('refunds')
    .values({ id, payment_id: input.paymentId, order_id: input.orderId, out_refund_no: input.outRefundNo, amount_fen: input.amountFen, reason: input.reason, status: 'requested', created_at: input.now, completed_at: null })
    .execute();
  await enqueueRefund(trx, { refundId: id, now: input.now });
  return id;
}

export async function findRefundById(db: Db | Trx, id: string): Promise<RefundRow | null> {
  const row = await refundQuery(db).where('refunds.id', '=', id).executeTakeFirst();
  return row ? toRefund(row) : null;
}

/** A conditional move between refund states; false when the refund was not in any of `from` (someone else moved it). */
export async function moveRefund(db: Db | Trx, input: { id: string; from: RefundRow['status'][]; to: RefundRow['status']; completedAt?: string }): Promise<boolean> {
  const updated = await db
    .updateTable('refunds')
    .set({ status: input.to, ...(input.completedAt === undefined ? {} : { completed_at: input.completedAt }) })
    .where('id', '=', input.id)
    .where('status', 'in', input.from)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

// Anomalies

export interface AnomalyRow {
  id: string;
  kind: PaymentAnomalyKind;
  provider: string;
  reference: string;
  details: Record<string, unknown>;
  createdAt: string;
  resolvedAt: string | null;
}

export async function insertAnomaly(db: Db | Trx, input: { kind: PaymentAnomalyKind; provider: string; reference: string; details: Record<string, unknown>; now: string }): Promise<void> {
  await db
    .insertInto('payment_anomalies')
    .values({ id: newId(), kind: input.kind, provider: input.provider, reference: input.reference, details: JSON.stringify(input.details), created_at: input.now, resolved_at: null })
    .execute();
}

export async function hasOpenAnomaly(db: Db | Trx, input: { kind: PaymentAnomalyKind; provider: string; reference: string }): Promise<boolean> {
  const row = await db
    .selectFrom('payment_anomalies')
    .select('id')
    .where('kind', '=', input.kind)
    .where('provider', '=', input.provider)
    .where('reference', '=', input.reference)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

function toAnomaly(row: { id: string; kind: PaymentAnomalyKind; provider: string; reference: string; details: string; created_at: string | Date; resolved_at: string | null }): AnomalyRow {
  let details: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.details);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) details = parsed as Record<string, unknown>;
  } catch {
    details = { raw: row.details };
  }
  return { id: row.id, kind: row.kind, provider: row.provider, reference: row.reference, details, createdAt: String(row.created_at), resolvedAt: row.resolved_at };
}

export async function findAnomalies(db: Db, input: { status: 'open' | 'resolved' | 'all'; limit: number }): Promise<AnomalyRow[]> {
  let query = db.selectFrom('payment_anomalies').selectAll();
  if (input.status === 'open') query = query.where('resolved_at', 'is', null);
  if (input.status === 'resolved') query = query.where('resolved_at', 'is not', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
  return rows.map(toAnomaly);
}

export async function findAnomaly(db: Db, id: string): Promise<AnomalyRow | null> {
  const row = await db.selectFrom('payment_anomalies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAnomaly(row) : null;
}

export async function resolveAnomaly(db: Db, input: { id: string; now: string }): Promise<boolean> {
  const updated = await db.updateTable('payment_anomalies').set({ resolved_at: input.now }).where('id', '=', input.id).where('resolved_at', 'is', null).executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/**
 * The pavilions each payment number's orders belong to, for operators' scope: by order id when an
 * anomaly is about one order, by the checkout's orders otherwise.
 */
export async function pavilionsOf(db: Db, input: { outTradeNos: string[]; orderIds: string[] }): Promise<{ byOutTradeNo: Map<string, Set<string>>; byOrderId: Map<string, string> }> {
  const byOutTradeNo = new Map<string, Set<string>>();
  const byOrderId = new Map<string, string>();
  if (input.outTradeNos.length > 0) {
    const rows = await db
      .selectFrom('payments')
      .innerJoin('orders', 'orders.checkout_id', 'payments.checkout_id')
      .select(['payments.out_trade_no', 'orders.pavilion_id'])
      .where('payments.out_trade_no', 'in', input.outTradeNos)
      .execute();
    for (const row of rows) {
      const set = byOutTradeNo.get(row.out_trade_no) ?? new Set<string>();
      set.add(row.pavilion_id);
      byOutTradeNo.set(row.out_trade_no, set);
    }
  }
  if (input.orderIds.length > 0) {
    const rows = await db.selectFrom('orders').select(['id', 'pavilion_id']).where('id', 'in', input.orderIds).execute();
    for (const row of rows) byOrderId.set(row.id, row.pavilion_id);
  }
  return { byOutTradeNo, byOrderId };
}
