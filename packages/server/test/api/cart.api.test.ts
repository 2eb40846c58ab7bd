import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Cart, CurrencyCode } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { demoBuyer, demoPavilions } from '../../src/features/demo/demo-data.ts';

interface PageVariant { id: string; price: { cnyFen: number | null; origin: { amount: number; currency: string } }; stock: string }

describe('cart', () => {
  let ta: TestApp;
  let buyer: string;
  const db = () => ta.testDb.database.db;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: { token?: string; cartToken?: string; payload?: object } = {}) =>
    ta.app.inject({
      method,
      url: `/api/store${url}`,
      headers: { ...(options.token ? bearer(options.token) : {}), ...(options.cartToken ? { 'x-cart-token': options.cartToken } : {}) },
      ...(options.payload ? { payload: options.payload } : {}),
    });
  const cartOf = async (options: { token?: string; cartToken?: string }): Promise<Cart> => {
    const res = await call('GET', '/cart', options);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const ok = (res: { statusCode: number; body: string; json(): unknown }): Cart => {
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Cart;
  };

  /** A variant of a listed product: its id, the product page's price and the product's currency. */
  const variantOf = async (where: { currency?: CurrencyCode; notCurrencies?: CurrencyCode[]; retail?: boolean }): Promise<{ productId: string; variant: PageVariant; currency: CurrencyCode }> => {
    let q = db().selectFrom('catalog_listings').select(['product_id', 'currency']).where('in_stock', '=', 1).where('retail_eligible', '=', where.retail === false ? 0 : 1);
    if (where.currency) q = q.where('currency', '=', where.currency);
    if (where.notCurrencies) q = q.where('currency', 'not in', where.notCurrencies);
    const rows = await q.orderBy('product_id').execute();
    for (const row of rows) {
      if (used.has(row.product_id)) continue;
      const page = (await ta.app.inject({ method: 'GET', url: `/api/store/products/${row.product_id}` })).json() as { variants: PageVariant[] };
      const variant = page.variants.find((v) => v.stock === 'in_stock');
      if (!variant) continue;
      used.add(row.product_id);
      return { productId: row.product_id, variant, currency: row.currency };
    }
    throw new Error(`no demo product for ${JSON.stringify(where)}`);
  };
  const used = new Set<string>();

  before(async () => {
    ta = await createTestApp({ catalog: true });
    buyer = await tokenFor(db(), demoBuyer.phone);
  });
  after(() => ta.close());

  test('a guest cart: the first add answers a token (only its hash is stored), later calls send it back', async () => {
    const empty = await cartOf({});
    assert.deepEqual(empty, { lines: [], goodsFen: 0, guestToken: null });

    const vase = await variantOf({ currency: 'PKR' });
    const first = ok(await call('POST', '/cart/lines', { payload: { variantId: vase.variant.id, quantity: 2 } }));
    assert.match(first.guestToken ?? '', /^[A-Za-z0-9_-]{43}$/);
    const token = first.guestToken ?? '';
    assert.equal(first.lines.length, 1);
    const [line] = first.lines;
    assert.ok(line);
    assert.equal(line.productId, vase.productId);
    assert.equal(line.quantity, 2);
    assert.deepEqual(line.unitPrice, vase.variant.price, 'the product page and the cart agree to the fen');
    assert.equal(line.problem, null);
    assert.ok(line.cover?.startsWith('/media/'));
    assert.equal(first.goodsFen, (vase.variant.price.cnyFen ?? 0) * 2);

    const carts = await db().selectFrom('carts').select(['owner']).execute();
    assert.deepEqual(carts.map((c) => c.owner), [`guest:${createHash('sha256').update(token).digest('hex')}`]);
    assert.ok(!JSON.stringify(carts).includes(token), 'the token itself is not stored');

    // Adding again adds up; the line is capped at 999 rather than refused.
    assert.equal(ok(await call('POST', '/cart/lines', { cartToken: token, payload: { variantId: vase.variant.id, quantity: 3 } })).lines[0]?.quantity, 5);
    const capped = ok(await call('POST', '/cart/lines', { cartToken: token, payload: { variantId: vase.variant.id, quantity: 999 } }));
    assert.equal(capped.lines[0]?.quantity, 999);
    assert.equal(capped.guestToken, token);
    assert.equal(ok(await call('PUT', `/cart/lines/${vase.variant.id}`, { cartToken: token, payload: { quantity: 4 } })).lines[0]?.quantity, 4);
    assert.equal((await cartOf({ cartToken: token })).lines[0]?.quantity, 4);

    // Without the token a guest is someone else: an empty cart, and nothing of the first cart to change.
    assert.deepEqual(await cartOf({}), { lines: [], goodsFen: 0, guestToken: null });
    const stranger = await call('PUT', `/cart/lines/${vase.variant.id}`, { payload: { quantity: 1 } });
    assert.equal(stranger.statusCode, 404);
    assert.equal((await cartOf({ cartToken: token })).lines[0]?.quantity, 4);

    const removed = ok(await call('PUT', `/cart/lines/${vase.variant.id}`, { cartToken: token, payload: { quantity: 0 } }));
    assert.deepEqual(removed.lines, []);
    assert.equal(removed.goodsFen, 0);
    const again = await call('DELETE', `/cart/lines/${vase.variant.id}`, { cartToken: token });
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().error.details[0].field, 'params.variantId');
  });

  test('an unknown or removed variant is 404 naming body.variantId, and nothing is created', async () => {
    const before = await db().selectFrom('carts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const unknown = await call('POST', '/cart/lines', { payload: { variantId: '00000000-0000-4000-8000-000000000000', quantity: 1 } });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'NOT_FOUND');
    assert.equal(unknown.json().error.details[0].field, 'body.variantId');
    const after = await db().selectFrom('carts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'no guest cart for a failed add');

    const item = await variantOf({ currency: 'PKR' });
    await db().updateTable('variants').set({ status: 'removed', live_price_minor: null }).where('id', '=', item.variant.id).execute();
    const removed = await call('POST', '/cart/lines', { token: buyer, payload: { variantId: item.variant.id, quantity: 1 } });
    assert.equal(removed.statusCode, 404);
    assert.equal(removed.json().error.details[0].field, 'body.variantId');
    assert.deepEqual((await cartOf({ token: buyer })).lines, []);

    const bad = await call('POST', '/cart/lines', { token: buyer, payload: { variantId: item.variant.id, quantity: 0 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'body.quantity');
  });

  test('after sign-in the guest cart merges into the buyer’s: quantities add up (capped), the guest cart is gone', async () => {
    const shopper = await signUpBuyer(ta, '13700001111');
    const a = await variantOf({ currency: 'PKR' });
    const b = await variantOf({ currency: 'FJD' });
    // The buyer's own cart already holds 2 of a and 990 of b.
    ok(await call('POST', '/cart/lines', { token: shopper, payload: { variantId: a.variant.id, quantity: 2 } }));
    ok(await call('POST', '/cart/lines', { token: shopper, payload: { variantId: b.variant.id, quantity: 990 } }));
    const own = await cartOf({ token: shopper });
    assert.equal(own.guestToken, null);

    const guest = ok(await call('POST', '/cart/lines', { payload: { variantId: a.variant.id, quantity: 3 } }));
    const token = guest.guestToken ?? '';
    ok(await call('POST', '/cart/lines', { cartToken: token, payload: { variantId: b.variant.id, quantity: 20 } }));

    const merged = ok(await call('POST', '/cart/merge', { token: shopper, payload: { guestToken: token } }));
    const quantity = (id: string) => merged.lines.find((l) => l.variantId === id)?.quantity;
    assert.equal(quantity(a.variant.id), 5);
    assert.equal(quantity(b.variant.id), 999);
    assert.equal(merged.guestToken, null);
    assert.deepEqual(await cartOf({ cartToken: token }), { lines: [], goodsFen: 0, guestToken: null }, 'the guest cart is gone');
    const owner = `guest:${createHash('sha256').update(token).digest('hex')}`;
    assert.equal(await db().selectFrom('carts').select('id').where('owner', '=', owner).executeTakeFirst(), undefined);

    // Merging again (the web retrying) changes nothing.
    const twice = ok(await call('POST', '/cart/merge', { token: shopper, payload: { guestToken: token } }));
    assert.deepEqual(twice, merged);
    // Another buyer's cart was never touched.
    assert.ok((await cartOf({ token: buyer })).lines.every((l) => l.variantId !== a.variant.id));

    // A staff account has no cart; a guest cannot merge.
    const operator = await tokenFor(db(), demoPavilions[0].operator.email);
    assert.equal((await call('GET', '/cart', { token: operator })).statusCode, 403);
    assert.equal((await call('POST', '/cart/merge', { payload: { guestToken: token } })).statusCode, 401);
  });

  test('lines that cannot be bought stay, each with its reason, and are left out of the goods total', async () => {
    const shopper = await signUpBuyer(ta, '13700002222');
    const good = await variantOf({ currency: 'PKR' });
    const toUnpublish = await variantOf({ currency: 'PKR' });
    const toEmpty = await variantOf({ currency: 'PKR' });
    const noRate = await variantOf({ notCurrencies: ['PKR', 'FJD', 'CNY'] });
    const kava = await variantOf({ retail: false });
    for (const item of [good, toUnpublish, toEmpty, noRate, kava]) {
      ok(await call('POST', '/cart/lines', { token: shopper, payload: { variantId: item.variant.id, quantity: 2 } }));
    }
    const initial = await cartOf({ token: shopper });
    assert.deepEqual(new Map(initial.lines.map((l) => [l.variantId, l.problem])), new Map([good, toUnpublish, toEmpty, noRate, kava].map((i) => [i.variant.id, i === kava ? 'not_retail_eligible' : null])));

    // The operator takes one product off sale; the exporter's stock of another runs out; one currency loses its rate.
    const operator = await tokenFor(db(), demoPavilions[0].operator.email);
    const unpublished = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${toUnpublish.productId}/unpublish`, headers: bearer(operator), payload: { reason: 'Label to be corrected' } });
    assert.equal(unpublished.statusCode, 200, unpublished.body);
    await db().updateTable('stock_levels').set({ on_hand: 0, reserved: 0 }).where('variant_id', '=', toEmpty.variant.id).execute();
    await db().deleteFrom('exchange_rates').where('currency', '=', noRate.currency).execute();

    const cart = await cartOf({ token: shopper });
    const byVariant = new Map(cart.lines.map((l) => [l.variantId, l]));
    assert.equal(cart.lines.length, 5, 'nothing was dropped');
    assert.equal(byVariant.get(good.variant.id)?.problem, null);
    assert.equal(byVariant.get(toUnpublish.variant.id)?.problem, 'unpublished');
    assert.equal(byVariant.get(toEmpty.variant.id)?.problem, 'out_of_stock');
    assert.equal(byVariant.get(toEmpty.variant.id)?.available, 0);
    assert.equal(byVariant.get(noRate.variant.id)?.problem, 'no_exchange_rate');
    assert.equal(byVariant.get(noRate.variant.id)?.unitPrice.cnyFen, null);
    assert.equal(byVariant.get(kava.variant.id)?.problem, 'not_retail_eligible');
    assert.equal(cart.goodsFen, (good.variant.price.cnyFen ?? 0) * 2, 'only the line that can be bought counts');

    // Asking for more than one warehouse can send: not_enough_stock, with what is left.
    const goodLine = byVariant.get(good.variant.id);
    assert.ok(goodLine && goodLine.available > 0);
    const tooMany = ok(await call('PUT', `/cart/lines/${good.variant.id}`, { token: shopper, payload: { quantity: Math.min(goodLine.available + 1, 999) } }));
    const tooManyLine = tooMany.lines.find((l) => l.variantId === good.variant.id);
    assert.equal(tooManyLine?.problem, goodLine.available >= 999 ? null : 'not_enough_stock');
    assert.equal(tooMany.goodsFen, 0);

    // An unpublished product's line can still be removed; a new add of it is refused as unknown.
    assert.equal((await call('POST', '/cart/lines', { token: shopper, payload: { variantId: toUnpublish.variant.id, quantity: 1 } })).statusCode, 404);
    const left = ok(await call('DELETE', `/cart/lines/${toUnpublish.variant.id}`, { token: shopper }));
    assert.equal(left.lines.length, 4);
  });
});
