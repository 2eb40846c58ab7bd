import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocate, divideRoundHalfUp, formatMajor, formatRate, fromCnyFen, parseMajor, parseRate, toCnyFen } from './money.ts';

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
