import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteBodyOf, quoteFormPath, quoteValuesOf } from './quote-form-values.ts';

const values = quoteValuesOf(null, { currency: 'FJD', incoterm: 'CIF', minQuantity: 1000, validUntil: '2026-12-31' });

test('prices typed in major units become minor units; VUV has none', () => {
  const converted = quoteBodyOf({ ...values, tiers: [{ minQuantity: 100, price: '12.50' }, { minQuantity: 500, price: '11' }] }, 'en');
  assert.deepEqual(converted.issues, []);
  assert.deepEqual((converted.body as { tiers: unknown }).tiers, [{ minQuantity: 100, unitPriceMinor: 1250 }, { minQuantity: 500, unitPriceMinor: 1100 }]);
  const vatu = quoteBodyOf({ ...values, currency: 'VUV', tiers: [{ minQuantity: 1, price: '150' }] }, 'en');
  assert.deepEqual((vatu.body as { tiers: unknown }).tiers, [{ minQuantity: 1, unitPriceMinor: 150 }]);
});

test('an unreadable price is an issue on its own field; T/T not offered sends no deposit', () => {
  const converted = quoteBodyOf({ ...values, tiers: [{ minQuantity: 100, price: '12.505' }], ttOffered: false }, 'en');
  assert.deepEqual(converted.issues.map((i) => i.path), ['tiers.0.price']);
  assert.equal((converted.body as { ttDepositPercent: unknown }).ttDepositPercent, null);
  assert.equal(quoteFormPath('tiers.2.unitPriceMinor'), 'tiers.2.price');
  assert.equal(quoteFormPath('samplePriceMinor'), 'samplePrice');
  assert.equal(quoteFormPath('validUntil'), 'validUntil');
});
