import assert from 'node:assert/strict';
import { test } from 'node:test';
import { productContentSchema, productStatuses } from '@pavilion/contracts';
import { chinaDate } from '../../platform/clock.ts';
import { stockState, unavailableReason, checkDraftStructure, checkPublication, productTransitions, transition, type ProductAction, type PublicationContext } from './product.rules.ts';

const complete = productContentSchema.parse({
  titleEn: 'Multani blue pottery vase',
  titleZh: '木尔坦蓝陶花瓶',
  categoryId: 'pottery-ceramics',
  imageIds: ['6f1c2b1e-8d8a-4a4e-9a53-2f8f2b6d0c11'],
  currency: 'PKR',
  variants: [{ sku: 'MB-VASE-S', weightGrams: 900, priceMinor: 450000 }],
  compliance: { hsCode: '6913900000', originCountry: 'PK', customsModes: ['9610'] },
  eLabel: { nameZh: '陶瓷花瓶', originZh: '巴基斯坦', netContentZh: '1 件' },
});
const ctx: PublicationContext = {
  exporterStatus: 'approved',
  exporterGaccNumber: null,
  category: { isFood: false },
  hsRate: { retailEligible: true, retailModes: 'both', isFood: false },
  brandExists: true,
  today: '2026-11-22',
};
const rules = (content = complete, context: Partial<PublicationContext> = {}) => checkPublication(content, { ...ctx, ...context }).map((i) => `${i.rule}@${i.field}`);

test('a complete product passes', () => {
  assert.deepEqual(rules(), []);
});

test('each publication rule is reported by name and field', () => {
  const bare = { ...complete, titleZh: '', imageIds: [], variants: [{ ...complete.variants[0]!, priceMinor: 0 }] };
  assert.deepEqual(rules(bare), ['title_zh_required@titleZh', 'image_required@imageIds', 'price_positive@variants.0.priceMinor']);
  assert.deepEqual(rules(complete, { hsRate: null }), ['hs_code_unknown@compliance.hsCode']);
  assert.deepEqual(rules(complete, { hsRate: { retailEligible: false, retailModes: 'both', isFood: false } }), ['hs_code_not_retail_eligible@compliance.hsCode']);
  assert.deepEqual(rules(complete, { hsRate: { retailEligible: true, retailModes: '1210', isFood: false } }), ['customs_mode_not_allowed@compliance.customsModes']);
  assert.deepEqual(rules({ ...complete, compliance: { ...complete.compliance, hsCode: '' } }), ['hs_code_required@compliance.hsCode']);
  assert.deepEqual(rules(complete, { exporterStatus: 'pending' }), ['exporter_not_approved@exporter']);
});

test('an HS code is not needed when the product is not sold by retail (B2B only)', () => {
  const b2bOnly = { ...complete, compliance: { ...complete.compliance, hsCode: '', retailSale: false }, eLabel: { ...complete.eLabel, nameZh: '' } };
  assert.deepEqual(rules(b2bOnly, { hsRate: null }), []);
});

test('food needs the GACC number and a fuller label', () => {
  assert.deepEqual(rules(complete, { category: { isFood: true } }), [
    'e_label_incomplete@eLabel.ingredientsZh',
    'e_label_incomplete@eLabel.shelfLifeZh',
    'e_label_incomplete@eLabel.storageZh',
    'gacc_registration_required@exporter.gaccRegistrationNumber',
  ]);
  const label = { ...complete.eLabel, ingredientsZh: '杏干', shelfLifeZh: '12 个月', storageZh: '阴凉干燥处' };
  assert.deepEqual(rules({ ...complete, eLabel: label }, { category: { isFood: true }, exporterGaccNumber: 'CPAK01234567890' }), []);
});

test('food is decided by the HS code: edible oil under a non-food category needs the food label and GACC', () => {
  const oil = { ...complete, categoryId: 'natural-oils', compliance: { ...complete.compliance, hsCode: '1515909090' } };
  const foodCode = { hsRate: { retailEligible: true, retailModes: 'both' as const, isFood: true }, category: { isFood: false } };
  assert.deepEqual(rules(oil, foodCode), [
    'e_label_incomplete@eLabel.ingredientsZh',
    'e_label_incomplete@eLabel.shelfLifeZh',
    'e_label_incomplete@eLabel.storageZh',
    'gacc_registration_required@exporter.gaccRegistrationNumber',
  ]);
  // The category adds, never removes: a non-food code in a food category is still food.
  assert.deepEqual(rules(complete, { category: { isFood: true } }).at(-1), 'gacc_registration_required@exporter.gaccRegistrationNumber');
  // A B2B-only product needs no e-label, but a food maker still needs the GACC registration.
  const b2bOil = { ...oil, compliance: { ...oil.compliance, retailSale: false } };
  assert.deepEqual(rules(b2bOil, foodCode), ['gacc_registration_required@exporter.gaccRegistrationNumber']);
});

