import type { OrderStatus, ReturnReason, ReturnStatus } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { OrderLineAmounts } from './returns.rules.ts';

/** Queries only: the returns service decides. Each takes the database or a transaction first. */

/** Which returns a caller may see: a buyer's own, an exporter's orders', an operator's pavilions'. */
export type ReturnScope = { buyerUserId: string } | { exporterId: string } | { pavilionIds: string[] | 'all' };

export interface OrderForReturn {
  id: string;
  number: string;
  status: OrderStatus;
  buyerUserId: string;
  releasedAt: string | null;
  deliveredAt: string | null;
  quotaFen: number;
  lines: Array<OrderLineAmounts & { sku: string; titleZh: string; titleEn: string }>;
}

/** An order with what a return needs of it; `buyerUserId` limits it to that buyer's. */
export async function findOrderForReturn(db: Db | Trx, orderId: string, buyerUserId?: string): Promise<OrderForReturn | null> {
  let q = db.selectFrom('orders').select(['id', 'number', 'status', 'buyer_user_id', 'released_at', 'delivered_at', 'quota_fen']).where('id', '=', orderId);
  if (buyerUserId) q = q.where('buyer_user_id', '=', buyerUserId);
  const order = await q.executeTakeFirst();
  if (!order) return null;
  const lines = await db.selectFrom('order_lines').select(['id', 'quantity', 'goods_fen', 'freight_fen', 'tax_fen', 'sku', 'title_zh', 'title_en']).where('order_id', '=', orderId).orderBy('line_no').execute();
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    buyerUserId: order.buyer_user_id,
    releasedAt: order.released_at,
    deliveredAt: order.delivered_at,
    quotaFen: Number(order.quota_fen),
    lines: lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity, goodsFen: Number(l.goods_fen), freightFen: Number(l.freight_fen), taxFen: Number(l.tax_fen), sku: l.sku, titleZh: l.title_zh, titleEn: l.title_en })),
  };
}

/** Units of each line of the order held by returns that are not refused. */
export async function heldUnits(db: Db | Trx, orderLineIds: readonly string[]): Promise<Map<string, number>> {
  if (orderLineIds.length === 0) return new Map();
  const rows = await db.selectFrom('order_line_returns').select(['order_line_id', 'held']).where('order_line_id', 'in', [...orderLineIds]).execute();
  return new Map(rows.map((r) => [r.order_line_id, r.held]));
}

