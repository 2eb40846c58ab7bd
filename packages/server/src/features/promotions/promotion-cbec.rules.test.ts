import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCbecLimits } from '../cbec/index.ts';
import { checkCeb311Amounts, orderDutiableValueFen } from './promotion-cbec.rules.ts';
import { resolvePromotions } from './promotion-stacking.rules.ts';
import type { FlashSale, PriceReduction, SpendAndSave } from './promotion.rules.ts';
import { AT, campaign, cartLine, couponBatch, heldCoupon, MANGO, PERFUME, settleCbec } from './promotion-test-kit.ts';

// Worked examples, one per kind of promotion, each read as a buyer and a customs officer would check it.

test('a ¥100 platform coupon on ¥800 perfume: tax on the full ¥800 (184.47, consumption tax included), the coupon is the CEB311 discount', () => {
  const perfume = cartLine('perfume', 80_000, { rates: PERFUME });
  const resolution = resolvePromotions({
    lines: [perfume],
    campaigns: [campaign('c-platform', { kind: 'platform' })],
    promotions: [couponBatch('k-100', 'c-platform', { amount: { kind: 'fixed', amountFen: 10_000 }, minSpendFen: 50_000 })],
    coupons: [heldCoupon('coupon-1', 'k-100')],
    at: AT,
  });
  assert.deepEqual(
    resolution.applied.map((a) => [a.promotionId, a.couponId, a.treatment, a.funder, a.savingFen]),
    [['k-100', 'coupon-1', 'non_cash', 'platform', 10_000]],
  );

  const [order] = settleCbec(resolution).orders;
  assert.ok(order);
  // cbec.md: perfume at 800.00 with 13% VAT and 15% consumption tax pays 184.47 (98.82 + 85.65).
  assert.deepEqual(
    { goods: order.goodsValueFen, freight: order.freightFen, tax: order.taxTotalFen, discount: order.discountFen, paid: order.acturalPaidFen },
    { goods: 80_000, freight: 0, tax: 18_447, discount: 10_000, paid: 88_447 },
  );
  assert.deepEqual(order.taxParts, { tariffFen: 0, consumptionTaxFen: 9882, vatFen: 8565 });
  assert.equal(order.dutiableValueFen, 80_000, 'the coupon does not lower the dutiable value, nor the quota it uses');
  assert.deepEqual(checkCeb311Amounts(order, 88_447), []);
  // The platform pays for its coupon: the exporter is credited the full ¥800.
  assert.equal(order.lines[0]?.exporterGoodsFen, 80_000);
  assert.deepEqual(order.funding, { exporterFen: 0, pavilionFen: 0, platformFen: 10_000 });
});

test('the same ¥100 as a price reduction to ¥700 lowers the dutiable value and the tax (161.41), with no discount', () => {
  const reduction: PriceReduction = {
    id: 'pr-perfume',
    campaignId: 'c-exporter',
    kind: 'price_reduction',
    priority: 0,
    exclusive: false,
    items: [{ target: { kind: 'variant', variantId: 'v-perfume' }, price: { kind: 'fixed', unitPriceFen: 70_000 } }],
  };
  const resolution = resolvePromotions({
    lines: [cartLine('perfume', 80_000, { rates: PERFUME })],
    campaigns: [campaign('c-exporter', { kind: 'exporter', exporterId: 'E1' })],
    promotions: [reduction],
    at: AT,
  });
  const [order] = settleCbec(resolution).orders;
  assert.ok(order);
  // 700 × 0.7 × 15% / 85% = 86.47 consumption tax; 700 × 0.7 × 13% / 85% = 74.94 VAT.
  assert.deepEqual([order.goodsValueFen, order.taxTotalFen, order.discountFen, order.acturalPaidFen], [70_000, 16_141, 0, 86_141]);
  assert.equal(order.lines[0]?.unitFen, 70_000, 'the CEB311 line carries the reduced price');
  assert.equal(order.dutiableValueFen, 70_000);
  // The exporter funds its own campaign price: credited ¥700.
  assert.equal(order.exporterGoodsFen, 70_000);
  assert.deepEqual(checkCeb311Amounts(order, 86_141), []);
});

