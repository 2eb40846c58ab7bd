import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { demoAdmin, demoCompany, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

describe('pavilions, exporters and companies by audience', () => {
  let ta: TestApp;
  const as = async (login: string, url: string) =>
    ta.app.inject({ method: 'GET', url, headers: bearer(await tokenFor(ta.testDb.database.db, login)) });
  before(async () => {
    ta = await createTestApp();
  });
  after(() => ta.close());

  test('the storefront lists both pavilions in both languages with their countries', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/store/pavilions' });
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Array<{ slug: string; nameZh: string; nameEn: string; countries: string[]; exporterCount: number }>;
    const approved = (slug: string) => demoExporters.filter((e) => e.pavilion === slug && e.status === 'approved').length;
    assert.deepEqual(
      items.map((p) => [p.slug, p.nameZh, p.countries, p.exporterCount]),
      [
        ['pakistan', '巴基斯坦国家馆', ['PK'], approved('pakistan')],
        ['pacific', '太平洋岛国馆', ['FJ', 'WS', 'TO', 'VU', 'PG'], approved('pacific')],
      ],
    );
    assert.ok(approved('pakistan') >= 8 && approved('pacific') >= 8);
  });

  test('a pavilion page shows approved exporters only', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/store/pavilions/pakistan' });
    assert.equal(res.statusCode, 200);
    const names = res.json().exporters.map((e: { tradingNameEn: string }) => e.tradingNameEn).sort();
    const expected = demoExporters.filter((e) => e.pavilion === 'pakistan' && e.status === 'approved').map((e) => e.tradingNameEn).sort();
    assert.deepEqual(names, expected);
    assert.ok(names.includes('Multani Blue'));
    assert.ok(!res.body.includes('Lahore Khussa Studio'), 'the pending exporter is not shown to buyers');
    assert.equal((await ta.app.inject({ method: 'GET', url: '/api/store/pavilions/atlantis' })).statusCode, 404);
    const bad = await ta.app.inject({ method: 'GET', url: '/api/store/pavilions/NOT_A_SLUG!' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'params.slug');
  });

  test('an operator sees its own pavilion with every exporter, whatever the status; an admin sees all', async () => {
    const operator = await as(demoPavilions[0].operator.email, '/api/operator/pavilions');
    assert.equal(operator.statusCode, 200);
    const [pakistan, ...others] = operator.json().items;
    assert.equal(others.length, 0, 'only the pavilion it runs');
    assert.equal(pakistan.slug, 'pakistan');
    assert.deepEqual(
      pakistan.exporters.map((e: { tradingNameEn: string; status: string }) => `${e.tradingNameEn}:${e.status}`).sort(),
      demoExporters.filter((e) => e.pavilion === 'pakistan').map((e) => `${e.tradingNameEn}:${e.status}`).sort(),
    );
    assert.ok(pakistan.exporters.some((e: { status: string }) => e.status === 'pending'), 'operators see exporters under review');
    const admin = await as(demoAdmin.email, '/api/operator/pavilions');
    assert.deepEqual(admin.json().items.map((p: { slug: string }) => p.slug), ['pakistan', 'pacific']);
  });

  test('an exporter member sees its exporter, pavilion and team', async () => {
    const member = demoExporters[4].member;
    const res = await as(member.email, '/api/exporter/profile');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.exporter.tradingNameEn, 'Bula Coconut');
    assert.equal(body.exporter.country, 'FJ');
    assert.equal(body.pavilion.slug, 'pacific');
    assert.deepEqual(body.members.map((m: { email: string }) => m.email), [member.email]);
  });

  test('an importer sees its company and members', async () => {
    const res = await as(demoCompany.owner.email, '/api/trade/company');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().company.nameZh, demoCompany.nameZh);
    assert.deepEqual(res.json().members.map((m: { memberRole: string }) => m.memberRole), ['owner']);
  });

  test('an admin lists accounts with masked phones and filters by role', async () => {
    const all = await as(demoAdmin.email, '/api/admin/users?pageSize=100');
    assert.equal(all.statusCode, 200);
    assert.equal(all.json().total, 1 + 2 + demoExporters.length + 1 + 1);
    assert.ok(!all.body.includes('13800138000'), 'phone numbers are masked');
    assert.ok(all.body.includes('138****8000'));
    const operators = await as(demoAdmin.email, '/api/admin/users?role=operator');
    assert.deepEqual(operators.json().items.map((u: { email: string }) => u.email).sort(), demoPavilions.map((p) => p.operator.email).sort());
    const bad = await as(demoAdmin.email, '/api/admin/users?pageSize=1000');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'querystring.pageSize');
  });
});
