import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, formatYuan, groupThousands, yuanAtRate } from './money-text.ts';

test('yuan are printed with two decimals and thousands separators', () => {
  assert.equal(formatYuan(15810), '¥158.10');
  assert.equal(formatYuan(683700), '¥6,837.00');
  assert.equal(formatYuan(5), '¥0.05');
  assert.equal(formatYuan(123456789), '¥1,234,567.89');
});

test('origin prices keep their currency symbol and minor digits (VUV has none)', () => {
  assert.equal(formatMoney({ amount: 450000, currency: 'PKR' }), 'Rs 4,500.00');
  assert.equal(formatMoney({ amount: 1500, currency: 'VUV' }), 'VT 1,500');
  assert.equal(formatMoney({ amount: 215000, currency: 'FJD' }), 'FJ$ 2,150.00');
  assert.equal(formatMoney({ amount: 9900, currency: 'CNY' }), '¥99.00');
});

test('grouping leaves short and negative amounts readable', () => {
  assert.equal(groupThousands('999'), '999');
  assert.equal(groupThousands('1000'), '1,000');
  assert.equal(groupThousands('-1234.5'), '-1,234.5');
});

test('a sample price is converted at the page rate to the fen, or not at all without a rate', () => {
  // 48.00 FJD × 3.18 = 152.64 CNY: the same figure the API gives for the variant priced 48.00 FJD.
  assert.equal(yuanAtRate({ amount: 4800, currency: 'FJD' }, '3.18'), 15264);
  // 62,000.00 PKR × 0.0255 = 1,581.00 CNY.
  assert.equal(yuanAtRate({ amount: 6200000, currency: 'PKR' }, '0.0255'), 158100);
  assert.equal(yuanAtRate({ amount: 2100, currency: 'VUV' }, '0.0601'), 12621);
  assert.equal(yuanAtRate({ amount: 4800, currency: 'FJD' }, null), null);
});