test('a campaign price on milk powder: the variant price wins over the product percentage, and the limits count the reduced value', () => {
  const reduction: PriceReduction = {
    id: 'pr-milk',
    campaignId: 'c-pavilion',
    kind: 'price_reduction',
    priority: 0,
    exclusive: false,
    items: [
      { target: { kind: 'product', productId: 'p-milk' }, price: { kind: 'percent_off', offBp: 500 } },
      { target: { kind: 'variant', variantId: 'v-milk' }, price: { kind: 'fixed', unitPriceFen: 27_000 } },
    ],
  };
  const resolution = resolvePromotions({
    lines: [cartLine('milk', 30_000, { quantity: 2 })],
    campaigns: [campaign('c-pavilion', { kind: 'pavilion', pavilionId: 'PK' })],
    promotions: [reduction],
    at: AT,
  });
  assert.equal(orderDutiableValueFen(resolution, 'E1', 0), 54_000);
  const [order] = settleCbec(resolution).orders;
  assert.ok(order);
  // 540.00 at 9.1% = 49.14.
  assert.deepEqual([order.goodsValueFen, order.priceReductionFen, order.taxTotalFen, order.discountFen, order.acturalPaidFen], [54_000, 6_000, 4_914, 0, 58_914]);
  // The pavilion funds it: the exporter is credited the list value, ¥600.
  assert.deepEqual(order.funding, { exporterFen: 0, pavilionFen: 6_000, platformFen: 0 });
  assert.equal(order.exporterGoodsFen, 60_000);
});

const flash: FlashSale = {
  id: 'flash-mango',
  campaignId: 'c-platform',
  kind: 'flash_sale',
  priority: 10,
  exclusive: true,
  slots: [
    { id: 'noon', window: { startsAt: '2026-11-11T10:00:00+08:00', endsAt: '2026-11-11T13:00:00+08:00' }, items: [{ variantId: 'v-mango', unitPriceFen: 9_900, stock: 100, perBuyerLimit: 2 }] },
    { id: 'evening', window: { startsAt: '2026-11-11T20:00:00+08:00', endsAt: '2026-11-11T22:00:00+08:00' }, items: [{ variantId: 'v-mango', unitPriceFen: 9_900, stock: 50, perBuyerLimit: 2 }] },
  ],
};

test('a flash sale: ¥99 mangoes in the open slot, taxed on ¥99; more than the limit keeps the list price and says what is left', () => {
  const campaigns = [campaign('c-platform', { kind: 'platform' })];
  const one = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO })], campaigns, promotions: [flash], at: AT });
  assert.deepEqual(one.lines[0]?.pricePromotion, { promotionId: 'flash-mango', flashSlotId: 'noon' });
  const [order] = settleCbec(one).orders;
  // 99.00 at 6.3% = 6.237 → 6.24.
  assert.deepEqual([order?.goodsValueFen, order?.taxTotalFen, order?.discountFen, order?.acturalPaidFen], [9_900, 624, 0, 10_524]);

  const three = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO, quantity: 3 })], campaigns, promotions: [flash], at: AT });
  assert.equal(three.lines[0]?.unitFen, 20_000);
  assert.deepEqual(three.notApplied, [{ promotionId: 'flash-mango', couponId: null, lineId: 'mango', reasons: [{ code: 'flash_limit', limit: 2, leftUnits: 2 }] }]);

  const soldOut = resolvePromotions({
    lines: [cartLine('mango', 20_000, { rates: MANGO, quantity: 2 })],
    campaigns,
    promotions: [flash],
    usage: { flashSold: new Map([['noon:v-mango', 99]]), flashBoughtByBuyer: new Map([['noon:v-mango', 1]]) },
    at: AT,
  });
  assert.deepEqual(soldOut.notApplied[0]?.reasons, [
    { code: 'flash_sold_out', leftUnits: 1 },
    { code: 'flash_limit', limit: 2, leftUnits: 1 },
  ]);

  // Between the slots the page counts down to the evening one.
  const between = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO })], campaigns, promotions: [flash], at: new Date('2026-11-11T15:00:00+08:00') });
  assert.deepEqual(between.notApplied[0]?.reasons, [{ code: 'not_started', startsAt: '2026-11-11T20:00:00+08:00' }]);
});

