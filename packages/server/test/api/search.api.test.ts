import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SearchResult } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

/** Search over the demo catalog, as buyers type, and its upkeep by operators. */
describe('search', () => {
  let ta: TestApp;
  let operator: string;
  const skuProduct = new Map<string, string>();

  const search = async (qs: string, status = 200) => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/store/search?${qs}` });
    assert.equal(res.statusCode, status, res.body);
    return res.json() as SearchResult;
  };
  const titles = async (q: string) => (await search(`q=${encodeURIComponent(q)}&page_size=5`)).items.map((i) => i.titleZh);
  const idsFor = async (q: string) => (await search(`q=${encodeURIComponent(q)}&page_size=60`)).items.map((i) => i.id);
  const asOperator = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    ta.app.inject({ method, url, headers: bearer(operator), ...(payload ? { payload } : {}) });

  before(async () => {
    ta = await createTestApp({ catalog: true });
    const db = ta.testDb.database.db;
    operator = await tokenFor(db, demoPavilions[0].operator.email);
    for (const v of await db.selectFrom('variants').select(['sku', 'product_id']).execute()) skuProduct.set(v.sku, v.product_id);
  });
  after(() => ta.close());

  test('Chinese words, including the place names a general segmenter splits, find their products', async () => {
    assert.match((await titles('椰子油'))[0] ?? '', /椰子油/);
    for (const place of ['汤加', '萨摩亚', '瓦努阿图']) {
      const found = await titles(place);
      assert.ok(found.length > 0, `${place} finds products`);
    }
    assert.ok((await titles('汤加香草')).every((t) => /香草/.test(t)), 'Tongan vanilla only');
    assert.deepEqual(await titles('蓝陶花瓶'), (await titles('蓝陶花瓶')).filter((t) => /蓝陶/.test(t)));
  });

  test('pinyin, with or without spaces, and initials find 椰子油', async () => {
    const expected = (await titles('椰子油'))[0];
    for (const q of ['yeziyou', 'yezi you', 'yzy']) assert.equal((await titles(q))[0], expected, q);
  });

  test('English folds case and plurals, takes the last word as a prefix, forgives one typo in long words', async () => {
    assert.deepEqual(await idsFor('Shawls'), await idsFor('shawl'));
    assert.ok((await titles('pashmna')).some((t) => /帕什米纳/.test(t)), 'pashmna finds pashmina');
    assert.ok((await titles('pashm')).some((t) => /帕什米纳/.test(t)), 'a prefix while typing');
    assert.equal((await search('q=pash%20')).total, 0, 'a finished word is not a prefix');
    assert.equal((await search('q=vse')).total, 0, 'no typo allowed in a short word');
  });

  test('traditional characters and full-width letters match their plain forms', async () => {
    assert.deepEqual(await idsFor('羊絨披肩'), await idsFor('羊绒披肩'));
    assert.ok((await idsFor('羊绒披肩')).length > 0);
    assert.deepEqual(await idsFor('ｆｉｊｉ'), await idsFor('fiji'));
  });

  test('mixed queries need every word; the title counts more than the description', async () => {
    const fiji = await search('q=fiji%20%E6%A4%B0%E5%AD%90%E6%B2%B9&page_size=60');
    assert.ok(fiji.total > 0);
    assert.ok(fiji.items.every((i) => i.originCountry === 'FJ'));
    const top = fiji.items[0]!;
    assert.ok(top.highlight.titleZh.some((p) => p.hit && p.text.includes('椰子油')), 'the matched word is highlighted');
  });

  test('filters narrow the results and facets count what each choice would give', async () => {
    const all = await search('q=oil&page_size=60');
    const fj = await search('q=oil&country=FJ&page_size=60');
    assert.ok(fj.total > 0 && fj.total < all.total);
    assert.ok(fj.items.every((i) => i.originCountry === 'FJ'));
    // The country facet still counts the other countries (a buyer can switch).
    assert.deepEqual(fj.facets.country, all.facets.country);
    assert.equal(fj.facets.country.find((c) => c.value === 'FJ')?.count, fj.total);
    assert.equal(all.facets.country.reduce((n, c) => n + c.count, 0), all.total);
    const cheap = await search('q=oil&price_max=100&sort=price_asc&page_size=60');
    const prices = cheap.items.map((i) => i.price.cnyFen ?? Infinity);
    assert.ok(prices.every((p) => p <= 10_000));
    assert.deepEqual(prices, [...prices].sort((a, b) => a - b));
    const desc = (await search('q=oil&sort=price_desc&page_size=60')).items.map((i) => i.price.cnyFen ?? -Infinity).filter((p) => p !== -Infinity);
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    const pacific = await search('q=oil&pavilion=pacific&page_size=60');
    assert.ok(pacific.total > 0);
    assert.ok(pacific.items.every((i) => ['FJ', 'WS', 'TO', 'VU', 'PG'].includes(i.originCountry)));
    // Facet values are what the filter takes: the pavilion's slug.
    assert.equal(all.facets.pavilion.find((p) => p.value === 'pacific')?.count, pacific.total);
    const halal = await search('q=%E7%BD%95%E8%90%A8&cert=halal&page_size=60');
    assert.ok(halal.total > 0);
    assert.equal(halal.total, (await search('q=%E7%BD%95%E8%90%A8&page_size=60')).facets.cert.find((c) => c.value === 'halal')?.count);
  });

  test('bad input is refused naming the field and the rule', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/store/search?q=oil&price_min=500&price_max=100' });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.some((d: { field: string }) => d.field === 'querystring.price_min'));
    for (const qs of ['q=', 'q=oil&sort=cheapest', 'q=oil&price_min=abc', 'q=oil&page_size=500', 'q=oil&mode=0110', 'q=oil&colour=red']) {
      const bad = await ta.app.inject({ method: 'GET', url: `/api/store/search?${qs}` });
      assert.equal(bad.statusCode, 400, qs);
      assert.ok(bad.json().error.details.length > 0, qs);
    }
  });

  test('a query with no results offers what would work and is shown to operators', async () => {
    const none = await search(`q=${encodeURIComponent('蜂蜜 zzqxw')}`);
    assert.equal(none.total, 0);
    assert.equal(none.didYouMean, '蜂蜜');
    assert.ok(none.related.length > 0);
    await search('q=zzqxw');
    await search('q=zzqxw&page=2');
    await search('q=qqzzy&country=FJ');
    const res = await asOperator('GET', '/api/operator/search/zero-results?days=7');
    assert.equal(res.statusCode, 200, res.body);
    const row = res.json().items.find((i: { query: string }) => i.query === 'zzqxw');
    assert.equal(row?.count, 1);
    assert.equal(res.json().items.find((i: { query: string }) => i.query === '蜂蜜 zzqxw')?.count, 1);
    assert.ok(!res.json().items.some((i: { query: string }) => i.query === 'qqzzy'), 'a filter that empties the list is no missing product');
  });

  test('suggestions: at most ten, products by Chinese, pinyin and English prefixes', async () => {
    for (const q of ['椰', 'yezi', 'Coconut']) {
      const res = await ta.app.inject({ method: 'GET', url: `/api/store/search/suggest?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200);
      const items = res.json().items as Array<{ kind: string; labelZh: string }>;
      assert.ok(items.length > 0 && items.length <= 10, q);
      assert.ok(items.some((i) => i.kind === 'product' && /椰/.test(i.labelZh)), q);
    }
  });

  test('synonyms operators add work across languages at once; hot searches put their picks first', async () => {
    assert.equal((await search(`q=${encodeURIComponent('醉根')}`)).total, 0);
    const added = await asOperator('POST', '/api/operator/search/synonyms', { terms: ['醉根', 'kava'] });
    assert.equal(added.statusCode, 201, added.body);
    const kava = await search(`q=${encodeURIComponent('醉根')}`);
    assert.ok(kava.total > 0);
    assert.ok(kava.items.every((i) => /kava/i.test(i.titleEn) || /卡瓦/.test(i.titleZh)));
    const removed = await asOperator('DELETE', `/api/operator/search/synonyms/${added.json().id}`);
    assert.equal(removed.statusCode, 204);
    assert.equal((await search(`q=${encodeURIComponent('醉根')}`)).total, 0);

    const put = await asOperator('PUT', '/api/operator/search/hot', { items: ['黑珍珠', '椰子油'] });
    assert.equal(put.statusCode, 200, put.body);
    const hot = await ta.app.inject({ method: 'GET', url: '/api/store/search/hot' });
    assert.deepEqual(hot.json().items.slice(0, 2), [{ text: '黑珍珠', source: 'curated' }, { text: '椰子油', source: 'curated' }]);
  });

  test('a word operators add is used to cut Chinese, and the index is rebuilt with it', async () => {
    const bad = await asOperator('POST', '/api/operator/search/words', { word: 'ab' });
    assert.equal(bad.statusCode, 400);
    const res = await asOperator('POST', '/api/operator/search/words', { word: '吉德拉尔羊绒' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await asOperator('POST', '/api/operator/search/words', { word: '吉德拉尔羊绒' })).statusCode, 409);
    let status = (await asOperator('GET', '/api/operator/search/index')).json();
    for (let i = 0; i < 100 && status.pending > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await asOperator('GET', '/api/operator/search/index')).json();
    }
    assert.equal(status.pending, 0);
    assert.ok(status.documents > 80);
    assert.ok((await titles('吉德拉尔羊绒')).length > 0);
    const words = (await asOperator('GET', '/api/operator/search/words')).json();
    assert.ok(words.items.some((w: { word: string }) => w.word === '吉德拉尔羊绒'));
  });

  test('search upkeep runs as jobs, not on requests: a word change queues the re-index with it, the prune job prunes the change log, the flush job writes the query counts', async () => {
    const db = ta.testDb.database.db;
    /** Runs the app's due jobs (its own loop may take one first) until `done` holds. */
    const until = async (what: string, done: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await done()); i++) {
        await ta.app.jobs.runDue();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(await done(), what);
    };

    const reindexJobs = async () => (await db.selectFrom('jobs').select('id').where('kind', '=', 'search.reindex').execute()).map((j) => j.id);
    const before = new Set(await reindexJobs());
    assert.equal((await asOperator('POST', '/api/operator/search/words', { word: '手工蓝陶' })).statusCode, 201);
    const queued = (await reindexJobs()).filter((id) => !before.has(id));
    assert.equal(queued.length, 1, 'the re-index job was written with the word');
    await until('the re-index job ran', async () => (await asOperator('GET', '/api/operator/search/index')).json().pending === 0 && (await ta.app.jobs.get(queued[0]!))?.state === 'done');

    const doc = (await db.selectFrom('search_listings').select('doc').executeTakeFirstOrThrow()).doc;
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    await db.insertInto('search_changes').values({ doc, changed_at: old }).execute();
    const oldChange = () => db.selectFrom('search_changes').select('seq').where('changed_at', '=', old).execute();
    assert.equal((await search('q=zzupkeep')).total, 0);
    assert.equal((await oldChange()).length, 1, 'a search prunes nothing');

    ta.clock.advance(10 * 60_000);
    await until('the prune job pruned the two-hour-old change', async () => (await oldChange()).length === 0);
    await until('the flush job wrote the count', async () => {
      const row = await db.selectFrom('search_query_days').select(['searches', 'zero_results']).where('query', '=', 'zzupkeep').executeTakeFirst();
      return row !== undefined && Number(row.searches) === 1 && Number(row.zero_results) === 1;
    });
  });

  test('publishing, editing, unpublishing and restocking change results as soon as they commit', async () => {
    const db = ta.testDb.database.db;
    const productId = skuProduct.get('MB-VASE-20');
    assert.ok(productId, 'the demo vase');
    assert.ok((await idsFor('花瓶')).includes(productId));
    // Operator takes it off sale: gone from the very next search.
    const multani = demoExporters[0];
    const exporter = await tokenFor(db, multani.member.email);
    const off = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/unpublish`, headers: bearer(operator), payload: { reason: 'Checking the glaze certificate' } });
    assert.equal(off.statusCode, 200, off.body);
    assert.ok(!(await idsFor('花瓶')).includes(productId));
    const back = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/republish`, headers: bearer(exporter) });
    assert.equal(back.statusCode, 200, back.body);
    assert.ok((await idsFor('花瓶')).includes(productId));

    // Out of stock everywhere: the in-stock filter drops it at once; restocked, it is back.
    const stock = await db.selectFrom('stock_levels as s').innerJoin('variants as v', 'v.id', 's.variant_id').select(['s.variant_id', 's.warehouse_id', 's.on_hand']).where('v.product_id', '=', productId).execute();
    for (const s of stock) {
      const r = await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: bearer(exporter), payload: { variantId: s.variant_id, warehouseId: s.warehouse_id, onHand: 0 } });
      assert.equal(r.statusCode, 200, r.body);
    }
    assert.ok(!(await search(`q=${encodeURIComponent('花瓶')}&in_stock=true&page_size=60`)).items.some((i) => i.id === productId));
    const first = stock[0]!;
    await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: bearer(exporter), payload: { variantId: first.variant_id, warehouseId: first.warehouse_id, onHand: 5 } });
    assert.ok((await search(`q=${encodeURIComponent('花瓶')}&in_stock=true&page_size=60`)).items.some((i) => i.id === productId));

    // An edit goes live when approved: its new words find it, and nothing is served stale before.
    const product = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: bearer(exporter) })).json();
    const content = { ...product.live.content, titleEn: 'Hand-painted Multani blue pottery amphora', titleZh: '木尔坦手绘蓝陶双耳瓶' };
    assert.equal((await ta.app.inject({ method: 'PUT', url: `/api/exporter/products/${productId}`, headers: bearer(exporter), payload: content })).statusCode, 200);
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/submit`, headers: bearer(exporter) })).statusCode, 200);
    assert.ok(!(await idsFor('amphora')).includes(productId), 'not before approval');
    const revisionId = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: bearer(exporter) })).json().working.revisionId;
    const approved = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/approve`, headers: bearer(operator), payload: { revisionId } });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual(await idsFor('amphora'), [productId]);
    assert.ok((await idsFor('双耳瓶')).includes(productId));
    const suggest = await ta.app.inject({ method: 'GET', url: `/api/store/search/suggest?q=${encodeURIComponent('木尔坦手绘蓝陶双')}` });
    assert.ok(suggest.json().items.some((i: { id: string }) => i.id === productId));
  });
});
