import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PurchasableVariant } from '../catalog/index.ts';
import { buildQuote, chooseWarehouse, type RateUsed } from './checkout-quote.rules.ts';

const variant = (over: Partial<PurchasableVariant> & { variantId: string }): PurchasableVariant => ({
  productId: `p-${over.variantId}`, sku: over.variantId.toUpperCase(), titleZh: '商品', titleEn: 'Item', optionValues: [], weightGrams: 100, priceMinor: 10_000, currency: 'CNY',
  exporter: { id: 'ex1', nameZh: '出口商', nameEn: 'Exporter', pavilionId: 'pv' }, hsCode: '6913900000', vatRateBp: 1300, consumptionTaxRateBp: 0, tariffRateBp: 1000, indivisible: true, customsModes: ['9610'],
  problem: null, warehouses: [{ id: 'w-origin', kind: 'origin', name: 'Origin', city: 'Multan', available: 50 }], ...over,
});
const cny: RateUsed = { currency: 'CNY', rateMicro: 1_000_000, effectiveDate: '1970-01-01', source: 'identity' };
// Free delivery everywhere, so the goods value alone is the dutiable value at the edges.
const free = { rates: { default: { firstWeightGrams: 1000, firstPriceFen: 0, stepWeightGrams: 1000, stepPriceFen: 0 } }, provinceGroups: {}, defaultGroup: 'default', freeFromGoodsValueFen: null };
const quote = (variants: PurchasableVariant[], lines: Array<[string, number]>, usedThisYearFen = 0) =>
  buildQuote({
    lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })),
    variants: new Map(variants.map((v) => [v.variantId, v])),
    rates: new Map([['CNY', cny]]),
    templates: new Map([['w-origin', free], ['w-bonded', free]]),
    provinceCode: '310000',
    usedThisYearFen,
  });

test('财关税〔2018〕49号 at the edges: ¥4,999.99 accepted, ¥5,000.01 refused, one item at ¥6,000 accepted at full tax', () => {
  const a = variant({ variantId: 'a', priceMinor: 249_999 });
  const b = variant({ variantId: 'b', priceMinor: 250_000 });
  const c = variant({ variantId: 'c', priceMinor: 250_001 });
  const big = variant({ variantId: 'big', priceMinor: 600_000 });
  const ok = quote([a, b], [['a', 1], ['b', 1]]);
  assert.ok(ok.ok);
  assert.equal(ok.shipments[0]?.goodsFen, 499_999);
  assert.equal(ok.shipments[0]?.regime, 'cbec');
  const over = quote([b, c], [['b', 1], ['c', 1]]);
  assert.ok(!over.ok);
  const limit = over.problems[0];
  assert.equal(limit?.kind === 'limit' && limit.verdict.code, 'ORDER_LIMIT_EXCEEDED');
  assert.equal(limit?.kind === 'limit' && limit.verdict.overByFen, 1);
  const single = quote([big], [['big', 1]]);
  assert.ok(single.ok);
  assert.equal(single.shipments[0]?.regime, 'general');
  // In full: MFN tariff 10% = 600.00; VAT 13% on 6,000 + 600 = 858.00, no 70% reduction.
  assert.deepEqual(single.shipments[0]?.taxParts, { tariffFen: 60_000, consumptionTaxFen: 0, vatFen: 85_800 });
  assert.equal(single.shipments[0]?.taxFen, 145_800);
  assert.deepEqual(single.shipments[0]?.lines[0]?.tax, { tariffFen: 60_000, consumptionTaxFen: 0, vatFen: 85_800, taxFen: 145_800 });
  assert.ok(!quote([big], [['big', 2]]).ok, 'two of them are not one item');
});

test('a set or multipack is not one indivisible item: one unit of it over ¥5,000 is refused', () => {
  const set = variant({ variantId: 'mugs', priceMinor: 510_000, indivisible: false });
  const refused = quote([set], [['mugs', 1]]);
  assert.ok(!refused.ok);
  const problem = refused.problems[0];
  assert.equal(problem?.kind === 'limit' && problem.verdict.code, 'ORDER_LIMIT_EXCEEDED');
  assert.equal(problem?.kind === 'limit' && problem.verdict.overByFen, 10_000);
});

test('taxed in full needs the MFN tariff: a code without one is refused, not taxed at 0%', () => {
  const pearl = variant({ variantId: 'pearl', priceMinor: 600_000, hsCode: '7116100000', tariffRateBp: null });
  const refused = quote([pearl], [['pearl', 1]]);
  assert.ok(!refused.ok);
  assert.deepEqual(refused.problems, [{ kind: 'no_tariff_rate', variantId: 'pearl', hsCode: '7116100000' }]);
  // Within the CBEC limits the tariff is 0% whatever the table says, so the missing rate does not matter.
  const small = quote([variant({ variantId: 'p2', priceMinor: 100_000, tariffRateBp: null })], [['p2', 1]]);
  assert.ok(small.ok);
  assert.deepEqual(small.shipments[0]?.taxParts, { tariffFen: 0, consumptionTaxFen: 0, vatFen: 9_100 });
});

test('the yearly allowance counts what the identity used; what remains is answered', () => {
  const v = variant({ variantId: 'v', priceMinor: 100_000 });
  const ok = quote([v], [['v', 1]], 2_500_000);
  assert.ok(ok.ok);
  assert.equal(ok.annualRemainingFen, 0);
  const over = quote([v], [['v', 1]], 2_500_001);
  assert.ok(!over.ok);
  const p = over.problems[0];
  assert.equal(p?.kind === 'limit' && p.verdict.code, 'ANNUAL_QUOTA_EXCEEDED');
  assert.equal(p?.kind === 'limit' && p.verdict.overByFen, 1);
});

test('lines split by exporter, warehouse and customs mode; bonded stock is preferred when the product may go that way', () => {
  const oil = variant({ variantId: 'oil', customsModes: ['9610', '1210'], warehouses: [{ id: 'w-origin', kind: 'origin', name: 'O', city: 'Nadi', available: 10 }, { id: 'w-bonded', kind: 'bonded', name: 'B', city: 'Shanghai', available: 2 }] });
  assert.equal(chooseWarehouse(oil, 2)?.mode, '1210');
  assert.equal(chooseWarehouse(oil, 3)?.mode, '9610', 'the bonded warehouse does not hold three');
  assert.equal(chooseWarehouse(oil, 11), null);
  const vase = variant({ variantId: 'vase', exporter: { id: 'ex2', nameZh: '乙', nameEn: 'B', pavilionId: 'pv' } });
  const q = quote([oil, vase], [['oil', 1], ['vase', 2]]);
  assert.ok(q.ok);
  assert.deepEqual(q.shipments.map((s) => `${s.exporterId}/${s.customsMode}`).sort(), ['ex1/1210', 'ex2/9610']);
});

test('what cannot be bought is named: unknown, unpublished, without a rate, out of stock', () => {
  const gone = variant({ variantId: 'gone', problem: 'unpublished' });
  const pkr = variant({ variantId: 'pkr', currency: 'PKR' });
  const few = variant({ variantId: 'few' });
  const q = quote([gone, pkr, few], [['gone', 1], ['pkr', 1], ['few', 51], ['nope', 1]]);
  assert.ok(!q.ok);
  assert.deepEqual(q.problems.map((p) => (p.kind === 'not_purchasable' ? `${p.variantId}:${p.reason}` : p.kind === 'out_of_stock' ? `${p.variantId}:${p.available}` : p.kind)).sort(), ['few:50', 'gone:unpublished', 'nope:unknown', 'pkr:no_exchange_rate']);
});