test('prices do not stack: the flash price of higher priority replaces the campaign price, which says why it does not apply', () => {
  const reduction: PriceReduction = {
    id: 'pr-mango',
    campaignId: 'c-platform',
    kind: 'price_reduction',
    priority: 0,
    exclusive: false,
    items: [{ target: { kind: 'product', productId: 'p-mango' }, price: { kind: 'fixed', unitPriceFen: 15_000 } }],
  };
  const resolution = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO })], campaigns: [campaign('c-platform', { kind: 'platform' })], promotions: [reduction, flash], at: AT });
  assert.equal(resolution.lines[0]?.unitFen, 9_900);
  assert.deepEqual(resolution.notApplied, [{ promotionId: 'pr-mango', couponId: null, lineId: 'mango', reasons: [{ code: 'not_stackable', promotionId: 'flash-mango', couponId: null }] }]);
});

const tiers: SpendAndSave = {
  id: 'save-tiers',
  campaignId: 'c-pavilion',
  kind: 'spend_and_save',
  priority: 0,
  exclusive: false,
  scope: { kind: 'all' },
  tiers: [
    { spendFen: 30_000, saveFen: 3_000 },
    { spendFen: 50_000, saveFen: 6_000 },
    { spendFen: 100_000, saveFen: 15_000 },
  ],
};

test('spend-and-save: ¥500 of goods reaches "spend 500 save 60"; the saving is a discount spread over the lines, tax on the full prices', () => {
  const resolution = resolvePromotions({
    lines: [cartLine('milk', 30_000), cartLine('mango', 20_000, { rates: MANGO })],
    campaigns: [campaign('c-pavilion', { kind: 'pavilion', pavilionId: 'PK' })],
    promotions: [tiers],
    at: AT,
  });
  assert.deepEqual(resolution.applied[0]?.nextTier, { spendFen: 100_000, saveFen: 15_000, shortFen: 50_000 });
  const [order] = settleCbec(resolution).orders;
  assert.ok(order);
  assert.deepEqual(order.lines.map((l) => l.discountFen), [3_600, 2_400]);
  // 300.00 at 9.1% = 27.30 and 200.00 at 6.3% = 12.60.
  assert.deepEqual([order.goodsValueFen, order.taxTotalFen, order.discountFen, order.acturalPaidFen], [50_000, 3_990, 6_000, 47_990]);
  assert.deepEqual(order.lines.map((l) => l.acturalPaidFen), [30_000 + 2_730 - 3_600, 20_000 + 1_260 - 2_400]);
  assert.deepEqual(checkCeb311Amounts(order, 47_990), []);

  const short = resolvePromotions({ lines: [cartLine('milk', 28_000)], campaigns: [campaign('c-pavilion', { kind: 'pavilion', pavilionId: 'PK' })], promotions: [tiers], at: AT });
  assert.deepEqual(short.notApplied, [{ promotionId: 'save-tiers', couponId: null, lineId: null, reasons: [{ code: 'min_spend_short', shortFen: 2_000, minSpendFen: 30_000 }] }]);
});

test('"差 ¥12 可用": a coupon with a ¥99 threshold on ¥87 of goods says it is ¥12 short', () => {
  const resolution = resolvePromotions({
    lines: [cartLine('tea', 8_700)],
    campaigns: [campaign('c-platform', { kind: 'platform' })],
    promotions: [couponBatch('k-99', 'c-platform', { minSpendFen: 9_900 })],
    coupons: [heldCoupon('coupon-1', 'k-99')],
    at: AT,
  });
  assert.deepEqual(resolution.applied, []);
  assert.deepEqual(resolution.notApplied, [{ promotionId: 'k-99', couponId: 'coupon-1', lineId: null, reasons: [{ code: 'min_spend_short', shortFen: 1_200, minSpendFen: 9_900 }] }]);
});

