import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productContentSchema } from '@pavilion/contracts';
import { emptyProductValues, formPathOf, toContent, toFormValues } from './product-form-values.ts';

const messages = { required: 'is required', invalid: (currency: string) => `not a ${currency} amount` };

test('prices typed in major units become integer minor units, per the currency digits', () => {
  const values = emptyProductValues({ currency: 'PKR', originCountry: 'PK' });
  values.categoryId = 'pottery-ceramics';
  values.variants = [{ sku: 'MB-1', barcode: '', weightGrams: 900, price: '2,900.50', optionValues: [] }];
  values.b2b.tiers = [{ minQuantity: 200, price: '2350' }];
  values.b2b.samplePrice = '';
  const { body, issues } = toContent(values, messages);
  assert.deepEqual(issues, []);
  const content = productContentSchema.parse(body);
  assert.equal(content.variants[0]?.priceMinor, 290050);
  assert.equal(content.b2b.tiers[0]?.priceMinor, 235000);
  assert.equal(content.b2b.samplePriceMinor, null);
});

test('a price the currency cannot hold is named by its form field', () => {
  const values = emptyProductValues({ currency: 'VUV', originCountry: 'VU' });
  values.variants = [
    { sku: 'A', barcode: '', weightGrams: 10, price: '1500.50', optionValues: [] },
    { sku: 'B', barcode: '', weightGrams: 10, price: '', optionValues: [] },
  ];
  const { issues } = toContent(values, messages);
  assert.deepEqual(issues, [
    { path: 'variants.0.price', message: 'not a VUV amount' },
    { path: 'variants.1.price', message: 'is required' },
  ]);
});

test('stored content survives the round trip through the form unchanged', () => {
  const stored = productContentSchema.parse({
    titleEn: 'Mugs', titleZh: '马克杯', categoryId: 'pottery-ceramics', currency: 'FJD',
    options: [{ nameEn: 'Colour', nameZh: '颜色', values: [{ en: 'Blue', zh: '蓝' }] }],
    variants: [{ id: '0b5c3a0e-8f0c-4a53-9d2e-3c8f1b7b2a11', sku: 'M-1', weightGrams: 900, priceMinor: 1999, optionValues: ['Blue'] }],
    b2b: { moq: 10, tiers: [{ minQuantity: 50, priceMinor: 1500 }], samplePriceMinor: 2500, leadTimeDays: 20, incoterms: ['FOB'] },
    compliance: { originCountry: 'FJ', hsCode: '6912001000', certifications: [{ type: 'haccp', number: 'H-1', expiresOn: '2027-01-01' }] },
  });
  const variant = stored.variants[0];
  assert.ok(variant);
  const back = productContentSchema.parse(toContent(toFormValues({ ...stored, variants: [{ ...variant, id: variant.id ?? '' }] }), messages).body);
  assert.deepEqual(back, stored);
});

test('server paths of prices point at the price inputs', () => {
  assert.equal(formPathOf('variants.3.priceMinor'), 'variants.3.price');
  assert.equal(formPathOf('b2b.tiers.0.priceMinor'), 'b2b.tiers.0.price');
  assert.equal(formPathOf('b2b.samplePriceMinor'), 'b2b.samplePrice');
  assert.equal(formPathOf('variants.0.sku'), 'variants.0.sku');
});

test('a number left empty is reported as required, by its field', () => {
  const values = emptyProductValues({ currency: 'PKR', originCountry: 'PK' });
  values.variants = [{ sku: 'A', barcode: '', weightGrams: null, price: '10', optionValues: [] }];
  values.b2b.moq = null;
  const { issues } = toContent(values, messages);
  assert.deepEqual(issues, [
    { path: 'variants.0.weightGrams', message: 'is required' },
    { path: 'b2b.moq', message: 'is required' },
  ]);
});
