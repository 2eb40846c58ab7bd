import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationLabel, incotermLabel, quantityLabel } from './trade-format.ts';

const units = { d: 'd', h: 'h', min: 'min' };

test('response timers read in minutes, hours or days', () => {
  assert.equal(durationLabel(59, units), '0 min');
  assert.equal(durationLabel(7200 + 300, units), '2 h 05 min');
  assert.equal(durationLabel(3 * 86_400 + 4 * 3600 + 59, units), '3 d 4 h');
});

test('incoterms and quantities in both languages', () => {
  assert.equal(incotermLabel('CIF', 'zh-CN'), 'CIF · 成本、保险费加运费');
  assert.equal(incotermLabel('EXW', 'en'), 'EXW · Ex Works');
  assert.equal(quantityLabel(1000, 'piece', 'en'), '1,000 pieces');
  assert.equal(quantityLabel(20, 'tonne', 'zh-CN'), '20 吨');
});