test('a percentage coupon from the exporter: 10% capped at ¥20, and the exporter bears it', () => {
  const resolution = resolvePromotions({
    lines: [cartLine('milk', 30_000)],
    campaigns: [campaign('c-exporter', { kind: 'exporter', exporterId: 'E1' })],
    promotions: [couponBatch('k-10pc', 'c-exporter', { amount: { kind: 'percent', offBp: 1_000, capFen: 2_000 } })],
    coupons: [heldCoupon('coupon-1', 'k-10pc')],
    at: AT,
  });
  const [order] = settleCbec(resolution).orders;
  assert.deepEqual([order?.discountFen, order?.taxTotalFen, order?.acturalPaidFen], [2_000, 2_730, 30_000 + 2_730 - 2_000]);
  assert.equal(order?.exporterGoodsFen, 28_000);
});

test('one coupon by default: the largest saving wins, ties go to the coupon expiring first; a buyer may pick another', () => {
  const c = campaign('c-platform', { kind: 'platform' });
  const until = (endsAt: string) => ({ kind: 'fixed' as const, window: { startsAt: '2026-11-01T00:00:00+08:00', endsAt } });
  const promotions = [
    couponBatch('k-a', 'c-platform', { amount: { kind: 'fixed', amountFen: 2_000 }, validity: until('2026-12-31T00:00:00+08:00') }),
    couponBatch('k-b', 'c-platform', { amount: { kind: 'fixed', amountFen: 2_000 }, validity: until('2026-11-20T00:00:00+08:00') }),
    couponBatch('k-c', 'c-platform', { amount: { kind: 'percent', offBp: 500, capFen: null } }),
    couponBatch('k-d', 'c-platform', { amount: { kind: 'fixed', amountFen: 5_000 }, validity: until('2026-11-10T00:00:00+08:00') }),
  ];
  const coupons = [heldCoupon('coupon-a', 'k-a'), heldCoupon('coupon-b', 'k-b'), heldCoupon('coupon-c', 'k-c'), heldCoupon('coupon-d', 'k-d'), heldCoupon('coupon-e', 'k-a', { usedAt: '2026-11-06T00:00:00Z' })];
  const lines = [cartLine('milk', 30_000)];
  const best = resolvePromotions({ lines, campaigns: [c], promotions, coupons, at: AT });
  assert.deepEqual(best.applied.map((a) => [a.couponId, a.savingFen]), [['coupon-b', 2_000]]);
  assert.deepEqual(
    best.notApplied.map((n) => [n.couponId, n.reasons]),
    [
      ['coupon-a', [{ code: 'not_stackable', promotionId: 'k-b', couponId: 'coupon-b' }]],
      ['coupon-c', [{ code: 'not_stackable', promotionId: 'k-b', couponId: 'coupon-b' }]],
      ['coupon-d', [{ code: 'expired', endedAt: '2026-11-10T00:00:00+08:00' }]],
      ['coupon-e', [{ code: 'used' }]],
    ],
  );

  const picked = resolvePromotions({ lines, campaigns: [c], promotions, coupons, chosenCouponIds: ['coupon-c'], at: AT });
  assert.deepEqual(picked.applied.map((a) => [a.couponId, a.savingFen]), [['coupon-c', 1_500]]);
  assert.deepEqual(picked.notApplied.find((n) => n.couponId === 'coupon-a')?.reasons, [{ code: 'not_chosen' }]);
});

test('one platform coupon plus one exporter coupon when the operator allows it; each funder keeps its part', () => {
  const campaigns = [campaign('c-platform', { kind: 'platform' }), campaign('c-exporter', { kind: 'exporter', exporterId: 'E1' })];
  const promotions = [couponBatch('k-platform', 'c-platform', { amount: { kind: 'fixed', amountFen: 2_000 } }), couponBatch('k-exporter', 'c-exporter', { amount: { kind: 'fixed', amountFen: 1_000 } })];
  const coupons = [heldCoupon('coupon-p', 'k-platform'), heldCoupon('coupon-x', 'k-exporter')];
  const lines = [cartLine('milk', 30_000)];

  const byDefault = resolvePromotions({ lines, campaigns, promotions, coupons, at: AT });
  assert.deepEqual(byDefault.applied.map((a) => a.couponId), ['coupon-p']);
  assert.deepEqual(byDefault.notApplied.map((n) => n.reasons), [[{ code: 'not_stackable', promotionId: 'k-platform', couponId: 'coupon-p' }]]);

  const both = resolvePromotions({ lines, campaigns, promotions, coupons, policy: { coupons: 'marketplace_and_exporter' }, at: AT });
  assert.deepEqual(both.applied.map((a) => a.couponId), ['coupon-x', 'coupon-p']);
  const [order] = settleCbec(both).orders;
  assert.equal(order?.discountFen, 3_000);
  assert.deepEqual(order?.funding, { exporterFen: 1_000, pavilionFen: 0, platformFen: 2_000 });
  assert.equal(order?.exporterGoodsFen, 29_000);
});

