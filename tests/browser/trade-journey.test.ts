/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, Download, Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { journeyEnvironment } from './server.ts';

const PASSWORD = 'pavilion-demo-2026';
const IMPORTER = 'zhang.wei@islandselect.example';
// Two of the three demo exporters that make soaps (the third, Santo Sandalwood, does not quote).
const BULA = 'litia@bulacoconut.example';
const SALT_RANGE = 'tariq@saltrangecrafts.example';
const CATEGORY = 'soaps-bath';
const DESCRIPTION = '初榨椰子油手工皂，100 克，独立包装';
const QUANTITY = 100;

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

async function consoleSignIn(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}/exporter/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return page;
}

/** The exporter opens the RFQ on its board and quotes one tier at the RFQ's quantity, in US dollars. */
async function quote(page: Page, base: string, rfqId: string, price: string, port: string): Promise<void> {
  await page.goto(`${base}/exporter/rfqs`);
  const row = page.locator(`[data-testid="rfq-row"][data-id="${rfqId}"]`);
  await row.waitFor();
  await row.getByTestId('edit-quote').click();
  const form = page.getByTestId('quote-form');
  await form.waitFor();
  await form.locator('[data-testid="quote-tier"] input[inputmode="decimal"]').first().fill(price);
  await form.getByTestId('quote-port').fill(port);
  await page.getByTestId('save-quote').click();
  await form.waitFor({ state: 'detached' });
  await row.getByText(/r1/).waitFor();
}

/** Clicks a proforma link and reads the file it downloads. */
async function download(page: Page, link: ReturnType<Page['locator']>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]) as [Download, unknown];
  const where = await file.path();
  return readFileSync(where);
}

async function pdfText(bytes: Buffer): Promise<string> {
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

/** A one-page PDF with a line of text: what an importer attaches as its specification. */
function specificationPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Soap specification: 100 g, individually wrapped');
    doc.end();
  });
}

/** "US$1,234.50" or "1,234.50 USD" → "1,234.50": the figure the PDF prints beside the currency code. */
function figure(shown: string): string {
  const match = /\d[\d,]*\.\d{2}/.exec(shown);
  assert.ok(match, `a money figure in "${shown}"`);
  return match[0];
}

