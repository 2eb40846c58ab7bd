/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { journeyEnvironment } from './server.ts';

// Words no product of the demo catalog holds, in any language: the search finds nothing.
const NONSENSE = 'qzxv wombat rocket';

/** "共 3 件商品" → 3 */
async function totalOf(page: Page): Promise<number> {
  const text = await page.getByTestId('search-total').innerText();
  const match = /(\d+)/.exec(text);
  assert.ok(match?.[1], `no number in "${text}"`);
  return Number(match[1]);
}

/** "有机 (1)" → 1: the count a facet value shows beside its name. */
async function countOf(option: Locator): Promise<number> {
  const text = await option.innerText();
  const match = /\((\d+)\)\s*$/.exec(text.trim());
  assert.ok(match?.[1], `no count in "${text}"`);
  return Number(match[1]);
}

async function searchFor(page: Page, words: string): Promise<void> {
  const box = page.getByTestId('search-box').locator('input');
  await box.click();
  await box.fill(words);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
}

describe('search journey: a buyer searches in Chinese, narrows the results, finds nothing for nonsense; the operator sees it', () => {
  const env = journeyEnvironment();

  test('a buyer gets suggestions, highlighted results and facet counts that match the filtered results', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByTestId('search-entry').click();
    await page.waitForURL((url) => url.pathname === '/search');

    // Typing suggests products, brands and categories holding the word, in Chinese.
    await page.getByTestId('search-box').locator('input').fill('椰子');
    const suggestion = page.getByTestId('suggestion').filter({ hasText: '椰子' }).first();
    await suggestion.waitFor();
    assert.match(await page.getByTestId('search-for').innerText(), /搜索“椰子”/);

    await searchFor(page, 'fiji 椰子油');
    await page.getByTestId('search-total').waitFor();
    const total = await totalOf(page);
    assert.ok(total >= 2, `expected several coconut-oil products, got ${total}`);
    assert.equal(await page.getByTestId('product-card').count(), total);
    // The words the query matched are marked in the Chinese titles.
    const marks = await page.getByTestId('search-results').locator('mark').allInnerTexts();
    assert.ok(marks.includes('椰子油'), `marked: ${marks.join(', ')}`);
    assert.match(await page.getByTestId('product-card').first().innerText(), /斐济有机冷压初榨椰子油/);

    // Narrow to organic products: the drawer says how many there are, and the list then shows as many.
    await page.getByTestId('filter-button').click();
    await page.getByTestId('search-filter-drawer').waitFor();
    const organic = page.getByTestId('facet-cert').locator('.adm-selector-item', { hasText: '有机' });
    const organicCount = await countOf(organic);
    assert.ok(organicCount > 0 && organicCount < total, `organic ${organicCount} of ${total}`);
    await organic.click();
    await page.getByTestId('filter-apply').filter({ hasText: `查看 ${organicCount} 件商品` }).waitFor();
    await page.getByTestId('filter-apply').click();
    await page.waitForURL((url) => url.searchParams.get('cert') === 'organic');
    await page.getByTestId('search-total').filter({ hasText: `共 ${organicCount} 件商品` }).waitFor();
    await page.getByTestId('applied-filter').filter({ hasText: '有机' }).waitFor();
    assert.equal(await page.getByTestId('product-card').count(), organicCount);

    // The address carries the filter: going back shows the unfiltered results again.
    await page.goBack();
    await page.getByTestId('search-total').filter({ hasText: `共 ${total} 件商品` }).waitFor();
    assert.equal(await page.getByTestId('applied-filter').count(), 0);

    // Nonsense finds nothing, and the page offers a way on instead of a dead end.
    await searchFor(page, NONSENSE);
    const zero = page.getByTestId('zero-results');
    await zero.waitFor();
    assert.match(await zero.innerText(), new RegExp(`没有找到与“${NONSENSE}”相关的商品`));
    assert.match(await page.getByTestId('search-tips').innerText(), /搜索小贴士/);
    // No result list; any cards are the related products below the message.
    assert.equal(await page.getByTestId('search-results').count(), 0);
    assert.equal(await page.getByTestId('search-total').count(), 0);
    await context.close();
  });

  test('the operator finds the nonsense query among the searches that found nothing', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/operator/login`);
    await page.locator('input[name="email"]').fill('operator.pk@pavilion.demo');
    await page.locator('input[name="password"]').fill('pavilion-demo-2026');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.getByTestId('menu-search').click();
    await page.waitForURL((url) => url.pathname === '/operator/search');
    const row = page.locator(`[data-testid="zero-result-row"][data-query="${NONSENSE}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${NONSENSE}\\s+1\\s`));
    // The index status is shown beside it, with nothing waiting.
    await page.getByTestId('search-index-status').getByText('索引已是最新。').waitFor();
    await context.close();
  });
});
