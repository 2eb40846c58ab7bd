import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validationMessages as m } from '@pavilion/contracts';
import { ancestorPaths, applicationIssues, editMode, lockedChangeIssues, lockedFields, requiresGacc, type ApplicationValues } from './exporter-application.rules.ts';

const values: ApplicationValues = {
  legalName: 'Nadi Bay Coconut Company Pte Ltd',
  tradingNameEn: 'Bula Coconut',
  tradingNameZh: '布拉椰子',
  country: 'FJ',
  city: 'Nadi',
  address: 'Queens Road, Nadi',
  contactName: 'Litia Naivalu',
  contactEmail: 'litia@bulacoconut.example',
  contactPhone: '+679 670 1234',
  registrationNumber: 'FJ-BR-2019-0042',
  gaccRegistrationNumber: null,
  manufacturerName: null,
  manufacturerAddress: null,
  categories: ['coconut-products'],
  storyEn: '',
  storyZh: '',
};

test('a food application needs the GACC number and the manufacturer, each named', () => {
  const issues = applicationIssues(values, { requiresGacc: true });
  assert.deepEqual(issues.map((i) => i.field), ['body.gaccRegistrationNumber', 'body.manufacturerName', 'body.manufacturerAddress']);
  assert.ok(issues.every((i) => i.message === m.requiredForFood.en));
  assert.deepEqual(applicationIssues({ ...values, gaccRegistrationNumber: 'CFJI00012345678', manufacturerName: 'Nadi Bay', manufacturerAddress: 'Nadi' }, { requiresGacc: true }), []);
});

test('a non-food application needs no GACC number', () => {
  assert.deepEqual(applicationIssues(values, { requiresGacc: false }), []);
});

test('a blank required field or no category is named', () => {
  const issues = applicationIssues({ ...values, address: '  ', registrationNumber: null, categories: [] }, { requiresGacc: false });
  assert.deepEqual(issues.map((i) => i.field), ['body.address', 'body.registrationNumber', 'body.categories']);
});

test('food is inherited: a child of a food root is food, roots and children alike', () => {
  const food = new Set(['food-beverages/']);
  assert.equal(requiresGacc([{ path: 'food-beverages/honey/' }], food), true);
  assert.equal(requiresGacc([{ path: 'food-beverages/' }], food), true);
  assert.equal(requiresGacc([{ path: 'handicrafts/pottery-ceramics/' }], food), false);
  assert.equal(requiresGacc([{ path: 'handicrafts/' }, { path: 'food-beverages/honey/' }], food), true);
  assert.deepEqual(ancestorPaths('coffee-tea/kava/'), ['coffee-tea/', 'coffee-tea/kava/']);
});

test('pending and rejected applications change freely; approved and suspended ones only contact, address and story', () => {
  assert.equal(editMode('pending'), 'full');
  assert.equal(editMode('rejected'), 'full');
  assert.equal(editMode('approved'), 'contact');
  assert.equal(editMode('suspended'), 'contact');
  assert.deepEqual(lockedFields('pending'), []);
  for (const f of ['legalName', 'registrationNumber', 'gaccRegistrationNumber', 'country', 'categories'] as const) assert.ok(lockedFields('approved').includes(f), f);
  for (const f of ['address', 'contactName', 'contactEmail', 'contactPhone', 'city', 'storyEn'] as const) assert.ok(!lockedFields('approved').includes(f), f);
});

test('once approved, a changed locked field is named; the same value sent back is not', () => {
  const issues = lockedChangeIssues('approved', values, { legalName: 'Another Name Ltd', registrationNumber: values.registrationNumber, contactPhone: '+679 999 0000' });
  assert.deepEqual(issues, [{ field: 'body.legalName', rule: 'locked', message: m.lockedOnceApproved.en }]);
  assert.deepEqual(lockedChangeIssues('approved', values, { categories: ['coconut-products'] }), []);
  assert.deepEqual(lockedChangeIssues('suspended', values, { gaccRegistrationNumber: 'CFJI00012345678' }).map((i) => i.field), ['body.gaccRegistrationNumber']);
  assert.deepEqual(lockedChangeIssues('rejected', values, { legalName: 'Another Name Ltd' }), []);
});
