import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Suggestion } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { refreshListingStock } from '../../src/features/catalog/catalog-listing.ts';

/**
 * Suggest-as-you-type over the demo catalog: what a buyer sees after one character, and that it
 * follows what was just committed (sales, stock taken by orders or restocked, unpublishing).
 */
describe('search suggestions', () => {
  let ta: TestApp;
  let operator: string;
  let exporter: string;
  /** The demo vase, and the first character of its Chinese title that other products' titles also start with. */
  let vase: string;
  let first: string;
  let title: string;
  /** Listed products whose Chinese title starts with that character, other than the vase. */
  let others: string[];
  /** More sales than any demo product has. */
  let most: number;

  const suggest = async (q: string): Promise<Suggestion[]> => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/store/search/suggest?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Suggestion[];
  };
  const products = async (q: string) => (await suggest(q)).filter((i) => i.kind === 'product').map((i) => i.id);
  const setSales = async (productId: string, sales: number) => {
    await ta.testDb.database.db.updateTable('catalog_listings').set({ sales_count: sales }).where('product_id', '=', productId).execute();
  };
  const stockOf = () =>
    ta.testDb.database.db
      .selectFrom('stock_levels as s')
      .innerJoin('variants as v', 'v.id', 's.variant_id')
      .select(['s.variant_id', 's.warehouse_id', 's.on_hand'])
      .where('v.product_id', '=', vase)
      .execute();
  const putStock = async (level: { variant_id: string; warehouse_id: string }, onHand: number) => {
    const res = await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: bearer(exporter), payload: { variantId: level.variant_id, warehouseId: level.warehouse_id, onHand } });
    assert.equal(res.statusCode, 200, res.body);
  };

  before(async () => {
    ta = await createTestApp({ catalog: true });
    const db = ta.testDb.database.db;
    operator = await tokenFor(db, demoPavilions[0].operator.email);
    exporter = await tokenFor(db, demoExporters[0].member.email);
    const variant = await db.selectFrom('variants').select('product_id').where('sku', '=', 'MB-VASE-20').executeTakeFirstOrThrow();
    vase = variant.product_id;
    const listings = await db.selectFrom('catalog_listings').select(['product_id', 'title_zh', 'sales_count']).execute();
    most = Math.max(...listings.map((l) => l.sales_count)) + 1000;
    title = listings.find((l) => l.product_id === vase)!.title_zh;
    first = [...title][0]!;
    others = listings.filter((l) => l.product_id !== vase && l.title_zh.startsWith(first)).map((l) => l.product_id);
    assert.ok(others.length >= 2, `other products start with ${first}`);
  });
  after(() => ta.close());

  test('one Chinese character suggests products, best sellers first, and a sale reorders them at once', async () => {
    const before = await products(first);
    assert.ok(before.includes(vase), 'the vase is suggested by its first character');
    await setSales(vase, most);
    assert.equal((await products(first))[0], vase, 'the best seller comes first');
    await setSales(others[0]!, most + 1);
    assert.deepEqual((await products(first)).slice(0, 2), [others[0], vase], 'a product selling more goes ahead of it');
    await setSales(others[0]!, 0);
    assert.equal((await products(first))[0], vase);
  });

  test('out of stock sinks below every product in stock; restocking lifts it back', async () => {
    await setSales(vase, most);
    const stock = await stockOf();
    for (const level of stock) await putStock(level, 0);
    const sunk = await products(first);
    assert.ok(sunk.length > 1);
    assert.ok(!sunk.slice(0, -1).includes(vase), 'out of stock, it comes after all the others shown, or not at all');
    await putStock(stock[0]!, 5);
    assert.equal((await products(first))[0], vase, 'restocked, the best seller is first again');

    // An order holding the last units takes it out of stock without the listing being rebuilt.
    const db = ta.testDb.database.db;
    const levels = await stockOf();
    await db.transaction().execute(async (trx) => {
      for (const level of levels) {
        await trx.updateTable('stock_levels').set({ reserved: level.on_hand }).where('variant_id', '=', level.variant_id).where('warehouse_id', '=', level.warehouse_id).execute();
      }
      await refreshListingStock(trx, [vase]);
    });
    assert.notEqual((await products(first))[0], vase, 'held by an order, it is no longer first');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('stock_levels').set({ reserved: 0 }).where('variant_id', 'in', stock.map((s) => s.variant_id)).execute();
      await refreshListingStock(trx, [vase]);
    });
    assert.equal((await products(first))[0], vase, 'released, it is first again');
  });

  test('an unpublished product leaves the suggestions at once, and comes back when republished', async () => {
    const prefix = [...title].slice(0, 3).join('');
    assert.ok((await products(prefix)).includes(vase));
    const off = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${vase}/unpublish`, headers: bearer(operator), payload: { reason: 'Checking the glaze certificate' } });
    assert.equal(off.statusCode, 200, off.body);
    assert.ok(!(await products(first)).includes(vase));
    assert.ok(!(await products(prefix)).includes(vase));
    assert.ok((await products(first)).length > 0, 'the others are still suggested');
    const back = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${vase}/republish`, headers: bearer(exporter) });
    assert.equal(back.statusCode, 200, back.body);
    assert.ok((await products(prefix)).includes(vase));
    assert.ok((await products(first)).includes(vase));
  });

  test('one Latin letter suggests only categories and brands; two suggest products too', async () => {
    const one = await suggest('c');
    assert.ok(one.length > 0 && one.length <= 4);
    assert.ok(one.every((i) => i.kind !== 'product'));
    for (const i of one) assert.match(`${i.labelEn.toLowerCase()} ${i.labelZh}`, /c/);
    const two = await suggest('co');
    assert.ok(two.some((i) => i.kind === 'product' && /^co|\sco/i.test(i.labelEn)), 'coconut products');
    assert.ok(two.length <= 10);
  });
});
