import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { startTencentSmsServer, type TencentSmsServer } from '../support/tencent-sms-server.ts';

/**
 * Buyers' login codes through Tencent Cloud SMS (SMS_SENDER=tencent): the app's real sender, over
 * HTTP, against a local server that checks the TC3 signature and answers as SendSms does.
 */
describe('login codes by Tencent Cloud SMS', () => {
  let sms: TencentSmsServer;
  let ta: TestApp;
  before(async () => {
    sms = await startTencentSmsServer();
    // No capturing sender: the app builds its sender from the configuration.
    ta = await createTestApp({ env: sms.env(), overrides: { sms: undefined } });
  });
  after(async () => {
    await ta.close();
    await sms.close();
  });

  const request = (phone: string, address: string, lang = 'en') =>
    ta.app.inject({ method: 'POST', url: '/api/auth/otp/request', remoteAddress: address, headers: { 'accept-language': lang }, payload: { phone } });
  const verify = (phone: string, code: string, address: string) =>
    ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', remoteAddress: address, payload: { phone, code, session: 'token' } });
  /** The code as a whole number in the log (a bare 6-digit search could match inside timestamps). */
  const logged = (code: string) => new RegExp(`(?<![0-9])${code}(?![0-9])`).test(ta.logs.text);
  /** The code the app put in its last request to the provider, accepted or not. */
  const lastCodeAsked = (): string => {
    const last = sms.requests.at(-1);
    assert.ok(last, 'the provider was called');
    return (JSON.parse(last.body) as { TemplateParamSet: string[] }).TemplateParamSet[0]!;
  };

  test('a code is sent, signed, to the +86 number with the approved sign and template; the buyer signs in with it; the code never reaches the log', async () => {
    const phone = '13912340001';
    const res = await request(phone, '198.51.100.11');
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { delivery: 'sms', expiresInSeconds: 300, resendAfterSeconds: 60 });

    assert.equal(sms.sent.length, 1, 'the provider accepted one message (its signature check passed)');
    const message = sms.sent[0]!;
    assert.deepEqual(message.phoneNumbers, [`+86${phone}`]);
    const [code, minutes] = message.templateParams;
    assert.match(code!, /^\d{6}$/);
    assert.equal(minutes, '5');
    const body = JSON.parse(message.body) as Record<string, unknown>;
    assert.equal(body.SmsSdkAppId, sms.sdkAppId);
    assert.equal(body.SignName, '国家馆');
    assert.equal(body.TemplateId, sms.templateId);
    assert.equal(message.headers['x-tc-action'], 'SendSms');
    assert.equal(message.headers['x-tc-version'], '2021-01-11');
    assert.equal(message.headers['x-tc-region'], 'ap-guangzhou');
    assert.match(message.headers.authorization!, new RegExp(`^TC3-HMAC-SHA256 Credential=${sms.secretId}/\\d{4}-\\d{2}-\\d{2}/sms/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$`));

    const signedIn = await verify(phone, code!, '198.51.100.11');
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().user.phone, '139****0001');

    assert.ok(ta.logs.text.includes('139****0001'), 'the send is logged, with the number masked');
    assert.ok(!logged(code!), 'the code is not in the log');
    assert.ok(!ta.logs.text.includes(phone), 'the full number is not in the log');
  });

  test("the provider's per-number daily limit: 429 SMS_LIMIT_REACHED with Retry-After, in the buyer's language; no usable code, nothing logged", async () => {
    const phone = '13912340002';
    sms.failNumber(`+86${phone}`, 'LimitExceeded.PhoneNumberDailyLimit', 'the number has reached its daily limit');
    const res = await request(phone, '198.51.100.12', 'zh-CN');
    assert.equal(res.statusCode, 429, res.body);
    assert.equal(res.json().error.code, 'SMS_LIMIT_REACHED');
    assert.equal(res.json().error.message, '该号码获取验证码过于频繁，请稍后再试。');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 86_400, `Retry-After ${retryAfter}`);

    const code = lastCodeAsked();
    assert.equal((await verify(phone, code, '198.51.100.12')).json().error.code, 'OTP_EXPIRED', 'the undelivered code does not work');
    assert.ok(!logged(code), 'the code is not in the log');
    assert.ok(ta.logs.text.includes('LimitExceeded.PhoneNumberDailyLimit'), "the provider's code is logged for the operator");
  });

  test('a number the provider cannot deliver to: 400 SMS_NUMBER_REJECTED', async () => {
    const phone = '13912340003';
    sms.failNumber(`+86${phone}`, 'InvalidParameterValue.IncorrectPhoneNumber');
    const res = await request(phone, '198.51.100.13');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'SMS_NUMBER_REJECTED');
    assert.equal(res.json().error.message, 'Text messages cannot be delivered to this number. Please use another mobile number.');
    assert.ok(!logged(lastCodeAsked()));
  });

  test('the provider down (HTTP 500): 503 SMS_UNAVAILABLE, and the next request goes through', async () => {
    const phone = '13912340004';
    sms.failNextWithHttp500();
    const res = await request(phone, '198.51.100.14');
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'SMS_UNAVAILABLE');
    assert.ok(!logged(lastCodeAsked()));
    ta.clock.advance(61 * 1000);
    assert.equal((await request(phone, '198.51.100.14')).statusCode, 202);
  });
});

describe('Tencent Cloud SMS with a wrong secret key', () => {
  test('the provider refuses the signature: 503 SMS_UNAVAILABLE, the code is in no log', async () => {
    const sms = await startTencentSmsServer();
    const ta = await createTestApp({ demo: false, env: sms.env({ TENCENTCLOUD_SECRET_KEY: 'notTheSecretKey00000000000000000' }), overrides: { sms: undefined } });
    try {
      const res = await ta.app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone: '13912340005' } });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error.code, 'SMS_UNAVAILABLE');
      assert.equal(sms.sent.length, 0);
      const answered = sms.requests[0]?.answer as { Response: { Error: { Code: string } } };
      assert.equal(answered.Response.Error.Code, 'AuthFailure.SignatureFailure');
      const code = (JSON.parse(sms.requests[0]!.body) as { TemplateParamSet: string[] }).TemplateParamSet[0]!;
      assert.ok(!new RegExp(`(?<![0-9])${code}(?![0-9])`).test(ta.logs.text));
      assert.ok(ta.logs.text.includes('AuthFailure.SignatureFailure'));
    } finally {
      await ta.close();
      await sms.close();
    }
  });
});
