import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeOrderTax } from '../cbec/index.ts';
import type { CartLine, TaxRates } from './promotion-eligibility.rules.ts';
import { checkCeb311Amounts, settlePromotedCart, type CbecOrderInput } from './promotion-cbec.rules.ts';
import { resolvePromotions, type PromotionUsage, type ResolveInput, type StackingPolicy } from './promotion-stacking.rules.ts';
import { reducedUnitFen, type BuyerCoupon, type Campaign, type Funder, type Promotion, type PromotionScope, type PromotionWindow } from './promotion.rules.ts';
import { AT } from './promotion-test-kit.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';

const random = seededRandom;

const RATES: readonly TaxRates[] = [
  { vatRateBp: 1300, consumptionTaxRateBp: 0 },
  { vatRateBp: 900, consumptionTaxRateBp: 0 },
  { vatRateBp: 1300, consumptionTaxRateBp: 1500 },
  { vatRateBp: 1300, consumptionTaxRateBp: 2000 },
  { vatRateBp: 1300, consumptionTaxRateBp: 1000 },
];
const EXPORTERS = [
  { id: 'E1', pavilionId: 'PK' },
  { id: 'E2', pavilionId: 'PK' },
  { id: 'E3', pavilionId: 'FJ' },
] as const;
const FUNDERS: readonly Funder[] = [{ kind: 'platform' }, { kind: 'pavilion', pavilionId: 'PK' }, { kind: 'pavilion', pavilionId: 'FJ' }, { kind: 'exporter', exporterId: 'E1' }, { kind: 'exporter', exporterId: 'E3' }];
const CATEGORIES = [['food', 'dairy'], ['food', 'fruit'], ['beauty', 'perfume'], ['drinks']] as const;
const HOUR = 3_600_000;

/** Windows around AT, most open at AT, some not yet open or already closed: made once, picked from per cart. */
const WINDOWS: readonly PromotionWindow[] = (() => {
  const next = random(7);
  return Array.from({ length: 256 }, () => {
    const shift = next(8) === 0 ? (next(2) === 0 ? -1 : 1) * (1 + next(48)) : 0;
    const start = AT.getTime() + shift * HOUR - (1 + next(72)) * HOUR;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + (1 + next(96)) * HOUR).toISOString() };
  });
})();
const CLAIM_TIMES = Array.from({ length: 240 }, (_, h) => new Date(AT.getTime() - h * HOUR).toISOString());
const OPEN_WINDOW: PromotionWindow = { startsAt: new Date(AT.getTime() - 24 * HOUR).toISOString(), endsAt: new Date(AT.getTime() + 24 * HOUR).toISOString() };
const USED_AT = AT.toISOString();

interface Case {
  input: ResolveInput;
  orders: CbecOrderInput[];
}

