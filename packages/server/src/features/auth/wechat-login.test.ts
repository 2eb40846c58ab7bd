import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { ErrorCode } from '@pavilion/contracts';
import { AppError } from '../../platform/errors.ts';
import { HttpWechatLoginClient } from './wechat-login.ts';
import { CODE_TTL_MS, newOpenid, startWechatServer, type WechatFault, type WechatServer } from '../../../test/support/wechat-server.ts';

/** A predicate for assert.rejects: an AppError with this code (and, when given, WeChat's errcode in its details). */
function appError(code: ErrorCode, wechatErrcode?: number) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (wechatErrcode !== undefined) {
      const details = error.details as { wechatErrcode?: unknown; wechatErrmsg?: unknown } | undefined;
      assert.equal(details?.wechatErrcode, wechatErrcode);
      assert.equal(typeof details?.wechatErrmsg, 'string');
    }
    return true;
  };
}

/** A port on 127.0.0.1 that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('HttpWechatLoginClient against a jscode2session server', () => {
  let wechat: WechatServer;
  let client: HttpWechatLoginClient;

  before(async () => {
    wechat = await startWechatServer();
    client = new HttpWechatLoginClient({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: wechat.url });
  });
  after(() => wechat.close());

  test('a fresh code gives the openid, session_key and unionid', async () => {
    const openid = newOpenid();
    const issued = wechat.issueCode({ openid, unionid: 'oUnion_abc123' });
    const session = await client.codeToSession(issued.code);
    assert.deepEqual(session, { openid, sessionKey: issued.sessionKey, unionid: 'oUnion_abc123' });
    assert.match(session.sessionKey, /^[A-Za-z0-9+/]{22}==$/, 'a 24-character base64 session_key');
  });

  test('without a unionid (no open-platform binding) unionid is null', async () => {
    const openid = newOpenid();
    const issued = wechat.issueCode({ openid });
    assert.deepEqual(await client.codeToSession(issued.code), { openid, sessionKey: issued.sessionKey, unionid: null });
  });

  test('a success answer with errcode 0 is still a success', async () => {
    wechat.answerErrcodeZero = true;
    try {
      const issued = wechat.issueCode({ openid: newOpenid() });
      assert.equal((await client.codeToSession(issued.code)).sessionKey, issued.sessionKey);
    } finally {
      wechat.answerErrcodeZero = false;
    }
  });

  test('sends appid, secret, js_code and grant_type=authorization_code as a GET to /sns/jscode2session', async () => {
    const issued = wechat.issueCode({ openid: newOpenid() });
    const before = wechat.requests.length;
    await client.codeToSession(issued.code);
    assert.equal(wechat.requests.length, before + 1, 'one request per login');
    assert.deepEqual(wechat.requests.at(-1), {
      method: 'GET',
      path: '/sns/jscode2session',
      query: { appid: wechat.appId, secret: wechat.appSecret, js_code: issued.code, grant_type: 'authorization_code' },
    });
  });

  test('an API base with a path (an egress proxy) keeps its path', async () => {
    const proxied = await startWechatServer({ basePath: '/weixin-proxy' });
    try {
      const viaProxy = new HttpWechatLoginClient({ appId: proxied.appId, appSecret: proxied.appSecret, apiBase: proxied.url });
      const issued = proxied.issueCode({ openid: newOpenid() });
      assert.equal((await viaProxy.codeToSession(issued.code)).openid, issued.openid);
      assert.equal(proxied.requests.at(-1)?.path, '/weixin-proxy/sns/jscode2session');
    } finally {
      await proxied.close();
    }
  });

  test('a code used twice: 40163 → WECHAT_CODE_INVALID', async () => {
    const issued = wechat.issueCode({ openid: newOpenid() });
    await client.codeToSession(issued.code);
    await assert.rejects(client.codeToSession(issued.code), appError('WECHAT_CODE_INVALID', 40163));
  });

  test('a code WeChat never issued: 40029 → WECHAT_CODE_INVALID', async () => {
    await assert.rejects(client.codeToSession('0a3Xyz000000000000000000000000aB'), appError('WECHAT_CODE_INVALID', 40029));
  });

  test('a code older than 5 minutes: 40029 → WECHAT_CODE_INVALID', async () => {
    const stale = wechat.issueCode({ openid: newOpenid() });
    wechat.advance(CODE_TTL_MS + 1000);
    const fresh = wechat.issueCode({ openid: newOpenid() });
    await assert.rejects(client.codeToSession(stale.code), appError('WECHAT_CODE_INVALID', 40029));
    assert.equal((await client.codeToSession(fresh.code)).openid, fresh.openid, 'a code issued now still works');
  });

  test('45011 minute quota → RATE_LIMITED, retry after 60 seconds', async () => {
    const issued = wechat.issueCode({ openid: newOpenid() });
    wechat.failNext({ kind: 'rate-limited' });
    await assert.rejects(client.codeToSession(issued.code), (error: unknown) => {
      appError('RATE_LIMITED', 45011)(error);
      assert.equal((error as AppError).retryAfterSeconds, 60);
      return true;
    });
  });

  test('40226 high-risk user → WECHAT_USER_BLOCKED', async () => {
    wechat.failNext({ kind: 'high-risk-user' });
    await assert.rejects(client.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_USER_BLOCKED', 40226));
  });

  test('-1 system busy → WECHAT_UNAVAILABLE', async () => {
    wechat.failNext({ kind: 'system-busy' });
    await assert.rejects(client.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_UNAVAILABLE', -1));
  });

  test('a wrong secret (40125) or app id (40013) → WECHAT_UNAVAILABLE: our misconfiguration, not the user\'s code', async () => {
    const wrongSecret = new HttpWechatLoginClient({ appId: wechat.appId, appSecret: 'f'.repeat(32), apiBase: wechat.url });
    const wrongAppId = new HttpWechatLoginClient({ appId: 'wx0000000000000000', appSecret: wechat.appSecret, apiBase: wechat.url });
    await assert.rejects(wrongSecret.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_UNAVAILABLE', 40125));
    await assert.rejects(wrongAppId.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_UNAVAILABLE', 40013));
  });

  const transportFaults: Array<[string, WechatFault]> = [
    ['an HTTP 500 page', { kind: 'http-500' }],
    ['a body that is not JSON', { kind: 'malformed-json' }],
  ];
  for (const [name, fault] of transportFaults) {
    test(`${name} → WECHAT_UNAVAILABLE`, async () => {
      wechat.failNext(fault);
      await assert.rejects(client.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_UNAVAILABLE'));
    });
  }

  test('an answer slower than the timeout → WECHAT_UNAVAILABLE, without waiting for it', async () => {
    const impatient = new HttpWechatLoginClient({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: wechat.url, timeoutMs: 100 });
    const delayMs = 3000;
    wechat.failNext({ kind: 'slow', delayMs });
    const started = Date.now();
    await assert.rejects(impatient.codeToSession(wechat.issueCode({ openid: newOpenid() }).code), appError('WECHAT_UNAVAILABLE'));
    assert.ok(Date.now() - started < delayMs, 'gave up before WeChat answered');
  });

  test('nothing listening (connection refused) → WECHAT_UNAVAILABLE', async () => {
    const port = await closedPort();
    const unreachable = new HttpWechatLoginClient({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: `http://127.0.0.1:${port}` });
    await assert.rejects(unreachable.codeToSession('any-code'), appError('WECHAT_UNAVAILABLE'));
  });

  test('no error message carries the app secret (errors end up in logs)', async () => {
    const failures: unknown[] = [];
    wechat.failNext({ kind: 'http-500' });
    await client.codeToSession(wechat.issueCode({ openid: newOpenid() }).code).catch((e: unknown) => failures.push(e));
    wechat.failNext({ kind: 'malformed-json' });
    await client.codeToSession(wechat.issueCode({ openid: newOpenid() }).code).catch((e: unknown) => failures.push(e));
    const unreachable = new HttpWechatLoginClient({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: `http://127.0.0.1:${await closedPort()}` });
    await unreachable.codeToSession('any-code').catch((e: unknown) => failures.push(e));
    assert.equal(failures.length, 3);
    for (const failure of failures) {
      assert.ok(failure instanceof AppError);
      const text = `${failure.message} ${JSON.stringify(failure.details)} ${String(failure.stack)}`;
      assert.ok(!text.includes(wechat.appSecret), `secret in: ${failure.message}`);
    }
  });
});
