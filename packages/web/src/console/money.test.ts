import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBp, formatMoney, parsePercent } from './money.ts';

test('money reads with its symbol, grouped thousands and the currency digits', () => {
  assert.equal(formatMoney(290000, 'PKR'), 'Rs 2,900.00');
  assert.equal(formatMoney(1500, 'VUV'), 'VT 1,500');
  assert.equal(formatMoney(5, 'CNY'), '¥ 0.05');
  assert.equal(formatMoney(123456789, 'FJD'), 'FJ$ 1,234,567.89');
});

test('percentages and basis points convert both ways without floats', () => {
  assert.equal(formatBp(1300), '13%');
  assert.equal(formatBp(950), '9.5%');
  assert.equal(formatBp(1), '0.01%');
  assert.equal(formatBp(0), '0%');
  assert.equal(parsePercent('13'), 1300);
  assert.equal(parsePercent('9.5'), 950);
  assert.equal(parsePercent('0.01'), 1);
  assert.equal(parsePercent('15 %'), 1500);
  assert.equal(parsePercent('1.005'), null);
  assert.equal(parsePercent('-3'), null);
  assert.equal(parsePercent(''), null);
});
