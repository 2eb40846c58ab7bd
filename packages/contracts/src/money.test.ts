import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allocate, currencyCodes, divideRoundHalfUp, formatMajor, formatRate, fromCnyFen, isAllowedRate, MAX_TOTAL_MINOR, MAX_TRADE_QUANTITY, MAX_UNIT_PRICE_MINOR, maxRateMicro,
  MIN_RATE_MICRO, parseMajor, parseRate, RATE_SCALE, toCnyFen,
} from './money.ts';

test('round half up in integers', () => {
  assert.equal(divideRoundHalfUp(5n, 2n), 3n);
  assert.equal(divideRoundHalfUp(4n, 2n), 2n);
  assert.equal(divideRoundHalfUp(149n, 100n), 1n);
  assert.equal(divideRoundHalfUp(150n, 100n), 2n);
  assert.equal(divideRoundHalfUp(-150n, 100n), -2n);
});

test('major-unit text ↔ minor units, VUV has no decimals', () => {
  assert.equal(parseMajor('1,234.50', 'FJD'), 123450);
  assert.equal(parseMajor('1500', 'VUV'), 1500);
  assert.equal(parseMajor('1500.5', 'VUV'), null, 'vatu have no fraction');
  assert.equal(parseMajor('12.345', 'PKR'), null, 'three decimals for a two-digit currency');
  assert.equal(parseMajor('-3', 'CNY'), null);
  assert.equal(formatMajor(123450, 'FJD'), '1234.50');
  assert.equal(formatMajor(1500, 'VUV'), '1500');
  assert.equal(formatMajor(5, 'CNY'), '0.05');
});

test('rates are integer millionths', () => {
  assert.equal(parseRate('3.1825'), 3_182_500);
  assert.equal(parseRate('0.0255'), 25_500);
  assert.equal(parseRate('0.0000001'), null);
  assert.equal(parseRate('0'), null);
  assert.equal(formatRate(3_182_500), '3.1825');
  assert.equal(formatRate(7_000_000), '7');
});

test('conversion to CNY rounds half up to the fen', () => {
  // FJD 45.00 at 3.1825 = 143.2125 → 143.21
  assert.equal(toCnyFen(4500, 'FJD', 3_182_500), 14321);
  // FJD 45.10 at 3.1825 = 143.53075 → 143.53
  assert.equal(toCnyFen(4510, 'FJD', 3_182_500), 14353);
  // VUV 1,500 at 0.0601 = 90.15
  assert.equal(toCnyFen(1500, 'VUV', 60_100), 9015);
  // VUV 25 at 0.0601 = 1.5025 → 1.50; VUV 1 at 0.0605 = 0.0605 → 0.06
  assert.equal(toCnyFen(25, 'VUV', 60_100), 150);
  assert.equal(toCnyFen(1, 'VUV', 60_500), 6);
  // PKR 2,500.00 at 0.0255 = 63.75
  assert.equal(toCnyFen(250000, 'PKR', 25_500), 6375);
  // exactly half a fen rounds up: PKR 0.02 at 0.25 = 0.005 → 0.01
  assert.equal(toCnyFen(2, 'PKR', 250_000), 1);
  assert.equal(toCnyFen(9999, 'CNY', 1), 9999);
});

test('conversion back from CNY', () => {
  assert.equal(fromCnyFen(9015, 'VUV', 60_100), 1500);
  assert.equal(fromCnyFen(14321, 'FJD', 3_182_500), 4500);
});

test('allocation: the parts add up to the total, proportionally', () => {
  const cases: Array<[number, number[]]> = [
    [100, [1, 1, 1]],
    [1, [1, 1, 1]],
    [1847, [30000, 50000, 1]],
    [999_999, [7, 13, 17, 19, 23]],
    [0, [5, 5]],
    [12, [0, 0]],
  ];
  for (const [total, weights] of cases) {
    const parts = allocate(total, weights);
    assert.equal(parts.reduce((a, b) => a + b, 0), total, `${total} over ${weights.join(',')}`);
    assert.equal(parts.length, weights.length);
  }
  assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(allocate(10, [1, 3]), [3, 7]);
});

test('the input bounds keep every derived amount a safe integer, in every currency at any allowed rate', () => {
  const INT64_MAX = 2n ** 63n - 1n;
  for (const currency of currencyCodes) {
    const rates = currency === 'CNY' ? [RATE_SCALE] : [MIN_RATE_MICRO, maxRateMicro(currency)];
    for (const rate of rates) {
      const unitFen = toCnyFen(MAX_UNIT_PRICE_MINOR, currency, rate);
      assert.ok(unitFen <= 20_000_000_000, `${currency}: a unit is at most ¥200,000,000`);
      // tiers × quantity, in the currency and converted once
      assert.ok(Number.isSafeInteger(MAX_UNIT_PRICE_MINOR * MAX_TRADE_QUANTITY));
      const totalFen = toCnyFen(MAX_TOTAL_MINOR, currency, rate);
      assert.ok(Number.isSafeInteger(totalFen * 4), `${currency} at ${rate}: room for a sum of a few totals`);
      assert.ok(Number.isSafeInteger(unitFen * MAX_TRADE_QUANTITY * 4));
      // the SQL that refreshes listing prices: price × rate × 200 within bigint
      assert.ok(BigInt(MAX_UNIT_PRICE_MINOR) * BigInt(rate) * 200n < INT64_MAX, `${currency}: SQL conversion fits in bigint`);
      // back into the currency at the same rate: within the bounds again
      assert.ok(fromCnyFen(totalFen, currency, rate) <= MAX_TOTAL_MINOR + 1);
    }
  }
  assert.equal(maxRateMicro('VUV'), 200_000, '0.2 yuan per vatu');
  assert.equal(maxRateMicro('PKR'), 20_000_000, '20 yuan per rupee');
  assert.equal(isAllowedRate('20', 'USD'), true);
  assert.equal(isAllowedRate('20.000001', 'USD'), false);
  assert.equal(isAllowedRate('0.2', 'VUV'), true);
  assert.equal(isAllowedRate('0.21', 'VUV'), false);
  assert.equal(isAllowedRate('0.0001', 'PKR'), true);
  assert.equal(isAllowedRate('0.000099', 'PKR'), false);
});