/** Takes `quantity` units of a line for a return: false when fewer are left (another request got them). */
export async function holdUnits(trx: Trx, input: { orderLineId: string; bought: number; quantity: number }): Promise<boolean> {
  await trx.insertInto('order_line_returns').values({ order_line_id: input.orderLineId, bought: input.bought, held: 0 }).onConflict((oc) => oc.column('order_line_id').doNothing()).execute();
  const taken = await trx
    .updateTable('order_line_returns')
    .set((eb) => ({ held: eb('held', '+', input.quantity) }))
    .where('order_line_id', '=', input.orderLineId)
    .where((eb) => eb(eb('held', '+', input.quantity), '<=', eb.ref('bought')))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Gives back units a refused return held. */
export async function releaseUnits(trx: Trx, input: { orderLineId: string; quantity: number }): Promise<void> {
  await trx
    .updateTable('order_line_returns')
    .set((eb) => ({ held: eb('held', '-', input.quantity) }))
    .where('order_line_id', '=', input.orderLineId)
    .where('held', '>=', input.quantity)
    .execute();
}

export interface NewReturn {
  id: string;
  number: string;
  orderId: string;
  buyerUserId: string;
  reason: ReturnReason;
  description: string;
  photoIds: string[];
  amounts: { goodsFen: number; taxFen: number; freightFen: number; refundFen: number; quotaFen: number };
  lines: Array<{ orderLineId: string; quantity: number; goodsFen: number; taxFen: number; quotaFen: number }>;
  now: string;
}

export async function insertReturn(trx: Trx, r: NewReturn): Promise<void> {
  await trx
    .insertInto('returns')
    .values({
      id: r.id,
      number: r.number,
      order_id: r.orderId,
      buyer_user_id: r.buyerUserId,
      reason: r.reason,
      description: r.description,
      photo_ids: JSON.stringify(r.photoIds),
      status: 'requested',
      goods_fen: r.amounts.goodsFen,
      tax_fen: r.amounts.taxFen,
      freight_fen: r.amounts.freightFen,
      refund_fen: r.amounts.refundFen,
      quota_fen: r.amounts.quotaFen,
      requested_at: r.now,
      updated_at: r.now,
    })
    .execute();
  for (const line of r.lines) {
    await trx
      .insertInto('return_lines')
      .values({ id: newId(), return_id: r.id, order_line_id: line.orderLineId, quantity: line.quantity, goods_fen: line.goodsFen, tax_fen: line.taxFen, quota_fen: line.quotaFen })
      .execute();
  }
}

export interface ReturnRecord {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  orderStatus: OrderStatus;
  releasedAt: string | null;
  exporter: { id: string; nameZh: string; nameEn: string };
  pavilionId: string;
  buyerUserId: string;
  reason: ReturnReason;
  description: string;
  photoIds: string[];
  status: ReturnStatus;
  decisionNote: string;
  decidedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  refundedAt: string | null;
  goodsFen: number;
  taxFen: number;
  freightFen: number;
  refundFen: number;
  quotaFen: number;
  requestedAt: string;
  lines: Array<{ orderLineId: string; sku: string; titleZh: string; titleEn: string; quantity: number; goodsFen: number; taxFen: number; quotaFen: number }>;
}

function returnQuery(db: Db | Trx, scope: ReturnScope) {
  let q = db
    .selectFrom('returns as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('exporters as e', 'e.id', 'o.exporter_id')
    .selectAll('r')
    .select(['o.number as order_number', 'o.status as order_status', 'o.released_at', 'o.exporter_id', 'o.pavilion_id', 'e.trading_name_zh', 'e.trading_name_en']);
  if ('buyerUserId' in scope) q = q.where('r.buyer_user_id', '=', scope.buyerUserId);
  if ('exporterId' in scope) q = q.where('o.exporter_id', '=', scope.exporterId);
  if ('pavilionIds' in scope && scope.pavilionIds !== 'all') q = scope.pavilionIds.length > 0 ? q.where('o.pavilion_id', 'in', scope.pavilionIds) : q.where('r.id', '=', '');
  return q;
}

export async function findReturns(db: Db | Trx, scope: ReturnScope, filter: { id?: string; orderId?: string; statuses?: ReturnStatus[] } = {}, limit = 500): Promise<ReturnRecord[]> {
  let q = returnQuery(db, scope);
  if (filter.id) q = q.where('r.id', '=', filter.id);
  if (filter.orderId) q = q.where('r.order_id', '=', filter.orderId);
  if (filter.statuses) q = q.where('r.status', 'in', filter.statuses);
  const rows = await q.orderBy('r.requested_at', 'desc').orderBy('r.id').limit(limit).execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('return_lines as rl')
    .innerJoin('order_lines as ol', 'ol.id', 'rl.order_line_id')
    .select(['rl.return_id', 'rl.order_line_id', 'rl.quantity', 'rl.goods_fen', 'rl.tax_fen', 'rl.quota_fen', 'ol.sku', 'ol.title_zh', 'ol.title_en', 'ol.line_no'])
    .where('rl.return_id', 'in', rows.map((r) => r.id))
    .orderBy('ol.line_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    orderStatus: r.order_status,
    releasedAt: r.released_at,
    exporter: { id: r.exporter_id, nameZh: r.trading_name_zh, nameEn: r.trading_name_en },
    pavilionId: r.pavilion_id,
    buyerUserId: r.buyer_user_id,
    reason: r.reason,
    description: r.description,
    photoIds: JSON.parse(r.photo_ids) as string[],
    status: r.status,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    shippedAt: r.shipped_at,
    receivedAt: r.received_at,
    refundedAt: r.refunded_at,
    goodsFen: Number(r.goods_fen),
    taxFen: Number(r.tax_fen),
    freightFen: Number(r.freight_fen),
    refundFen: Number(r.refund_fen),
    quotaFen: Number(r.quota_fen),
    requestedAt: r.requested_at,
    lines: lines
      .filter((l) => l.return_id === r.id)
      .map((l) => ({ orderLineId: l.order_line_id, sku: l.sku, titleZh: l.title_zh, titleEn: l.title_en, quantity: l.quantity, goodsFen: Number(l.goods_fen), taxFen: Number(l.tax_fen), quotaFen: Number(l.quota_fen) })),
  }));
}

