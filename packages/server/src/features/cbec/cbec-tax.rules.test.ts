import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineTax, computeOrderTax, type OrderTax, type TaxRates } from './cbec-tax.rules.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';

const milk: TaxRates = { vatRateBp: 1300, consumptionTaxRateBp: 0 };
const perfume: TaxRates = { vatRateBp: 1300, consumptionTaxRateBp: 1500 };
const mango: TaxRates = { vatRateBp: 900, consumptionTaxRateBp: 0 };

test('the three worked examples of cbec.md, to the fen', () => {
  const cases: Array<[string, number, TaxRates, { consumptionTaxFen: number; vatFen: number; taxFen: number }]> = [
    ['milk powder 300.00 at 13%', 30_000, milk, { consumptionTaxFen: 0, vatFen: 2730, taxFen: 2730 }],
    ['perfume 800.00 at 13% + 15%', 80_000, perfume, { consumptionTaxFen: 9882, vatFen: 8565, taxFen: 18_447 }],
    ['mango 200.00 at 9%', 20_000, mango, { consumptionTaxFen: 0, vatFen: 1260, taxFen: 1260 }],
  ];
  for (const [name, dutiableValueFen, rates, expected] of cases) {
    assert.deepEqual(computeLineTax({ dutiableValueFen, rates, regime: 'cbec' }), { tariffFen: 0, ...expected }, name);
  }
});

test('not the common wrong shortcut: (13% + 15%) × 70% of 800.00 would be 156.80', () => {
  const { taxFen } = computeLineTax({ dutiableValueFen: 80_000, rates: perfume, regime: 'cbec' });
  assert.notEqual(taxFen, 15_680);
  assert.equal(taxFen, 18_447);
});

test('the three examples as one order: the order is the sum of its lines', () => {
  const order = computeOrderTax({
    lines: [
      { goodsValueFen: 30_000, rates: milk },
      { goodsValueFen: 80_000, rates: perfume },
      { goodsValueFen: 20_000, rates: mango },
    ],
    freightFen: 0,
    regime: 'cbec',
  });
  assert.deepEqual(order.lines.map((l) => l.taxFen), [2730, 18_447, 1260]);
  assert.equal(order.taxFen, 22_437);
  assert.equal(order.consumptionTaxFen, 9882);
  assert.equal(order.vatFen, 2730 + 8565 + 1260);
  assert.equal(order.dutiableValueFen, 130_000);
});

test('rounding is half up, once per tax per line', () => {
  // 0.7 × 13% × P = 0.091 × P: P = 50 fen → 4.55 fen → 5; P = 49 → 4.459 → 4.
  assert.equal(computeLineTax({ dutiableValueFen: 50, rates: milk, regime: 'cbec' }).vatFen, 5);
  assert.equal(computeLineTax({ dutiableValueFen: 49, rates: milk, regime: 'cbec' }).vatFen, 4);
  // 0.7 × 9% × P = 0.063 × P: P = 500 fen → 31.5 → 32 (exactly half goes up).
  assert.equal(computeLineTax({ dutiableValueFen: 500, rates: mango, regime: 'cbec' }).vatFen, 32);
  assert.deepEqual(computeLineTax({ dutiableValueFen: 0, rates: perfume, regime: 'cbec' }), { tariffFen: 0, consumptionTaxFen: 0, vatFen: 0, taxFen: 0 });
});

test('freight and insurance become part of each line, spread by goods value, adding up exactly', () => {
  const order = computeOrderTax({
    lines: [
      { goodsValueFen: 10_000, rates: milk },
      { goodsValueFen: 10_000, rates: milk },
      { goodsValueFen: 10_000, rates: milk },
    ],
    freightFen: 1000,
    insuranceFen: 100,
    regime: 'cbec',
  });
  assert.deepEqual(order.lines.map((l) => l.freightFen), [334, 333, 333]);
  assert.deepEqual(order.lines.map((l) => l.insuranceFen), [34, 33, 33]);
  assert.deepEqual(order.lines.map((l) => l.dutiableValueFen), [10_368, 10_366, 10_366]);
  assert.equal(order.dutiableValueFen, 31_100);
  // 0.091 × 103.68 = 9.43488 → 9.43; 0.091 × 103.66 = 9.43306 → 9.43
  assert.deepEqual(order.lines.map((l) => l.taxFen), [943, 943, 943]);
  assert.equal(order.taxFen, 2829);
});

test('a genuine price reduction lowers the dutiable value; it is spread like freight', () => {
  const order = computeOrderTax({
    lines: [
      { goodsValueFen: 30_000, rates: milk },
      { goodsValueFen: 10_000, rates: milk },
    ],
    priceReductionFen: 4000,
    freightFen: 0,
    regime: 'cbec',
  });
  assert.deepEqual(order.lines.map((l) => l.priceReductionFen), [3000, 1000]);
  assert.deepEqual(order.lines.map((l) => l.dutiableValueFen), [27_000, 9000]);
  assert.deepEqual(order.lines.map((l) => l.taxFen), [2457, 819]);
  assert.throws(() => computeOrderTax({ lines: [{ goodsValueFen: 100, rates: milk }], priceReductionFen: 101, freightFen: 0, regime: 'cbec' }), RangeError);
});

