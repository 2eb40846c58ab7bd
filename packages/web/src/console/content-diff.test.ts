import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffContent } from './content-diff.ts';

const live = {
  titleEn: 'Blue mug',
  titleZh: '蓝陶杯',
  tags: ['mug', 'blue'],
  variants: [{ id: 'a', sku: 'MUG-1', priceMinor: 290000 }],
  compliance: { hsCode: '6912001000', customsModes: ['9610'] },
};

test('an unchanged content has no changes', () => {
  assert.deepEqual(diffContent(live, structuredClone(live)), []);
});

test('each changed leaf is named by its path with both values', () => {
  const edit = structuredClone(live);
  edit.titleZh = '蓝陶马克杯';
  const firstVariant = edit.variants[0];
  assert.ok(firstVariant);
  firstVariant.priceMinor = 310000;
  edit.compliance.customsModes = ['9610', '1210'];
  assert.deepEqual(diffContent(live, edit), [
    { path: 'titleZh', before: '蓝陶杯', after: '蓝陶马克杯' },
    { path: 'variants.0.priceMinor', before: 290000, after: 310000 },
    { path: 'compliance.customsModes', before: ['9610'], after: ['9610', '1210'] },
  ]);
});

test('a reordered list of values is one change; an added variant shows its fields as new', () => {
  const edit = structuredClone(live);
  edit.tags = ['blue', 'mug'];
  edit.variants.push({ id: 'b', sku: 'MUG-2', priceMinor: 100 });
  const changes = diffContent(live, edit);
  assert.deepEqual(changes.map((change) => change.path), ['tags', 'variants.1.id', 'variants.1.sku', 'variants.1.priceMinor']);
  assert.equal(changes[1]?.before, undefined);
});
