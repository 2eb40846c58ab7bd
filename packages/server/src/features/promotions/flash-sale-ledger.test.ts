import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertBuyers } from '../../../test/support/buyer-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.ts';
import { DirectoryFileStore } from '../../platform/file-store.ts';
import { seedDemo } from '../demo/index.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { returnFlashSaleUnits, takeFlashSaleUnits } from './flash-sale-ledger.ts';

/**
 * A flash sale of 100 units raced by 300 orders sells 100 units, never one more; a buyer's limit
 * holds across orders placed at once; what an order took comes back once. On SQLite and PostgreSQL.
 */
describe('the flash-sale ledger under a rush', () => {
  let tdb: TestDatabase;
  let db: Db;
  const now = new Date('2026-06-18T02:00:00.000Z'); // 10:00 on 618 in China
  const minute = 60_000;

  before(async () => {
    // The demo catalog's products give the sale its variant and warehouse (cloned from the run's seeded template, the API tests' own).
    tdb = await createTestDatabase({ seeded: { key: 'demo-catalog', build: (seedDb, files) => seedDemo(seedDb, { files: new DirectoryFileStore(files) }) } });
    db = tdb.database.db;
  });
  after(() => tdb.drop());

  const buyers = (count: number) => insertBuyers(db, count, now);

  async function item(options: { stock: number; perBuyer: number; opensIn?: number }): Promise<string> {
    const variant = await db.selectFrom('stock_levels').select(['variant_id', 'warehouse_id']).orderBy('variant_id').executeTakeFirstOrThrow();
    const campaignId = newId();
    const slotId = newId();
    const itemId = newId();
    await db.insertInto('campaigns').values({ id: campaignId, name_zh: '618 秒杀', name_en: '618 flash sale', starts_at: now.toISOString(), ends_at: new Date(now.getTime() + 60 * minute).toISOString(), funder: 'pavilion', status: 'published' }).execute();
    const opens = new Date(now.getTime() + (options.opensIn ?? -minute));
    await db.insertInto('flash_sale_slots').values({ id: slotId, campaign_id: campaignId, starts_at: opens.toISOString(), ends_at: new Date(opens.getTime() + 30 * minute).toISOString() }).execute();
    await db.insertInto('flash_sale_items').values({ id: itemId, slot_id: slotId, variant_id: variant.variant_id, warehouse_id: variant.warehouse_id, price_fen: 9_900, stock_total: options.stock, per_buyer_limit: options.perBuyer }).execute();
    return itemId;
  }

  const take = (itemId: string, userId: string, quantity: number, orderId = newId()) =>
    db.transaction().execute((trx) => takeFlashSaleUnits(trx, { itemId, userId, orderId, quantity, now })).then((r) => ({ ...r, orderId }));
  const soldOf = async (itemId: string) => (await db.selectFrom('flash_sale_items').select('sold').where('id', '=', itemId).executeTakeFirstOrThrow()).sold;

  test('300 orders race for 100 units: exactly 100 sold, every other order told it is sold out', async () => {
    const itemId = await item({ stock: 100, perBuyer: 1 });
    const people = await buyers(300);
    const results = await Promise.all(people.map((userId) => take(itemId, userId, 1)));
    assert.equal(results.filter((r) => r.ok).length, 100);
    for (const r of results.filter((x) => !x.ok)) assert.deepEqual(r.ok || r.reason, { code: 'flash_sold_out', leftUnits: 0 });
    assert.equal(await soldOf(itemId), 100);
    const held = await db.selectFrom('flash_sale_buyers').select((eb) => eb.fn.sum<number | string>('quantity').as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow();
    assert.equal(Number(held.n), 100, 'the refused buyers hold nothing');
  });

  test('a buyer placing six orders at once under a limit of 2 units gets 2', async () => {
    const itemId = await item({ stock: 50, perBuyer: 2 });
    const [userId] = await buyers(1);
    const results = await Promise.all(Array.from({ length: 6 }, () => take(itemId, userId!, 1)));
    assert.equal(results.filter((r) => r.ok).length, 2);
    for (const r of results.filter((x) => !x.ok)) assert.deepEqual(r.ok || r.reason, { code: 'flash_limit', limit: 2, leftUnits: 0 });
    assert.equal(await soldOf(itemId), 2);
    assert.deepEqual(await take(itemId, userId!, 3).then((r) => r.ok || r.reason), { code: 'flash_limit', limit: 2, leftUnits: 0 }, 'more than the limit in one order');
  });

  test('before its slot opens nothing is sold; what an order took comes back once, to be sold again', async () => {
    const early = await item({ stock: 5, perBuyer: 1, opensIn: 10 * minute });
    const [a, b] = await buyers(2);
    assert.deepEqual(await take(early, a!, 1).then((r) => r.ok || r.reason.code), 'not_started');

    const itemId = await item({ stock: 1, perBuyer: 1 });
    const first = await take(itemId, a!, 1);
    assert.ok(first.ok);
    assert.equal((await take(itemId, b!, 1)).ok, false);
    const back = await Promise.all([first.orderId, first.orderId].map((orderId) => db.transaction().execute((trx) => returnFlashSaleUnits(trx, { orderId, now }))));
    assert.deepEqual(back.sort(), [0, 1]);
    assert.equal(await soldOf(itemId), 0);
    assert.equal((await take(itemId, b!, 1)).ok, true, 'the unit given back is sold to the next buyer');
  });
});
