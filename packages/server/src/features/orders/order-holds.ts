import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { CBEC_LIMITS, cbecQuotaYear } from '../checkout/index.ts';
import { refreshListingStock } from '../catalog/index.ts';
import { nextStatus, statesLeftBy, type OrderEvent } from './order.rules.ts';
import type { OrderStatus } from '@pavilion/contracts';

/**
 * What an order holds while it lives: units of stock (reserved on its warehouse) and a part of the
 * identity's yearly allowance. Both are taken and given back by conditional updates inside the
 * transaction that moves the order, so a unit is never held twice nor lost.
 */

/** Moves an order by an event if it is still in a state the event leaves; false when another got there first. */
export async function moveOrder(trx: Trx, orderId: string, event: OrderEvent, at: string, note = ''): Promise<OrderStatus | null> {
  const row = await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!row) return null;
  const to = nextStatus(row.status, event);
  if (!to) return null;
  const changed = await trx
    .updateTable('orders')
    .set({
      status: to,
      updated_at: at,
      ...(to === 'paid' ? { paid_at: at, cancelled_at: null } : {}),
      ...(to === 'cancelled' ? { cancelled_at: at } : {}),
      ...(to === 'shipped' ? { shipped_at: at } : {}),
      ...(to === 'delivered' ? { delivered_at: at } : {}),
      ...(to === 'completed' ? { completed_at: at } : {}),
    })
    .where('id', '=', orderId)
    .where('status', 'in', [...statesLeftBy(event)])
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return null;
  await trx.insertInto('order_events').values({ id: newId(), order_id: orderId, status: to, at, note }).execute();
  return to;
}

