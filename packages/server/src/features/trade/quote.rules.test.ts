import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byUnitFen, priceAtQuantity, quoteValidOn, tierAt, tierProblems } from './quote.rules.ts';

const tiers = [
  { minQuantity: 100, unitPriceMinor: 1250 },
  { minQuantity: 500, unitPriceMinor: 1100 },
  { minQuantity: 1000, unitPriceMinor: 1100 },
];

test('tiers rise in quantity and never rise in price; equal prices are allowed', () => {
  assert.deepEqual(tierProblems(tiers), []);
  assert.deepEqual(tierProblems([tiers[0]!, { minQuantity: 100, unitPriceMinor: 900 }]), [{ index: 1, rule: 'tiersAscending' }]);
  assert.deepEqual(tierProblems([tiers[1]!, tiers[0]!]), [{ index: 1, rule: 'tiersAscending' }]);
  assert.deepEqual(tierProblems([tiers[0]!, { minQuantity: 200, unitPriceMinor: 1251 }]), [{ index: 1, rule: 'tierPriceRises' }]);
});

test('the tier at a quantity is the highest minimum at or below it; below the first, none', () => {
  assert.equal(tierAt(tiers, 99), null);
  assert.equal(tierAt(tiers, 100)?.minQuantity, 100);
  assert.equal(tierAt(tiers, 499)?.minQuantity, 100);
  assert.equal(tierAt(tiers, 500)?.minQuantity, 500);
  assert.equal(tierAt(tiers, 5000)?.minQuantity, 1000);
});

test('a quote is valid through its valid-until day in China', () => {
  assert.equal(quoteValidOn('2026-12-01', '2026-12-01'), true);
  assert.equal(quoteValidOn('2026-11-30', '2026-12-01'), false);
});

test('the unit price converts to fen once, half up; the total converts from the foreign total', () => {
  // 11.00 FJD at 3.182500 CNY: 35.0075 → 35.01 per unit; 600 units: 6,600.00 FJD → 21,004.50 CNY.
  const line = priceAtQuantity({ tiers, quantity: 600, currency: 'FJD', rateMicro: 3_182_500 });
  assert.equal(line.unitFen, 3501);
  assert.equal(line.totalFen, 2_100_450);
  assert.equal(line.notQuotable, null);
  // VUV has no minor unit: 1,250 VUV at 0.059 → 73.75 CNY.
  assert.equal(priceAtQuantity({ tiers: [{ minQuantity: 1, unitPriceMinor: 1250 }], quantity: 1, currency: 'VUV', rateMicro: 59_000 }).unitFen, 7375);
  assert.equal(priceAtQuantity({ tiers, quantity: 50, currency: 'FJD', rateMicro: 3_182_500 }).notQuotable, 'below_first_tier');
  assert.equal(priceAtQuantity({ tiers, quantity: 600, currency: 'FJD', rateMicro: null }).notQuotable, 'no_exchange_rate');
});

test('the comparison sorts cheapest first, unpriced last', () => {
  const sorted = byUnitFen([{ id: 'a', unitFen: null }, { id: 'b', unitFen: 900 }, { id: 'c', unitFen: 700 }, { id: 'd', unitFen: null }]);
  assert.deepEqual(sorted.map((l) => l.id), ['c', 'b', 'a', 'd']);
});
