/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { journeyEnvironment } from './server.ts';

// Two products of two exporters of the demo catalog, well under the ¥5,000 per-order limit.
const MUGS = '木尔坦蓝陶马克杯（2只装）'; // Multani Blue Pottery
const TOTE = '阿吉拉克帆布托特包'; // the Ajrak workshop
// A resident ID number that passes GB 11643 (check character computed by the contracts' residentIdCheckCharacter).
const ID_NUMBER = '110105199003070025';

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A product's id by its Chinese title, from the storefront's own listing. */
async function productId(page: Page, baseUrl: string, titleZh: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/store/products?limit=60`);
  const body = (await response.json()) as { items: { id: string; titleZh: string }[] };
  const card = body.items.find((item) => item.titleZh === titleZh);
  assert.ok(card, `no product "${titleZh}" in the demo catalog`);
  return card.id;
}

async function addToCart(page: Page, baseUrl: string, id: string, expectedCount: number): Promise<void> {
  await page.goto(`${baseUrl}/products/${id}`);
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('cart-badge').filter({ hasText: String(expectedCount) }).waitFor();
}

/** Fen from the data-fen attribute the amounts carry (the text is formatted). */
async function fenOf(locator: Locator): Promise<number> {
  const value = await locator.getAttribute('data-fen');
  assert.ok(value !== null, 'amount without data-fen');
  return Number(value);
}

describe('checkout journey: a buyer buys from two exporters, sees the landed cost per parcel, accepts the risk notice and pays', () => {
  const env = journeyEnvironment();

  test('guest cart, sign-in, address, identity after consent, quote, sandbox payment, two paid orders', async () => {
    const base = env.server.url;
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const mugs = await productId(page, base, MUGS);
    const tote = await productId(page, base, TOTE);

    // As a guest: the first product goes into a cart kept under a token.
    await addToCart(page, base, mugs, 1);

    // Signing in brings the guest's line into the buyer's cart.
    await page.goto(`${base}/login`);
    await page.locator('input[name="phone"]').fill('13800138000');
    await page.locator('button[type="submit"]').first().click();
    const code = await waitFor(() => /Login code for 138\*\*\*\*8000: (\d{6})/.exec(env.server.output())?.[1]);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await addToCart(page, base, tote, 2);

    // The cart: one group per exporter, both lines ticked, the goods subtotal.
    await page.goto(`${base}/cart`);
    await page.getByTestId('cart-line').nth(1).waitFor();
    assert.equal(await page.getByTestId('cart-group').count(), 2, 'one group per exporter');
    assert.match(await page.getByTestId('cart-goods').innerText(), /^¥\d/);
    await page.getByTestId('cart-checkout').click();
    await page.waitForURL((url) => url.pathname === '/checkout');

    // No address yet: add one, the region picked level by level.
    await page.getByTestId('checkout-add-address').click();
    await page.waitForURL((url) => url.pathname === '/addresses/new');
    await page.locator('input[name="name"]').fill('李娜');
    await page.locator('input[name="phone"]').fill('13800138000');
    await page.getByTestId('address-region').click();
    const cascader = page.locator('.adm-cascader');
    await cascader.getByText('广东省', { exact: true }).click();
    await cascader.getByText('深圳市', { exact: true }).click();
    await cascader.getByText('南山区', { exact: true }).click();
    await cascader.locator('.adm-cascader-header-button').filter({ hasText: '确定' }).click();
    await page.getByTestId('address-region').filter({ hasText: '广东省深圳市南山区' }).waitFor();
    await page.locator('textarea[name="street"]').fill('科技园科苑路 15 号 2 栋 301');
    await page.getByTestId('address-save').click();
    await page.waitForURL((url) => url.pathname === '/checkout');
    await page.getByTestId('checkout-address-chosen').filter({ hasText: '南山区' }).waitFor();

    // No identity yet: the consent screen comes first, then the form; the number is shown masked.
    await page.getByTestId('checkout-add-identity').click();
    await page.waitForURL((url) => url.pathname === '/identities');
    const consent = page.getByTestId('identity-consent');
    await consent.waitFor();
    assert.match(await consent.innerText(), /海关/);
    assert.match(await consent.innerText(), /出口商/);
    assert.ok(await page.getByTestId('identity-consent-agree').isDisabled(), 'agreeing needs the box ticked first');
    await page.getByTestId('identity-consent-check').click();
    await page.getByTestId('identity-consent-agree').click();
    await page.locator('input[name="idName"]').fill('李娜');
    await page.locator('input[name="idNumber"]').fill(ID_NUMBER);
    await page.getByTestId('identity-save').click();
    await page.waitForURL((url) => url.pathname === '/checkout');
    const identity = page.getByTestId('checkout-identity-option');
    await identity.first().waitFor();
    assert.match(await identity.first().innerText(), /110105\*+0025/);
    assert.doesNotMatch(await page.content(), new RegExp(ID_NUMBER), 'the full ID number never reaches the page');

    // The quote: one parcel per exporter, each with goods, freight, tax and a total that adds up.
    const shipments = page.getByTestId('shipment');
    await shipments.nth(1).waitFor();
    assert.equal(await shipments.count(), 2);
    let sum = 0;
    for (const shipment of await shipments.all()) {
      const goods = await fenOf(shipment.getByTestId('shipment-goods'));
      const freight = await fenOf(shipment.getByTestId('shipment-freight'));
      const tax = await fenOf(shipment.getByTestId('shipment-tax'));
      const total = await fenOf(shipment.getByTestId('shipment-total'));
      assert.ok(goods > 0 && tax > 0, `goods ${goods}, tax ${tax}`);
      assert.ok(freight >= 0);
      assert.equal(total, goods + freight + tax, 'a parcel total is goods + freight + tax to the fen');
      assert.match(await shipment.getByTestId('shipment-mode').innerText(), /9610|1210/);
      sum += total;
    }
    assert.equal(await fenOf(page.getByTestId('quote-total')), sum, 'the grand total adds the parcels up');
    assert.match(await page.getByTestId('annual-remaining').innerText(), /¥[\d,]+\.\d{2}/);

    // The risk notice must be accepted before the order can be placed.
    assert.ok((await page.getByTestId('risk-notice-text').innerText()).length > 20);
    assert.ok(await page.getByTestId('place-order').isDisabled());
    await page.getByTestId('risk-accept').click();
    await page.getByTestId('place-order').click();

    // The sandbox payment page, then back to the orders: two paid orders, one per exporter.
    await page.waitForURL((url) => url.pathname.startsWith('/api/payments/sandbox/pay/'));
    await page.getByRole('button', { name: /支付成功/ }).click();
    await page.waitForURL((url) => url.pathname === '/orders' && url.searchParams.has('checkout'));
    const paid = page.locator('[data-testid="order-card"][data-status="paid"]');
    await paid.nth(1).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('order-card').count(), 2);

    // An order's detail: the timeline from placing to payment, and the amounts.
    await paid.first().locator('a').first().click();
    await page.getByTestId('order-detail').waitFor();
    assert.ok((await page.getByTestId('timeline-event').count()) >= 2, 'placed and paid');
    assert.ok((await fenOf(page.getByTestId('order-tax'))) > 0);

    // The cart no longer holds what was bought.
    await page.goto(`${base}/cart`);
    await page.getByTestId('cart-empty').waitFor();
    await context.close();
  });
});
