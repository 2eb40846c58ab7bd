import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelFacets, loggedQuery, type FacetLabels } from './search.rules.ts';

const labels: FacetLabels = { pavilion: (v) => ({ en: v, zh: v }), country: (v) => ({ en: `${v}-en`, zh: `${v}-zh` }), category: (v) => ({ en: v, zh: v }), mode: (v) => ({ en: v, zh: v }), cert: (v) => ({ en: v, zh: v }) };

test('facets are labelled in both languages, the largest first, price bands without products left out', () => {
  const facets = labelFacets(
    { pavilion: new Map(), country: new Map([['WS', 1], ['FJ', 3], ['TO', 1]]), category: new Map(), mode: new Map(), cert: new Map(), inStock: 2, price: [0, 4, 0, 0, 0, 0, 1] },
    labels,
  );
  assert.deepEqual(facets.country.map((f) => [f.value, f.count, f.labelEn, f.labelZh]), [['FJ', 3, 'FJ-en', 'FJ-zh'], ['TO', 1, 'TO-en', 'TO-zh'], ['WS', 1, 'WS-en', 'WS-zh']]);
  assert.deepEqual(facets.price, [{ minFen: 5_000, maxFen: 10_000, count: 4 }, { minFen: 200_000, maxFen: null, count: 1 }]);
  assert.equal(facets.inStock, 2);
});

test('queries are logged in one form whatever the width, case and spacing', () => {
  assert.equal(loggedQuery('  ＦＩＪＩ   Coconut '), 'fiji coconut');
});
