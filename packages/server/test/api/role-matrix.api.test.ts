import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { caseRoute, checkRoleMatrix } from '../support/role-matrix.ts';
import { allCases as cases } from '../support/matrix/index.ts';

/**
 * Route × role → status, for every API route. Each feature keeps its cases in
 * test/support/matrix/<feature>.ts, listed in its index; the last test fails for any route the
 * matrix does not cover.
 */
describe('role matrix', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp({ catalog: true });
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
    const covered = new Set(cases.map((c) => `${c.method} ${caseRoute(c)}`));
    const missing = [...routes].filter((r) => !covered.has(r));
    assert.deepEqual(missing, [], `routes without a role-matrix case: ${missing.join(', ')}`);
  });
});
