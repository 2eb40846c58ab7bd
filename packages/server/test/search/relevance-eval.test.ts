import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoProducts } from '../../src/features/demo/demo-catalog-data.ts';
import { precisionAt5, precisionAtK, reciprocalRank, resolveProduct, summarize, type QueryOutcome, type VariantRef } from './relevance-eval.ts';
import { queryKinds, relevanceSet } from './relevance-set.ts';

describe('precision@5', () => {
  test('all expected products in the top 5, in any order, is 1', () => {
    assert.equal(precisionAt5(['x', 'b', 'y', 'a', 'z', 'c'], ['a', 'b']), 1);
  });

  test('counts the expected products found among the first five only', () => {
    assert.equal(precisionAt5(['a', 'x', 'y', 'z', 'w', 'b'], ['a', 'b']), 0.5);
    assert.equal(precisionAt5(['x', 'y', 'z', 'w', 'v', 'a'], ['a']), 0);
  });

  test('divides by five when more than five products are expected', () => {
    const expected = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    assert.equal(precisionAt5(['a', 'b', 'c', 'd', 'e'], expected), 1);
    assert.equal(precisionAt5(['a', 'x', 'c', 'y', 'g'], expected), 3 / 5);
  });

  test('a ranking shorter than five, or empty, is measured as it is', () => {
    assert.equal(precisionAt5(['b'], ['a', 'b', 'c']), 1 / 3);
    assert.equal(precisionAt5([], ['a']), 0);
  });

  test('an expected product listed twice counts once', () => {
    assert.equal(precisionAt5(['a'], ['a', 'a']), 1);
  });

  test('k is a parameter', () => {
    assert.equal(precisionAtK(['x', 'a'], ['a'], 1), 0);
    assert.equal(precisionAtK(['x', 'a'], ['a'], 2), 1);
  });

  test('refuses an empty expected list rather than dividing by zero', () => {
    assert.throws(() => precisionAt5(['a'], []));
  });
});

describe('reciprocal rank', () => {
  test('1 / the rank of the first expected product', () => {
    assert.equal(reciprocalRank(['a', 'b'], ['a']), 1);
    assert.equal(reciprocalRank(['x', 'b', 'a'], ['a', 'b']), 1 / 2);
    assert.equal(reciprocalRank(['x', 'y', 'z', 'a'], ['a']), 1 / 4);
  });

  test('0 when no expected product is in the first ten', () => {
    const eleven = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'a'];
    assert.equal(reciprocalRank(eleven, ['a']), 0);
    assert.equal(reciprocalRank(eleven.slice(1), ['a']), 1 / 10);
    assert.equal(reciprocalRank([], ['a']), 0);
  });
});

describe('the summary', () => {
  const outcome = (kind: 'zh' | 'en', p: number, rr: number): QueryOutcome => ({
    query: { q: kind, kind, expected: ['X'] },
    expectedIds: ['x'],
    ranking: [],
    total: 0,
    precisionAt5: p,
    reciprocalRank: rr,
  });

  test('means per kind and overall (MRR is the mean reciprocal rank), kinds without queries left out', () => {
    const summary = summarize([outcome('zh', 1, 1), outcome('zh', 0.5, 0.25), outcome('en', 0, 0)]);
    assert.deepEqual(summary.overall, { queries: 3, precisionAt5: 0.5, mrr: 1.25 / 3, perfect: 1 });
    assert.deepEqual(
      summary.byKind.map((k) => [k.kind, k.queries, k.precisionAt5, k.mrr, k.perfect]),
      [
        ['zh', 2, 0.75, 0.625, 1],
        ['en', 1, 0, 0, 0],
      ],
    );
  });
});

describe('the relevance set', () => {
  // The demo catalog as variants, with each product's English title as its id.
  const variants: VariantRef[] = demoProducts.flatMap((p) => p.variants.map((v) => ({ sku: v.sku, productId: p.titleEn })));

  test('names products by a SKU or by a prefix naming one product', () => {
    assert.equal(resolveProduct('MB-VASE-30', variants), 'Hand-painted Multani blue pottery vase');
    assert.equal(resolveProduct('SP-STRAND', variants), 'Fiji black pearl strand necklace, 8–10 mm');
    assert.throws(() => resolveProduct('MB-', variants), /names 5 products/);
    assert.throws(() => resolveProduct('NO-SUCH', variants), /no variant/);
  });

  test('every expected product exists, once per list, 1 to 5 per query', () => {
    for (const entry of relevanceSet) {
      const ids = entry.expected.map((ref) => resolveProduct(ref, variants));
      assert.equal(new Set(ids).size, ids.length, `"${entry.q}" lists a product twice`);
      assert.ok(ids.length >= 1 && ids.length <= 5, `"${entry.q}" expects ${ids.length} products`);
    }
  });

  test('at least 70 distinct queries, every kind represented', () => {
    assert.ok(relevanceSet.length >= 70, `${relevanceSet.length} queries`);
    const texts = relevanceSet.map((e) => e.q);
    assert.deepEqual(texts.filter((q, i) => texts.indexOf(q) !== i), [], 'no query twice');
    for (const kind of queryKinds) assert.ok(relevanceSet.filter((e) => e.kind === kind).length >= 5, `kind ${kind}`);
  });

  test('typos are in words of five letters or more, and traditional queries differ from simplified', () => {
    for (const entry of relevanceSet.filter((e) => e.kind === 'typo')) {
      assert.ok(entry.q.split(' ').some((word) => word.length >= 5), entry.q);
    }
    // A traditional query written only with characters that are the same in both scripts tests nothing.
    const hanOnly = /^[\p{Script=Han}]+$/u;
    const texts = demoProducts.flatMap((p) => [p.titleZh, p.subtitleZh, ...p.tags, ...p.descriptionZh]).join('\n');
    for (const entry of relevanceSet.filter((e) => e.kind === 'traditional')) {
      assert.ok(hanOnly.test(entry.q), entry.q);
      assert.ok(!texts.includes(entry.q), `"${entry.q}" appears as written in the catalog`);
    }
  });
});
