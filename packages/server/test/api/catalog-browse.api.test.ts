import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { listingQuerySchema, toCnyFen, parseRate } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDialect } from '../support/test-db.ts';
import { StorefrontService } from '../../src/features/catalog/storefront.service.ts';
import { RateService } from '../../src/features/rates/rate.service.ts';
import { currenciesPricedIn } from '../../src/features/catalog/priced-currencies.ts';
import { demoProducts } from '../../src/features/demo/demo-catalog-data.ts';

interface Card { id: string; titleZh: string; price: { cnyFen: number | null; origin: { amount: number; currency: string } }; originCountry: string; available: boolean; inStock: boolean; publishedAt: string }

describe('browsing the demo catalog', () => {
  let ta: TestApp;
  const queries: string[] = [];
  const list = async (qs: string) => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/store/products?${qs}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Card[]; nextCursor: string | null };
  };
  before(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'pavilion-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Pavilion 国家馆</title></head><body><div id="root"></div></body></html>');
    ta = await createTestApp({ catalog: true, onQuery: (q) => queries.push(q), env: { WEB_DIST_DIR: dist }, overrides: { jobs: { run: false } } });
  });
  after(() => ta.close());

  test('every demo product is listed once, newest first, through endless scroll', async () => {
    const seen: Card[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=17${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, demoProducts.length);
    assert.equal(new Set(seen.map((c) => c.id)).size, seen.length, 'no card twice');
    const dates = seen.map((c) => c.publishedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('a pavilion and a category with its subtree filter the listing', async () => {
    const pacific = await list('pavilion=pacific&limit=60');
    assert.ok(pacific.items.length > 20);
    assert.ok(pacific.items.every((c) => ['FJ', 'WS', 'TO', 'VU', 'PG'].includes(c.originCountry)));
    const food = await list('category=food-beverages&limit=60');
    const honey = await list('category=honey&limit=60');
    assert.ok(honey.items.length >= 2);
    const foodIds = new Set(food.items.map((c) => c.id));
    assert.ok(honey.items.every((c) => foodIds.has(c.id)), 'honey is inside food and beverages');
    const expectedFood = demoProducts.filter((p) => ['dried-fruit-nuts', 'honey', 'spices-seasonings', 'coconut-products', 'juices-drinks', 'cocoa-chocolate', 'rice-grains', 'food-beverages'].includes(p.category)).length;
    assert.equal(food.items.length, Math.min(expectedFood, 60));
  });

  test('sorting by price: yuan, ascending and descending, computed from each currency\'s rate', async () => {
    const asc = (await list('sort=price_asc&limit=60')).items.map((c) => c.price.cnyFen ?? -1);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    const desc = (await list('sort=price_desc&limit=10')).items;
    const top = desc[0];
    assert.ok(top?.price.cnyFen !== null && top !== undefined);
    // The listing's yuan equals the conversion the product page makes.
    const rates: Record<string, string> = { PKR: '0.0255', FJD: '3.18', WST: '2.62', TOP: '3.03', VUV: '0.0601', PGK: '1.82' };
    for (const card of desc) {
      const rate = parseRate(rates[card.price.origin.currency] ?? '1');
      assert.equal(card.price.cnyFen, toCnyFen(card.price.origin.amount, card.price.origin.currency as 'PKR', rate ?? 0), card.titleZh);
    }
  });

  test('a listing makes the same number of queries whatever the page size', async () => {
    const count = async (qs: string) => {
      queries.length = 0;
      await list(qs);
      // The request's own statements, not the session lookup (background jobs do not run in this app).
      return queries.filter((q) => !/sessions|user_roles/.test(q)).length;
    };
    const small = await count('limit=2&pavilion=pakistan&category=handicrafts');
    const large = await count('limit=60&pavilion=pakistan&category=handicrafts');
    assert.equal(small, large);
    assert.equal(small, 3, 'the catalog version, the category, then the page');
    assert.equal(await count('limit=60&pavilion=pakistan&category=handicrafts'), 1, 'a cached page costs one version lookup');
  });

  test('the listing queries are served by indexes, without sorting the whole table', async () => {
    const storefront = new StorefrontService({ db: ta.testDb.database.db, rates: new RateService({ db: ta.testDb.database.db, clock: () => new Date(), pricedCurrencies: (filter) => currenciesPricedIn(ta.testDb.database.db, filter) }) });
    const db = ta.testDb.database.db;
    const cases: Array<[string, RegExp]> = [
      ['sort=newest', /catalog_listings_all_new/],
      ['sort=newest&pavilion=pakistan', /catalog_listings_pavilion_new/],
      ['sort=newest&category=handicrafts', /catalog_listings_root_new/],
      ['sort=newest&category=honey', /catalog_listings_category_new/],
      ['sort=price_asc', /catalog_listings_all_price/],
      ['sort=price_desc&pavilion=pacific', /catalog_listings_pavilion_price/],
      ['sort=popular&category=handicrafts', /catalog_listings_root_popular/],
      ['sort=popular&pavilion=pacific', /catalog_listings_pavilion_popular/],
    ];
    for (const [qs, index] of cases) {
      const query = listingQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs)));
      const category = query.category ? await db.selectFrom('categories').select(['id', 'parent_id as parentId']).where('id', '=', query.category).executeTakeFirstOrThrow() : null;
      const compiled = storefront.listingQuery(query, category).compile();
      let plan: string;
      if (testDialect === 'sqlite') {
        const bound = await db.executeQuery({ ...compiled, sql: `explain query plan ${compiled.sql}`, query: compiled.query });
        plan = (bound.rows as Array<{ detail: string }>).map((r) => r.detail).join('\n');
        assert.doesNotMatch(plan, /USE TEMP B-TREE/, `${qs} sorts in memory:\n${plan}`);
      } else {
        plan = await db.connection().execute(async (conn) => {
          await sql`set enable_seqscan = off`.execute(conn);
          const res = await conn.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain ${compiled.sql}`, query: compiled.query });
          await sql`set enable_seqscan = on`.execute(conn);
          return res.rows.map((r) => r['QUERY PLAN']).join('\n');
        });
      }
      assert.match(plan, index, `${qs} should use ${index}:\n${plan}`);
    }
  });

  test('a product page in Chinese with yuan price, origin price, e-label and B2B box', async () => {
    const [card] = (await list('pavilion=pacific&category=coconut-products&limit=1')).items;
    assert.ok(card);
    const page = (await ta.app.inject({ method: 'GET', url: `/api/store/products/${card.id}` })).json();
    assert.equal(page.pavilion.slug, 'pacific');
    assert.ok(page.content.eLabel.nameZh.length > 0);
    assert.ok(page.images.length >= 1);
    assert.equal(page.variants[0].price.origin.currency, 'FJD');
    assert.equal(page.exchangeRate.rate, '3.18');
    assert.ok(page.b2bTiers.length >= 1);
    const cover = await ta.app.inject({ method: 'GET', url: page.images[0].urls.thumb });
    assert.equal(cover.statusCode, 200);
  });

  test('kava is sold to importers only: listed, but not available to retail buyers', async () => {
    const kava = demoProducts.find((p) => p.retailSale === false);
    assert.ok(kava, 'the demo has a B2B-only product');
    const all = (await list('category=kava&limit=60')).items;
    const card = all.find((c) => c.titleZh === kava.titleZh);
    assert.ok(card);
    assert.equal(card.available, false);
    const page = (await ta.app.inject({ method: 'GET', url: `/api/store/products/${card.id}` })).json();
    assert.equal(page.unavailableReason, 'not_retail_eligible');
  });

  test('a shared product link shows its Chinese name and picture (Open Graph)', async () => {
    const [card] = (await list('pavilion=pakistan&limit=1')).items;
    assert.ok(card);
    const res = await ta.app.inject({ method: 'GET', url: `/products/${card.id}`, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`<meta property="og:title" content="${card.titleZh}`), res.body);
    assert.match(res.body, new RegExp(`<meta property="og:image" content="http://localhost:3000/media/[0-9a-f-]+/display.webp"`));
    assert.match(res.body, /<div id="root"><\/div>/, 'still the app');
    const pavilion = await ta.app.inject({ method: 'GET', url: '/pavilions/pacific', headers: { accept: 'text/html' } });
    assert.match(pavilion.body, /og:title" content="太平洋岛国馆/);
    const unknown = await ta.app.inject({ method: 'GET', url: '/products/00000000-0000-4000-8000-000000000000', headers: { accept: 'text/html' } });
    assert.equal(unknown.statusCode, 200, 'the app answers; it shows its own not-found page');
    assert.doesNotMatch(unknown.body, /og:title/);
  });
});
