/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { journeyEnvironment } from './server.ts';

const DEMO_PASSWORD = 'pavilion-demo-2026';

/** Chooses an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('exporter onboarding: a company applies to a pavilion, an approved exporter brings in a colleague', () => {
  const env = journeyEnvironment();

  test('a new exporter from Suva applies to the Pacific pavilion and lands in the console, pending', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/exporter/login`);
    await page.getByTestId('apply-link').click();
    await page.getByTestId('apply-form').waitFor();

    await choose(page, 'apply-pavilion', 'Pacific Islands Pavilion');
    await choose(page, 'apply-country', 'Fiji');
    const fields: Record<string, string> = {
      email: 'litia@suvacarvings.example',
      password: 'carved-in-suva-2026',
      displayName: 'Litia Naivalu',
      legalName: 'Suva Carvings Pte Limited',
      registrationNumber: 'FJ-ROC-2026-0412',
      tradingNameEn: 'Suva Carvings',
      tradingNameZh: '苏瓦木雕',
      city: 'Suva',
      address: '12 Victoria Parade, Suva',
      contactName: 'Litia Naivalu',
      contactEmail: 'trade@suvacarvings.example',
      contactPhone: '+679 331 2040',
    };
    for (const [name, value] of Object.entries(fields)) await page.locator(`[name="${name}"]`).fill(value);
    // A non-food category: no GACC registration asked.
    await page.getByTestId('apply-categories').click();
    await page.keyboard.type('Woodcraft');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: 'Woodcraft and carving' }).first().click();
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('apply-gacc').count(), 0);

    // An email that already has an account: the server's answer shows beside the email field.
    await page.locator('[name="email"]').fill('imran@multaniblue.example');
    await page.getByTestId('apply-submit').click();
    const emailItem = page.locator('.ant-form-item', { has: page.locator('input[name="email"]') });
    await emailItem.locator('.ant-form-item-explain-error', { hasText: 'already exists' }).waitFor();
    await page.locator('[name="email"]').fill(fields.email ?? '');

    await page.getByTestId('apply-submit').click();
    await page.waitForURL((u) => u.pathname === '/exporter');
    const profile = page.getByTestId('exporter-profile');
    await profile.locator('[data-status="pending"]').waitFor();
    assert.match(await profile.innerText(), /Suva Carvings[\s\S]*Under review/);
    assert.equal(await page.getByTestId('console-user').innerText(), 'Litia Naivalu');

    // Invitations wait for the pavilion's approval: the refusal reads as the contract's message.
    await page.getByTestId('menu-team').click();
    await page.getByTestId('team-invite-email').fill('mere@suvacarvings.example');
    await page.getByTestId('team-invite-submit').click();
    assert.match(await page.getByTestId('form-failure').innerText(), /has not approved this exporter/);
    await context.close();
  });

  test('Multani Blue invites a colleague, who accepts the link in another browser and sees the console', async () => {
    const inviter = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await inviter.newPage();
    await page.goto(`${env.server.url}/exporter/login`);
    await page.locator('input[name="email"]').fill('imran@multaniblue.example');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/exporter');
    await page.getByTestId('menu-team').click();
    await page.getByTestId('team-invite-email').fill('sana@multaniblue.example');
    await page.getByTestId('team-invite-submit').click();
    const link = await page.getByTestId('invite-link').inputValue();
    assert.match(link, /\/exporter\/invitations\/\S+$/);
    await page.getByTestId('team-invitations').getByText('sana@multaniblue.example').waitFor();
    await inviter.close();

    // The link carries the server's public address; this test's server listens on its own port.
    const invitee = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const guest = await invitee.newPage();
    await guest.goto(`${env.server.url}${new URL(link).pathname}`);
    const preview = guest.getByTestId('invitation-preview');
    await preview.waitFor();
    const previewText = await preview.innerText();
    assert.match(previewText, /Multani Blue/);
    assert.match(previewText, /sana@multaniblue\.example/);
    await guest.locator('input[name="displayName"]').fill('Sana Qureshi');
    await guest.locator('input[name="password"]').fill('blue-pottery-2026');
    await guest.getByTestId('accept-submit').click();
    await guest.waitForURL((u) => u.pathname === '/exporter');
    await guest.getByTestId('exporter-profile').locator('[data-status="approved"]').waitFor();
    assert.match(await guest.getByTestId('exporter-profile').innerText(), /Multani Blue/);
    assert.equal(await guest.getByTestId('console-user').innerText(), 'Sana Qureshi');

    // The link works once.
    await guest.goto(`${env.server.url}${new URL(link).pathname}`);
    await guest.getByTestId('invitation-invalid').waitFor();
    assert.match(await guest.getByTestId('invitation-invalid').innerText(), /no longer valid/);
    await invitee.close();
  });
});
