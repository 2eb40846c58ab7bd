import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFreight, freightTemplateIssues, type FreightTemplate } from './freight.rules.ts';

/** A bonded warehouse in Shanghai: 12.00 for the first kilo, 8.00 per further 500 g; remote provinces dearer. */
const template: FreightTemplate = {
  rates: {
    default: { firstWeightGrams: 1000, firstPriceFen: 1200, stepWeightGrams: 500, stepPriceFen: 800 },
    remote: { firstWeightGrams: 1000, firstPriceFen: 3000, stepWeightGrams: 1000, stepPriceFen: 2000 },
  },
  provinceGroups: { '650000': 'remote', '540000': 'remote' },
  defaultGroup: 'default',
  freeFromGoodsValueFen: 29_900,
};
const quote = (provinceCode: string, weightGrams: number, goodsValueFen = 10_000) => computeFreight({ template, provinceCode, weightGrams, goodsValueFen });

test('first weight, then whole steps: the chargeable weight rounds up to the step', () => {
  const cases: Array<[number, number, number]> = [
    // weight, chargeable weight, freight
    [0, 1000, 1200],
    [1, 1000, 1200],
    [1000, 1000, 1200],
    [1001, 1500, 2000],
    [1500, 1500, 2000],
    [1501, 2000, 2800],
    [10_000, 10_000, 1200 + 18 * 800],
  ];
  for (const [weight, chargeable, fen] of cases) {
    const q = quote('310000', weight);
    assert.deepEqual([q.chargeableWeightGrams, q.freightFen, q.group, q.free], [chargeable, fen, 'default', false], `${weight} g`);
  }
});

test('the consignee province picks the group; others use the default', () => {
  assert.deepEqual(quote('650000', 2500), { freightFen: 3000 + 2 * 2000, group: 'remote', chargeableWeightGrams: 3000, free: false });
  assert.equal(quote('540000', 500).group, 'remote');
  assert.equal(quote('440000', 500).group, 'default');
  assert.equal(quote('999999', 500).group, 'default', 'an unknown province is not a crash (the address check refuses it earlier)');
  assert.equal(quote('toString', 500).group, 'default', 'no prototype keys');
});

test('free delivery from the threshold (满 299 元包邮): 298.99 pays, 299.00 does not', () => {
  assert.equal(quote('310000', 3000, 29_899).freightFen, 1200 + 4 * 800);
  assert.deepEqual(quote('310000', 3000, 29_900), { freightFen: 0, group: 'default', chargeableWeightGrams: 3000, free: true });
  assert.equal(quote('650000', 3000, 50_000).freightFen, 0, 'the threshold applies to every group');
  assert.equal(computeFreight({ template: { ...template, freeFromGoodsValueFen: null }, provinceCode: '310000', weightGrams: 100, goodsValueFen: 10_000_000 }).freightFen, 1200);
});

test('integer inputs only', () => {
  assert.throws(() => quote('310000', 10.5), RangeError);
  assert.throws(() => quote('310000', -1), RangeError);
  assert.throws(() => quote('310000', 100, 99.9), RangeError);
  assert.throws(() => computeFreight({ template: { ...template, defaultGroup: 'nowhere' }, provinceCode: '310000', weightGrams: 1, goodsValueFen: 0 }), RangeError);
});

test('templates are checked when saved: every problem named by field', () => {
  assert.deepEqual(freightTemplateIssues(template), []);
  const broken: FreightTemplate = {
    rates: { default: { firstWeightGrams: 0, firstPriceFen: -1, stepWeightGrams: 0.5, stepPriceFen: 12.5 } },
    provinceGroups: { '810000': 'default', '650000': 'remote', '6500': 'default' },
    defaultGroup: 'standard',
    freeFromGoodsValueFen: -100,
  };
  assert.deepEqual(
    freightTemplateIssues(broken).map((i) => `${i.field} ${i.rule}`),
    [
      'body.rates.default.firstWeightGrams positive_integer',
      'body.rates.default.stepWeightGrams positive_integer',
      'body.rates.default.firstPriceFen fen',
      'body.rates.default.stepPriceFen fen',
      'body.defaultGroup unknown_group',
      // integer-like keys come in numeric order
      'body.provinceGroups.6500 china_division',
      'body.provinceGroups.650000 unknown_group',
      'body.provinceGroups.810000 china_division',
      'body.freeFromGoodsValueFen fen',
    ],
  );
  assert.deepEqual(freightTemplateIssues({ ...template, rates: {}, provinceGroups: {} }).map((i) => i.field), ['body.rates', 'body.defaultGroup']);
});