test('an exclusive flash sale holds its line: a coupon applies to the rest of the cart, or says which promotion excludes it', () => {
  const campaigns = [campaign('c-platform', { kind: 'platform' })];
  const promotions = [flash, couponBatch('k-all', 'c-platform')];
  const coupons = [heldCoupon('coupon-1', 'k-all')];
  const mixed = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO }), cartLine('milk', 30_000)], campaigns, promotions, coupons, at: AT });
  assert.deepEqual(mixed.lines.map((l) => [l.id, l.unitFen, l.nonCashFen]), [['mango', 9_900, 0], ['milk', 30_000, 1_000]]);

  const alone = resolvePromotions({ lines: [cartLine('mango', 20_000, { rates: MANGO })], campaigns, promotions, coupons, at: AT });
  assert.deepEqual(alone.notApplied, [{ promotionId: 'k-all', couponId: 'coupon-1', lineId: null, reasons: [{ code: 'exclusive', promotionId: 'flash-mango' }] }]);
});

test('budgets and funders: a coupon the budget left cannot cover, and an exporter coupon on another exporter’s goods, do not apply', () => {
  const lines = [cartLine('milk', 30_000)];
  const poor = resolvePromotions({
    lines,
    campaigns: [campaign('c-platform', { kind: 'platform' }, { budget: { kind: 'spend', amountFen: 10_000 } })],
    promotions: [couponBatch('k-20', 'c-platform', { amount: { kind: 'fixed', amountFen: 2_000 } })],
    coupons: [heldCoupon('coupon-1', 'k-20')],
    usage: { campaigns: new Map([['c-platform', { spentFen: 8_500, uses: 40 }]]) },
    at: AT,
  });
  assert.deepEqual(poor.notApplied[0]?.reasons, [{ code: 'budget_exhausted', leftFen: 1_500 }]);

  const usedUp = resolvePromotions({
    lines,
    campaigns: [campaign('c-platform', { kind: 'platform' }, { budget: { kind: 'uses', count: 10 } })],
    promotions: [couponBatch('k-20', 'c-platform')],
    coupons: [heldCoupon('coupon-1', 'k-20')],
    usage: { campaigns: new Map([['c-platform', { spentFen: 10_000, uses: 10 }]]) },
    at: AT,
  });
  assert.deepEqual(usedUp.notApplied[0]?.reasons, [{ code: 'budget_exhausted', leftFen: null }]);

  const elsewhere = resolvePromotions({
    lines: [cartLine('kava', 30_000, { exporterId: 'E2', orderKey: 'E2' })],
    campaigns: [campaign('c-e1', { kind: 'exporter', exporterId: 'E1' })],
    promotions: [couponBatch('k-e1', 'c-e1')],
    coupons: [heldCoupon('coupon-1', 'k-e1')],
    at: AT,
  });
  assert.deepEqual(elsewhere.notApplied[0]?.reasons, [{ code: 'out_of_scope' }]);
});

