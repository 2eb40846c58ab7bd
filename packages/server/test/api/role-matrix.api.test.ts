import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { checkRoleMatrix, expectAll, type MatrixCase } from '../support/role-matrix.ts';

/**
 * Route × role → status, for every API route. A new route must be added here: the last test
 * fails for any route the matrix does not cover.
 */
const cases: MatrixCase[] = [
  { method: 'GET', url: '/api/health', expect: expectAll(200) },
  { method: 'GET', url: '/api/auth/me', expect: expectAll(200, { anonymous: 401 }) },
  { method: 'GET', url: '/api/store/pavilions', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/pavilions/pacific', route: '/api/store/pavilions/:slug', expect: expectAll(200) },
  { method: 'GET', url: '/api/trade/company', expect: expectAll(403, { anonymous: 401, importer: 200 }) },
  { method: 'GET', url: '/api/exporter/profile', expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 }) },
  { method: 'GET', url: '/api/operator/pavilions', expect: expectAll(403, { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 }) },
  { method: 'GET', url: '/api/admin/users', expect: expectAll(403, { anonymous: 401, admin: 200 }) },
  // Sign-in routes are open to everyone; these bodies are invalid on purpose, so nothing is created.
  { method: 'POST', url: '/api/auth/login', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/otp/request', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/otp/verify', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/wechat/login', payload: {}, expect: expectAll(400) },
  // Last: every signed-in actor ends its session; the anonymous caller has none to end.
  { method: 'POST', url: '/api/auth/logout', expect: expectAll(204, { anonymous: 401 }) },
];

describe('role matrix', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp();
  });
  after(() => ta.close());

  test('every route answers each role as expected', async () => {
    await checkRoleMatrix(ta, cases);
  });

  test('the matrix covers every API route', async () => {
    // Every route is in the OpenAPI document (the HTTP conventions test checks that), so read them there.
    const doc = ta.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    assert.ok(routes.length >= 13);
    const covered = new Set(cases.map((c) => `${c.method} ${c.route ?? c.url}`));
    const missing = [...routes].filter((r) => !covered.has(r));
    assert.deepEqual(missing, [], `routes without a role-matrix case: ${missing.join(', ')}`);
  });
});
