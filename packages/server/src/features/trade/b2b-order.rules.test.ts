import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { b2bActionsAt, nextB2bStatus, orderAmounts } from './b2b-order.rules.ts';

const tt = { depositMinor: 300, balanceMinor: 700 };
const lc = { depositMinor: 0, balanceMinor: 1000 };
const full = { depositMinor: 1000, balanceMinor: 0 };
const quote = { tiers: [{ minQuantity: 100, unitPriceMinor: 1250 }, { minQuantity: 500, unitPriceMinor: 1100 }], sampleAvailable: true, samplePriceMinor: 2000, ttDepositPercent: 30, letterOfCredit: true };

describe('B2B order states', () => {
  test('a T/T order walks proforma → deposit → production → shipped → balance → completed, one exporter step at a time', () => {
    const walk: Array<[Parameters<typeof nextB2bStatus>[0], Parameters<typeof nextB2bStatus>[1]]> = [
      ['proforma_issued', 'deposit'], ['deposit_paid', 'production'], ['in_production', 'shipment'], ['shipped', 'balance'], ['balance_paid', 'complete'],
    ];
    assert.deepEqual(walk.map(([s, a]) => nextB2bStatus(s, a, 'exporter', tt)), ['deposit_paid', 'in_production', 'shipped', 'balance_paid', 'completed']);
    // No skipping and no going twice.
    assert.equal(nextB2bStatus('proforma_issued', 'production', 'exporter', tt), null);
    assert.equal(nextB2bStatus('deposit_paid', 'deposit', 'exporter', tt), null);
    assert.equal(nextB2bStatus('shipped', 'complete', 'exporter', tt), null);
    assert.equal(nextB2bStatus('completed', 'cancel', 'exporter', tt), null);
  });

  test('an L/C order has no deposit step; a 100 % deposit has no balance step', () => {
    assert.equal(nextB2bStatus('proforma_issued', 'deposit', 'exporter', lc), null);
    assert.equal(nextB2bStatus('proforma_issued', 'production', 'exporter', lc), 'in_production');
    assert.equal(nextB2bStatus('shipped', 'balance', 'exporter', full), null);
    assert.equal(nextB2bStatus('shipped', 'complete', 'exporter', full), 'completed');
  });

  test('the importer only cancels before the deposit and takes no other step; nobody cancels once shipped', () => {
    assert.equal(nextB2bStatus('proforma_issued', 'cancel', 'company', tt), 'cancelled');
    assert.equal(nextB2bStatus('deposit_paid', 'cancel', 'company', tt), null);
    assert.equal(nextB2bStatus('deposit_paid', 'cancel', 'exporter', tt), 'cancelled');
    assert.equal(nextB2bStatus('in_production', 'cancel', 'exporter', tt), 'cancelled');
    assert.equal(nextB2bStatus('shipped', 'cancel', 'exporter', tt), null);
    assert.equal(nextB2bStatus('proforma_issued', 'deposit', 'company', tt), null);
    assert.deepEqual(b2bActionsAt('proforma_issued', 'company', tt), ['cancel']);
    assert.deepEqual(b2bActionsAt('proforma_issued', 'exporter', tt), ['deposit', 'cancel']);
    assert.deepEqual(b2bActionsAt('cancelled', 'exporter', tt), []);
  });
});

describe('B2B order amounts', () => {
  test('bulk at the tier price for the quantity, 30 % deposit rounded half up, deposit + balance = total', () => {
    const a = orderAmounts(quote, { kind: 'bulk', quantity: 333 });
    assert.deepEqual(a, { unitPriceMinor: 1250, quantity: 333, totalMinor: 416_250, paymentTerms: 'tt', depositPercent: 30, depositMinor: 124_875, balanceMinor: 291_375 });
    const b = orderAmounts({ ...quote, ttDepositPercent: 33 }, { kind: 'bulk', quantity: 501 });
    // 551,100 × 33 % = 181,863 exactly; 1 unit of 1,100 × 33 % = 363.
    assert.deepEqual(b, { unitPriceMinor: 1100, quantity: 501, totalMinor: 551_100, paymentTerms: 'tt', depositPercent: 33, depositMinor: 181_863, balanceMinor: 369_237 });
  });

  test('VUV has no minor unit: a half vatu of deposit rounds up and the balance takes the rest', () => {
    const vuv = orderAmounts({ ...quote, tiers: [{ minQuantity: 1, unitPriceMinor: 1 }], ttDepositPercent: 50 }, { kind: 'bulk', quantity: 3 });
    assert.deepEqual(vuv, { unitPriceMinor: 1, quantity: 3, totalMinor: 3, paymentTerms: 'tt', depositPercent: 50, depositMinor: 2, balanceMinor: 1 });
  });

  test('a sample at the sample price; L/C when asked has no deposit', () => {
    assert.deepEqual(orderAmounts(quote, { kind: 'sample', quantity: 2, paymentTerms: 'lc' }), {
      unitPriceMinor: 2000, quantity: 2, totalMinor: 4000, paymentTerms: 'lc', depositPercent: null, depositMinor: 0, balanceMinor: 4000,
    });
  });

  test('refusals name the field: no sample offered, below the first tier, terms the quote does not offer', () => {
    assert.deepEqual(orderAmounts({ ...quote, sampleAvailable: false, samplePriceMinor: null }, { kind: 'sample', quantity: 1 }), { field: 'kind', rule: 'sample_not_available' });
    assert.deepEqual(orderAmounts(quote, { kind: 'bulk', quantity: 99 }), { field: 'quantity', rule: 'below_first_tier' });
    assert.deepEqual(orderAmounts({ ...quote, letterOfCredit: false }, { kind: 'bulk', quantity: 100, paymentTerms: 'lc' }), { field: 'paymentTerms', rule: 'terms_not_offered' });
    assert.deepEqual(orderAmounts({ ...quote, ttDepositPercent: null }, { kind: 'bulk', quantity: 100, paymentTerms: 'tt' }), { field: 'paymentTerms', rule: 'terms_not_offered' });
    // T/T not offered: L/C is the default.
    const a = orderAmounts({ ...quote, ttDepositPercent: null }, { kind: 'bulk', quantity: 100 });
    assert.equal('paymentTerms' in a && a.paymentTerms, 'lc');
  });
});
