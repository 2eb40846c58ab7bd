import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { couponValidity, windowReason, type CouponValidity, type PromotionReason } from './promotion.rules.ts';

/**
 * The coupon ledger: every change to what a batch has given out and what buyers hold is one
 * conditional update that cannot pass its limit, inside the caller's transaction where there is one
 * (checkout uses a coupon in the transaction that places the order; the order's end gives it back in
 * the transaction that ends it). Nothing here trusts a count read earlier: under a rush of buyers the
 * database decides.
 */

export interface HeldCoupon {
  id: string;
  batchId: string;
  userId: string;
  seq: number;
  validFrom: string;
  validUntil: string;
  status: 'available' | 'used';
}

/** Why a claim was refused, in the rules' words (the claim window, the batch handed out, the buyer's limit), or no such batch. */
export type ClaimRefusal = Extract<PromotionReason, { code: 'not_started' | 'expired' | 'claimed_out' | 'claim_limit' }> | { code: 'not_found' };
export type ClaimResult = { ok: true; coupon: HeldCoupon; repeated: boolean } | { ok: false; reason: ClaimRefusal };

/** A batch row's validity as the rules take it: N days after the claim, or its fixed window. */
const validityOf = (batch: { valid_from: string | null; valid_until: string | null; valid_days: number | null }, at: string): CouponValidity =>
  batch.valid_days !== null ? { kind: 'days_after_claim', days: batch.valid_days } : { kind: 'fixed', window: { startsAt: batch.valid_from ?? at, endsAt: batch.valid_until ?? at } };

const heldCoupon = (row: { id: string; batch_id: string; user_id: string; seq: number; valid_from: string; valid_until: string; status: 'available' | 'used' }): HeldCoupon => ({
  id: row.id, batchId: row.batch_id, userId: row.user_id, seq: Number(row.seq), validFrom: row.valid_from, validUntil: row.valid_until, status: row.status,
});

function findClaim(db: Db | Trx, input: { batchId: string; userId: string; claimKey: string }) {
  return db
    .selectFrom('coupons')
    .select(['id', 'batch_id', 'user_id', 'seq', 'valid_from', 'valid_until', 'status'])
    .where('batch_id', '=', input.batchId)
    .where('user_id', '=', input.userId)
    .where('claim_key', '=', input.claimKey)
    .executeTakeFirst();
}

/**
 * A buyer claims one coupon of a batch. The same claim key answers the coupon it claimed before
 * (a retried request, a double tap). A claim takes one of the batch's total (a conditional update
 * that fails when none is left or the claim window is closed) and the buyer's next place under the
 * per-buyer limit (unique per batch and buyer, so two claims racing for the last place cannot both
 * land: the loser's transaction is rolled back, the batch's count with it).
 */