/** A conditional move of a return's status; false when it was not in any of `from` (someone else moved it). */
export async function moveReturn(
  trx: Trx,
  input: {
    id: string;
    from: readonly ReturnStatus[];
    to: ReturnStatus;
    now: string;
    set?: Partial<{ decision_note: string; decided_by: string; decided_at: string; carrier: string; tracking_number: string; shipped_at: string; received_by: string; received_at: string; refunded_at: string }>;
  },
): Promise<boolean> {
  const moved = await trx
    .updateTable('returns')
    .set({ status: input.to, updated_at: input.now, ...input.set })
    .where('id', '=', input.id)
    .where('status', 'in', [...input.from])
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/**
 * Units and freight already given back on the order by other returns whose amounts are fixed
 * (received or refunded), per order line.
 */
export async function fixedBefore(trx: Trx, input: { orderId: string; exceptReturnId: string }): Promise<{ units: Map<string, number>; freightFen: number }> {
  const lines = await trx
    .selectFrom('return_lines as rl')
    .innerJoin('returns as r', 'r.id', 'rl.return_id')
    .select(['rl.order_line_id', 'rl.quantity'])
    .where('r.order_id', '=', input.orderId)
    .where('r.id', '<>', input.exceptReturnId)
    .where('r.status', 'in', ['received', 'refunded'])
    .execute();
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.order_line_id, (units.get(l.order_line_id) ?? 0) + l.quantity);
  const freight = await trx
    .selectFrom('returns')
    .select(['freight_fen'])
    .where('order_id', '=', input.orderId)
    .where('id', '<>', input.exceptReturnId)
    .where('status', 'in', ['received', 'refunded'])
    .execute();
  return { units, freightFen: freight.reduce((n, r) => n + Number(r.freight_fen), 0) };
}

/** Fixes a received return's amounts, the ones its refund is written with. */
export async function fixAmounts(trx: Trx, returnId: string, amounts: NewReturn['amounts'], lines: NewReturn['lines']): Promise<void> {
  await trx
    .updateTable('returns')
    .set({ goods_fen: amounts.goodsFen, tax_fen: amounts.taxFen, freight_fen: amounts.freightFen, refund_fen: amounts.refundFen, quota_fen: amounts.quotaFen })
    .where('id', '=', returnId)
    .execute();
  for (const line of lines) {
    await trx.updateTable('return_lines').set({ goods_fen: line.goodsFen, tax_fen: line.taxFen, quota_fen: line.quotaFen }).where('return_id', '=', returnId).where('order_line_id', '=', line.orderLineId).execute();
  }
}

/** Units of each order line given back by refunded returns. */
export async function refundedUnits(trx: Trx, orderId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('return_lines as rl')
    .innerJoin('returns as r', 'r.id', 'rl.return_id')
    .select(['rl.order_line_id', 'rl.quantity'])
    .where('r.order_id', '=', orderId)
    .where('r.status', '=', 'refunded')
    .execute();
  const units = new Map<string, number>();
  for (const r of rows) units.set(r.order_line_id, (units.get(r.order_line_id) ?? 0) + r.quantity);
  return units;
}

/** Whether a return of the buyer's, within the scope, shows this photo. */
export async function returnShowsPhoto(db: Db | Trx, scope: ReturnScope, input: { buyerUserId: string; mediaId: string }): Promise<boolean> {
  // photo_ids is a JSON array of uuids (the id is checked as one by the route), so a quoted match is exact.
  const row = await returnQuery(db, scope)
    .where('r.buyer_user_id', '=', input.buyerUserId)
    .where('r.photo_ids', 'like', `%"${input.mediaId}"%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
