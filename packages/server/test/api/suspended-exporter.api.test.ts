import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { actorLogins, caseRoute } from '../support/role-matrix.ts';
import { allCases } from '../support/matrix/index.ts';

const brandBody = { nameEn: 'Suspended Brand', nameZh: '暂停品牌', storyEn: '<p>story</p>', storyZh: '', logoMediaId: null };

/** The exporter routes of the role matrix, minus the public application form (no member calls it). */
const exporterRoute = (route: string) => route.startsWith('/api/exporter/') && route !== '/api/exporter/applications';
const writeCases = allCases.filter((c) => c.method !== 'GET' && exporterRoute(caseRoute(c)));
const readCases = allCases.filter((c) => c.method === 'GET' && exporterRoute(caseRoute(c)));

describe('a suspended exporter is read-only for its members', () => {
  let ta: TestApp;
  let member: Record<string, string>;
  let operator: Record<string, string>;
  let exporterId: string;
  const db = () => ta.testDb.database.db;
  const brandCount = async () => (await db().selectFrom('brands').select('id').where('exporter_id', '=', exporterId).execute()).length;

  before(async () => {
    ta = await createTestApp({ catalog: true });
    member = bearer(await tokenFor(db(), actorLogins.exporter));
    operator = bearer(await tokenFor(db(), actorLogins.operator));
    const grant = await db().selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select('r.exporter_id').where('u.email', '=', actorLogins.exporter).executeTakeFirstOrThrow();
    exporterId = grant.exporter_id!;
    const suspended = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${exporterId}/suspend`, headers: operator, payload: { reason: 'Customs flagged a shipment.' } });
    assert.equal(suspended.statusCode, 200, suspended.body);
  });
  after(() => ta.close());

  test('the matrix lists the exporter write routes', () => {
    assert.ok(writeCases.length >= 30, `${writeCases.length} write cases`);
  });

  test('every exporter write route answers 403 EXPORTER_SUSPENDED, in the reader\'s language', async () => {
    const wrong: string[] = [];
    for (const c of writeCases) {
      const url = typeof c.url === 'string' ? c.url : await c.url(db());
      const res = await ta.app.inject({ method: c.method, url, headers: { ...member, 'accept-language': 'zh-CN' }, ...(c.payload === undefined ? {} : { payload: c.payload as object }) });
      const body = res.json() as { error?: { code: string; message: string } };
      if (res.statusCode !== 403 || body.error?.code !== 'EXPORTER_SUSPENDED' || !body.error.message.includes('暂停')) {
        wrong.push(`${c.method} ${caseRoute(c)}: ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('a brand is not created, and says why in English too', async () => {
    const before = await brandCount();
    const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers: member, payload: brandBody });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'EXPORTER_SUSPENDED');
    assert.match(res.json().error.message, /suspended/);
    assert.equal(await brandCount(), before, 'no brand was created');
  });

  test('reads still work: every exporter read route answers as for an active member', async () => {
    const wrong: string[] = [];
    for (const c of readCases) {
      const url = typeof c.url === 'string' ? c.url : await c.url(db());
      const res = await ta.app.inject({ method: 'GET', url, headers: member });
      if (res.statusCode !== c.expect.exporter) wrong.push(`GET ${caseRoute(c)}: expected ${c.expect.exporter}, got ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    assert.ok(readCases.length >= 10);
    assert.deepEqual(wrong, []);
    const application = await ta.app.inject({ method: 'GET', url: '/api/exporter/application', headers: member });
    assert.equal(application.json().status, 'suspended');
  });

  test('another exporter still writes, and once reinstated the member writes again', async () => {
    const other = bearer(await tokenFor(db(), actorLogins.otherExporter));
    assert.equal((await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers: other, payload: { ...brandBody, nameEn: 'Other Brand' } })).statusCode, 201);
    const reinstated = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${exporterId}/reinstate`, headers: operator });
    assert.equal(reinstated.statusCode, 200);
    const before = await brandCount();
    const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers: member, payload: brandBody });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await brandCount(), before + 1);
  });
});