export async function claimCoupon(db: Db, input: { batchId: string; userId: string; claimKey: string; now: Date }): Promise<ClaimResult> {
  const before = await findClaim(db, input);
  if (before) return { ok: true, coupon: heldCoupon(before), repeated: true };
  const at = input.now.toISOString();
  try {
    return await db.transaction().execute(async (trx): Promise<ClaimResult> => {
      // Read again inside: the same request may have landed while this one waited for the transaction.
      const landed = await findClaim(trx, input);
      if (landed) return { ok: true, coupon: heldCoupon(landed), repeated: true };
      const batch = await trx
        .selectFrom('coupon_batches')
        .select(['id', 'per_buyer_limit', 'claim_starts_at', 'claim_ends_at', 'valid_from', 'valid_until', 'valid_days'])
        .where('id', '=', input.batchId)
        .executeTakeFirst();
      if (!batch) return { ok: false, reason: { code: 'not_found' } };
      const closed = windowReason({ startsAt: batch.claim_starts_at, endsAt: batch.claim_ends_at }, input.now);
      if (closed) return { ok: false, reason: closed };
      const held = await trx
        .selectFrom('coupons')
        .select((eb) => eb.fn.max('seq').as('last'))
        .where('batch_id', '=', input.batchId)
        .where('user_id', '=', input.userId)
        .executeTakeFirst();
      const seq = Number(held?.last ?? 0) + 1;
      if (seq > batch.per_buyer_limit) return { ok: false, reason: { code: 'claim_limit', limit: batch.per_buyer_limit } };
      const taken = await trx
        .updateTable('coupon_batches')
        .set((eb) => ({ claimed: eb('claimed', '+', 1), updated_at: at }))
        .where('id', '=', input.batchId)
        .whereRef('claimed', '<', 'total_quantity')
        .executeTakeFirst();
      if (taken.numUpdatedRows !== 1n) return { ok: false, reason: { code: 'claimed_out' } };
      const validity = couponValidity({ validity: validityOf(batch, at) }, at);
      const coupon = { id: newId(), batch_id: input.batchId, user_id: input.userId, seq, claim_key: input.claimKey, valid_from: validity.startsAt, valid_until: validity.endsAt, claimed_at: at };
      await trx.insertInto('coupons').values(coupon).execute();
      return { ok: true, coupon: heldCoupon({ ...coupon, status: 'available' }), repeated: false };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another claim of this buyer landed first: the same key is that claim; another key took the place this one wanted.
    const raced = await findClaim(db, input);
    if (raced) return { ok: true, coupon: heldCoupon(raced), repeated: true };
    return claimCoupon(db, input);
  }
}

/** Why a coupon cannot be used, in the rules' words (its validity, used already), or it is not the buyer's. */
export type UseRefusal = Extract<PromotionReason, { code: 'not_started' | 'expired' | 'used' }> | { code: 'not_held' };

/**
 * Uses a held coupon on an order, in the transaction that places it: the coupon moves from
 * available to used (once: a second order racing for it finds it used) and the batch counts the use.
 */
export async function useCoupon(trx: Trx, input: { couponId: string; userId: string; orderId: string; discountFen: number; now: Date }): Promise<{ ok: true } | { ok: false; reason: UseRefusal }> {
  const at = input.now.toISOString();
  const coupon = await trx.selectFrom('coupons').select(['batch_id', 'status', 'valid_from', 'valid_until']).where('id', '=', input.couponId).where('user_id', '=', input.userId).executeTakeFirst();
  if (!coupon) return { ok: false, reason: { code: 'not_held' } };
  const invalid = windowReason({ startsAt: coupon.valid_from, endsAt: coupon.valid_until }, input.now);
  if (invalid) return { ok: false, reason: invalid };
  const moved = await trx
    .updateTable('coupons')
    .set({ status: 'used', order_id: input.orderId, discount_fen: input.discountFen, used_at: at })
    .where('id', '=', input.couponId)
    .where('status', '=', 'available')
    .executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) return { ok: false, reason: { code: 'used' } };
  await trx.updateTable('coupon_batches').set((eb) => ({ used: eb('used', '+', 1), updated_at: at })).where('id', '=', coupon.batch_id).execute();
  return { ok: true };
}

/**
 * Gives back the coupons an order used, when the order is cancelled, expires unpaid or is refunded
 * whole: each goes back to its buyer once (a second call finds none on the order) and the batch
 * counts one use less. Answers how many came back.
 */
export async function releaseOrderCoupons(trx: Trx, input: { orderId: string; now: Date }): Promise<number> {
  const at = input.now.toISOString();
  const used = await trx.selectFrom('coupons').select(['id', 'batch_id']).where('order_id', '=', input.orderId).where('status', '=', 'used').execute();
  let released = 0;
  for (const coupon of used) {
    const moved = await trx
      .updateTable('coupons')
      .set({ status: 'available', order_id: null, discount_fen: null, used_at: null })
      .where('id', '=', coupon.id)
      .where('order_id', '=', input.orderId)
      .where('status', '=', 'used')
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) continue;
    await trx.updateTable('coupon_batches').set((eb) => ({ used: eb('used', '-', 1), updated_at: at })).where('id', '=', coupon.batch_id).execute();
    released += 1;
  }
  return released;
}

/**
 * Spends from a campaign's budget (fen of discounts, or one use), in the placing transaction: refused
 * when it would pass the limit. `amount` is negative to give it back (an order cancelled or refunded).
 */
export async function moveCampaignBudget(trx: Trx, input: { campaignId: string; amount: number; now: Date }): Promise<boolean> {
  if (!Number.isSafeInteger(input.amount)) throw new RangeError('amount must be a safe integer');
  const moved = await trx
    .updateTable('campaigns')
    .set((eb) => ({ budget_used: eb('budget_used', '+', input.amount), updated_at: input.now.toISOString() }))
    .where('id', '=', input.campaignId)
    .where((eb) => eb.and([
      eb(eb('budget_used', '+', input.amount), '>=', 0),
      eb.or([eb('budget_limit', 'is', null), eb(eb('budget_used', '+', input.amount), '<=', eb.ref('budget_limit'))]),
    ]))
    .executeTakeFirst();
  return moved.numUpdatedRows === 1n;
}
