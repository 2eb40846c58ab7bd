import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { MAX_LINE_QUANTITY } from './cart.rules.ts';

export async function findCartId(db: Db | Trx, owner: string): Promise<string | null> {
  const row = await db.selectFrom('carts').select('id').where('owner', '=', owner).executeTakeFirst();
  return row?.id ?? null;
}

/** The owner's cart, created if it has none (a concurrent creation wins the unique owner and is used). */
export async function ensureCart(trx: Trx, owner: string, now: string): Promise<string> {
  await trx
    .insertInto('carts')
    .values({ id: newId(), owner, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('owner').doNothing())
    .execute();
  const id = await findCartId(trx, owner);
  if (!id) throw new Error(`cart of ${owner} vanished while being created`);
  return id;
}

export function touchCart(trx: Trx, cartId: string, now: string) {
  return trx.updateTable('carts').set({ updated_at: now }).where('id', '=', cartId).execute();
}

export function findCartLines(db: Db | Trx, cartId: string): Promise<Array<{ variantId: string; quantity: number }>> {
  return db
    .selectFrom('cart_lines')
    .select(['variant_id as variantId', 'quantity'])
    .where('cart_id', '=', cartId)
    .orderBy('added_at')
    .orderBy('variant_id')
    .execute();
}

export async function countOtherLines(trx: Trx, cartId: string, variantId: string): Promise<number> {
  const row = await trx
    .selectFrom('cart_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cart_id', '=', cartId)
    .where('variant_id', '<>', variantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds units to a line (creating it), capped in the statement itself so concurrent adds cannot pass the cap. */
export function addToLine(trx: Trx, line: { cartId: string; variantId: string; quantity: number; now: string }) {
  const sum = sql<number>`cart_lines.quantity + excluded.quantity`;
  return trx
    .insertInto('cart_lines')
    .values({ cart_id: line.cartId, variant_id: line.variantId, quantity: Math.min(line.quantity, MAX_LINE_QUANTITY), added_at: line.now })
    .onConflict((oc) =>
      oc.columns(['cart_id', 'variant_id']).doUpdateSet({ quantity: sql<number>`case when ${sum} > ${sql.lit(MAX_LINE_QUANTITY)} then ${sql.lit(MAX_LINE_QUANTITY)} else ${sum} end` }),
    )
    .execute();
}

/** Sets a line's quantity; false when the cart has no such line. */
export async function setLineQuantity(trx: Trx, cartId: string, variantId: string, quantity: number): Promise<boolean> {
  const result = await trx.updateTable('cart_lines').set({ quantity }).where('cart_id', '=', cartId).where('variant_id', '=', variantId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes a line; false when the cart has no such line. */
export async function deleteLine(trx: Trx, cartId: string, variantId: string): Promise<boolean> {
  const result = await trx.deleteFrom('cart_lines').where('cart_id', '=', cartId).where('variant_id', '=', variantId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes a cart (its lines go with it); false when another request deleted it first. */
export async function deleteCart(trx: Trx, cartId: string): Promise<boolean> {
  const result = await trx.deleteFrom('carts').where('id', '=', cartId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Takes bought units off the lines: a line bought whole goes, one bought in part keeps the rest. */
export async function subtractFromLines(trx: Trx, cartId: string, lines: ReadonlyArray<{ variantId: string; quantity: number }>): Promise<void> {
  for (const line of lines) {
    await trx.deleteFrom('cart_lines').where('cart_id', '=', cartId).where('variant_id', '=', line.variantId).where('quantity', '<=', line.quantity).execute();
    await trx
      .updateTable('cart_lines')
      .set((eb) => ({ quantity: eb('quantity', '-', line.quantity) }))
      .where('cart_id', '=', cartId)
      .where('variant_id', '=', line.variantId)
      .where('quantity', '>', line.quantity)
      .execute();
  }
}
