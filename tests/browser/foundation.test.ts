/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { journeyEnvironment } from './server.ts';

describe('foundation journeys in Chromium', () => {
  const env = journeyEnvironment();

  test('the storefront opens in Chinese on a phone and switches to English', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByText('巴基斯坦国家馆').first().waitFor();
    await page.getByText('太平洋岛国馆').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');

    await page.getByTestId('lang-switch').first().click();
    await page.getByText('Pakistan Pavilion').first().waitFor();
    await page.getByText('Pacific Islands Pavilion').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // The choice is remembered.
    await page.reload();
    await page.getByText('Pakistan Pavilion').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no horizontal scrolling at 375 px (page is ${width} px wide)`);
    await context.close();
  });

  test('the demo operator signs in and sees the console with its pavilion', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/operator`);
    await page.waitForURL(/\/operator\/login/);
    await page.locator('input[name="email"]').fill('operator.pk@pavilion.demo');
    await page.locator('input[name="password"]').fill('pavilion-demo-2026');
    await page.locator('button[type="submit"]').click();

    const pavilion = page.getByTestId('operator-pavilion');
    await pavilion.first().waitFor();
    assert.equal(await pavilion.count(), 1, 'only the pavilion this operator runs');
    const text = await pavilion.first().innerText();
    assert.match(text, /巴基斯坦国家馆/);
    assert.match(text, /木尔坦蓝陶坊|Multani Blue/);
    assert.match(text, /拉合尔库萨绣鞋工作室|Lahore Khussa Studio/, 'the pending exporter is listed for the operator');
    await page.getByText('Ayesha Siddiqui').first().waitFor();
    await context.close();
  });

  test('a wrong password shows the reason in the console language', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/exporter/login`);
    await page.locator('input[name="email"]').fill('imran@multaniblue.example');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('The email or password is not correct.').first().waitFor();

    await page.locator('input[name="password"]').fill('pavilion-demo-2026');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Multan Blue Pottery Works (Pvt) Ltd').first().waitFor();
    await context.close();
  });

  test('a buyer signs in with the code from the server log', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/login`);
    await page.locator('input[name="phone"]').fill('13800138000');
    await page.locator('button[type="submit"]').first().click();
    const code = await waitFor(() => /Login code for 138\*\*\*\*8000: (\d{6})/.exec(env.server.output())?.[1]);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('button[type="submit"]').first().click();
    await page.getByText('李娜').first().waitFor();
    await context.close();
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
