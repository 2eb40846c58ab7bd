import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator } from 'kysely/migration';
import type { SearchResult, SearchSort } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { planQuery } from '../../src/features/search/search-analyzer.ts';
import { pruneChanges } from '../../src/features/search/listing-mirror.ts';
import { reindexAll, syncedLexicon } from '../../src/features/search/search-index.ts';
import { findMatches, termLookup } from '../../src/features/search/search.repository.ts';
import { PHRASE_BONUS, PRICE_BANDS, type Filters } from '../../src/features/search/search.rules.ts';
import { atomsOf, satisfies, type QueryNode } from '../../src/features/search/search-text.rules.ts';
import { testDialect } from '../support/test-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** A match as the reference computes it: the listing's facts and the text score. */
interface Reference {
  productId: string; score: number; phrase: boolean; pavilion: string; country: string; categoryId: string; categoryRoot: string; priceFen: number | null;
  modes: string[]; certifications: string[]; inStock: boolean; available: boolean; salesCount: number; publishedAt: string;
}

/**
 * Every posting of the tree's terms, read from the blocks' bytes, summed per product and the tree
 * tested on the atoms held (BigInt masks), joined to the listing facts: what the index must give,
 * computed the plain way.
 */
async function referenceMatches(db: Db, tree: QueryNode, phrase: string): Promise<Reference[]> {
  const atoms = atomsOf(tree);
  const blocks = await db.selectFrom('search_blocks').select(['term', 'postings']).where('term', 'in', [...new Set(atoms.flatMap((a) => a.terms))]).execute();
  const byDoc = new Map<number, { score: number; mask: bigint }>();
  for (const b of blocks) {
    const bytes = Buffer.from(b.postings);
    for (let at = 0; at < bytes.length; at += 8) {
      const doc = bytes.readInt32LE(at);
      const score = bytes.readInt32LE(at + 4);
      const e = byDoc.get(doc) ?? { score: 0, mask: 0n };
      for (const a of atoms) {
        if (!a.terms.includes(b.term)) continue;
        e.score += score * a.weight;
        e.mask |= 1n << BigInt(a.bit);
      }
      byDoc.set(doc, e);
    }
  }
  const listings = new Map((await db.selectFrom('search_listings').selectAll().execute()).map((l) => [l.doc, l]));
  const out: Reference[] = [];
  for (const [doc, e] of byDoc) {
    const l = listings.get(doc);
    if (!l || !satisfies(tree, e.mask)) continue;
    const price = l.price_cny_min === null ? null : Number(l.price_cny_min);
    out.push({
      productId: l.product_id, score: e.score, phrase: phrase !== '' && l.phrase_text.includes(phrase), pavilion: l.pavilion_id, country: l.origin_country,
      categoryId: l.category_id, categoryRoot: l.category_root, priceFen: price, modes: l.customs_modes ? l.customs_modes.split(',') : [],
      certifications: l.certifications.split(',').filter(Boolean), inStock: Number(l.in_stock) === 1, available: Number(l.retail_eligible) === 1 && price !== null,
      salesCount: Number(l.sales_count), publishedAt: String(l.published_at),
    });
  }
  return out;
}

type FilterName = 'pavilion' | 'country' | 'category' | 'price' | 'mode' | 'cert' | 'inStock';
function passes(c: Reference, f: Filters, skip?: FilterName): boolean {
  if (skip !== 'pavilion' && f.pavilion !== undefined && c.pavilion !== f.pavilion) return false;
  if (skip !== 'country' && f.country !== undefined && c.country !== f.country) return false;
  if (skip !== 'category' && f.category !== undefined && c.categoryId !== f.category && c.categoryRoot !== f.category) return false;
  if (skip !== 'price' && (f.priceMinFen !== undefined || f.priceMaxFen !== undefined)) {
    if (c.priceFen === null || (f.priceMinFen !== undefined && c.priceFen < f.priceMinFen) || (f.priceMaxFen !== undefined && c.priceFen > f.priceMaxFen)) return false;
  }
  if (skip !== 'mode' && f.mode !== undefined && !c.modes.includes(f.mode)) return false;
  if (skip !== 'cert' && f.cert !== undefined && !c.certifications.includes(f.cert)) return false;
  if (skip !== 'inStock' && f.inStock && !c.inStock) return false;
  return true;
}
const relevance = (c: Reference) => c.score + (c.phrase ? PHRASE_BONUS : 0);
const byRelevance = (a: Reference, b: Reference) =>
  relevance(b) - relevance(a) || Number(b.inStock) - Number(a.inStock) || Number(b.available) - Number(a.available) || b.salesCount - a.salesCount || (a.productId < b.productId ? -1 : 1);
