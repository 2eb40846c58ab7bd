import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.ts';
import { bearer, cookieLogin, tokenFor } from '../support/sessions.ts';
import { demoPavilions } from '../../src/features/demo/demo-data.ts';
import { testDialect } from '../support/test-db.ts';

describe('HTTP conventions', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
    // A route that fails unexpectedly, to see what a caller and the log get.
    ta.app.get('/api/test/explode', async () => {
      throw new Error('secret internal detail: connection string postgres://user:pw@db');
    });
  });
  after(() => ta.close());

  test('GET /api/health names the database engine and the version', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: testDialect, version: ta.config.version });
  });

  test('an unknown API route answers 404 JSON', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/nothing/here' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  test('an unexpected failure answers a generic 500 and is logged with the request id', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/test/explode', headers: { 'x-request-id': 'req-abc-123' } });
    assert.equal(res.statusCode, 500);
    assert.equal(res.headers['x-request-id'], 'req-abc-123');
    assert.deepEqual(res.json(), { error: { code: 'INTERNAL', message: 'Something went wrong on our side.', details: { requestId: 'req-abc-123' } } });
    assert.ok(!res.body.includes('secret internal detail'));
    const logged = ta.logs.lines.find((l) => l.reqId === 'req-abc-123' && l.level === 50);
    assert.ok(logged, 'the error is logged with the request id');
    assert.match(JSON.stringify(logged), /secret internal detail/);
  });

  test('a request id is made when none (or a malformed one) is given, and echoed', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id with spaces\n' } });
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('malformed JSON and oversized bodies are refused with a code', async () => {
    const bad = await ta.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    const big = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.cn', password: 'x'.repeat(5000) } });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'PAYLOAD_TOO_LARGE');
    const text = await ta.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    assert.equal(text.statusCode, 415);
  });

  test('security headers are set', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  });

  test('CSRF: a cookie-authenticated write from another origin, or with no origin, is refused', async () => {
    const cookie = await cookieLogin(ta.app, demoPavilions[0].operator.email);
    const foreign = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json().error.code, 'CSRF_REJECTED');
    const none = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(none.statusCode, 403);
    // Still signed in: the refused requests changed nothing.
    assert.equal((await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 200);
    const same = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: ORIGIN } });
    assert.equal(same.statusCode, 204);
  });

  test('CSRF: a login form posted from another site is refused; bearer clients need no origin', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { email: 'admin@pavilion.demo', password: 'whatever-it-is' } });
    assert.equal(res.json().error.code, 'CSRF_REJECTED');
    const token = await tokenFor(ta.testDb.database.db, demoPavilions[0].operator.email);
    const out = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    assert.equal(out.statusCode, 204);
  });

  test('the OpenAPI 3.1 document lists every API route with its schemas, and /docs serves it', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/otp/request', '/api/auth/otp/verify', '/api/auth/wechat/login', '/api/auth/me', '/api/store/pavilions', '/api/store/pavilions/{slug}', '/api/exporter/profile', '/api/operator/pavilions', '/api/admin/users', '/api/trade/company']) {
      assert.ok(doc.paths[p], `${p} documented`);
    }
    const login = doc.paths['/api/auth/login'].post;
    assert.ok(login.requestBody.content['application/json'].schema.properties.email);
    assert.ok(login.responses['200'] && login.responses['400']);
    const docs = await ta.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });
});

describe('the web app is served with an SPA fallback', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp({ demo: false, env: {} });
  });
  after(() => ta.close());

  test('index.html for client routes, cached assets, JSON 404 for the API', async () => {
    const dist = path.join(ta.testDb.dir, 'web-dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pavilion test build</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const withWeb = await createTestApp({ demo: false, env: { WEB_DIST_DIR: dist } });
    try {
      const page = await withWeb.app.inject({ method: 'GET', url: '/operator/pavilions', headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Pavilion test build/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      const asset = await withWeb.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /max-age=31536000, immutable/);
      const missing = await withWeb.app.inject({ method: 'GET', url: '/assets/missing.js' });
      assert.equal(missing.statusCode, 404);
      const api = await withWeb.app.inject({ method: 'GET', url: '/api/unknown', headers: { accept: 'text/html' } });
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error.code, 'NOT_FOUND');
    } finally {
      await withWeb.close();
    }
  });
});

describe('health when the database is gone', () => {
  test('answers 503 and says so', async () => {
    const ta = await createTestApp({ demo: false });
    try {
      await ta.testDb.database.destroy();
      const res = await ta.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().status, 'unavailable');
    } finally {
      await ta.close().catch(() => {});
    }
  });
});