test('the single-item exception pays full general-trade taxes: tariff, 100% consumption tax and VAT', () => {
  // A 6,000.00 watch: MFN tariff 8% (configured per HS code), consumption tax 20%, VAT 13%.
  // tariff 480.00; CT = 6480 / 0.8 × 0.2 = 1620.00; VAT = (6480 + 1620) × 13% = 1053.00
  const watch: TaxRates = { vatRateBp: 1300, consumptionTaxRateBp: 2000, tariffRateBp: 800 };
  assert.deepEqual(computeLineTax({ dutiableValueFen: 600_000, rates: watch, regime: 'general' }), {
    tariffFen: 48_000,
    consumptionTaxFen: 162_000,
    vatFen: 105_300,
    taxFen: 315_300,
  });
  // The same item within CBEC: no tariff, 70%: CT = 6000 / 0.8 × 0.2 × 0.7 = 1050.00; VAT = 7500 × 13% × 0.7 = 682.50
  assert.deepEqual(computeLineTax({ dutiableValueFen: 600_000, rates: watch, regime: 'cbec' }), {
    tariffFen: 0,
    consumptionTaxFen: 105_000,
    vatFen: 68_250,
    taxFen: 173_250,
  });
});

test('bad inputs are programming errors, refused loudly', () => {
  const line = (dutiableValueFen: number, rates: TaxRates) => () => computeLineTax({ dutiableValueFen, rates, regime: 'cbec' });
  assert.throws(line(-1, milk), RangeError);
  assert.throws(line(10.5, milk), RangeError);
  assert.throws(line(100, { vatRateBp: 13.5, consumptionTaxRateBp: 0 }), RangeError);
  assert.throws(line(100, { vatRateBp: 1300, consumptionTaxRateBp: 10_000 }), RangeError, 'c = 100% has no gross-up');
  assert.throws(() => computeOrderTax({ lines: [], freightFen: 100, regime: 'cbec' }), RangeError);
  assert.equal(computeOrderTax({ lines: [], freightFen: 0, regime: 'cbec' }).taxFen, 0);
});

const random = seededRandom;

const vatRates = [0, 900, 1300];
const consumptionRates = [0, 500, 1000, 1500, 2000, 3000, 5600];

test('property: over 2,000 random orders, every column of the lines adds up to the order to the fen', () => {
  const next = random(20_180_901);
  for (let run = 0; run < 2000; run++) {
    const lines = Array.from({ length: 1 + next(8) }, () => ({
      goodsValueFen: next(run % 10 === 0 ? 3 : 600_000),
      rates: { vatRateBp: vatRates[next(vatRates.length)] ?? 0, consumptionTaxRateBp: consumptionRates[next(consumptionRates.length)] ?? 0, tariffRateBp: next(3000) },
    }));
    const goods = lines.reduce((s, l) => s + l.goodsValueFen, 0);
    const input = {
      lines,
      freightFen: next(20_000),
      insuranceFen: next(3) === 0 ? next(1000) : 0,
      priceReductionFen: next(3) === 0 ? next(goods + 1) : 0,
      regime: next(4) === 0 ? ('general' as const) : ('cbec' as const),
    };
    const order = computeOrderTax(input);
    const context = JSON.stringify(input);
    for (const column of ['tariffFen', 'consumptionTaxFen', 'vatFen', 'taxFen', 'dutiableValueFen'] as const) {
      assert.equal(sumOf(order, column), order[column], `${column} of ${context}`);
    }
    assert.equal(sumOf(order, 'freightFen'), input.freightFen, context);
    assert.equal(sumOf(order, 'insuranceFen'), input.insuranceFen, context);
    assert.equal(sumOf(order, 'priceReductionFen'), input.priceReductionFen, context);
    assert.equal(order.dutiableValueFen, goods - input.priceReductionFen + input.freightFen + input.insuranceFen, context);
    for (const line of order.lines) {
      assert.ok(Number.isSafeInteger(line.taxFen) && line.taxFen >= 0, context);
      assert.equal(line.taxFen, line.tariffFen + line.consumptionTaxFen + line.vatFen, context);
    }
  }
});

test('property: each line tax is within half a fen of the exact value (checked in exact rationals)', () => {
  const next = random(49);
  for (let run = 0; run < 5000; run++) {
    const p = next(run < 100 ? 100 : 1_000_000);
    const v = vatRates[next(vatRates.length)] ?? 0;
    const c = consumptionRates[next(consumptionRates.length)] ?? 0;
    const { consumptionTaxFen, vatFen } = computeLineTax({ dutiableValueFen: p, rates: { vatRateBp: v, consumptionTaxRateBp: c }, regime: 'cbec' });
    // exact CT = 7pc / (10 (10000 − c)); |rounded − exact| ≤ 1/2  ⇔  |2 × rounded × den − 2 × num| ≤ den
    const den = 10n * (10_000n - BigInt(c));
    for (const [rounded, rate] of [[consumptionTaxFen, c], [vatFen, v]] as const) {
      const num = 7n * BigInt(p) * BigInt(rate);
      const error = 2n * BigInt(rounded) * den - 2n * num;
      assert.ok(error <= den && error > -den, `p=${p} v=${v} c=${c}: ${rounded}`);
    }
  }
});

function sumOf(order: OrderTax, column: keyof OrderTax['lines'][number]): number {
  return order.lines.reduce((s, l) => s + l[column], 0);
}