/** One random cart with random campaigns, promotions, coupons, usage and policy around AT. */
function randomCase(next: (max: number) => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)]!;
  const chance = (n: number) => next(n) === 0;
  const window = (): PromotionWindow => pick(WINDOWS);
  const amount = () => (chance(4) ? next(300) : next(400_000));

  const products = Array.from({ length: 6 }, (_, i) => {
    const exporter = pick(EXPORTERS);
    return { productId: `P${i}`, exporterId: exporter.id, pavilionId: exporter.pavilionId, categoryIds: pick(CATEGORIES), rates: { ...pick(RATES), tariffRateBp: next(3000) } };
  });
  const variants = products.flatMap((p) => ['a', 'b'].map((v) => ({ ...p, variantId: `${p.productId}${v}` })));
  const taken = new Set<string>();
  const lines: CartLine[] = [];
  for (let i = 0, n = 1 + next(5); i < n; i++) {
    const v = pick(variants);
    if (taken.has(v.variantId)) continue;
    taken.add(v.variantId);
    lines.push({ id: `L${i}`, orderKey: `${v.exporterId}${chance(5) ? '-bonded' : ''}`, variantId: v.variantId, productId: v.productId, exporterId: v.exporterId, pavilionId: v.pavilionId, categoryIds: v.categoryIds, quantity: 1 + next(4), listUnitFen: amount(), rates: v.rates });
  }

  const campaigns = Array.from({ length: 4 }, (_, i): Campaign => ({
    id: `C${i}`,
    name: { zh: '活动', en: 'Campaign' },
    window: chance(10) ? window() : OPEN_WINDOW,
    pavilionId: chance(4) ? 'PK' : null,
    budget: chance(2) ? null : chance(2) ? { kind: 'spend', amountFen: next(80_000) } : { kind: 'uses', count: next(4) },
    funder: pick(FUNDERS),
  }));
  const scope = (): PromotionScope =>
    pick<PromotionScope>([
      { kind: 'all' },
      { kind: 'pavilion', pavilionId: pick(['PK', 'FJ']) },
      { kind: 'exporter', exporterId: pick(EXPORTERS).id },
      { kind: 'category', categoryIds: [pick(CATEGORIES)[0]] },
      { kind: 'products', productIds: [pick(products).productId, pick(products).productId] },
    ]);
  const base = (id: string) => ({ id, campaignId: pick(campaigns).id, priority: next(3), exclusive: chance(5) });

  const promotions: Promotion[] = [];
  for (let i = 0, n = next(3); i < n; i++) {
    promotions.push({
      ...base(`PR${i}`),
      kind: 'price_reduction',
      items: Array.from({ length: 1 + next(3) }, () => ({
        target: chance(2) ? { kind: 'product' as const, productId: pick(products).productId } : { kind: 'variant' as const, variantId: pick(variants).variantId },
        price: chance(2) ? { kind: 'fixed' as const, unitPriceFen: amount() } : { kind: 'percent_off' as const, offBp: 1 + next(9_999) },
      })),
    });
  }
  const flashSold = new Map<string, number>();
  const flashBought = new Map<string, number>();
  if (chance(2)) {
    const slots = Array.from({ length: 1 + next(2) }, (_, s) => ({
      id: `S${s}`,
      window: chance(2) ? OPEN_WINDOW : window(),
      items: Array.from({ length: 1 + next(6) }, () => ({ variantId: pick(variants).variantId, unitPriceFen: amount(), stock: 1 + next(12), perBuyerLimit: 1 + next(4) })),
    }));
    for (const slot of slots) {
      for (const item of slot.items) {
        flashSold.set(`${slot.id}:${item.variantId}`, next(4));
        flashBought.set(`${slot.id}:${item.variantId}`, next(2));
      }
    }
    promotions.push({ ...base('F0'), kind: 'flash_sale', slots });
  }
  for (let i = 0, n = next(3); i < n; i++) {
    let spendFen = 0;
    let saveFen = 0;
    const tiers = Array.from({ length: 1 + next(3) }, () => {
      spendFen += 1 + next(200_000);
      saveFen = Math.min(spendFen, saveFen + 1 + next(30_000));
      return { spendFen, saveFen };
    });
    promotions.push({ ...base(`SS${i}`), kind: 'spend_and_save', scope: scope(), tiers: tiers.filter((t, j) => j === 0 || t.saveFen > (tiers[j - 1]?.saveFen ?? 0)) });
  }
  const batches: string[] = [];
  for (let i = 0, n = next(5); i < n; i++) {
    const id = `K${i}`;
    batches.push(id);
    promotions.push({
      ...base(id),
      kind: 'coupon',
      name: { zh: '券', en: 'Coupon' },
      amount: chance(2) ? { kind: 'fixed', amountFen: 1 + next(50_000) } : { kind: 'percent', offBp: 1 + next(9_999), capFen: chance(2) ? null : 1 + next(20_000) },
      minSpendFen: chance(3) ? 0 : next(300_000),
      scope: scope(),
      totalQuantity: 100,
      perBuyerLimit: 2,
      claimWindow: window(),
      validity: chance(2) ? { kind: 'fixed', window: window() } : { kind: 'days_after_claim', days: 1 + next(7) },
    });
  }
  const coupons: BuyerCoupon[] =
    batches.length === 0
      ? []
      : Array.from({ length: next(6) }, (_, i) => ({ id: `Q${i}`, batchId: pick(batches), claimedAt: pick(CLAIM_TIMES), usedAt: chance(10) ? USED_AT : null }));

  const usage: PromotionUsage = {
    campaigns: new Map(campaigns.map((c) => [c.id, { spentFen: next(40_000), uses: next(3) }])),
    flashSold,
    flashBoughtByBuyer: flashBought,
  };
  const policy: StackingPolicy = { coupons: chance(2) ? 'one' : 'marketplace_and_exporter' };
  const chosenCouponIds = chance(5) ? coupons.filter(() => chance(2)).map((c) => c.id) : undefined;
  const orders = [...new Set(lines.map((l) => l.orderKey))].map((key): CbecOrderInput => ({ key, freightFen: chance(4) ? 0 : next(5_000), regime: chance(10) ? 'general' : 'cbec' }));
  return { input: { lines, campaigns, promotions, coupons, usage, policy, at: AT, ...(chosenCouponIds ? { chosenCouponIds } : {}) }, orders };
}

