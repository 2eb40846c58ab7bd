import type { Db, Trx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { CBEC_LIMITS, cbecQuotaYear } from '../cbec/index.ts';
import { refreshListingStock } from '../catalog/index.ts';
import { hasFreeStock, releaseStock, reserveStock, takeOutStock } from '../catalog/index.ts';

/**
 * What an order holds while it lives: units of stock (reserved on its warehouse) and a part of the
 * identity's yearly allowance. Both are taken and given back by conditional updates inside the
 * transaction that moves the order, so a unit is never held twice nor lost. This file is the one
 * owner of both: the allowance (identity_quotas) is written only here, against CBEC_LIMITS; the
 * units through the catalog's stock levels.
 */

/** What an identity has used of its yearly allowance, in fen. */
export async function allowanceUsed(db: Db | Trx, idHash: string, year: number): Promise<number> {
  const quota = await db.selectFrom('identity_quotas').select('used_fen').where('id_hash', '=', idHash).where('year', '=', year).executeTakeFirst();
  return Number(quota?.used_fen ?? 0);
}

/**
 * A checkout's holds, all or nothing (the caller's transaction rolls back on a throw): the yearly
 * allowance first (财关税〔2018〕49号: reserved like stock, so two orders at once cannot pass it
 * together; ANNUAL_QUOTA_EXCEEDED), then the units (OUT_OF_STOCK). Stock rows are taken in one
 * fixed order (variant, warehouse), so two placements on PostgreSQL never wait on each other in a circle.
 */
export async function holdForCheckout(
  trx: Trx,
  input: { idHash: string; year: number; quotaFen: number; annualRemainingFen: number; lines: Array<{ variantId: string; warehouseId: string; quantity: number; sku: string }>; at: string },
): Promise<void> {
  if (!(await takeQuota(trx, { idHash: input.idHash, year: input.year, fen: input.quotaFen }))) {
    throw new AppError('ANNUAL_QUOTA_EXCEEDED', { details: { remainingFen: input.annualRemainingFen } });
  }
  const lines = [...input.lines].sort((a, b) => (a.variantId + a.warehouseId < b.variantId + b.warehouseId ? -1 : 1));
  for (const line of lines) {
    if (!(await reserveStock(trx, line, input.at))) {
      throw new AppError('OUT_OF_STOCK', { details: [{ field: 'body.lines', rule: 'out_of_stock', message: `${line.sku}: not enough stock`, variantId: line.variantId }] });
    }
  }
}

/** Adds `fen` to an identity's year if it stays within CBEC_LIMITS.annualFen: one conditional statement. */
async function takeQuota(trx: Trx, quota: { idHash: string; year: number; fen: number }): Promise<boolean> {
  await trx.insertInto('identity_quotas').values({ id_hash: quota.idHash, year: quota.year, used_fen: 0 }).onConflict((oc) => oc.columns(['id_hash', 'year']).doNothing()).execute();
  const taken = await trx
    .updateTable('identity_quotas')
    .set((eb) => ({ used_fen: eb('used_fen', '+', quota.fen) }))
    .where('id_hash', '=', quota.idHash)
    .where('year', '=', quota.year)
    .where((eb) => eb(eb('used_fen', '+', quota.fen), '<=', CBEC_LIMITS.annualFen))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/**
 * The order's reserved units leave its warehouse (it was shipped): on hand and reserved both go
 * down. The caller has just moved the order paid → shipped by a conditional update, so this runs
 * once per order; false when a row did not have the units (the caller rolls back).
 */
export async function shipHeldStock(trx: Trx, input: { orderId: string; warehouseId: string; at: string }): Promise<boolean> {
  const lines = await trx.selectFrom('order_lines').select(['variant_id', 'quantity']).where('order_id', '=', input.orderId).execute();
  for (const line of lines) {
    if (!(await takeOutStock(trx, { variantId: line.variant_id, warehouseId: input.warehouseId, quantity: line.quantity }, input.at))) return false;
  }
  return true;
}

/** Gives back an order's units and allowance (when it is cancelled or refunded). */
export async function releaseHolds(trx: Trx, orderId: string, at: string): Promise<void> {
  const order = await trx.selectFrom('orders').select(['warehouse_id', 'identity_hash', 'quota_year', 'quota_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const lines = await trx.selectFrom('order_lines').select(['variant_id', 'quantity']).where('order_id', '=', orderId).execute();
  for (const line of lines) await releaseStock(trx, { variantId: line.variant_id, warehouseId: order.warehouse_id, quantity: line.quantity }, at);
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
    if (!(await hasFreeStock(trx, { variantId: line.variant_id, warehouseId: order.warehouse_id, quantity: line.quantity }))) return false;
  }
  if ((await allowanceUsed(trx, order.identity_hash, order.quota_year)) + Number(order.quota_fen) > CBEC_LIMITS.annualFen) return false;
  if (order.quota_year !== found.quota_year) await trx.updateTable('orders').set({ quota_year: order.quota_year }).where('id', '=', orderId).execute();
  for (const line of lines) {
    if (!(await reserveStock(trx, { variantId: line.variant_id, warehouseId: order.warehouse_id, quantity: line.quantity }, at))) throw new Error(`stock of ${line.variant_id} moved during the transaction`);
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
  if (!(await takeQuota(trx, { idHash: order.identity_hash, year, fen }))) return false;
  await releaseQuota(trx, { idHash: order.identity_hash, year: order.quota_year, fen });
  await trx.updateTable('orders').set({ quota_year: year }).where('id', '=', orderId).execute();
  return true;
}
