import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseValue, findVariant, initialSelection, valueState, type SelectableVariant } from './variant-selection.ts';

const sandals: SelectableVariant[] = [
  { optionValues: ['Natural', '36'], stock: 'out_of_stock' },
  { optionValues: ['Natural', '37'], stock: 'in_stock' },
  { optionValues: ['Oxblood', '37'], stock: 'low' },
  { optionValues: ['Oxblood', '38'], stock: 'in_stock' },
];

test('the page opens on the first variant that can be sent', () => {
  assert.deepEqual(initialSelection(sandals), ['Natural', '37']);
  assert.deepEqual(initialSelection([{ optionValues: ['A'], stock: 'out_of_stock' }]), ['A']);
  assert.deepEqual(initialSelection([{ optionValues: [], stock: 'in_stock' }]), []);
});

test('each value says whether choosing it leads to a variant in stock, sold out or none', () => {
  const selection = ['Natural', '37'];
  assert.equal(valueState(sandals, selection, 1, '36'), 'sold_out');
  assert.equal(valueState(sandals, selection, 1, '38'), 'missing');
  assert.equal(valueState(sandals, selection, 0, 'Oxblood'), 'available');
});

test('choosing a value keeps the other choices when that variant exists', () => {
  assert.deepEqual(chooseValue(sandals, ['Natural', '37'], 0, 'Oxblood'), ['Oxblood', '37']);
});

test('choosing a value that does not exist with the other choices moves to a variant that has it, in stock first', () => {
  assert.deepEqual(chooseValue(sandals, ['Natural', '37'], 1, '38'), ['Oxblood', '38']);
  const selection = chooseValue(sandals, ['Oxblood', '38'], 1, '36');
  assert.deepEqual(selection, ['Natural', '36']);
  assert.equal(findVariant(sandals, selection)?.stock, 'out_of_stock');
});
