import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endpoints, type Endpoint } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every endpoint of the contracts as `METHOD /path/:param`. */
function declared(): string[] {
  return Object.values(endpoints).flatMap((area) => Object.values(area as Record<string, Endpoint>).map((e) => `${e.method} ${e.path}`));
}

// The web's client and the server's routes read the same list: a route the list lacks cannot be
// called by name, and a name the server does not answer would fail only in a browser.
describe('the endpoint list of the contracts', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp();
    await ta.app.ready();
  });
  after(() => ta.close());

  test('names each endpoint once', () => {
    const all = declared();
    assert.deepEqual(all.filter((e, i) => all.indexOf(e) !== i), []);
  });

  test('every endpoint it declares is a route the server answers', () => {
    const missing = Object.values(endpoints)
      .flatMap((area) => Object.values(area as Record<string, Endpoint>))
      .filter((e) => !ta.app.hasRoute({ method: e.method, url: e.path }))
      .map((e) => `${e.method} ${e.path}`);
    assert.deepEqual(missing, []);
  });

  test('every route of the API the server documents is in it', () => {
    const doc = ta.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => HTTP_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    assert.ok(routes.length > 150, `the OpenAPI document lists ${routes.length} operations`);
    const known = new Set(declared());
    assert.deepEqual(routes.filter((r) => !known.has(r)), []);
  });
});
