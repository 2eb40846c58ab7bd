import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFilters, computeFacets, loggedQuery, PHRASE_BONUS, sortCandidates, type Candidate, type FacetLabels } from './search.rules.ts';

const base: Candidate = {
  productId: 'a', score: 1000, phrase: false, pavilion: 'pakistan', country: 'PK', categoryId: 'honey', categoryRoot: 'food', priceFen: 10_000,
  modes: ['9610'], certifications: [], inStock: true, available: true, salesCount: 10, publishedAt: '2026-11-01T00:00:00.000Z',
};
const c = (over: Partial<Candidate>): Candidate => ({ ...base, ...over });
const labels: FacetLabels = { pavilion: (v) => ({ en: v, zh: v }), country: (v) => ({ en: v, zh: v }), category: (v) => ({ en: v, zh: v }), mode: (v) => ({ en: v, zh: v }), cert: (v) => ({ en: v, zh: v }) };

test('relevance: text score, an exact phrase above scattered words, then in stock and best sellers among equals', () => {
  const list = [
    c({ productId: 'scattered', score: 1200 }),
    c({ productId: 'phrase', score: 1000, phrase: true }),
    c({ productId: 'out', score: 900, inStock: false, salesCount: 999 }),
    c({ productId: 'popular', score: 900, salesCount: 50 }),
    c({ productId: 'quiet', score: 900, salesCount: 5 }),
  ];
  assert.ok(1000 + PHRASE_BONUS > 1200);
  assert.deepEqual(sortCandidates(list, 'relevance').map((x) => x.productId), ['phrase', 'scattered', 'popular', 'quiet', 'out']);
});

test('price sorts put products without a yuan price last, both ways', () => {
  const list = [c({ productId: 'none', priceFen: null }), c({ productId: 'cheap', priceFen: 100 }), c({ productId: 'dear', priceFen: 900 })];
  assert.deepEqual(sortCandidates(list, 'price_asc').map((x) => x.productId), ['cheap', 'dear', 'none']);
  assert.deepEqual(sortCandidates(list, 'price_desc').map((x) => x.productId), ['dear', 'cheap', 'none']);
});

test('facets count each value with the other filters applied', () => {
  const list = [
    c({ productId: '1', country: 'FJ', certifications: ['organic'] }),
    c({ productId: '2', country: 'FJ', inStock: false }),
    c({ productId: '3', country: 'WS', certifications: ['organic'], modes: ['9610', '1210'] }),
    c({ productId: '4', country: 'PK', priceFen: 60_000 }),
  ];
  const filters = { country: 'FJ', cert: 'organic' };
  assert.deepEqual(applyFilters(list, filters).map((x) => x.productId), ['1']);
  const facets = computeFacets(list, filters, labels);
  assert.deepEqual(facets.country.map((f) => [f.value, f.count]), [['FJ', 1], ['WS', 1]]);
  assert.deepEqual(facets.cert.map((f) => [f.value, f.count]), [['organic', 1]]);
  assert.equal(facets.inStock, 1);
  assert.deepEqual(facets.price, [{ minFen: 5_000, maxFen: 10_000, count: 1 }], '¥100.00 is in ¥50–100, as a filter up to ¥100 includes it');
});

test('queries are logged in one form whatever the width, case and spacing', () => {
  assert.equal(loggedQuery('  ＦＩＪＩ   Coconut '), 'fiji coconut');
});
