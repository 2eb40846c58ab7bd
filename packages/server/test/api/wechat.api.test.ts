import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/sessions.ts';
import { newOpenid, startWechatServer, type WechatServer } from '../support/wechat-server.ts';

const WECHAT_APP_ID = `wx${randomBytes(8).toString('hex')}`;
const WECHAT_APP_SECRET = randomBytes(16).toString('hex');

describe('WeChat mini-program login through the API, against a jscode2session server', () => {
  let wechat: WechatServer;
  let ta: TestApp;

  before(async () => {
    wechat = await startWechatServer({ appId: WECHAT_APP_ID, appSecret: WECHAT_APP_SECRET });
    // No `wechat` override: the app builds the real HTTP client from its configuration.
    ta = await createTestApp({ env: { WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_API_BASE: wechat.url } });
  });
  after(async () => {
    await ta.close();
    await wechat.close();
  });

  const login = (code: string, session?: 'token' | 'cookie') =>
    ta.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: session ? { code, session } : { code } });

  const linkFor = (openid: string) =>
    ta.testDb.database.db.selectFrom('wechat_accounts').selectAll().where('openid', '=', openid).execute();

  const userCount = async () =>
    Number((await ta.testDb.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('a first login creates a buyer account and answers a bearer token; the session_key stays on the server', async () => {
    const openid = newOpenid();
    const issued = wechat.issueCode({ openid, unionid: 'oUnion_first_login' });
    const usersBefore = await userCount();

    const res = await login(issued.code);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.user.roles.map((r: { role: string }) => r.role), ['buyer']);
    assert.equal(body.user.wechat, true);
    assert.equal(body.user.displayName, `微信用户 ${openid.slice(-4)}`);
    assert.equal(body.user.email, null);
    assert.equal(body.user.phone, null);
    assert.match(body.token, /^pv_/);
    assert.equal(res.cookies.length, 0, 'a token session sets no cookie');
    assert.ok(!res.body.includes(issued.sessionKey), 'the session_key is never sent to the client');
    assert.ok(!res.body.includes(openid), 'nor is the openid');
    assert.equal(await userCount(), usersBefore + 1);

    // What was asked of WeChat.
    assert.deepEqual(wechat.requests.at(-1)?.query, {
      appid: WECHAT_APP_ID,
      secret: WECHAT_APP_SECRET,
      js_code: issued.code,
      grant_type: 'authorization_code',
    });

    const me = await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(body.token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, body.user.id);
    assert.equal(me.json().wechat, true);
    assert.deepEqual(me.json().roles.map((r: { role: string }) => r.role), ['buyer']);
    assert.ok(!me.body.includes(issued.sessionKey));

    // Stored server-side (to decrypt wx.getUserInfo / phone data later), linked to the new user.
    const links = await linkFor(openid);
    assert.equal(links.length, 1);
    assert.equal(links[0]?.user_id, body.user.id);
    assert.equal(links[0]?.app_id, WECHAT_APP_ID);
    assert.equal(links[0]?.unionid, 'oUnion_first_login');
    assert.equal(links[0]?.session_key, issued.sessionKey);

    // The session row holds a hash of the token and nothing of WeChat's.
    const sessions = await ta.testDb.database.db.selectFrom('sessions').selectAll().where('user_id', '=', body.user.id).execute();
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]?.transport, 'token');
    assert.ok(!JSON.stringify(sessions).includes(issued.sessionKey));
    assert.ok(!String(body.token).includes(issued.sessionKey));
  });

  test('a cookie session: the cookie is set, no token in the body, and /me works with it', async () => {
    const issued = wechat.issueCode({ openid: newOpenid() });
    const res = await login(issued.code, 'cookie');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().token, undefined);
    const cookie = res.cookies.find((c) => c.name === 'pavilion_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.ok(!res.body.includes(issued.sessionKey));
    const me = await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `pavilion_session=${cookie.value}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, res.json().user.id);
  });

  test('a later login with a new code for the same openid is the same user, with the new session_key stored', async () => {
    const openid = newOpenid();
    const first = wechat.issueCode({ openid });
    const second = wechat.issueCode({ openid });
    assert.notEqual(first.sessionKey, second.sessionKey);

    const one = await login(first.code);
    assert.equal(one.statusCode, 200, one.body);
    const usersBefore = await userCount();
    ta.clock.advance(60_000);
    const two = await login(second.code);
    assert.equal(two.statusCode, 200, two.body);

    assert.equal(two.json().user.id, one.json().user.id);
    assert.notEqual(two.json().token, one.json().token, 'a new session');
    assert.equal(await userCount(), usersBefore, 'no second account');
    const links = await linkFor(openid);
    assert.equal(links.length, 1);
    assert.equal(links[0]?.session_key, second.sessionKey);
    assert.notEqual(String(links[0]?.updated_at), String(links[0]?.created_at), 'updated_at moved');
    // Both sessions work.
    for (const token of [one.json().token as string, two.json().token as string]) {
      assert.equal((await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode, 200);
    }
  });

  test('a new user\'s logins racing each other (wx.login twice at launch) both succeed, as one account', async () => {
    const openid = newOpenid();
    const codes = [wechat.issueCode({ openid }), wechat.issueCode({ openid }), wechat.issueCode({ openid })];
    const usersBefore = await userCount();
    const answers = await Promise.all(codes.map((c) => login(c.code)));
    assert.deepEqual(answers.map((r) => r.statusCode), [200, 200, 200], answers.map((r) => r.body).join('\n'));
    assert.equal(new Set(answers.map((r) => r.json().user.id)).size, 1, 'one user');
    assert.equal(await userCount(), usersBefore + 1);
    const links = await linkFor(openid);
    assert.equal(links.length, 1);
    assert.ok(codes.some((c) => c.sessionKey === links[0]?.session_key), 'one of the answered session_keys is stored');
  });

  test('a code used twice → 401 WECHAT_CODE_INVALID, in the caller\'s language', async () => {
    const issued = wechat.issueCode({ openid: newOpenid() });
    assert.equal((await login(issued.code)).statusCode, 200);
    const again = await ta.app.inject({
      method: 'POST',
      url: '/api/auth/wechat/login',
      headers: { 'accept-language': 'zh-CN' },
      payload: { code: issued.code },
    });
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().error.code, 'WECHAT_CODE_INVALID');
    assert.equal(again.json().error.message, '微信登录凭证已失效，请重试。');
    assert.equal(again.json().error.details.wechatErrcode, 40163);
    assert.equal(again.json().token, undefined);
  });

  test('an unknown code → 401 WECHAT_CODE_INVALID and no account is created', async () => {
    const usersBefore = await userCount();
    const res = await login('0a3Xyz000000000000000000000000aB');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'WECHAT_CODE_INVALID');
    assert.equal(res.json().error.details.wechatErrcode, 40029);
    assert.equal(await userCount(), usersBefore);
  });

  test('WeChat\'s 45011 minute quota → 429 RATE_LIMITED with Retry-After, no account created', async () => {
    const openid = newOpenid();
    wechat.failNext({ kind: 'rate-limited' });
    const res = await login(wechat.issueCode({ openid }).code);
    assert.equal(res.statusCode, 429);
    assert.equal(res.json().error.code, 'RATE_LIMITED');
    assert.equal(res.headers['retry-after'], '60');
    assert.deepEqual(await linkFor(openid), []);
  });

  test('WeChat\'s 40226 high-risk user → 403 WECHAT_USER_BLOCKED, no account created', async () => {
    const openid = newOpenid();
    wechat.failNext({ kind: 'high-risk-user' });
    const res = await login(wechat.issueCode({ openid }).code);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'WECHAT_USER_BLOCKED');
    assert.equal(res.json().error.message, 'WeChat refused this login.');
    assert.deepEqual(await linkFor(openid), []);
  });

  test('WeChat busy (-1) → 502 WECHAT_UNAVAILABLE, no account created', async () => {
    const openid = newOpenid();
    wechat.failNext({ kind: 'system-busy' });
    const busy = await login(wechat.issueCode({ openid }).code);
    assert.equal(busy.statusCode, 502);
    assert.equal(busy.json().error.code, 'WECHAT_UNAVAILABLE');
    assert.equal(busy.json().error.details.wechatErrcode, -1);
    assert.deepEqual(await linkFor(openid), []);
  });

  test('WeChat answering HTTP 500 → 502 WECHAT_UNAVAILABLE', async () => {
    wechat.failNext({ kind: 'http-500' });
    const res = await login(wechat.issueCode({ openid: newOpenid() }).code);
    assert.equal(res.statusCode, 502);
    assert.equal(res.json().error.code, 'WECHAT_UNAVAILABLE');
  });

  test('an empty or blank code → 400 naming body.code, and WeChat is not asked', async () => {
    const asked = wechat.requests.length;
    for (const code of ['', '   ']) {
      const res = await login(code);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(res.json().error.details.map((d: { field: string }) => d.field), ['body.code']);
    }
    const missing = await ta.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: {} });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.details.map((d: { field: string }) => d.field), ['body.code']);
    assert.equal(wechat.requests.length, asked);
  });

  // Runs last: covers every login above.
  test('no log line holds a session_key or the app secret', () => {
    assert.ok(wechat.sessionKeysAnswered.length >= 5, 'the logins above reached WeChat');
    assert.ok(ta.logs.lines.length > 0, 'the app logged its requests');
    const logs = ta.logs.text;
    for (const key of wechat.sessionKeysAnswered) assert.ok(!logs.includes(key), `session_key ${key} in the logs`);
    assert.ok(!logs.includes(WECHAT_APP_SECRET), 'app secret in the logs');
  });
});

describe('WeChat login on a server without WeChat configured', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp({ demo: false });
  });
  after(() => ta.close());

  test('→ 503 WECHAT_NOT_CONFIGURED', async () => {
    assert.equal(ta.config.wechat, null);
    const res = await ta.app.inject({ method: 'POST', url: '/api/auth/wechat/login', payload: { code: '0a3Xyz000000000000000000000000aB' } });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'WECHAT_NOT_CONFIGURED');
    assert.equal(res.json().error.message, 'WeChat login is not available here.');
  });
});
