import type { Db, Trx } from '../../db/database.ts';

/**
 * The catalog owns stock_levels: units on hand and units reserved, per variant and warehouse. Other
 * features move them only through these functions, each one conditional update inside the caller's
 * transaction (no SELECT … FOR UPDATE: SQLite has none), so a unit is never held twice nor lost.
 * The exporter's own count (on hand) is set by StockService.setStock.
 */

export interface StockUnits {
  variantId: string;
  warehouseId: string;
  quantity: number;
}

/** Reserves units if that many are free (on hand minus reserved); false when they are not. */
export async function reserveStock(trx: Trx, units: StockUnits, at: string): Promise<boolean> {
  const reserved = await trx
    .updateTable('stock_levels')
    .set((eb) => ({ reserved: eb('reserved', '+', units.quantity), updated_at: at }))
    .where('variant_id', '=', units.variantId)
    .where('warehouse_id', '=', units.warehouseId)
    .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', units.quantity))
    .executeTakeFirst();
  return Number(reserved.numUpdatedRows) === 1;
}

/** Gives reserved units back (an order cancelled or refunded); never below zero. */
export async function releaseStock(trx: Trx, units: StockUnits, at: string): Promise<void> {
  await trx
    .updateTable('stock_levels')
    .set((eb) => ({ reserved: eb('reserved', '-', units.quantity), updated_at: at }))
    .where('variant_id', '=', units.variantId)
    .where('warehouse_id', '=', units.warehouseId)
    .where('reserved', '>=', units.quantity)
    .execute();
}

/** Whether that many units are free to reserve now. */
export async function hasFreeStock(db: Db | Trx, units: StockUnits): Promise<boolean> {
  const level = await db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', units.variantId).where('warehouse_id', '=', units.warehouseId).executeTakeFirst();
  return level !== undefined && level.on_hand - level.reserved >= units.quantity;
}

/**
 * Reserved units leave the warehouse (shipped): on hand and reserved both go down by the quantity,
 * never below zero. False when the row did not have the units (the caller rolls back).
 */
export async function takeOutStock(trx: Trx, units: StockUnits, at: string): Promise<boolean> {
  const moved = await trx
    .updateTable('stock_levels')
    .set((eb) => ({ on_hand: eb('on_hand', '-', units.quantity), reserved: eb('reserved', '-', units.quantity), updated_at: at }))
    .where('variant_id', '=', units.variantId)
    .where('warehouse_id', '=', units.warehouseId)
    .where('reserved', '>=', units.quantity)
    .where('on_hand', '>=', units.quantity)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}