describe('trade journey: an importer posts an RFQ, two exporters quote, the importer compares and accepts, both download the proforma', () => {
  const env = journeyEnvironment();

  test('RFQ → two quotes → comparison in yuan, cheapest first → accept → proforma PDF for importer and exporter', async () => {
    const base = env.server.url;

    // The importer's owner signs in with the company account's email and password.
    const importerContext = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, acceptDownloads: true });
    const importer = await importerContext.newPage();
    await importer.goto(`${base}/login`);
    await importer.getByTestId('password-login').click();
    await importer.locator('input[name="email"]').fill(IMPORTER);
    await importer.locator('input[name="password"]').fill(PASSWORD);
    await importer.getByTestId('password-login-submit').click();
    await importer.waitForURL((url) => url.pathname === '/');

    // Posts an RFQ for soaps to all pavilions.
    await importer.goto(`${base}/trade/rfqs`);
    await importer.getByTestId('new-rfq').click();
    await importer.waitForURL((url) => url.pathname === '/trade/rfqs/new');
    const rfqForm = importer.getByTestId('rfq-form');
    await importer.locator(`[data-testid="rfq-category"] option[value="${CATEGORY}"]`).waitFor({ state: 'attached' });
    await importer.getByTestId('rfq-category').selectOption(CATEGORY);
    await rfqForm.locator('[data-testid="rfq-description-zh"] textarea, textarea[data-testid="rfq-description-zh"]').fill(DESCRIPTION);
    await rfqForm.locator('[data-testid="rfq-port"] input, input[data-testid="rfq-port"]').fill('Shanghai');
    const deadline = new Date(Date.now() + 7 * 86_400_000);
    const local = `${deadline.getFullYear()}-${String(deadline.getMonth() + 1).padStart(2, '0')}-${String(deadline.getDate()).padStart(2, '0')}T12:00`;
    await importer.getByTestId('rfq-deadline').fill(local);
    await importer.getByTestId('rfq-submit').click();
    await importer.waitForURL((url) => /^\/trade\/rfqs\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const rfqId = new URL(importer.url()).pathname.split('/').pop() ?? '';
    const rfq = await call<{ quantity: number; matchedExporters: number }>(importer, 'GET', `/api/trade/rfqs/${rfqId}`);
    assert.equal(rfq.quantity, QUANTITY);
    assert.equal(rfq.matchedExporters, 3, 'the three soap makers are told');

    // Two of the matched exporters quote from their RFQ boards: Bula Coconut dearer, Salt Range Crafts cheaper.
    const bula = await consoleSignIn(env.browser, base, BULA);
    await quote(bula, base, rfqId, '1.80', 'Suva');
    const saltRange = await consoleSignIn(env.browser, base, SALT_RANGE);
    await quote(saltRange, base, rfqId, '1.20', 'Karachi');

    // The importer compares them at the RFQ's quantity: yuan per unit, cheapest first.
    await importer.reload();
    await importer.getByTestId('quote-comparison').waitFor();
    const rows = importer.getByTestId('quote-row');
    assert.equal(await rows.count(), 2);
    const facts = await call<{ items: Array<{ id: string; unitFen: number | null; exporter: { tradingNameEn: string; tradingNameZh: string } }> }>(importer, 'GET', `/api/trade/rfqs/${rfqId}/quotes?quantity=${QUANTITY}`);
    assert.equal(facts.items.length, 2);
    const shown = await importer.getByTestId('quote-unit-fen').allInnerTexts();
    const yuan = shown.map((text) => Number(/([\d,]+\.\d{2})/.exec(text)?.[1]?.replaceAll(',', '')));
    assert.deepEqual(yuan, facts.items.map((item) => (item.unitFen ?? NaN) / 100), `yuan per unit as the server reckons them: ${shown.join(' | ')}`);
    assert.ok((yuan[0] ?? 0) > 0 && (yuan[0] ?? 0) < (yuan[1] ?? 0), `cheapest first: ${yuan.join(' < ')}`);
    const cheapest = facts.items[0]?.exporter;
    assert.match(cheapest?.tradingNameEn ?? '', /Salt Range/);
    const firstRow = await rows.first().innerText();
    assert.ok(firstRow.includes(cheapest?.tradingNameZh ?? '?') || firstRow.includes(cheapest?.tradingNameEn ?? '?'), `the first row is Salt Range Crafts:\n${firstRow}`);

    // Accepts the cheapest as a bulk order at that quantity.
    const acceptForm = importer.getByTestId('accept-form');
    await acceptForm.locator('.adm-selector-item').first().click();
    await rows.first().getByTestId('accept-quote').click();
    await importer.locator('.adm-dialog .adm-dialog-button-bold').click();
    await importer.waitForURL((url) => url.pathname === '/trade/orders');

    // The importer downloads the proforma from the B2B orders page.
    const item = importer.getByTestId('b2b-order-item').first();
    await item.waitFor();
    const orders = await call<{ items: Array<{ id: string; number: string; totalMinor: number; currency: string }> }>(importer, 'GET', '/api/trade/orders');
    const order = orders.items[0];
    assert.ok(order);
    assert.equal(orders.items.length, 1);
    assert.equal(order.currency, 'USD');
    assert.equal(order.totalMinor, 120 * QUANTITY, 'USD 1.20 × 100');
    const number = (await item.getByTestId('b2b-order-number').innerText()).trim();
    assert.equal(number, order.number);
    const total = figure(await item.getByTestId('b2b-order-total').innerText());
    const importerPdf = await pdfText(await download(importer, item.getByTestId('proforma-download')));
    assert.ok(importerPdf.includes(number), `the order number ${number} in:\n${importerPdf}`);
    assert.ok(importerPdf.includes(`${total} ${order.currency}`), `the total ${total} ${order.currency} in:\n${importerPdf}`);

    // The chosen exporter downloads the same invoice from its B2B orders page.
    await saltRange.goto(`${base}/exporter/b2b-orders`);
    const row = saltRange.locator(`[data-testid="b2b-order-row"][data-id="${order.id}"]`);
    await row.waitFor();
    assert.equal((await row.getByTestId('b2b-order-number').innerText()).trim(), number);
    const exporterPdf = await pdfText(await download(saltRange, row.getByTestId('proforma-download')));
    assert.ok(exporterPdf.includes(number), `the order number ${number} in:\n${exporterPdf}`);
    assert.ok(exporterPdf.includes(`${total} ${order.currency}`), `the total ${total} ${order.currency} in:\n${exporterPdf}`);

    // Bula Coconut was not chosen: no order on its page.
    await bula.goto(`${base}/exporter/b2b-orders`);
    await bula.getByTestId('b2b-orders').waitFor();
    assert.equal(await bula.locator(`[data-testid="b2b-order-row"][data-id="${order.id}"]`).count(), 0);

    await bula.context().close();
    await saltRange.context().close();
    await importerContext.close();
  });
  test('an inquiry with a PDF attached → the exporter downloads it and replies with a PNG → the importer sees it', async () => {
    const base = env.server.url;
    const pdf = await specificationPdf();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();

    const importerContext = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const importer = await importerContext.newPage();
    await importer.goto(`${base}/login`);
    await importer.getByTestId('password-login').click();
    await importer.locator('input[name="email"]').fill(IMPORTER);
    await importer.locator('input[name="password"]').fill(PASSWORD);
    await importer.getByTestId('password-login-submit').click();
    await importer.waitForURL((url) => url.pathname === '/');

    // A Bula Coconut soap: the importer asks about it from its product page, with a specification attached.
    const listing = await call<{ items: Array<{ id: string; exporter: { nameEn: string } }> }>(importer, 'GET', `/api/store/products?category=${CATEGORY}&limit=60`);
    const product = listing.items.find((item) => /Bula/.test(item.exporter.nameEn));
    assert.ok(product, 'a Bula Coconut soap in the catalogue');
    await importer.goto(`${base}/products/${product.id}`);
    await importer.getByTestId('send-inquiry').click();
    const form = importer.getByTestId('inquiry-form');
    await form.waitFor();
    await form.locator('[data-testid="inquiry-message"] textarea, textarea[data-testid="inquiry-message"]').fill('Please see our specification.');
    // A text file named .pdf is refused by the server (it checks the content): the form says so and lists nothing.
    await form.getByTestId('attach-input').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await form.getByRole('alert').waitFor();
    assert.equal(await form.getByTestId('attached-file').count(), 0);
    await form.getByTestId('attach-input').setInputFiles({ name: 'specification.pdf', mimeType: 'application/pdf', buffer: pdf });
    assert.equal(await form.getByRole('alert').count(), 0, 'the refusal is gone once a file is accepted');
    await form.getByTestId('attached-file').filter({ hasText: 'specification.pdf' }).waitFor();
    await form.getByTestId('inquiry-submit').click();
    await importer.waitForURL((url) => /^\/trade\/inquiries\/[^/]+$/.test(url.pathname));
    const inquiryId = new URL(importer.url()).pathname.split('/').pop() ?? '';
    await importer.getByTestId('thread-attachment').filter({ hasText: 'specification.pdf' }).waitFor();

    // The exporter finds it in its inbox, downloads the PDF and replies with a PNG swatch.
    const bula = await consoleSignIn(env.browser, base, BULA);
    await bula.goto(`${base}/exporter/inquiries`);
    const row = bula.locator(`[data-testid="inquiry-row"][data-id="${inquiryId}"]`);
    await row.waitFor();
    await row.getByTestId('open-inquiry').click();
    const thread = bula.getByTestId('inquiry-thread');
    const link = thread.getByTestId('thread-attachment').filter({ hasText: 'specification.pdf' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.ok(href);
    const fetched = await bula.context().request.get(new URL(href, base).toString());
    assert.equal(fetched.status(), 200);
    const downloaded = await fetched.body();
    assert.equal(downloaded.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF');
    assert.ok(downloaded.equals(pdf), 'the file the importer attached, byte for byte');

    await thread.getByTestId('reply-text').fill('Here is the colour of the wrapping.');
    await thread.getByTestId('attach-input').setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: png });
    await thread.getByTestId('attached-file').filter({ hasText: 'swatch.png' }).waitFor();
    await thread.getByTestId('send-reply').click();
    await thread.getByTestId('thread-attachment').filter({ hasText: 'swatch.png' }).waitFor();
    assert.equal(await thread.getByTestId('attached-file').count(), 0, 'the picker is empty after sending');

    // The importer sees the reply with its PNG in the thread.
    await importer.reload();
    const reply = importer.locator('[data-testid="thread-message"][data-side="exporter"]');
    await reply.getByTestId('thread-attachment').filter({ hasText: 'swatch.png' }).waitFor();
    const image = await importerContext.request.get(new URL((await reply.getByTestId('thread-attachment').first().getAttribute('href')) ?? '', base).toString());
    assert.equal(image.status(), 200);
    assert.ok((await image.body()).equals(png), 'the PNG the exporter attached');

    await bula.context().close();
    await importerContext.close();
  });
});
