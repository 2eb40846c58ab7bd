import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { vaseContent } from '../support/catalog-fixtures.ts';
import { demoAdmin, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

/** Exchange rates: who may set which currency's rate, and the alert when the rate in force is too old. */
describe('exchange rates: set by the pavilions that price in them, alerted when old', () => {
  let ta: TestApp;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  let admin: Record<string, string>;
  const chinaDay = (daysAgo: number) => new Date(ta.clock.now.getTime() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const addRate = (headers: Record<string, string>, body: { currency: string; rate: string; effectiveDate: string }, lang = 'en') =>
    ta.app.inject({ method: 'POST', url: '/api/operator/rates', headers: { ...headers, 'accept-language': lang }, payload: { ...body, source: 'PBOC central parity' } });
  const overview = async (headers: Record<string, string>) => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/operator/rates', headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      inForce: Array<{ currency: string; rate: { effectiveDate: string } | null; ageDays: number | null; stale: boolean }>;
      alerts: Array<{ kind: string; subject: string; messageEn: string; messageZh: string }>;
      history: Array<{ currency: string; effectiveDate: string }>;
      maxAgeDays: number;
      settableCurrencies: string[];
    };
  };

  before(async () => {
    ta = await createTestApp();
    const db = ta.testDb.database.db;
    operator = bearer(await tokenFor(db, demoPavilions[0].operator.email));
    otherOperator = bearer(await tokenFor(db, demoPavilions[1].operator.email));
    admin = bearer(await tokenFor(db, demoAdmin.email));
    // Multani Blue (Pakistan, approved) prices a product in rupees: PKR is in use, by the Pakistan pavilion only.
    const exporter = bearer(await tokenFor(db, demoExporters[0].member.email));
    const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: exporter, payload: vaseContent('', { imageIds: [] }) });
    assert.equal(created.statusCode, 201, created.body);
  });
  after(() => ta.close());

  test("an operator cannot set a currency no exporter of their pavilions prices in: 403 naming it, nothing written", async () => {
    const pacific = await addRate(otherOperator, { currency: 'PKR', rate: '0.5', effectiveDate: chinaDay(0) }, 'zh-CN');
    assert.equal(pacific.statusCode, 403, pacific.body);
    assert.equal(pacific.json().error.code, 'FORBIDDEN');
    assert.match(pacific.json().error.message, /PKR/);
    assert.match(pacific.json().error.message, /管理员/);
    assert.deepEqual(pacific.json().error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`), ['body.currency:not_priced_in_your_pavilions']);
    const own = await addRate(operator, { currency: 'FJD', rate: '3.2', effectiveDate: chinaDay(0) });
    assert.equal(own.statusCode, 403, 'nobody in the Pakistan pavilion prices in Fiji dollars');
    assert.match(own.json().error.message, /FJD/);
    assert.deepEqual((await overview(admin)).history, [], 'no rate was written');
    assert.deepEqual((await overview(operator)).settableCurrencies, ['PKR']);
    assert.deepEqual((await overview(otherOperator)).settableCurrencies, []);
  });

  test('the pavilion whose exporters price in it sets the rate; an admin sets any', async () => {
    const pk = await addRate(operator, { currency: 'PKR', rate: '0.0255', effectiveDate: chinaDay(10) });
    assert.equal(pk.statusCode, 201, pk.body);
    const fj = await addRate(admin, { currency: 'FJD', rate: '3.18', effectiveDate: chinaDay(30) });
    assert.equal(fj.statusCode, 201, fj.body);
    assert.ok((await overview(admin)).settableCurrencies.includes('VUV'));
  });

  test('a rate in use older than 7 days alerts operators; one nobody prices in does not; the storefront keeps its date', async () => {
    const seen = await overview(operator);
    assert.equal(seen.maxAgeDays, 7);
    const pkr = seen.inForce.find((r) => r.currency === 'PKR');
    assert.deepEqual([pkr?.rate?.effectiveDate, pkr?.ageDays, pkr?.stale], [chinaDay(10), 10, true]);
    const fjd = seen.inForce.find((r) => r.currency === 'FJD');
    assert.deepEqual([fjd?.ageDays, fjd?.stale], [30, false], 'FJD is older but no approved exporter prices in it');
    const stale = seen.alerts.filter((a) => a.kind === 'stale_rate');
    assert.deepEqual(stale.map((a) => a.subject), ['PKR']);
    assert.match(stale[0]!.messageEn, new RegExp(`${chinaDay(10)}, 10 days ago \\(the limit is 7\\)`));
    assert.match(stale[0]!.messageZh, /巴基斯坦卢比/);

    // Buyers are still priced at that rate, and told its date.
    const store = (await ta.app.inject({ method: 'GET', url: '/api/store/exchange-rates' })).json();
    assert.deepEqual(store.items.find((r: { currency: string }) => r.currency === 'PKR')?.effectiveDate, chinaDay(10));
  });

  test('a current rate closes the alert', async () => {
    assert.equal((await addRate(operator, { currency: 'PKR', rate: '0.0256', effectiveDate: chinaDay(0) })).statusCode, 201);
    const seen = await overview(operator);
    assert.deepEqual(seen.alerts.filter((a) => a.kind === 'stale_rate'), []);
    assert.deepEqual(seen.inForce.find((r) => r.currency === 'PKR')?.stale, false);
  });
});