/** Gives back an order's units and allowance (when it is cancelled or refunded). */
export async function releaseHolds(trx: Trx, orderId: string, at: string): Promise<void> {
  const order = await trx.selectFrom('orders').select(['warehouse_id', 'identity_hash', 'quota_year', 'quota_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const lines = await trx.selectFrom('order_lines').select(['variant_id', 'quantity']).where('order_id', '=', orderId).execute();
  for (const line of lines) {
    await trx
      .updateTable('stock_levels')
      .set((eb) => ({ reserved: eb('reserved', '-', line.quantity), updated_at: at }))
      .where('variant_id', '=', line.variant_id)
      .where('warehouse_id', '=', order.warehouse_id)
      .where('reserved', '>=', line.quantity)
      .execute();
  }
  await refreshListingStock(trx, await productsOf(trx, orderId));
  await trx
    .updateTable('identity_quotas')
    .set((eb) => ({ used_fen: eb('used_fen', '-', Number(order.quota_fen)) }))
    .where('id_hash', '=', order.identity_hash)
    .where('year', '=', order.quota_year)
    .where('used_fen', '>=', Number(order.quota_fen))
    .execute();
}

async function productsOf(trx: Trx, orderId: string): Promise<string[]> {
  return (await trx.selectFrom('order_lines').select('product_id').where('order_id', '=', orderId).execute()).map((r) => r.product_id);
}

/**
 * Takes an order's units and allowance again (a payment that arrived after it expired): all or
 * nothing; false when the stock or the allowance is no longer there.
 */
export async function retakeHolds(trx: Trx, orderId: string, at: string): Promise<boolean> {
  const found = await trx.selectFrom('orders').select(['warehouse_id', 'identity_hash', 'quota_year', 'quota_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  // The allowance is taken again in the year of this payment (财关税〔2018〕49号: the year it is paid).
  const order = { ...found, quota_year: cbecQuotaYear(new Date(at)) };
  const lines = await trx.selectFrom('order_lines').select(['variant_id', 'quantity']).where('order_id', '=', orderId).execute();
  // Checked first, then taken: inside one transaction nothing moves in between on SQLite, and on
  // PostgreSQL the conditional updates below still refuse to go below what is on hand.
  for (const line of lines) {
    const level = await trx.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', line.variant_id).where('warehouse_id', '=', order.warehouse_id).executeTakeFirst();
    if (!level || level.on_hand - level.reserved < line.quantity) return false;
  }
  const quota = await trx.selectFrom('identity_quotas').select('used_fen').where('id_hash', '=', order.identity_hash).where('year', '=', order.quota_year).executeTakeFirst();
  if (Number(quota?.used_fen ?? 0) + Number(order.quota_fen) > CBEC_LIMITS.annualFen) return false;
  if (order.quota_year !== found.quota_year) await trx.updateTable('orders').set({ quota_year: order.quota_year }).where('id', '=', orderId).execute();
  for (const line of lines) {
    const taken = await trx
      .updateTable('stock_levels')
      .set((eb) => ({ reserved: eb('reserved', '+', line.quantity), updated_at: at }))
      .where('variant_id', '=', line.variant_id)
      .where('warehouse_id', '=', order.warehouse_id)
      .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', line.quantity))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw new Error(`stock of ${line.variant_id} moved during the transaction`);
  }
  await trx.insertInto('identity_quotas').values({ id_hash: order.identity_hash, year: order.quota_year, used_fen: 0 }).onConflict((oc) => oc.columns(['id_hash', 'year']).doNothing()).execute();
  await trx.updateTable('identity_quotas').set((eb) => ({ used_fen: eb('used_fen', '+', Number(order.quota_fen)) })).where('id_hash', '=', order.identity_hash).where('year', '=', order.quota_year).execute();
  await refreshListingStock(trx, await productsOf(trx, orderId));
  return true;
}

/**
 * Gives back part of an order's yearly allowance (a return received: 海关总署公告2018年第194号, the
 * quota is restored for returned goods): one conditional statement, never below zero, whatever
 * else moved the identity's total meanwhile.
 */
export async function restoreQuota(trx: Trx, orderId: string, fen: number): Promise<void> {
  if (fen <= 0) return;
  const order = await trx.selectFrom('orders').select(['identity_hash', 'quota_year']).where('id', '=', orderId).executeTakeFirstOrThrow();
  await releaseQuota(trx, { idHash: order.identity_hash, year: order.quota_year, fen });
}

/** Takes `fen` off an identity's total for a year: one conditional statement, never below zero. */
async function releaseQuota(trx: Trx, quota: { idHash: string; year: number; fen: number }): Promise<void> {
  const { fen } = quota;
  await trx
    .updateTable('identity_quotas')
    .set((eb) => ({ used_fen: eb.case().when('used_fen', '>=', fen).then(eb('used_fen', '-', fen)).else(0).end() }))
    .where('id_hash', '=', quota.idHash)
    .where('year', '=', quota.year)
    .execute();
}

/**
 * An order counts in the China calendar year it is paid in (财关税〔2018〕49号: the yearly limit is on
 * what is bought in the year), not the year it was placed: one placed at 23:50 on 31 December and
 * paid at 00:10 moves its allowance to the new year. Both steps are conditional updates; false (and
 * nothing moved) when the new year's allowance cannot take it, so the order cannot be paid.
 */
export async function moveQuotaToPaidYear(trx: Trx, orderId: string, paidAt: string): Promise<boolean> {
  const order = await trx.selectFrom('orders').select(['identity_hash', 'quota_year', 'quota_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const year = cbecQuotaYear(new Date(paidAt));
  if (order.quota_year === year) return true;
  const fen = Number(order.quota_fen);
  await trx.insertInto('identity_quotas').values({ id_hash: order.identity_hash, year, used_fen: 0 }).onConflict((oc) => oc.columns(['id_hash', 'year']).doNothing()).execute();
  const taken = await trx
    .updateTable('identity_quotas')
    .set((eb) => ({ used_fen: eb('used_fen', '+', fen) }))
    .where('id_hash', '=', order.identity_hash)
    .where('year', '=', year)
    .where((eb) => eb(eb('used_fen', '+', fen), '<=', CBEC_LIMITS.annualFen))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return false;
  await releaseQuota(trx, { idHash: order.identity_hash, year: order.quota_year, fen });
  await trx.updateTable('orders').set({ quota_year: year }).where('id', '=', orderId).execute();
  return true;
}
