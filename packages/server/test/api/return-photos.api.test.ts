import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Return } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { bearer, cookieLogin, tokenFor } from '../support/sessions.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { multipart, pngImage } from '../support/catalog-fixtures.ts';
import { demoAdmin, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import type { Db } from '../../src/db/database.ts';

/**
 * A buyer's return photos are personal: only the buyer, the order's exporter and its pavilion's
 * operators (and admins) get them, by session cookie (the web pages' <img>) or bearer token, and no
 * answer may be kept by a shared cache. Everyone else gets the 404 of an image that does not exist.
 */
describe('return photos are private', () => {
  let ta: TestApp;
  let paid: PaidOrders;
  let photoId: string;
  const db = (): Db => ta.testDb.database.db;
  const get = (url: string, headers: Record<string, string> = {}) => ta.app.inject({ method: 'GET', url, headers });
  const urls = () => [`/media/${photoId}/display.webp`, `/media/${photoId}/thumb.webp`];

  before(async () => {
    ta = await createTestApp({ catalog: true });
    paid = await paidOrders(ta);
  });
  after(() => ta.close());

  test('an uploaded photo not yet in a return is the buyer\'s alone, never publicly cacheable', async () => {
    const upload = await ta.app.inject({ method: 'POST', url: '/api/store/returns/photos', ...multipart({ name: 'broken.png', type: 'image/png', bytes: await pngImage('#a03020') }, {}, bearer(paid.buyerToken)) });
    assert.equal(upload.statusCode, 201, upload.body);
    photoId = (upload.json() as { id: string }).id;

    for (const url of urls()) {
      const own = await get(url, bearer(paid.buyerToken));
      assert.equal(own.statusCode, 200, url);
      assert.equal(own.headers['content-type'], 'image/webp');
      assert.equal(own.headers['cache-control'], 'private, no-store');
      const anonymous = await get(url);
      assert.equal(anonymous.statusCode, 404, `${url} anonymously`);
      assert.equal(anonymous.headers['cache-control'], 'private, no-store');
      assert.notEqual(anonymous.headers['content-type'], 'image/webp');
    }
    const exporter = await tokenFor(db(), demoExporters[0].member.email);
    assert.equal((await get(urls()[0]!, bearer(exporter))).statusCode, 404, 'not in a return yet: the exporter does not see it');
  });

  test('once in a return: the buyer, the order\'s exporter, its pavilion\'s operators and admins see it; nobody else', async () => {
    const [order] = await paid.placeAndPay([['MB-VASE-20', 1]]);
    const at = ta.clock.now.toISOString();
    await db().updateTable('orders').set({ status: 'delivered', customs_status: 'released', released_at: at, shipped_at: at, delivered_at: at }).where('id', '=', order!.id).execute();
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order!.id).executeTakeFirstOrThrow()).id;
    const asked = await ta.app.inject({ method: 'POST', url: `/api/store/orders/${order!.id}/returns`, headers: bearer(paid.buyerToken), payload: { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'damaged', photoIds: [photoId] } });
    assert.equal(asked.statusCode, 201, asked.body);
    const shown = (asked.json() as Return).photos[0]!;
    assert.deepEqual([shown.urls.display, shown.urls.thumb], urls());

    const allowed: Record<string, Record<string, string>> = {
      'the buyer (web page: session cookie)': { cookie: `pavilion_session=${paid.buyerToken}` },
      'the buyer (app: bearer token)': bearer(paid.buyerToken),
      'the exporter (console: session cookie)': { cookie: await cookieLogin(ta.app, demoExporters[0].member.email) },
      'the exporter (bearer token)': bearer(await tokenFor(db(), demoExporters[0].member.email)),
      "the pavilion's operator": { cookie: await cookieLogin(ta.app, demoPavilions[0].operator.email) },
      'an admin': bearer(await tokenFor(db(), demoAdmin.email)),
    };
    const refused: Record<string, Record<string, string>> = {
      anonymous: {},
      'another buyer': bearer(await signUpBuyer(ta, '13700009999')),
      'another exporter': bearer(await tokenFor(db(), demoExporters[4].member.email)),
      "another pavilion's operator": bearer(await tokenFor(db(), demoPavilions[1].operator.email)),
      'a made-up token': bearer('pv_' + 'x'.repeat(43)),
    };
    const wrong: string[] = [];
    for (const url of urls()) {
      for (const [who, headers] of Object.entries(allowed)) {
        const res = await get(url, headers);
        if (res.statusCode !== 200 || res.headers['cache-control'] !== 'private, no-store') wrong.push(`${who} ${url}: ${res.statusCode} ${String(res.headers['cache-control'])}`);
      }
      for (const [who, headers] of Object.entries(refused)) {
        const res = await get(url, headers);
        if (res.statusCode !== 404 || res.headers['cache-control'] !== 'private, no-store' || res.json().error.code !== 'NOT_FOUND') wrong.push(`${who} ${url}: ${res.statusCode} ${String(res.headers['cache-control'])}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('product pictures stay public and cacheable', async () => {
    const product = await db().selectFrom('media').select('id').where('owner', 'like', 'exporter:%').executeTakeFirstOrThrow();
    const res = await get(`/media/${product.id}/display.webp`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });
});
