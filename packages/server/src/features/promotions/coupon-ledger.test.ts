import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertBuyers } from '../../../test/support/buyer-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { claimCoupon, moveCampaignBudget, releaseOrderCoupons, useCoupon } from './coupon-ledger.ts';

/**
 * Never over-redeemed, whatever the rush: buyers racing for a batch, one buyer claiming again and
 * again, one coupon on several orders at once, a budget spent from many orders at once; and what is
 * given back comes back once. On SQLite and PostgreSQL (TEST_DB).
 */
describe('the coupon ledger under a rush', () => {
  let tdb: TestDatabase;
  let db: Db;
  const now = new Date('2026-11-11T04:00:00.000Z'); // 12:00 on 双11 in China
  const hour = 3_600_000;

  before(async () => {
    tdb = await createTestDatabase();
    db = tdb.database.db;
  });
  after(() => tdb.drop());

  const buyers = (count: number) => insertBuyers(db, count, now);

  async function batch(options: { total: number; perBuyer?: number; budgetLimit?: number | null; claimStartsAt?: Date; validDays?: number }): Promise<{ batchId: string; campaignId: string }> {
    const campaignId = newId();
    const batchId = newId();
    await db.insertInto('campaigns').values({
      id: campaignId, name_zh: '双11', name_en: 'Singles Day', starts_at: new Date(now.getTime() - hour).toISOString(), ends_at: new Date(now.getTime() + 24 * hour).toISOString(),
      funder: 'platform', budget_kind: options.budgetLimit === undefined ? null : 'spend', budget_limit: options.budgetLimit ?? null, status: 'published',
    }).execute();
    await db.insertInto('coupon_batches').values({
      id: batchId, campaign_id: campaignId, name_zh: '满200减20', name_en: '¥20 off ¥200', discount_kind: 'amount', amount_fen: 2_000, min_spend_fen: 20_000, scope_kind: 'all',
      total_quantity: options.total, per_buyer_limit: options.perBuyer ?? 1, claim_starts_at: (options.claimStartsAt ?? new Date(now.getTime() - hour)).toISOString(),
      claim_ends_at: new Date(now.getTime() + hour).toISOString(), valid_days: options.validDays ?? 7,
    }).execute();
    return { batchId, campaignId };
  }

  const counters = (batchId: string) => db.selectFrom('coupon_batches').select(['claimed', 'used']).where('id', '=', batchId).executeTakeFirstOrThrow();

  test('30 buyers race for a batch of 10: exactly 10 coupons, the other 20 told it is sold out', async () => {
    const { batchId } = await batch({ total: 10 });
    const people = await buyers(30);
    const results = await Promise.all(people.map((userId) => claimCoupon(db, { batchId, userId, claimKey: `claim-${userId}`, now })));
    assert.equal(results.filter((r) => r.ok).length, 10);
    assert.deepEqual([...new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.reason.code)))], ['claimed_out']);
    assert.equal((await counters(batchId)).claimed, 10);
    const held = await db.selectFrom('coupons').select('user_id').where('batch_id', '=', batchId).execute();
    assert.equal(new Set(held.map((h) => h.user_id)).size, 10, 'ten different buyers hold one each');
  });

  test('one buyer claiming 8 times at once under a limit of 2 holds 2; the same claim key twice is one coupon', async () => {
    const { batchId } = await batch({ total: 100, perBuyer: 2 });
    const [userId] = await buyers(1);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => claimCoupon(db, { batchId, userId: userId!, claimKey: `tap-${i}`, now })));
    assert.equal(results.filter((r) => r.ok).length, 2);
    for (const r of results.filter((x) => !x.ok)) assert.deepEqual(r.ok || r.reason, { code: 'claim_limit', limit: 2 });
    assert.equal((await counters(batchId)).claimed, 2, 'a refused claim took nothing from the batch');

    const { batchId: other } = await batch({ total: 100 });
    const twice = await Promise.all([claimCoupon(db, { batchId: other, userId: userId!, claimKey: 'same', now }), claimCoupon(db, { batchId: other, userId: userId!, claimKey: 'same', now })]);
    assert.ok(twice[0].ok && twice[1].ok);
    assert.equal(twice[0].ok && twice[0].coupon.id, twice[1].ok && twice[1].coupon.id);
    assert.equal((await counters(other)).claimed, 1);
  });

  test('a claim before the window opens is refused and takes nothing', async () => {
    const { batchId } = await batch({ total: 5, claimStartsAt: new Date(now.getTime() + hour / 2) });
    const [userId] = await buyers(1);
    assert.deepEqual(await claimCoupon(db, { batchId, userId: userId!, claimKey: 'early', now }), { ok: false, reason: { code: 'not_started', startsAt: new Date(now.getTime() + hour / 2).toISOString() } });
    assert.equal((await counters(batchId)).claimed, 0);
  });

  test('one coupon on five orders placed at once is used by one; given back twice, it comes back once', async () => {
    const { batchId } = await batch({ total: 5 });
    const [userId] = await buyers(1);
    const claimed = await claimCoupon(db, { batchId, userId: userId!, claimKey: 'mine', now });
    assert.ok(claimed.ok);
    const couponId = claimed.coupon.id;
    const orders = Array.from({ length: 5 }, () => newId());
    const uses = await Promise.all(orders.map((orderId) => db.transaction().execute((trx) => useCoupon(trx, { couponId, userId: userId!, orderId, discountFen: 2_000, now }))));
    assert.equal(uses.filter((u) => u.ok).length, 1);
    for (const u of uses.filter((x) => !x.ok)) assert.deepEqual(u.ok || u.reason, { code: 'used' });
    assert.equal((await counters(batchId)).used, 1);

    const usedOn = (await db.selectFrom('coupons').select('order_id').where('id', '=', couponId).executeTakeFirstOrThrow()).order_id!;
    const released = await Promise.all([usedOn, usedOn].map((orderId) => db.transaction().execute((trx) => releaseOrderCoupons(trx, { orderId, now }))));
    assert.deepEqual(released.sort(), [0, 1]);
    assert.equal((await counters(batchId)).used, 0);
    const again = await db.transaction().execute((trx) => useCoupon(trx, { couponId, userId: userId!, orderId: newId(), discountFen: 2_000, now }));
    assert.deepEqual(again, { ok: true }, 'back with its buyer, usable again');
  });

  test('a coupon past its validity, or not its buyer’s, is refused', async () => {
    const { batchId } = await batch({ total: 5, validDays: 1 });
    const [owner, stranger] = await buyers(2);
    const claimed = await claimCoupon(db, { batchId, userId: owner!, claimKey: 'k', now });
    assert.ok(claimed.ok);
    const later = new Date(now.getTime() + 25 * hour);
    assert.deepEqual(await db.transaction().execute((trx) => useCoupon(trx, { couponId: claimed.coupon.id, userId: owner!, orderId: newId(), discountFen: 2_000, now: later })), { ok: false, reason: { code: 'expired', endedAt: claimed.coupon.validUntil } });
    assert.deepEqual(await db.transaction().execute((trx) => useCoupon(trx, { couponId: claimed.coupon.id, userId: stranger!, orderId: newId(), discountFen: 2_000, now })), { ok: false, reason: { code: 'not_held' } });
  });

  test('a budget of ¥10 spent by five orders of ¥4 at once pays for two; given back, never below zero', async () => {
    const { campaignId } = await batch({ total: 5, budgetLimit: 1_000 });
    const spent = await Promise.all(Array.from({ length: 5 }, () => db.transaction().execute((trx) => moveCampaignBudget(trx, { campaignId, amount: 400, now }))));
    assert.equal(spent.filter(Boolean).length, 2);
    const used = async () => (await db.selectFrom('campaigns').select('budget_used').where('id', '=', campaignId).executeTakeFirstOrThrow()).budget_used;
    assert.equal(await used(), 800);
    assert.equal(await db.transaction().execute((trx) => moveCampaignBudget(trx, { campaignId, amount: -800, now })), true);
    assert.equal(await db.transaction().execute((trx) => moveCampaignBudget(trx, { campaignId, amount: -1, now })), false);
    assert.equal(await used(), 0);
  });
});
