import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PricedVariant } from '../catalog/index.ts';
import { addedQuantity, buildCartView, guestCartOwner, isGuestToken, lineProblem, newGuestToken } from './cart.rules.ts';

const variant = (over: Partial<PricedVariant> = {}): PricedVariant => ({
  variantId: 'v1', productId: 'p1', sku: 'SKU', titleZh: '花瓶', titleEn: 'Vase', optionValues: ['Small'], weightGrams: 900, priceMinor: 450000, currency: 'PKR',
  exporter: { id: 'e1', nameZh: '蓝陶', nameEn: 'Blue', pavilionId: 'pk' }, hsCode: '6913900000', vatRateBp: 1300, consumptionTaxRateBp: 0, tariffRateBp: null, indivisible: true, customsModes: ['9610'],
  problem: null, warehouses: [], coverMediaId: 'm1', rate: { currency: 'PKR', rateMicro: 25_600, effectiveDate: '2026-11-01', source: 'PBOC' }, unitFen: 11_520, available: 5, reason: null,
  ...over,
});

test('adding to a line caps it at 999 instead of refusing', () => {
  assert.equal(addedQuantity(2, 3), 5);
  assert.equal(addedQuantity(998, 5), 999);
});

test('a line’s problem: the variant’s reason first, then not enough stock for the quantity', () => {
  assert.equal(lineProblem(variant(), 5), null);
  assert.equal(lineProblem(variant(), 6), 'not_enough_stock');
  assert.equal(lineProblem(variant({ reason: 'out_of_stock', available: 0 }), 1), 'out_of_stock');
  assert.equal(lineProblem(variant({ reason: 'unpublished' }), 1), 'unpublished');
});

test('the goods total counts only the lines that can be bought, to the fen', () => {
  const variants = new Map([
    ['v1', variant()],
    ['v2', variant({ variantId: 'v2', reason: 'no_exchange_rate', rate: null, unitFen: null })],
  ]);
  const cart = buildCartView([{ variantId: 'v1', quantity: 3 }, { variantId: 'v2', quantity: 1 }, { variantId: 'gone', quantity: 1 }], variants, null);
  assert.equal(cart.goodsFen, 34_560);
  assert.deepEqual(cart.lines.map((l) => [l.variantId, l.problem, l.unitPrice.cnyFen]), [['v1', null, 11_520], ['v2', 'no_exchange_rate', null]]);
  assert.equal(cart.lines[0]?.cover, '/media/m1/thumb.webp');
});

test('guest tokens: 43 base64url characters, stored only as a sha256', () => {
  const token = newGuestToken();
  assert.ok(isGuestToken(token));
  assert.ok(!isGuestToken(`${token}=`));
  assert.match(guestCartOwner(token), /^guest:[0-9a-f]{64}$/);
  assert.ok(!guestCartOwner(token).includes(token));
});