test('a platform coupon over two exporters’ orders: each customs order declares its own share, and each head adds up', () => {
  const resolution = resolvePromotions({
    lines: [cartLine('milk', 30_000), cartLine('mango', 20_000, { rates: MANGO, exporterId: 'E2', orderKey: 'E2' })],
    campaigns: [campaign('c-platform', { kind: 'platform' })],
    promotions: [couponBatch('k-30', 'c-platform', { amount: { kind: 'fixed', amountFen: 3_000 } })],
    coupons: [heldCoupon('coupon-1', 'k-30')],
    at: AT,
  });
  const cart = settleCbec(resolution, { E1: 1_000, E2: 1_000 });
  // 310.00 at 9.1% = 28.21; 210.00 at 6.3% = 13.23.
  assert.deepEqual(
    cart.orders.map((o) => [o.key, o.goodsValueFen, o.freightFen, o.taxTotalFen, o.discountFen, o.acturalPaidFen]),
    [
      ['E1', 30_000, 1_000, 2_821, 1_800, 32_021],
      ['E2', 20_000, 1_000, 1_323, 1_200, 21_123],
    ],
  );
  for (const order of cart.orders) assert.deepEqual(checkCeb311Amounts(order), [], order.key);
  assert.equal(cart.totals.acturalPaidFen, 53_144);
  assert.equal(cart.totals.discountFen, 3_000);
});

test('checkCeb311Amounts names what is wrong with a head', () => {
  const head = { goodsValueFen: 10_000, freightFen: 500, taxTotalFen: 955, discountFen: 1_000, acturalPaidFen: 10_455 };
  assert.deepEqual(checkCeb311Amounts(head, 10_455), []);
  assert.deepEqual(checkCeb311Amounts({ ...head, acturalPaidFen: 10_456 }), [{ code: 'actural_paid', expectedFen: 10_455, acturalPaidFen: 10_456 }]);
  assert.deepEqual(checkCeb311Amounts(head, 10_000), [{ code: 'paid_amount', paidFen: 10_000, acturalPaidFen: 10_455 }]);
  assert.deepEqual(checkCeb311Amounts({ ...head, discountFen: 20_000, acturalPaidFen: 1_455 - 10_000 }), [{ code: 'not_fen', field: 'acturalPaidFen' }]);
  assert.deepEqual(checkCeb311Amounts({ ...head, goodsValueFen: 0, discountFen: 1, acturalPaidFen: 1_454 }), [{ code: 'discount_exceeds_goods', discountFen: 1, goodsValueFen: 0 }]);
  assert.deepEqual(checkCeb311Amounts({ ...head, freightFen: 0.5 }), [{ code: 'not_fen', field: 'freightFen' }]);
});

test('the ¥5,000 order limit counts price reductions but not coupons: a coupon cannot bring ¥5,200 of goods under it, a campaign price can', () => {
  const lines = [cartLine('watch-strap', 260_000, { quantity: 2 })];
  const campaigns = [campaign('c-exporter', { kind: 'exporter', exporterId: 'E1' })];
  const withCoupon = resolvePromotions({
    lines,
    campaigns,
    promotions: [couponBatch('k-300', 'c-exporter', { amount: { kind: 'fixed', amountFen: 30_000 } })],
    coupons: [heldCoupon('coupon-1', 'k-300')],
    at: AT,
  });
  assert.equal(withCoupon.applied[0]?.savingFen, 30_000);
  const couponVerdict = checkCbecLimits({ dutiableValueFen: orderDutiableValueFen(withCoupon, 'E1', 0), lines: [{ quantity: 2, indivisible: true }], usedThisYearFen: 0 });
  assert.deepEqual([couponVerdict.ok, !couponVerdict.ok && couponVerdict.code, !couponVerdict.ok && couponVerdict.overByFen], [false, 'ORDER_LIMIT_EXCEEDED', 20_000]);

  const reduced = resolvePromotions({
    lines,
    campaigns,
    promotions: [{ id: 'pr-strap', campaignId: 'c-exporter', kind: 'price_reduction', priority: 0, exclusive: false, items: [{ target: { kind: 'product', productId: 'p-watch-strap' }, price: { kind: 'fixed', unitPriceFen: 245_000 } }] }],
    at: AT,
  });
  const priceVerdict = checkCbecLimits({ dutiableValueFen: orderDutiableValueFen(reduced, 'E1', 0), lines: [{ quantity: 2, indivisible: true }], usedThisYearFen: 0 });
  assert.deepEqual([priceVerdict.ok, priceVerdict.orderValueFen], [true, 490_000]);
});