const priceKey = (c: Reference, dir: 1 | -1) => (c.priceFen === null ? Number.POSITIVE_INFINITY : dir * c.priceFen);
const orders: Record<SearchSort, (a: Reference, b: Reference) => number> = {
  relevance: byRelevance,
  price_asc: (a, b) => priceKey(a, 1) - priceKey(b, 1) || byRelevance(a, b),
  price_desc: (a, b) => priceKey(a, -1) - priceKey(b, -1) || byRelevance(a, b),
  newest: (a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : byRelevance(a, b)),
  best_selling: (a, b) => b.salesCount - a.salesCount || byRelevance(a, b),
};
function referenceFacets(all: Reference[], f: Filters) {
  const count = (skip: FilterName, values: (c: Reference) => string[]) => {
    const m = new Map<string, number>();
    for (const c of all) if (passes(c, f, skip)) for (const v of new Set(values(c))) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort();
  };
  return {
    pavilion: count('pavilion', (c) => [c.pavilion]), country: count('country', (c) => [c.country]), category: count('category', (c) => [c.categoryId]),
    mode: count('mode', (c) => c.modes), cert: count('cert', (c) => c.certifications), inStock: all.filter((c) => passes(c, f, 'inStock') && c.inStock).length,
    price: PRICE_BANDS.map(([min, max]) => all.filter((c) => passes(c, f, 'price') && c.priceFen !== null && (c.priceFen > min || min === 0) && (max === null || c.priceFen <= max)).length),
  };
}

