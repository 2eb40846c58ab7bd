import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCouponClaim, couponSavingFen, couponValidity, reducedUnitFen, spendAndSaveTier, validateCampaign, validatePromotion, windowReason } from './promotion.rules.ts';
import { AT, campaign, couponBatch, DOUBLE_11 } from './promotion-test-kit.ts';

test('windows are half-open: open from the first instant, closed at the last', () => {
  assert.equal(windowReason(DOUBLE_11, new Date('2026-11-01T00:00:00+08:00')), null);
  assert.deepEqual(windowReason(DOUBLE_11, new Date('2026-10-31T23:59:59+08:00')), { code: 'not_started', startsAt: DOUBLE_11.startsAt });
  assert.deepEqual(windowReason(DOUBLE_11, new Date('2026-11-12T00:00:00+08:00')), { code: 'expired', endedAt: DOUBLE_11.endsAt });
});

test('a coupon valid for 3 days after claiming runs 72 hours from the claim', () => {
  const batch = couponBatch('k', 'c', { validity: { kind: 'days_after_claim', days: 3 } });
  assert.deepEqual(couponValidity(batch, '2026-11-05T02:30:00.000Z'), { startsAt: '2026-11-05T02:30:00.000Z', endsAt: '2026-11-08T02:30:00.000Z' });
});

test('claiming: refused when the claim window is shut, the batch is all handed out, or the buyer holds the limit', () => {
  const batch = couponBatch('k', 'c', { totalQuantity: 50, perBuyerLimit: 1 });
  assert.deepEqual(checkCouponClaim({ batch, at: AT, claimedInTotal: 49, claimedByBuyer: 0 }), []);
  assert.deepEqual(checkCouponClaim({ batch, at: AT, claimedInTotal: 50, claimedByBuyer: 1 }), [{ code: 'claimed_out' }, { code: 'claim_limit', limit: 1 }]);
  assert.deepEqual(checkCouponClaim({ batch, at: new Date('2026-10-01T00:00:00Z'), claimedInTotal: 0, claimedByBuyer: 0 }), [{ code: 'not_started', startsAt: DOUBLE_11.startsAt }]);
});

test('coupon savings never pass the goods they are taken from; percentages round half up and respect the cap', () => {
  assert.equal(couponSavingFen({ kind: 'fixed', amountFen: 5_000 }, 3_000), 3_000, 'a ¥50 coupon on ¥30 of goods saves ¥30');
  assert.equal(couponSavingFen({ kind: 'percent', offBp: 1_500, capFen: null }, 1_003), 150, '15% of 10.03 = 1.5045 → 1.50');
  assert.equal(couponSavingFen({ kind: 'percent', offBp: 1_500, capFen: null }, 1_010), 152, '15% of 10.10 = 1.515 → 1.52');
  assert.equal(couponSavingFen({ kind: 'percent', offBp: 1_000, capFen: 2_000 }, 50_000), 2_000);
});

test('percent-off campaign prices round half up to the fen', () => {
  assert.equal(reducedUnitFen({ kind: 'percent_off', offBp: 1_500 }, 999), 849, '999 × 85% = 849.15');
  assert.equal(reducedUnitFen({ kind: 'percent_off', offBp: 5_000 }, 1), 1, '0.5 fen rounds up');
  assert.equal(reducedUnitFen({ kind: 'fixed', unitPriceFen: 1_234 }, 9_999), 1_234);
});

test('spend-and-save tiers: the highest reached, and the next with what is missing', () => {
  const tiers = [
    { spendFen: 30_000, saveFen: 3_000 },
    { spendFen: 50_000, saveFen: 6_000 },
  ];
  assert.deepEqual(spendAndSaveTier(tiers, 29_000), { reached: null, next: { spendFen: 30_000, saveFen: 3_000, shortFen: 1_000 } });
  assert.deepEqual(spendAndSaveTier(tiers, 30_000), { reached: tiers[0], next: { spendFen: 50_000, saveFen: 6_000, shortFen: 20_000 } });
  assert.deepEqual(spendAndSaveTier(tiers, 80_000), { reached: tiers[1], next: null });
});

test('validation names each field to fix, as codes', () => {
  assert.deepEqual(validateCampaign(campaign('c', { kind: 'platform' })), []);
  assert.deepEqual(validateCampaign(campaign('c', { kind: 'platform' }, { window: { startsAt: DOUBLE_11.endsAt, endsAt: DOUBLE_11.startsAt }, budget: { kind: 'spend', amountFen: -1 } })), [
    { field: 'window', code: 'window' },
    { field: 'budget.amountFen', code: 'fen' },
  ]);
  assert.deepEqual(validatePromotion(couponBatch('k', 'c')), []);
  assert.deepEqual(validatePromotion(couponBatch('k', 'c', { amount: { kind: 'percent', offBp: 10_000, capFen: 0 }, scope: { kind: 'products', productIds: [] } })), [
    { field: 'amount.offBp', code: 'rate' },
    { field: 'amount.capFen', code: 'fen' },
    { field: 'scope.productIds', code: 'empty' },
  ]);
  assert.deepEqual(
    validatePromotion({
      id: 's',
      campaignId: 'c',
      kind: 'spend_and_save',
      priority: 0,
      exclusive: false,
      scope: { kind: 'all' },
      tiers: [
        { spendFen: 30_000, saveFen: 3_000 },
        { spendFen: 20_000, saveFen: 25_000 },
      ],
    }),
    [
      { field: 'tiers[1].saveFen', code: 'save_exceeds_spend' },
      { field: 'tiers[1]', code: 'tiers_order' },
    ],
  );
  assert.deepEqual(validatePromotion({ id: 'f', campaignId: 'c', kind: 'flash_sale', priority: 0, exclusive: true, slots: [{ id: 's', window: DOUBLE_11, items: [{ variantId: 'v', unitPriceFen: 990, stock: 0, perBuyerLimit: 1 }] }] }), [
    { field: 'slots[0].items[0].stock', code: 'count' },
  ]);
});
