/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { IDENTITY_CONSENT_VERSION, type OrderDetail, type PlacedCheckout, type Quote } from '@pavilion/contracts';
import { journeyEnvironment } from './server.ts';

const PASSWORD = 'pavilion-demo-2026';
// Fijian virgin coconut oil: Bula Coconut keeps it in its bonded warehouse, so it ships by 1210.
const COCONUT_OIL = '斐济有机冷压初榨椰子油';
const SKU = 'BC-VCO-250';
// A resident ID number that passes GB 11643 (its check character computed by the contracts' rule).
const ID_NUMBER = '110105199003070025';
const WAYBILL = 'SF1400012345678';

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A JSON call from inside the page: same origin and cookies as the app's own calls. */
async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    },
    { method, url, body },
  );
  assert.ok(result.status < 300, `${method} ${url}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : null) as T;
}

/** Customs' answer to a message, as the customs client drops it into the inbox (written aside, then renamed). */
function dropReceipt(inbox: string, r: { guid: string; orderNo: string; status: string; info: string }): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><CEB312Message guid="${r.guid}" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb"><OrderReturn><guid>${r.guid}</guid><orderNo>${r.orderNo}</orderNo><returnStatus>${r.status}</returnStatus><returnTime>20261201120000000</returnTime><returnInfo>${r.info}</returnInfo></OrderReturn></CEB312Message>`;
  const name = `CEB312_${r.guid}_${r.status}.xml`;
  writeFileSync(path.join(inbox, `.${name}`), xml);
  renameSync(path.join(inbox, `.${name}`), path.join(inbox, name));
}