/**
 * The index's own machinery on the demo catalog: matches, pages, totals and facets are those a
 * plain computation over every posting gives, the listing's columns search reads follow committed
 * changes (also when PostgreSQL commits them out of order), and a rebuild or the schema migration
 * leaves every result as it was.
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

  const page = (db: Db, tree: QueryNode, phrase: string, filters: Filters, sort: SearchSort, offset: number, limit: number) =>
    findMatches(db, { tree, phrase, filters, sort, offset, limit });

  test('the matches and their order are those every posting of the tree gives', async () => {
    const db = ta.testDb.database.db;
    let several = 0;
    for (const q of queries) {
      const { tree, phrase } = await plan(q);
      const expected = (await referenceMatches(db, tree, phrase)).sort(byRelevance);
      assert.ok(expected.length > 0, `${q} matches something`);
      if (atomsOf(tree).length > 1) several += 1;
      const all = await page(db, tree, phrase, {}, 'relevance', 0, 100_000);
      assert.equal(all.total, expected.length, `${q}: total`);
      assert.deepEqual(all.page, expected.map((c) => c.productId), `${q}: every match in relevance order`);
      const best = await page(db, tree, phrase, {}, 'relevance', 0, 5);
      assert.deepEqual(best.page, all.page.slice(0, 5), `${q}: the best five are the first five`);
    }
    assert.ok(several >= 5, 'queries of several atoms are among them');
  });

  test('every filter and sort gives the page, total and facets a plain filter and sort of all matches gives', async () => {
    const db = ta.testDb.database.db;
    const pavilion = (await db.selectFrom('pavilions').select('id').orderBy('slug').executeTakeFirstOrThrow()).id;
    const category = (await db.selectFrom('catalog_listings').select('category_root').executeTakeFirstOrThrow()).category_root;
    const filterSets: Filters[] = [{}, { country: 'FJ' }, { inStock: true }, { priceMinFen: 5_000, priceMaxFen: 50_000 }, { pavilion }, { category }, { mode: '1210' }, { cert: 'organic' }, { country: 'FJ', inStock: true }];
    const sorts: SearchSort[] = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'];
    let compared = 0;
    for (const q of queries) {
      const { tree, phrase } = await plan(q);
      const all = await referenceMatches(db, tree, phrase);
      for (const filters of filterSets) {
        const kept = all.filter((c) => passes(c, filters));
        for (const sort of sorts) {
          const expected = [...kept].sort(orders[sort]);
          for (const offset of [0, 3]) {
            const got = await page(db, tree, phrase, filters, sort, offset, 4);
            const where = `${q} ${JSON.stringify(filters)} ${sort} from ${offset}`;
            assert.equal(got.filtered, expected.length, `${where}: total`);
            assert.equal(got.total, all.length, `${where}: matches before filters`);
            assert.deepEqual(got.page, expected.slice(offset, offset + 4).map((c) => c.productId), where);
            if (got.page.length > 0) compared += 1;
          }
        }
        const got = await page(db, tree, phrase, filters, 'relevance', 0, 1);
        const facets = referenceFacets(all, filters);
        for (const name of ['pavilion', 'country', 'category', 'mode', 'cert'] as const) assert.deepEqual([...got.facets[name]].sort(), facets[name], `${q} ${JSON.stringify(filters)}: ${name} facet`);
        assert.equal(got.facets.inStock, facets.inStock, `${q} ${JSON.stringify(filters)}: in stock`);
        assert.deepEqual(got.facets.price, facets.price, `${q} ${JSON.stringify(filters)}: price bands`);
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

  test('stock, price and sales reach the next search once committed, a rollback leaves nothing, and a search inside a transaction is refused', async () => {
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
    const before = await page(db, tree, phrase, {}, 'relevance', 0, 100);
    const target = before.page.at(-1)!;
    const cheapest = async () => (await page(db, tree, phrase, {}, 'price_asc', 0, 1)).page;
    assert.notDeepEqual(await cheapest(), [target]);
    // Written straight to the listing, as any part of the catalog may: the next search sees it.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('catalog_listings').set({ sales_count: 999_999, price_cny_min: 1 }).where('product_id', '=', target).execute();
      await assert.rejects(findMatches(trx, { tree, phrase, filters: {}, sort: 'relevance', offset: 0, limit: 1 }), /outside transactions/);
    });
    assert.ok(await mirrored());
    assert.deepEqual(await cheapest(), [target]);
    assert.deepEqual((await page(db, tree, phrase, {}, 'best_selling', 0, 1)).page, [target]);
    // A rolled-back change leaves nothing behind.
    const inStock = (await page(db, tree, phrase, { inStock: true }, 'relevance', 0, 100)).filtered;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('catalog_listings').set({ in_stock: 0 }).where('product_id', '=', target).execute();
        throw new Error('rolled back');
      }),
    );
    assert.ok(await mirrored());
    assert.equal((await page(db, tree, phrase, { inStock: true }, 'relevance', 0, 100)).filtered, inStock);
  });

  test('a change is seen as soon as it is committed, also when PostgreSQL commits an older transaction after a newer one', async () => {
    const db = ta.testDb.database.db;
    const { tree, phrase } = await plan('椰子油');
    const [first, second] = (await page(db, tree, phrase, {}, 'relevance', 0, 2)).page as [string, string];
    const outOfStock = async () => {
      const all = await page(db, tree, phrase, {}, 'relevance', 0, 1000);
      const kept = new Set((await page(db, tree, phrase, { inStock: true }, 'relevance', 0, 1000)).page);
      return all.page.filter((id) => !kept.has(id)).sort();
    };
    const empty = (id: string) => db.updateTable('catalog_listings').set({ in_stock: 0 }).where('product_id', '=', id).execute();
    assert.deepEqual(await outOfStock(), []);
    if (testDialect === 'postgres') {
      // The older transaction changes `first` and stays open while a newer one changes `second` and commits.
      let commitOlder!: () => void;
      let older!: Promise<void>;
      const started = new Promise<void>((ready) => {
        older = db.transaction().execute(async (trx) => {
          await trx.updateTable('catalog_listings').set({ in_stock: 0 }).where('product_id', '=', first).execute();
          ready();
          await new Promise<void>((resolve) => (commitOlder = resolve));
        });
      });
      await started;
      await empty(second);
      assert.deepEqual(await outOfStock(), [second], 'the newer commit is seen, the open transaction is not');
      commitOlder();
      await older;
    } else {
      // One writer at a time: the same changes, one after the other.
      await empty(second);
      assert.deepEqual(await outOfStock(), [second]);
      await empty(first);
    }
    assert.deepEqual(await outOfStock(), [first, second].sort(), 'the older commit is seen as soon as it lands');
    await db.updateTable('catalog_listings').set({ in_stock: 1 }).where('product_id', 'in', [first, second]).execute();
    assert.deepEqual(await outOfStock(), []);
  });

  test('the change log keeps the last hour, by the database clock, and searches stay right after pruning', async () => {
    const db = ta.testDb.database.db;
    const doc = (await db.selectFrom('search_listings').select('doc').executeTakeFirstOrThrow()).doc;
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    await db.insertInto('search_changes').values({ doc, changed_at: old }).execute();
    await db.updateTable('catalog_listings').set({ sales_count: 7 }).where('product_id', '=', (await db.selectFrom('search_listings').select('product_id').where('doc', '=', doc).executeTakeFirstOrThrow()).product_id).execute();
    const before = await db.selectFrom('search_changes').select(['seq', 'changed_at']).execute();
    await pruneChanges(db);
    const after = await db.selectFrom('search_changes').select(['seq', 'changed_at']).execute();
    assert.ok(before.some((r) => String(r.changed_at) === old) && !after.some((r) => String(r.changed_at) === old), 'the two-hour-old change is gone');
    assert.equal(after.length, before.length - 1, 'the recent ones stay');
    assert.ok((await search(`q=${encodeURIComponent('椰子油')}`)).total > 0);
  });

  test('a rebuild and the migration from the previous index leave every result as it was', async () => {
    const db = ta.testDb.database.db;
    const start = await snapshot();
    const counts = async () => (await db.selectFrom('search_terms').select(['term', 'df']).orderBy('term').execute()).map((r) => [r.term, Number(r.df)]);
    const recount = async () => {
      const df = new Map<string, number>();
      for (const b of await db.selectFrom('search_blocks').select(['term', 'postings']).execute()) df.set(b.term, (df.get(b.term) ?? 0) + b.postings.byteLength / 8);
      return [...df].sort(([a], [b]) => (a < b ? -1 : 1));
    };

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