test('a certificate that expired yesterday blocks; one expiring today does not', () => {
  const cert = (expiresOn: string) => ({ ...complete, compliance: { ...complete.compliance, certifications: [{ type: 'halal' as const, number: 'PHA-1', issuer: '', expiresOn, documentId: null }] } });
  assert.deepEqual(rules(cert('2026-11-21')), ['certificate_expired@compliance.certifications.0.expiresOn']);
  assert.deepEqual(rules(cert('2026-11-22')), []);
});

test('draft structure: duplicate SKUs, option values, tiers', () => {
  const content = productContentSchema.parse({
    ...complete,
    options: [{ nameEn: 'Size', nameZh: '尺寸', values: [{ en: 'S', zh: '小' }, { en: 'L', zh: '大' }] }],
    variants: [
      { sku: 'A-1', weightGrams: 1, priceMinor: 1, optionValues: ['S'] },
      { sku: 'a-1', weightGrams: 1, priceMinor: 1, optionValues: ['XL'] },
      { sku: 'A-3', weightGrams: 1, priceMinor: 1, optionValues: [] },
    ],
    b2b: { moq: 10, tiers: [{ minQuantity: 50, priceMinor: 1 }, { minQuantity: 20, priceMinor: 1 }] },
  });
  assert.deepEqual(checkDraftStructure(content).map((p) => `${p.rule}@${p.field}`), [
    'duplicate@body.variants.1.sku',
    'unknown_option_value@body.variants.1.optionValues.0',
    'option_count@body.variants.2.optionValues',
    'tier_order@body.b2b.tiers.1.minQuantity',
  ]);
});

test('lifecycle: every status × action, as a table', () => {
  const table: Array<[string, ProductAction, string, string | null]> = [
    ['draft/draft', 'submit', '', 'submitted/submitted'],
    ['draft/draft', 'approve', '', null],
    ['draft/draft', 'archive', '', 'archived/draft'],
    ['submitted/submitted', 'approve', '', 'published/none'],
    ['submitted/submitted', 'request_changes', '', 'changes_requested/changes_requested'],
    ['submitted/submitted', 'edit', 'withdrawn from review', 'draft/draft'],
    ['submitted/submitted', 'archive', '', null],
    ['changes_requested/changes_requested', 'edit', 'reasons stay visible', 'changes_requested/changes_requested'],
    ['changes_requested/changes_requested', 'submit', '', 'submitted/submitted'],
    ['published/none', 'edit', 'a new working revision; still on sale', 'published/draft'],
    ['published/draft', 'submit', '', 'published/submitted'],
    ['published/submitted', 'approve', 'the edit goes live', 'published/none'],
    ['published/submitted', 'request_changes', 'still on sale', 'published/changes_requested'],
    ['published/none', 'submit', 'nothing to submit', null],
    ['published/none', 'unpublish', '', 'unpublished/none'],
    ['published/none', 'archive', 'unpublish first', null],
    ['unpublished/none', 'republish', '', 'published/none'],
    ['unpublished/none', 'archive', '', 'archived/none'],
    ['archived/none', 'edit', '', null],
    ['archived/none', 'republish', '', null],
  ];
  for (const [from, action, why, expected] of table) {
    const [status, working] = from.split('/') as [typeof productStatuses[number], 'none'];
    const next = transition({ status, working }, action);
    assert.equal(next ? `${next.status}/${next.working}` : null, expected, `${from} ${action} ${why}`);
  }
  for (const status of productStatuses) assert.ok(productTransitions[status], status);
});

test('dates are China dates', () => {
  assert.equal(chinaDate(new Date('2026-11-22T16:30:00Z')), '2026-11-23');
  assert.equal(chinaDate(new Date('2026-11-22T15:59:59Z')), '2026-11-22');
});

test('stock state and why a product cannot be bought, in order of precedence', () => {
  assert.deepEqual([0, -1, 1, 5, 6].map(stockState), ['out_of_stock', 'out_of_stock', 'low', 'low', 'in_stock']);
  assert.equal(unavailableReason({ hasRate: false, retailEligible: false, inStock: false }), 'no_exchange_rate');
  assert.equal(unavailableReason({ hasRate: true, retailEligible: false, inStock: false }), 'not_retail_eligible');
  assert.equal(unavailableReason({ hasRate: true, retailEligible: true, inStock: false }), 'out_of_stock');
  assert.equal(unavailableReason({ hasRate: true, retailEligible: true, inStock: true }), null);
});