describe('after payment: customs declares the order, the bonded warehouse ships it, the buyer follows it and confirms receipt', () => {
  const env = journeyEnvironment();

  test('paid → declared (CEB311 in the outbox) → accepted and released by receipts → operator enters the waybill → buyer sees the timeline and confirms', async () => {
    const base = env.server.url;
    const outbox = path.join(env.server.dataDir, 'customs', 'outbox');
    const inbox = path.join(env.server.dataDir, 'customs', 'inbox');

    // The buyer signs in with a one-time code and pays for a bottle of coconut oil on the sandbox page.
    const buyerContext = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const buyer = await buyerContext.newPage();
    await buyer.goto(`${base}/login`);
    await buyer.locator('input[name="phone"]').fill('13800138000');
    await buyer.locator('button[type="submit"]').first().click();
    const code = await waitFor(() => /Login code for 138\*\*\*\*8000: (\d{6})/.exec(env.server.output())?.[1], 'the login code');
    await buyer.locator('input[name="code"]').fill(code);
    await buyer.locator('button[type="submit"]').first().click();
    await buyer.waitForURL((url) => url.pathname === '/');

    let productId: string | undefined;
    for (let cursor: string | null = ''; productId === undefined && cursor !== null; ) {
      const listing: { items: Array<{ id: string; titleZh: string }>; nextCursor: string | null } = await call(buyer, 'GET', `/api/store/products?limit=60${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      productId = listing.items.find((p) => p.titleZh === COCONUT_OIL)?.id;
      cursor = listing.nextCursor;
    }
    assert.ok(productId, 'the coconut oil is on sale');
    const product = await call<{ variants: Array<{ id: string; sku: string }> }>(buyer, 'GET', `/api/store/products/${productId}`);
    const variantId = product.variants.find((v) => v.sku === SKU)?.id;
    assert.ok(variantId);
    const address = await call<{ id: string }>(buyer, 'POST', '/api/store/addresses', { name: '李娜', phone: '13800138000', districtCode: '440305', street: '科技园科苑路 15 号 2 栋 301' });
    await call(buyer, 'POST', '/api/store/identities/consent', { textVersion: IDENTITY_CONSENT_VERSION });
    const identity = await call<{ id: string }>(buyer, 'POST', '/api/store/identities', { name: '李娜', idNumber: ID_NUMBER });
    const lines = [{ variantId, quantity: 2 }];
    const quote = await call<Quote>(buyer, 'POST', '/api/store/checkout/quote', { lines, addressId: address.id, identityId: identity.id });
    assert.deepEqual(quote.shipments.map((s) => s.customsMode), ['1210'], 'one parcel from the bonded warehouse');
    const placed = await buyer.evaluate(
      async (payload) => {
        const res = await fetch('/api/store/orders', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(payload) });
        return (await res.json()) as PlacedCheckout;
      },
      { lines, addressId: address.id, identityId: identity.id, riskNoticeVersion: quote.riskNotice.version, paymentMethod: 'sandbox' },
    );
    const order = placed.orders[0];
    assert.ok(order && placed.payment?.kind === 'sandbox', JSON.stringify(placed));
    await buyer.goto(placed.payment.url);
    await buyer.getByRole('button', { name: /支付成功/ }).click();
    await buyer.waitForURL((url) => url.pathname === '/orders');

    // The declaration worker writes the order's CEB311 message into the customs client's outbox.
    const file = await waitFor(() => (existsSync(outbox) ? readdirSync(outbox).find((f) => /^CEB311_.+\.xml$/.test(f)) : undefined), 'the CEB311 file');
    const xml = readFileSync(path.join(outbox, file), 'utf8');
    assert.ok(xml.includes(`<ceb:orderNo>${order.number}</ceb:orderNo>`), 'the message declares this order');
    assert.ok(xml.includes(`<ceb:acturalPaid>${(order.totalFen / 100).toFixed(2)}</ceb:acturalPaid>`), 'what was paid, to the fen');
    const guid = /guid="([0-9A-F-]{36})"/.exec(xml)?.[1];
    assert.ok(guid);

    // Customs accepts it, then releases it (放行).
    dropReceipt(inbox, { guid, orderNo: order.number, status: '120', info: '海关入库成功' });
    dropReceipt(inbox, { guid, orderNo: order.number, status: '800', info: '放行' });
    await waitFor(async () => ((await call<OrderDetail>(buyer, 'GET', `/api/store/orders/${order.id}`)).customsStatus === 'released' ? true : undefined), 'the release');

    // The Pacific pavilion's operator sees it released in the customs queue, then ships it from the fulfilment queue.
    const operatorContext = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const operator = await operatorContext.newPage();
    await operator.goto(`${base}/operator/login`);
    await operator.locator('input[name="email"]').fill('operator.pacific@pavilion.demo');
    await operator.locator('input[name="password"]').fill(PASSWORD);
    await operator.locator('button[type="submit"]').click();
    await operator.waitForURL((u) => !u.pathname.endsWith('/login'));
    await operator.goto(`${base}/operator/customs`);
    await operator.locator(`[data-testid="customs-row"][data-order-number="${order.number}"][data-customs-status="released"]`).waitFor();

    await operator.goto(`${base}/operator/fulfilment`);
    const row = operator.locator(`[data-testid="fulfilment-row"][data-order-number="${order.number}"]`);
    await row.waitFor();
    await row.getByTestId('ship-open').click();
    const form = operator.getByTestId('ship-form');
    await form.waitFor();
    await form.getByTestId('ship-carrier').click();
    await operator.locator('.ant-select-item-option').filter({ hasText: /顺丰|SF/ }).first().click();
    await form.getByTestId('ship-tracking-number').fill(WAYBILL);
    await form.getByTestId('ship-submit').click();
    await waitFor(async () => ((await call<OrderDetail>(buyer, 'GET', `/api/store/orders/${order.id}`)).status === 'shipped' ? true : undefined), 'the shipment');

    // The buyer's order: customs steps and the parcel's tracking in Chinese, then 确认收货.
    await buyer.goto(`${base}/orders/${order.id}`);
    await buyer.getByTestId('order-detail').waitFor();
    const timeline = await buyer.getByTestId('order-timeline').innerText();
    for (const step of ['已申报海关', '海关已放行']) assert.ok(timeline.includes(step), `the timeline shows "${step}":\n${timeline}`);
    assert.ok((await buyer.getByTestId('tracking-waybill').innerText()).includes(WAYBILL));
    assert.ok((await buyer.getByTestId('tracking-event').count()) >= 1, 'the parcel has its first tracking event');
    assert.match(await buyer.getByTestId('tracking-event-text').first().innerText(), /[\u4e00-\u9fff]/, 'tracking events read in Chinese');
    await buyer.getByTestId('confirm-receipt').click();
    await buyer.locator('.adm-dialog').getByText('确认收货', { exact: true }).click();
    await buyer.locator('[data-testid="order-status"][data-status="completed"]').waitFor();
    assert.equal((await call<OrderDetail>(buyer, 'GET', `/api/store/orders/${order.id}`)).status, 'completed');

    await operatorContext.close();
    await buyerContext.close();
  });
});
