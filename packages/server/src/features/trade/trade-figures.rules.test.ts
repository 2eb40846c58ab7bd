import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealFigures, noDeals, ratioBp, sumDeals } from './trade-figures.rules.ts';

test('conversion is orders ÷ quotes submitted in basis points, rounded down, 0 with no quote', () => {
  assert.deepEqual(dealFigures({ quotes: 3, accepted: 2, orders: 1 }, 6), { quotes: 3, accepted: 2, orders: 1, conversionBp: 3333, inquiryConversionBp: 1666 });
  assert.deepEqual(dealFigures(noDeals, 0), { quotes: 0, accepted: 0, orders: 0, conversionBp: 0, inquiryConversionBp: 0 });
  assert.equal(dealFigures({ quotes: 2, accepted: 2, orders: 2 }, 0).inquiryConversionBp, 0);
  assert.equal(ratioBp(2, 2), 10_000);
  assert.equal(ratioBp(1, 7), 1428);
});

test("a pavilion's counts are its exporters' counts added up; none adds up to zero", () => {
  assert.deepEqual(sumDeals([{ quotes: 2, accepted: 1, orders: 1 }, { quotes: 5, accepted: 2, orders: 0 }]), { quotes: 7, accepted: 3, orders: 1 });
  assert.deepEqual(sumDeals([]), noDeals);
});
