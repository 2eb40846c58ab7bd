import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { windowReason, type PromotionReason } from './promotion.rules.ts';

/**
 * The flash-sale ledger: what a slot's stock pool has sold and what each buyer holds, moved only by
 * conditional updates that cannot pass the pool or the per-buyer limit, in the transaction that
 * places (or ends) the order. 100 units are sold to at most 100 units' worth of orders, whatever the
 * rush, and what an order took comes back once.
 */

/** Why units were refused, in the rules' words (the slot's window, the pool, the buyer's limit), or no such item. */
export type FlashTakeRefusal = Extract<PromotionReason, { code: 'not_started' | 'expired' | 'flash_sold_out' | 'flash_limit' }> | { code: 'not_found' };

/** Takes `quantity` units of a flash-sale item for an order: within the slot's time, the pool and the buyer's limit, or nothing. */
export async function takeFlashSaleUnits(trx: Trx, input: { itemId: string; userId: string; orderId: string; quantity: number; now: Date }): Promise<{ ok: true; priceFen: number } | { ok: false; reason: FlashTakeRefusal }> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) throw new RangeError('quantity must be a positive integer');
  const at = input.now.toISOString();
  const item = await trx
    .selectFrom('flash_sale_items as i')
    .innerJoin('flash_sale_slots as s', 's.id', 'i.slot_id')
    .select(['i.price_fen', 'i.per_buyer_limit', 'i.stock_total', 's.starts_at', 's.ends_at'])
    .where('i.id', '=', input.itemId)
    .executeTakeFirst();
  if (!item) return { ok: false, reason: { code: 'not_found' } };
  const closed = windowReason({ startsAt: item.starts_at, endsAt: item.ends_at }, input.now);
  if (closed) return { ok: false, reason: closed };
  // What the buyer may still take, read only to say so when refused (the guarded upsert decides).
  const leftForBuyer = async () => {
    const row = await trx.selectFrom('flash_sale_buyers').select('quantity').where('item_id', '=', input.itemId).where('user_id', '=', input.userId).executeTakeFirst();
    return Math.max(0, item.per_buyer_limit - (row?.quantity ?? 0));
  };
  if (input.quantity > item.per_buyer_limit) return { ok: false, reason: { code: 'flash_limit', limit: item.per_buyer_limit, leftUnits: await leftForBuyer() } };
  // The buyer's units first: one row per buyer and item, whose count cannot pass the limit (an insert
  // for the first units, an update guarded by the limit after), so two orders of one buyer cannot both pass it.
  const mine = await trx
    .insertInto('flash_sale_buyers')
    .values({ item_id: input.itemId, user_id: input.userId, quantity: input.quantity })
    .onConflict((oc) =>
      oc.columns(['item_id', 'user_id']).doUpdateSet({ quantity: sql`flash_sale_buyers.quantity + ${input.quantity}` }).where(sql<boolean>`flash_sale_buyers.quantity + ${input.quantity} <= ${item.per_buyer_limit}`),
    )
    .executeTakeFirst();
  if (Number(mine.numInsertedOrUpdatedRows ?? 0n) !== 1) return { ok: false, reason: { code: 'flash_limit', limit: item.per_buyer_limit, leftUnits: await leftForBuyer() } };
  const sold = await trx
    .updateTable('flash_sale_items')
    .set((eb) => ({ sold: eb('sold', '+', input.quantity) }))
    .where('id', '=', input.itemId)
    .where((eb) => eb(eb('sold', '+', input.quantity), '<=', eb.ref('stock_total')))
    .executeTakeFirst();
  if (sold.numUpdatedRows !== 1n) {
    // Sold out: the buyer's units go back at once, so a caller that goes on with the rest of the order holds nothing it did not get.
    await trx.updateTable('flash_sale_buyers').set((eb) => ({ quantity: eb('quantity', '-', input.quantity) })).where('item_id', '=', input.itemId).where('user_id', '=', input.userId).execute();
    const pool = await trx.selectFrom('flash_sale_items').select('sold').where('id', '=', input.itemId).executeTakeFirstOrThrow();
    return { ok: false, reason: { code: 'flash_sold_out', leftUnits: Math.max(0, item.stock_total - pool.sold) } };
  }
  await trx.insertInto('flash_sale_takes').values({ id: newId(), item_id: input.itemId, user_id: input.userId, order_id: input.orderId, quantity: input.quantity, taken_at: at }).execute();
  return { ok: true, priceFen: Number(item.price_fen) };
}

/** Gives back what an order took from flash sales (cancelled, expired unpaid, refunded): once each. Answers the units given back. */
export async function returnFlashSaleUnits(trx: Trx, input: { orderId: string; now: Date }): Promise<number> {
  const at = input.now.toISOString();
  const takes = await trx.selectFrom('flash_sale_takes').select(['id', 'item_id', 'user_id', 'quantity']).where('order_id', '=', input.orderId).where('status', '=', 'taken').execute();
  let returned = 0;
  for (const take of takes) {
    const moved = await trx.updateTable('flash_sale_takes').set({ status: 'returned', returned_at: at }).where('id', '=', take.id).where('status', '=', 'taken').executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) continue;
    await trx.updateTable('flash_sale_items').set((eb) => ({ sold: eb('sold', '-', take.quantity) })).where('id', '=', take.item_id).execute();
    await trx.updateTable('flash_sale_buyers').set((eb) => ({ quantity: eb('quantity', '-', take.quantity) })).where('item_id', '=', take.item_id).where('user_id', '=', take.user_id).execute();
    returned += take.quantity;
  }
  return returned;
}
