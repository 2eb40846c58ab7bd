import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hsRateIssues, suggestedFoodMark } from './hs-rate.rules.ts';

const perfume = { descriptionEn: 'Perfumes', descriptionZh: '香水', vatRateBp: 1300, consumptionTaxRateBp: 1500 };
const fields = (issues: Array<{ field: string }>) => issues.map((i) => i.field);

test('a well-formed rate has no issues (edges included)', () => {
  assert.deepEqual(hsRateIssues('3303000010', perfume), []);
  assert.deepEqual(hsRateIssues('0804502000', { ...perfume, vatRateBp: 900, consumptionTaxRateBp: 0 }), []);
  assert.deepEqual(hsRateIssues('7113191100', { ...perfume, vatRateBp: 10_000, consumptionTaxRateBp: 9_999 }), []);
});

test('the HS code must be exactly ten digits', () => {
  assert.deepEqual(fields(hsRateIssues('33030000', perfume)), ['params.hsCode'], '8 digits');
  assert.deepEqual(fields(hsRateIssues('330300001', perfume)), ['params.hsCode'], '9 digits');
  assert.deepEqual(fields(hsRateIssues('33030000100', perfume)), ['params.hsCode'], '11 digits');
  assert.deepEqual(fields(hsRateIssues('33030000AB', perfume)), ['params.hsCode'], 'letters');
  assert.deepEqual(fields(hsRateIssues('3303.00.00', perfume)), ['params.hsCode'], 'dots');
  assert.equal(hsRateIssues('330300001', perfume)[0]?.message, 'must be a 10-digit HS code');
});

test('rates are whole basis points within range; consumption tax stays below 100%', () => {
  assert.deepEqual(fields(hsRateIssues('3303000010', { ...perfume, vatRateBp: 10_001 })), ['body.vatRateBp']);
  assert.deepEqual(fields(hsRateIssues('3303000010', { ...perfume, vatRateBp: -1 })), ['body.vatRateBp']);
  assert.deepEqual(fields(hsRateIssues('3303000010', { ...perfume, vatRateBp: 12.5 })), ['body.vatRateBp']);
  assert.deepEqual(fields(hsRateIssues('3303000010', { ...perfume, consumptionTaxRateBp: 10_000 })), ['body.consumptionTaxRateBp']);
});

test('the MFN tariff may be absent (not entered) or whole basis points from 0 to 100%', () => {
  assert.deepEqual(hsRateIssues('7116100000', { ...perfume, tariffRateBp: null }), []);
  assert.deepEqual(hsRateIssues('7116100000', { ...perfume, tariffRateBp: 0 }), []);
  assert.deepEqual(hsRateIssues('7116100000', { ...perfume, tariffRateBp: 10_000 }), []);
  assert.deepEqual(fields(hsRateIssues('7116100000', { ...perfume, tariffRateBp: 10_001 })), ['body.tariffRateBp']);
  assert.deepEqual(fields(hsRateIssues('7116100000', { ...perfume, tariffRateBp: -1 })), ['body.tariffRateBp']);
  assert.deepEqual(fields(hsRateIssues('7116100000', { ...perfume, tariffRateBp: 2.5 })), ['body.tariffRateBp']);
});

test('both descriptions are required, and every issue is reported at once', () => {
  assert.deepEqual(fields(hsRateIssues('12', { descriptionEn: ' ', descriptionZh: '', vatRateBp: 20_000, consumptionTaxRateBp: -5 })), [
    'params.hsCode',
    'body.descriptionEn',
    'body.descriptionZh',
    'body.vatRateBp',
    'body.consumptionTaxRateBp',
  ]);
});

test('food by default: chapters 01–24 except headings not eaten, plus edible salt', () => {
  for (const code of ['1515909090', '1513110000', '0409000000', '0901210000', '2106909090', '0504000090', '2501001100', '2203000000']) {
    assert.equal(suggestedFoodMark(code), true, code);
  }
  for (const code of ['0106190090', '0301110000', '0511999000', '0602909100', '1211903999', '1404900090', '1521901000', '2309109000', '2402200000', '2207200000', '2501002000', '3304990099', '6913900000']) {
    assert.equal(suggestedFoodMark(code), false, code);
  }
});
