import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ListingMirror, type ListingRow } from './listing-mirror.ts';
import { packBlock, unpackBlock, type PostingList } from './search-blocks.ts';
import { evaluateMatches, matchTree } from './search-match.ts';
import { PHRASE_BONUS } from './search.rules.ts';
import { and, or, type QueryNode } from './search-text.rules.ts';

const base: ListingRow = {
  doc: 0, product_id: 'a', phrase_text: '', certifications: '', pavilion_id: 'pv-pk', origin_country: 'PK', category_id: 'honey', category_root: 'food',
  price_cny_min: 10_000, customs_modes: '9610', retail_eligible: 1, in_stock: 1, sales_count: 10, published_at: '2026-11-01T00:00:00.000Z',
};
const row = (doc: number, over: Partial<ListingRow>): ListingRow => ({ ...base, doc, product_id: `p${doc}`, ...over });
const mirrorOf = (rows: ListingRow[]) => {
  const mirror = new ListingMirror();
  mirror.putRows(rows);
  return mirror;
};
const list = (pairs: Array<[number, number]>): PostingList => ({ docs: Int32Array.from(pairs.map((p) => p[0])), scores: Int32Array.from(pairs.map((p) => p[1])) });
const atom = (bit: number, terms: string[], weight = 1): QueryNode => ({ kind: 'atom', bit, terms, weight });
const page = (mirror: ListingMirror, tree: QueryNode, postings: Map<string, PostingList>, over: Partial<Parameters<typeof evaluateMatches>[2]> = {}) =>
  evaluateMatches(matchTree(tree, postings, mirror.columns), mirror, { phrase: '', filters: {}, sort: 'relevance', offset: 0, limit: 20, ...over });

test('a block packs (document, score) pairs and unpacks them, whatever the buffer offset', () => {
  const bytes = packBlock([3, 100, 7, 40]);
  assert.deepEqual([...unpackBlock(bytes)], [3, 100, 7, 40]);
  const shifted = Buffer.concat([Buffer.from([0]), bytes]).subarray(1);
  assert.deepEqual([...unpackBlock(shifted)], [3, 100, 7, 40]);
});

test('a product matches when it satisfies the tree; its score sums each atom term it holds times the weight', () => {
  const mirror = mirrorOf([row(1, {}), row(2, {}), row(3, {})]);
  const postings = new Map([['oil', list([[1, 100], [2, 10]])], ['fiji', list([[1, 40], [3, 40]])], ['coconut', list([[2, 100]])]]);
  // oil and (fiji or coconut)
  const tree = and([atom(0, ['oil'], 10), or([atom(1, ['fiji'], 4), atom(2, ['coconut'], 7)])]);
  const m = matchTree(tree, postings, mirror.columns);
  const got = new Map([...m.docs.subarray(0, m.count)].map((d, i) => [d, m.scores[i]]));
  assert.deepEqual(got, new Map([[1, 100 * 10 + 40 * 4], [2, 10 * 10 + 100 * 7]]));
});

test('an atom above bit 31 counts like any other', () => {
  const mirror = mirrorOf([row(1, {}), row(2, {})]);
  const tree = and([atom(0, ['a']), atom(40, ['b'])]);
  const m = matchTree(tree, new Map([['a', list([[1, 1], [2, 1]])], ['b', list([[2, 5]])]]), mirror.columns);
  assert.deepEqual([...m.docs.subarray(0, m.count)], [2]);
});

test('a document the mirror does not hold is no match', () => {
  const mirror = mirrorOf([row(1, {})]);
  const m = matchTree(atom(0, ['a']), new Map([['a', list([[1, 1], [5, 1], [99_999, 1]])]]), mirror.columns);
  assert.deepEqual([...m.docs.subarray(0, m.count)], [1]);
});

test('relevance: text score, an exact phrase above scattered words, then in stock and best sellers among equals', () => {
  const mirror = mirrorOf([
    row(1, { product_id: 'scattered', phrase_text: 'coconut fiji oil' }),
    row(2, { product_id: 'phrase', phrase_text: 'fiji coconut oil' }),
    row(3, { product_id: 'out', in_stock: 0, sales_count: 999 }),
    row(4, { product_id: 'popular', sales_count: 50 }),
    row(5, { product_id: 'quiet', sales_count: 5 }),
  ]);
  const postings = new Map([['t', list([[1, 1200], [2, 1000], [3, 900], [4, 900], [5, 900]])]]);
  assert.ok(1000 + PHRASE_BONUS > 1200);
  assert.deepEqual(page(mirror, atom(0, ['t']), postings, { phrase: 'fiji coconut' }).page, ['phrase', 'scattered', 'popular', 'quiet', 'out']);
  assert.deepEqual(page(mirror, atom(0, ['t']), postings, { phrase: 'fiji coconut', offset: 1, limit: 2 }).page, ['scattered', 'popular']);
});

test('price sorts put products without a yuan price last, both ways', () => {
  const mirror = mirrorOf([row(1, { product_id: 'none', price_cny_min: null }), row(2, { product_id: 'cheap', price_cny_min: 100 }), row(3, { product_id: 'dear', price_cny_min: 900 })]);
  const postings = new Map([['t', list([[1, 1], [2, 1], [3, 1]])]]);
  assert.deepEqual(page(mirror, atom(0, ['t']), postings, { sort: 'price_asc' }).page, ['cheap', 'dear', 'none']);
  assert.deepEqual(page(mirror, atom(0, ['t']), postings, { sort: 'price_desc' }).page, ['dear', 'cheap', 'none']);
});

test('facets count each value with the other filters applied; the total counts every match', () => {
  const mirror = mirrorOf([
    row(1, { origin_country: 'FJ', certifications: ',organic,' }),
    row(2, { origin_country: 'FJ', in_stock: 0 }),
    row(3, { origin_country: 'WS', certifications: ',organic,', customs_modes: '9610,1210' }),
    row(4, { origin_country: 'PK', price_cny_min: 60_000 }),
  ]);
  const postings = new Map([['t', list([[1, 1], [2, 1], [3, 1], [4, 1]])]]);
  const r = page(mirror, atom(0, ['t']), postings, { filters: { country: 'FJ', cert: 'organic' } });
  assert.deepEqual(r.page, ['p1']);
  assert.equal(r.total, 4);
  assert.equal(r.filtered, 1);
  assert.deepEqual([...r.facets.country].sort(), [['FJ', 1], ['WS', 1]]);
  assert.deepEqual([...r.facets.cert], [['organic', 1]]);
  assert.equal(r.facets.inStock, 1);
  assert.deepEqual(r.facets.price, [0, 1, 0, 0, 0, 0, 0], '¥100.00 is in ¥50–100, as a filter up to ¥100 includes it');
  const modes = page(mirror, atom(0, ['t']), postings, { filters: { mode: '1210' } });
  assert.deepEqual(modes.page, ['p3']);
  assert.deepEqual(new Map(modes.facets.mode), new Map([['9610', 4], ['1210', 1]]));
  assert.equal(page(mirror, atom(0, ['t']), postings, { filters: { country: 'TO' } }).filtered, 0, 'a value no listing has matches nothing');
});

test('when the filters leave nothing, the best unfiltered matches are given for related products', () => {
  const mirror = mirrorOf([row(1, { sales_count: 1 }), row(2, { sales_count: 9 })]);
  const postings = new Map([['t', list([[1, 1], [2, 1]])]]);
  const r = page(mirror, atom(0, ['t']), postings, { filters: { priceMinFen: 99_999_999 }, related: 6 });
  assert.equal(r.filtered, 0);
  assert.deepEqual(r.best, ['p2', 'p1']);
});
