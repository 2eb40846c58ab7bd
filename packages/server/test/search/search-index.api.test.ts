import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator } from 'kysely/migration';
import type { SearchResult, SearchSort } from '@pavilion/contracts';
import { migrations } from '../../src/db/migrations/index.ts';
import { planQuery } from '../../src/features/search/search-analyzer.ts';
import { reindexAll, syncedLexicon } from '../../src/features/search/search-index.ts';
import { findCandidates, termLookup, type MatchStrategy } from '../../src/features/search/search.repository.ts';
import { applyFilters, relevanceOf, sortCandidates, type Filters } from '../../src/features/search/search.rules.ts';
import { atomsOf, satisfies } from '../../src/features/search/search-text.rules.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The index's own machinery on the demo catalog: every way of computing matches gives the matches
 * the tree defines, the page the database filters and sorts is the one the candidates give, the
 * listing's columns search reads follow the listing in its transaction, and a rebuild or the
 * schema migration leaves every result as it was.
 */
describe('search index', () => {
  let ta: TestApp;
  const queries = ['oil', '椰子油', 'fiji 椰子油', 'shawl', '花瓶', 'yezi you', '萨摩亚可可', 'handmade', '汤加 vanilla', 'pashm', '手工'];

  const search = async (qs: string) => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/store/search?${qs}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as SearchResult;
  };
  /** What a buyer sees for each query: totals, the order of the first page, the facets. */
  const snapshot = async () => {
    const out: unknown[] = [];
    for (const q of queries) {
      for (const extra of ['', '&sort=price_asc', '&country=FJ', '&in_stock=true&sort=newest']) {
        const r = await search(`q=${encodeURIComponent(q)}&page_size=20${extra}`);
        out.push([q, extra, r.total, r.items.map((i) => i.id), r.facets]);
      }
    }
    return out;
  };
  const plan = async (q: string) => {
    const db = ta.testDb.database.db;
    const p = await planQuery(await syncedLexicon(db), q, termLookup(db));
    assert.ok(p.tree, `${q} has a tree`);
    return { tree: p.tree, phrase: p.phrase };
  };

  before(async () => {
    ta = await createTestApp({ catalog: true });
  });
  after(() => ta.close());

  test('grouped and driven matching give exactly the products and scores the tree defines', async () => {
    const db = ta.testDb.database.db;
    let several = 0;
    for (const q of queries) {
      const { tree, phrase } = await plan(q);
      // The reference: every posting of the tree's terms, summed per product, the tree tested on the atoms held.
      const atoms = atomsOf(tree);
      const rows = await db
        .selectFrom('search_postings as p')
        .innerJoin('search_listings as s', 's.doc', 'p.doc')
        .select(['s.product_id', 'p.term', 'p.score'])
        .where('p.term', 'in', [...new Set(atoms.flatMap((a) => a.terms))])
        .execute();
      const expected = new Map<string, { score: number; mask: bigint }>();
      for (const r of rows) {
        const e = expected.get(r.product_id) ?? { score: 0, mask: 0n };
        for (const a of atoms) {
          if (!a.terms.includes(r.term)) continue;
          e.score += Number(r.score) * a.weight;
          e.mask |= 1n << BigInt(a.bit);
        }
        expected.set(r.product_id, e);
      }
      const wanted = [...expected].filter(([, e]) => satisfies(tree, e.mask)).map(([id, e]) => [id, e.score] as const).sort();
      if (atoms.length > 1) several += 1;
      for (const strategy of ['auto', 'grouped', 'driven'] as MatchStrategy[]) {
        const found = await findCandidates(db, { tree, phrase, limit: 100_000, strategy });
        assert.equal(found.total, wanted.length, `${q} (${strategy}): total`);
        assert.deepEqual(found.candidates.map((c) => [c.productId, c.score] as const).sort(), wanted, `${q} (${strategy}): products and scores`);
        assert.deepEqual(found.candidates, sortCandidates(found.candidates, 'relevance'), `${q} (${strategy}): in relevance order`);
        const best = await findCandidates(db, { tree, phrase, limit: 5, strategy });
        assert.deepEqual(best.candidates.map((c) => c.productId), found.candidates.slice(0, 5).map((c) => c.productId), `${q} (${strategy}): the best five are the first five`);
        assert.ok(best.candidates.every((c, i) => i === 0 || relevanceOf(best.candidates[i - 1]!) >= relevanceOf(c)));
      }
    }
    assert.ok(several >= 5, 'queries of several atoms are among them');
  });

  test('the page the database filters and sorts is the page the candidates give', async () => {
    const db = ta.testDb.database.db;
    const pavilion = (await db.selectFrom('pavilions').select('slug').orderBy('slug').executeTakeFirstOrThrow()).slug;
    const category = (await db.selectFrom('catalog_listings').select('category_root').executeTakeFirstOrThrow()).category_root;
    const filterSets: Filters[] = [{}, { country: 'FJ' }, { inStock: true }, { priceMinFen: 5_000, priceMaxFen: 50_000 }, { pavilion }, { category }, { mode: '1210' }, { cert: 'organic' }];
    const sorts: SearchSort[] = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'];
    const slugs = new Map((await db.selectFrom('pavilions').select(['id', 'slug']).execute()).map((p) => [p.id, p.slug]));
    let compared = 0;
    for (const q of queries) {
      const { tree, phrase } = await plan(q);
      const all = (await findCandidates(db, { tree, phrase, limit: 100_000 })).candidates.map((c) => ({ ...c, pavilion: slugs.get(c.pavilion) ?? c.pavilion }));
      for (const filters of filterSets) {
        for (const sort of sorts) {
          const expected = sortCandidates(applyFilters(all, filters), sort);
          for (const offset of [0, 3]) {
            // A sample smaller than the matches, as at 100,000 products: the page comes from the database alone.
            const page = (await findCandidates(db, { tree, phrase, limit: 2, page: { filters, sort, offset, limit: 4 } })).page!;
            assert.equal(page.total, expected.length, `${q} ${JSON.stringify(filters)} ${sort}: total`);
            assert.deepEqual(page.ids, expected.slice(offset, offset + 4).map((c) => c.productId), `${q} ${JSON.stringify(filters)} ${sort} from ${offset}`);
            if (page.ids.length > 0) compared += 1;
          }
        }
      }
    }
    assert.ok(compared > 100, 'most combinations have results to compare');
  });

  test('a filter that empties the list offers the best matches without it as related products', async () => {
    const unfiltered = await search(`q=${encodeURIComponent('椰子油')}&page_size=6`);
    assert.ok(unfiltered.total > 0);
    const none = await search(`q=${encodeURIComponent('椰子油')}&price_min=9999999`);
    assert.equal(none.total, 0);
    assert.deepEqual(none.related.map((r) => r.id), unfiltered.items.map((i) => i.id));
  });

  test('stock, price and sales reach search in the transaction that changes the listing, and leave with its rollback', async () => {
    const db = ta.testDb.database.db;
    const mirrored = async () => {
      const rows = await db
        .selectFrom('catalog_listings as l')
        .leftJoin('search_listings as s', 's.product_id', 'l.product_id')
        .select(['l.product_id', 'l.in_stock', 'l.price_cny_min', 'l.sales_count', 's.in_stock as s_in_stock', 's.price_cny_min as s_price', 's.sales_count as s_sales'])
        .execute();
      return rows.every((r) => r.in_stock === r.s_in_stock && Number(r.price_cny_min) === Number(r.s_price) && r.sales_count === r.s_sales);
    };
    assert.ok(await mirrored(), 'every listing is mirrored');
    const { tree, phrase } = await plan('椰子油');
    const before = (await findCandidates(db, { tree, phrase })).candidates;
    const target = before.at(-1)!;
    // Written straight to the listing, as any part of the catalog may: search sees it in the same transaction.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('catalog_listings').set({ sales_count: 999_999, price_cny_min: 1 }).where('product_id', '=', target.productId).execute();
      const inside = (await findCandidates(trx, { tree, phrase })).candidates;
      assert.equal(inside.find((c) => c.productId === target.productId)?.priceFen, 1);
      const cheapest = (await findCandidates(trx, { tree, phrase, limit: 1, page: { filters: {}, sort: 'price_asc', offset: 0, limit: 1 } })).page;
      assert.deepEqual(cheapest?.ids, [target.productId]);
    });
    assert.ok(await mirrored());
    const after = (await findCandidates(db, { tree, phrase })).candidates;
    assert.equal(after.find((c) => c.productId === target.productId)?.salesCount, 999_999);
    // A rolled-back change leaves nothing behind.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('catalog_listings').set({ in_stock: 0 }).where('product_id', '=', target.productId).execute();
        throw new Error('rolled back');
      }),
    );
    assert.ok(await mirrored());
  });

  test('a rebuild and the migration from the previous index leave every result as it was', async () => {
    const db = ta.testDb.database.db;
    const start = await snapshot();
    const counts = async () => (await db.selectFrom('search_terms').select(['term', 'df']).orderBy('term').execute()).map((r) => [r.term, Number(r.df)]);
    const recount = async () =>
      (await db.selectFrom('search_postings').select(['term', (eb) => eb.fn.countAll<number>().as('df')]).groupBy('term').orderBy('term').execute()).map((r) => [r.term, Number(r.df)]);

    await reindexAll(db, { batchSize: 7 });
    assert.deepEqual(await counts(), await recount(), 'term counts agree with the postings');
    assert.deepEqual(await snapshot(), start, 'rebuilt: the same results');

    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    // Back to just before the conversion (later migrations, if any, go down first), then up again.
    const names = Object.keys(migrations).sort();
    const conversion = '2026-12-01T1500-search-speed';
    const down = await migrator.migrateTo(names[names.indexOf(conversion) - 1]!);
    assert.equal(down.error, undefined);
    assert.equal(down.results?.at(-1)?.migrationName, conversion, 'the conversion was undone');
    const up = await migrator.migrateToLatest();
    assert.equal(up.error, undefined);
    assert.deepEqual(await snapshot(), start, 'converted: the same results');
  });
});
