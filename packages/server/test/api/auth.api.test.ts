import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.ts';
import { bearer, cookieLogin } from '../support/sessions.ts';
import { DEMO_PASSWORD, demoBuyer, demoPavilions } from '../../src/features/demo/demo-data.ts';

const operatorEmail = demoPavilions[0].operator.email;

/**
 * The sign-in limits count in fixed windows, the daily ones by UTC day: a test that spends an hour of
 * the test clock must not cross midnight (its counts would start again), so each group of tests
 * starts two hours into a fresh day, whenever the suite runs.
 */
function intoAFreshDay(ta: TestApp): void {
  const day = 86_400_000;
  const now = ta.clock.now.getTime();
  ta.clock.advance(Math.floor(now / day) * day + day + 2 * 3_600_000 - now);
}

describe('email and password sign-in', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp();
    intoAFreshDay(ta);
  });
  after(() => ta.close());

  test('a cookie session: httpOnly, SameSite=Lax, and /me shows the account with its pavilion', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: ORIGIN },
      payload: { email: 'Operator.PK@pavilion.demo ', password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'pavilion_session');
    assert.ok(cookie, 'sets the session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.secure, undefined, 'not Secure outside production');
    assert.equal(res.json().token, undefined, 'a cookie session does not expose its token');

    const me = await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `pavilion_session=${cookie.value}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().displayName, demoPavilions[0].operator.displayName);
    assert.deepEqual(
      me.json().roles.map((r: { role: string; pavilion: { slug: string } | null }) => [r.role, r.pavilion?.slug]),
      [['operator', 'pakistan']],
    );
    assert.ok(!me.body.includes('password'), 'no password hash in the answer');
  });

  test('logs carry request ids but never passwords, tokens or cookies', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: operatorEmail, password: DEMO_PASSWORD, session: 'token' } });
    const token = res.json().token as string;
    await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...bearer(token), cookie: `pavilion_session=${token}` } });
    const text = ta.logs.text;
    assert.ok(text.includes('"reqId"'), 'request ids are logged');
    for (const secret of [DEMO_PASSWORD, token, token.slice(3)]) assert.ok(!text.includes(secret), 'a secret reached the log');
  });

  test('a token session for API clients, revoked by logout', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: operatorEmail, password: DEMO_PASSWORD, session: 'token' },
    });
    assert.equal(res.statusCode, 200);
    const token = res.json().token as string;
    assert.match(token, /^pv_/);
    assert.equal(res.cookies.length, 0, 'no cookie for a token session');

    assert.equal((await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode, 200);
    const out = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    assert.equal(out.statusCode, 204);
    const after = await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'UNAUTHENTICATED');
  });

  test('logout of a cookie session clears the cookie and the old cookie no longer works', async () => {
    const cookie = await cookieLogin(ta.app, operatorEmail);
    const out = await ta.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: ORIGIN } });
    assert.equal(out.statusCode, 204);
    assert.equal(out.cookies.find((c) => c.name === 'pavilion_session')?.value, '');
    assert.equal((await ta.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
  });

  test('a wrong password and an unknown email give the same answer, in the caller\'s language', async () => {
    const wrong = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@pavilion.demo', password: 'not-the-password' } });
    const unknown = await ta.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
      payload: { email: 'nobody@pavilion.demo', password: 'not-the-password' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
    assert.equal(wrong.json().error.message, 'The email or password is not correct.');
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().error.message, '邮箱或密码不正确。');
  });

  test('bad input names each field and its rule', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', extra: 1 } });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    const fields = body.error.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(fields, ['body.email', 'body.extra', 'body.password']);
    assert.equal(body.error.details.find((d: { field: string }) => d.field === 'body.extra').rule, 'unrecognized_key');
    assert.equal(body.error.details.find((d: { field: string }) => d.field === 'body.email').message, 'must be an email address');
    const zh = await ta.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'zh-CN' }, payload: { email: 'not-an-email' } });
    const zhMessages = Object.fromEntries(zh.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]));
    assert.deepEqual(zhMessages, { 'body.email': '须为有效的邮箱地址', 'body.password': '缺失或类型不正确' });
  });

  const login = (email: string, password: string, address: string) =>
    ta.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email, password } });

  test('an address guessing passwords is refused after 5 failures, and for the day after 20; the owner still signs in', async () => {
    const email = demoPavilions[1].operator.email;
    const attacker = '203.0.113.5';
    for (let i = 0; i < 5; i++) assert.equal((await login(email, `wrong-password-${i}`, attacker)).statusCode, 401);
    const limited = await login(email, DEMO_PASSWORD, attacker);
    assert.equal(limited.statusCode, 429, 'refused even with the right password: the attacker learns nothing');
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 900, `Retry-After ${retryAfter}`);

    // The owner, from their own address, is not locked out.
    assert.equal((await login(email, DEMO_PASSWORD, '198.51.100.77')).statusCode, 200);

    // Growing delay: after each 15-minute window the attacker gets 5 more tries, 20 in a day, then waits until the day ends.
    for (let round = 0; round < 3; round++) {
      ta.clock.advance(15 * 60 * 1000);
      for (let i = 0; i < 5; i++) assert.equal((await login(email, `wrong-again-${round}-${i}`, attacker)).statusCode, 401);
    }
    ta.clock.advance(15 * 60 * 1000);
    const stopped = await login(email, DEMO_PASSWORD, attacker);
    assert.equal(stopped.statusCode, 429);
    assert.ok(Number(stopped.headers['retry-after']) > 900, 'the daily allowance is used up');
    assert.equal((await login(email, DEMO_PASSWORD, '198.51.100.78')).statusCode, 200, 'the owner still signs in');
  });

  test('many addresses guessing one account: past the ceiling those that guessed are refused, the owner is not', async () => {
    const email = operatorEmail;
    for (let i = 0; i < 25; i++) {
      for (const attempt of [1, 2]) assert.equal((await login(email, `botnet-guess-${i}-${attempt}`, `10.1.0.${i}`)).statusCode, 401);
    }
    const again = await login(email, DEMO_PASSWORD, '10.1.0.7');
    assert.equal(again.statusCode, 429, 'an address that already guessed twice waits out the window');
    assert.equal((await login(email, DEMO_PASSWORD, '198.51.100.79')).statusCode, 200, 'the owner, from an address that was not guessing');
  });

  test('one address trying many accounts is limited too', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await ta.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.7', payload: { email: `guess${i}@pavilion.demo`, password: 'whatever-it-is' } });
      last = res.statusCode;
    }
    assert.equal(last, 429);
  });
});

describe('buyer sign-in with a one-time code', () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp();
    intoAFreshDay(ta);
  });
  after(() => ta.close());

  const request = (phone: string, ip = '198.51.100.1') =>
    ta.app.inject({ method: 'POST', url: '/api/auth/otp/request', remoteAddress: ip, payload: { phone } });
  const verify = (phone: string, code: string, session: 'cookie' | 'token' = 'token') =>
    ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', payload: { phone, code, session } });

  test('a new phone gets a code, signs in and becomes a buyer; the code is never stored in clear', async () => {
    const phone = '13912345678';
    const sent = await request(`+86 ${phone}`);
    assert.equal(sent.statusCode, 202);
    assert.deepEqual(sent.json(), { delivery: 'sms', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = ta.sms.lastCodeFor(phone);
    assert.match(code, /^\d{6}$/);

    const stored = await ta.testDb.database.db.selectFrom('otp_challenges').selectAll().where('phone', '=', phone).execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(code), 'the code is hashed');

    const res = await verify(phone, code);
    assert.equal(res.statusCode, 200);
    const me = res.json().user;
    assert.equal(me.phone, '139****5678');
    assert.deepEqual(me.roles.map((r: { role: string }) => r.role), ['buyer']);
    assert.equal((await verify(phone, code)).json().error.code, 'OTP_EXPIRED', 'a code works once');
  });

  test('the demo buyer keeps its account', async () => {
    await request(demoBuyer.phone, '198.51.100.2');
    const res = await verify(demoBuyer.phone, ta.sms.lastCodeFor(demoBuyer.phone));
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.displayName, demoBuyer.displayName);
  });

  test('a code expires after 5 minutes', async () => {
    const phone = '13700001111';
    await request(phone, '198.51.100.3');
    ta.clock.advance(5 * 60 * 1000 + 1);
    const res = await verify(phone, ta.sms.lastCodeFor(phone));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'OTP_EXPIRED');
  });

  test('five wrong tries void the code, even if the sixth is right', async () => {
    const phone = '13600002222';
    await request(phone, '198.51.100.4');
    const code = ta.sms.lastCodeFor(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 4; i++) left.push((await verify(phone, wrong)).json().error.details.attemptsLeft);
    assert.deepEqual(left, [4, 3, 2, 1]);
    assert.equal((await verify(phone, wrong)).json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
    // From another address too (the guessing address is itself refused for a while).
    const right = await ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', remoteAddress: '198.51.100.44', payload: { phone, code, session: 'token' } });
    assert.equal(right.statusCode, 429);
    assert.equal(right.json().error.code, 'OTP_TOO_MANY_ATTEMPTS');
  });

  test('a second code within 60 seconds is refused with Retry-After', async () => {
    const phone = '13500003333';
    assert.equal((await request(phone, '198.51.100.5')).statusCode, 202);
    const again = await request(phone, '198.51.100.5');
    assert.equal(again.statusCode, 429);
    assert.ok(Number(again.headers['retry-after']) <= 60);
    assert.equal(ta.sms.sent.filter((s) => s.phone === phone).length, 1);
  });

  test('a stranger asking codes and guessing them for a phone is refused; the owner still signs in', async () => {
    const phone = '13811112222';
    const asked: number[] = [];
    // Four addresses of the stranger ask for codes, one a minute, until each is refused.
    for (const address of ['203.0.113.21', '203.0.113.22', '203.0.113.23', '203.0.113.24']) {
      for (let i = 0; i < 6; i++) {
        asked.push((await request(phone, address)).statusCode);
        ta.clock.advance(61 * 1000);
      }
    }
    assert.deepEqual(asked, Array.from({ length: 4 }, () => [202, 202, 202, 202, 202, 429]).flat(), 'five codes a day per address and phone');
    const refused = await request(phone, '203.0.113.21');
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'RATE_LIMITED');

    // The stranger guesses: five wrong codes, then refused from that address.
    const guess = (address: string, code: string) =>
      ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', remoteAddress: address, payload: { phone, code, session: 'token' } });
    const last = ta.sms.lastCodeFor(phone);
    const wrong = last === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.notEqual((await guess('203.0.113.21', wrong)).statusCode, 200);
    const stopped = await guess('203.0.113.21', wrong);
    assert.equal(stopped.statusCode, 429);
    assert.equal(stopped.json().error.code, 'RATE_LIMITED');

    // The owner, from their own phone's address, asks for a code and signs in.
    const owner = '198.51.100.80';
    assert.equal((await request(phone, owner)).statusCode, 202);
    const signedIn = await guess(owner, ta.sms.lastCodeFor(phone));
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().user.phone, '138****2222');
  });

  test('numbers that are not mainland mobiles are refused, naming the field', async () => {
    for (const phone of ['12345678901', '1381234567', '+1 4155550100', 'abc']) {
      const res = await request(phone, '198.51.100.6');
      assert.equal(res.statusCode, 400, phone);
      assert.equal(res.json().error.details[0].field, 'body.phone');
    }
  });

  test('the development sender logs the code with the phone masked', async () => {
    const { LogSmsSender } = await import('../../src/features/auth/sms-sender.ts');
    const entries: unknown[] = [];
    const log = { info: (obj: unknown) => entries.push(obj) } as unknown as ConstructorParameters<typeof LogSmsSender>[0];
    await new LogSmsSender(log).sendLoginCode({ phone: '13812345678', code: '424242', ttlMinutes: 5 });
    assert.deepEqual(entries, [{ sms: { to: '138****5678', code: '424242' } }]);
  });
});

describe('disabled accounts', () => {
  test('a disabled account cannot start a session, by password or by phone code', async () => {
    const ta = await createTestApp();
    try {
      const db = ta.testDb.database.db;
      await db.updateTable('users').set({ status: 'disabled' }).where('email', '=', operatorEmail).execute();
      await db.updateTable('users').set({ status: 'disabled' }).where('phone', '=', demoBuyer.phone).execute();
      const login = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: operatorEmail, password: DEMO_PASSWORD } });
      assert.equal(login.statusCode, 403);
      assert.equal(login.json().error.code, 'ACCOUNT_DISABLED');
      await ta.app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone: demoBuyer.phone } });
      const otp = await ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', payload: { phone: demoBuyer.phone, code: ta.sms.lastCodeFor(demoBuyer.phone) } });
      assert.equal(otp.json().error.code, 'ACCOUNT_DISABLED');
      const sessions = await db.selectFrom('sessions').select('id').execute();
      assert.equal(sessions.length, 0, 'no session was created');
    } finally {
      await ta.close();
    }
  });
});