/** Fails unless every number reachable from the value is a non-negative safe integer. */
function assertAllFen(value: unknown, where: string): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) assert.fail(`${where}: ${value} is not a non-negative safe integer`);
  } else if (Array.isArray(value)) {
    for (const v of value) assertAllFen(v, where);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) assertAllFen(v, where);
  }
}

test('property: over 10,000 random carts the promotions follow the CBEC rules to the fen', () => {
  const next = random(20_261_111);
  const appliedKinds = new Map<string, number>();
  for (let run = 0; run < 10_000; run++) {
    const { input, orders } = randomCase(next);
    const at = `cart #${run}`;
    const resolution = resolvePromotions(input);
    const cart = settlePromotedCart({ resolution, orders });
    const promotions = new Map(input.promotions.map((p) => [p.id, p]));
    const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
    const lines = new Map(resolution.lines.map((l) => [l.id, l]));

    // No amount negative, every figure a safe integer.
    assertAllFen(cart, at);
    assertAllFen(resolution.applied, at);

    // Each promotion's saving is allocated to its lines to the fen, and only to its lines.
    for (const a of resolution.applied) {
      const parts = resolution.lines.flatMap((l) => l.deductions.filter((d) => d.promotionId === a.promotionId && d.couponId === a.couponId).map((d) => ({ line: l.id, amount: d.amountFen })));
      assert.equal(parts.reduce((s, p) => s + p.amount, 0), a.savingFen, `${at}: ${a.promotionId}`);
      for (const p of parts) assert.ok(a.lineIds.includes(p.line), `${at}: ${a.promotionId} on ${p.line}`);
      const promotion = promotions.get(a.promotionId);
      assert.ok(promotion && promotion.kind === a.kind, at);
      const goodsFen = a.lineIds.reduce((s, id) => s + (lines.get(id)?.goodsFen ?? 0), 0);
      appliedKinds.set(promotion.kind, (appliedKinds.get(promotion.kind) ?? 0) + 1);
      if (promotion.kind === 'coupon') {
        assert.ok(goodsFen >= promotion.minSpendFen, `${at}: ${a.promotionId} below its minimum spend`);
      }
      if (promotion.kind === 'spend_and_save') {
        const reached = promotion.tiers.filter((t) => t.spendFen <= goodsFen).at(-1);
        assert.ok(reached && a.savingFen <= reached.saveFen, `${at}: ${a.promotionId} saves more than its tier`);
      }
    }

    // The stacking policy holds: one price per line, the coupons it allows, exclusive promotions alone on their lines.
    const coupons = resolution.applied.filter((a) => a.kind === 'coupon');
    if (input.policy?.coupons === 'one') assert.ok(coupons.length <= 1, at);
    else {
      assert.ok(coupons.filter((c) => c.funder === 'exporter').length <= 1, at);
      assert.ok(coupons.filter((c) => c.funder !== 'exporter').length <= 1, at);
    }
    for (const line of resolution.lines) {
      const on = resolution.applied.filter((a) => a.lineIds.includes(line.id));
      assert.ok(on.filter((a) => a.treatment === 'price').length <= 1, at);
      if (on.some((a) => promotions.get(a.promotionId)?.exclusive)) assert.equal(on.length, 1, `${at}: ${line.id} shares an exclusive promotion`);
    }

    // Campaign budgets are never passed.
    for (const campaign of input.campaigns) {
      const mine = resolution.applied.filter((a) => a.campaignId === campaign.id);
      const before = input.usage?.campaigns?.get(campaign.id) ?? { spentFen: 0, uses: 0 };
      if (campaign.budget?.kind === 'spend') assert.ok(mine.reduce((s, a) => s + a.savingFen, 0) <= Math.max(0, campaign.budget.amountFen - before.spentFen), `${at}: ${campaign.id} over budget`);
      if (campaign.budget?.kind === 'uses') assert.ok(mine.length <= Math.max(0, campaign.budget.count - before.uses), `${at}: ${campaign.id} over its uses`);
    }

    // Price reductions and flash prices set the unit price actually paid, never above the list price.
    for (const line of resolution.lines) {
      let expected = line.listUnitFen;
      const chosen = line.pricePromotion ? promotions.get(line.pricePromotion.promotionId) : undefined;
      if (chosen?.kind === 'flash_sale') {
        const slot = chosen.slots.find((s) => s.id === line.pricePromotion?.flashSlotId);
        expected = slot?.items.find((i) => i.variantId === line.variantId)?.unitPriceFen ?? -1;
      } else if (chosen?.kind === 'price_reduction') {
        const item = chosen.items.find((i) => i.target.kind === 'variant' && i.target.variantId === line.variantId) ?? chosen.items.find((i) => i.target.kind === 'product' && i.target.productId === line.productId);
        expected = item ? reducedUnitFen(item.price, line.listUnitFen) : -1;
      } else assert.equal(line.pricePromotion, null, at);
      assert.equal(line.unitFen, expected, `${at}: ${line.id}`);
      assert.ok(line.unitFen <= line.listUnitFen, at);
      assert.equal(line.goodsFen, line.unitFen * line.quantity, at);
      assert.ok(line.nonCashFen <= line.goodsFen, `${at}: ${line.id} discounted below nothing`);
    }

    // Without any non-cash promotion the prices, dutiable values and taxes are the same: coupons and
    // spend-and-save never touch them. Checked on every fourth cart, to keep the test fast.
    const priceOnly =
      run % 4 === 0
        ? settlePromotedCart({ resolution: resolvePromotions({ ...input, promotions: input.promotions.filter((p) => p.kind === 'price_reduction' || p.kind === 'flash_sale'), coupons: [] }), orders })
        : null;

    let buyerPaysFen = 0;
    cart.orders.forEach((order, o) => {
      const mine = resolution.lines.filter((l) => l.orderKey === order.key);
      // The dutiable value and the tax are cbec's on the goods at the prices actually paid, plus freight.
      const reference = computeOrderTax({ lines: mine.map((l) => ({ goodsValueFen: l.unitFen * l.quantity, rates: l.rates })), freightFen: order.freightFen, regime: order.regime });
      assert.equal(order.taxTotalFen, reference.taxFen, at);
      order.lines.forEach((l, i) => assert.equal(l.tax.taxFen, reference.lines[i]?.taxFen, at));
      assert.equal(order.dutiableValueFen, reference.dutiableValueFen, at);
      assert.equal(order.dutiableValueFen, order.goodsValueFen + order.freightFen, at);
      if (priceOnly) {
        const same = priceOnly.orders[o];
        assert.ok(same, at);
        assert.deepEqual([same.goodsValueFen, same.dutiableValueFen, same.taxTotalFen, same.discountFen], [order.goodsValueFen, order.dutiableValueFen, order.taxTotalFen, 0], at);
      }

      // The lines add up to the order in every column.
      const sum = (pick: (l: (typeof order.lines)[number]) => number) => order.lines.reduce((s, l) => s + pick(l), 0);
      assert.equal(sum((l) => l.goodsValueFen), order.goodsValueFen, at);
      assert.equal(sum((l) => l.freightFen), order.freightFen, at);
      assert.equal(sum((l) => l.tax.taxFen), order.taxTotalFen, at);
      assert.equal(sum((l) => l.discountFen), order.discountFen, at);
      assert.equal(sum((l) => l.acturalPaidFen), order.acturalPaidFen, at);
      assert.equal(sum((l) => l.unitFen * l.quantity), order.goodsValueFen, `${at}: CEB311 price × qty = totalPrice`);

      // Who funded what: the parts add up to what the buyer did not pay for the goods, and the exporter bears only its own.
      for (const l of order.lines) {
        const given = l.funding.exporterFen + l.funding.pavilionFen + l.funding.platformFen;
        assert.equal(given, l.listGoodsFen - (l.goodsValueFen - l.discountFen), at);
        assert.equal(l.exporterGoodsFen, l.listGoodsFen - l.funding.exporterFen, at);
        assert.ok(l.exporterGoodsFen >= l.goodsValueFen - l.discountFen, at);
      }

      // The CEB311 identity: acturalPaid = goodsValue + freight + taxTotal − discount = what the buyer pays.
      const paysFen = mine.reduce((s, l) => s + l.unitFen * l.quantity - l.deductions.filter((d) => d.treatment === 'non_cash').reduce((n, d) => n + d.amountFen, 0), 0) + order.freightFen + reference.taxFen;
      const problems = checkCeb311Amounts(order, paysFen);
      if (problems.length > 0) assert.fail(`${at}: ${JSON.stringify(problems)}`);
      buyerPaysFen += paysFen;
    });
    assert.equal(cart.totals.acturalPaidFen, buyerPaysFen, at);
    for (const a of resolution.applied) assert.ok(campaigns.has(a.campaignId), at);
  }
  // The generator reaches every kind often enough for the properties to mean something.
  for (const [kind, least] of [['coupon', 500], ['price_reduction', 500], ['spend_and_save', 500], ['flash_sale', 100]] as const) {
    assert.ok((appliedKinds.get(kind) ?? 0) >= least, `${kind} applied ${appliedKinds.get(kind) ?? 0} times`);
  }
});
