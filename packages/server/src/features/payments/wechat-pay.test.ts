import assert from 'node:assert/strict';
import { createPrivateKey, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { PaymentProviderError, type CreatePaymentInput, type PaymentProviderErrorCode } from './payment-provider.ts';
import { WechatPayProvider, type WechatPayConfig } from './wechat-pay.ts';
import { startWechatPayServer, type WechatPayFault, type WechatPayServer } from '../../../test/support/wechat-pay-server.ts';

/** A predicate for assert.rejects: a PaymentProviderError with this code (and WeChat's code / HTTP status when given). */
function providerError(code: PaymentProviderErrorCode, expected: { providerCode?: string; httpStatus?: number; retryable?: boolean; authenticated?: boolean } = {}) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof PaymentProviderError, `expected a PaymentProviderError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if ('providerCode' in expected) assert.equal(error.providerCode, expected.providerCode);
    if (expected.httpStatus !== undefined) assert.equal(error.httpStatus, expected.httpStatus);
    if (expected.retryable !== undefined) assert.equal(error.retryable, expected.retryable, 'retryable');
    if (expected.authenticated !== undefined) assert.equal(error.authenticated, expected.authenticated, 'authenticated');
    return true;
  };
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let sequence = 0;
/** A fresh order number per test: the server keeps every order. */
const newOutTradeNo = () => `PV${Date.now()}${String(++sequence).padStart(4, '0')}`;
const newOpenid = () => `o${randomBytes(20).toString('base64url')}`;

describe('WechatPayProvider against a local WeChat Pay API v3 server', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantSerialNo = randomBytes(20).toString('hex').toUpperCase();
  const merchantPrivateKeyPem = merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let wechat: WechatPayServer;
  let config: WechatPayConfig;
  let provider: WechatPayProvider;
  /** Our clock's error against the real one (the server keeps the real time). */
  let skewMs = 0;

  const paymentInput = (change: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
    outTradeNo: newOutTradeNo(),
    amount: { amount: 12_345, currency: 'CNY' },
    description: '木尔坦蓝陶花瓶 Multani blue pottery vase',
    payerOpenid: newOpenid(),
    notifyUrl: 'https://pavilion.example/api/payments/wechat-pay/notify',
    expiresAt: new Date(Date.now() + 30 * 60_000),
    ...change,
  });

  before(async () => {
    wechat = await startWechatPayServer({ merchantPublicKey: merchant.publicKey, merchantSerialNo });
    config = {
      mchid: wechat.mchid,
      appid: wechat.appid,
      merchantSerialNo,
      merchantPrivateKeyPem,
      apiV3Key: wechat.apiV3Key,
      platformKeys: { [wechat.platformSerial]: wechat.platformPublicKeyPem },
      apiBase: wechat.url,
      now: () => Date.now() + skewMs,
    };
    provider = new WechatPayProvider(config);
  });
  after(() => wechat.close());

  describe('createPayment (JSAPI prepay → wx.requestPayment)', () => {
    test('posts a signed JSAPI order in integer fen and returns parameters whose paySign verifies with the merchant public key', async () => {
      const input = paymentInput();
      const created = await provider.createPayment(input);

      const sent = wechat.requests.at(-1)!;
      assert.equal(sent.authorized, true, 'the server accepted our Authorization signature');
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, '/v3/pay/transactions/jsapi');
      const body = JSON.parse(sent.body) as Record<string, unknown>;
      assert.deepEqual(body.amount, { total: 12_345, currency: 'CNY' });
      assert.deepEqual(body.payer, { openid: input.payerOpenid });
      assert.equal(body.out_trade_no, input.outTradeNo);
      assert.equal(body.appid, wechat.appid);
      assert.equal(body.mchid, wechat.mchid);
      assert.match(String(body.time_expire), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      assert.equal(Date.parse(String(body.time_expire)), Math.floor(input.expiresAt.getTime() / 1000) * 1000);
      assert.match(String(sent.headers['user-agent']), /\S/);

      const order = wechat.orders.get(input.outTradeNo)!;
      assert.equal(created.kind, 'wx.requestPayment');
      assert.equal(created.prepayId, order.prepayIds.at(-1));
      const { params } = created;
      assert.equal(params.appId, wechat.appid);
      assert.equal(params.package, `prepay_id=${created.prepayId}`);
      assert.equal(params.signType, 'RSA');
      assert.match(params.timeStamp, /^\d{10}$/);
      assert.ok(Math.abs(Number(params.timeStamp) - Date.now() / 1000) < 5);
      assert.match(params.nonceStr, /^[0-9A-Za-z]{1,32}$/);
      const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
      assert.ok(createVerify('sha256').update(message).verify(merchant.publicKey, params.paySign, 'base64'), 'paySign verifies');
    });

    test('the same order number again with the same parameters is a retry: it works', async () => {
      const input = paymentInput();
      const first = await provider.createPayment(input);
      const second = await provider.createPayment(input);
      assert.notEqual(first.params.paySign, second.params.paySign);
      assert.equal(wechat.orders.get(input.outTradeNo)!.prepayIds.length, 2);
    });

    test('the same order number for another amount: 403 OUT_TRADE_NO_USED surfaces with its code', async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      await assert.rejects(
        provider.createPayment({ ...input, amount: { amount: 99, currency: 'CNY' } }),
        providerError('PROVIDER_ERROR', { providerCode: 'OUT_TRADE_NO_USED', httpStatus: 403, retryable: false }),
      );
    });

    test('input WeChat would refuse is refused before anything is sent', async () => {
      const before = wechat.requests.length;
      await assert.rejects(provider.createPayment(paymentInput({ amount: { amount: 123.45, currency: 'CNY' } })), providerError('INVALID_REQUEST'));
      await assert.rejects(provider.createPayment(paymentInput({ notifyUrl: 'http://pavilion.example/notify' })), providerError('INVALID_REQUEST'));
      await assert.rejects(provider.createPayment(paymentInput({ outTradeNo: 'PV1' })), providerError('INVALID_REQUEST'));
      assert.equal(wechat.requests.length, before);
    });

    test('a merchant key WeChat does not know: 401 SIGN_ERROR surfaces, not retryable', async () => {
      const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const wrongKey = new WechatPayProvider({ ...config, merchantPrivateKeyPem: impostor });
      await assert.rejects(wrongKey.createPayment(paymentInput()), providerError('PROVIDER_ERROR', { providerCode: 'SIGN_ERROR', httpStatus: 401, retryable: false }));
      assert.equal(wechat.requests.at(-1)!.authorized, false);
    });

    test('our clock 10 minutes off: WeChat refuses our signature, and its answer is outside our window too → STALE_TIMESTAMP, which names the clock', async () => {
      skewMs = -10 * 60_000;
      try {
        await assert.rejects(provider.queryPayment(newOutTradeNo()), providerError('STALE_TIMESTAMP'));
        assert.equal(wechat.requests.at(-1)!.authorized, false, 'the signed timestamp is checked by WeChat');
      } finally {
        skewMs = 0;
      }
    });
  });

  describe('payment notifications', () => {
    /** An order placed and paid, with a WeChat coupon of 3.45 yuan: the buyer paid 120.00. */
    async function paidOrder() {
      const input = paymentInput();
      await provider.createPayment(input);
      const order = wechat.pay(input.outTradeNo, { payerTotal: 12_000 });
      return { input, order };
    }

    test('a genuine TRANSACTION.SUCCESS decodes to the order, the transaction and the amounts to the fen', async () => {
      const { input, order } = await paidOrder();
      const notification = await provider.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo));
      assert.equal(notification.eventType, 'TRANSACTION.SUCCESS');
      assert.match(notification.eventId, /\S/);
      assert.deepEqual(notification.transaction, {
        outTradeNo: input.outTradeNo,
        transactionId: order.transactionId,
        tradeState: 'SUCCESS',
        amount: { total: { amount: 12_345, currency: 'CNY' }, payerTotal: { amount: 12_000, currency: 'CNY' } },
        successTime: new Date(order.successTime!),
        payerOpenid: input.payerOpenid,
      });
    });

    test('a body handed over as the raw Buffer verifies too', async () => {
      const { input } = await paidOrder();
      const { headers, body } = wechat.paymentNotification(input.outTradeNo);
      const notification = await provider.parsePaymentNotification({ headers, body: Buffer.from(body, 'utf8') });
      assert.equal(notification.transaction.outTradeNo, input.outTradeNo);
    });

    test('header names in lower case (as Fastify gives them) are read', async () => {
      const { input } = await paidOrder();
      const { headers, body } = wechat.paymentNotification(input.outTradeNo);
      const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
      assert.equal((await provider.parsePaymentNotification({ headers: lower, body })).transaction.tradeState, 'SUCCESS');
    });

    test('a tampered body is refused: SIGNATURE_INVALID', async () => {
      const { input } = await paidOrder();
      const { headers, body } = wechat.paymentNotification(input.outTradeNo);
      const tampered = body.replace('"summary":"支付成功"', '"summary":"支付成功 "');
      assert.notEqual(tampered, body);
      await assert.rejects(provider.parsePaymentNotification({ headers, body: tampered }), providerError('SIGNATURE_INVALID'));
    });

    test('a serial we hold no key for is refused: UNKNOWN_SERIAL', async () => {
      const { input } = await paidOrder();
      const notification = wechat.paymentNotification(input.outTradeNo, { serial: 'PUB_KEY_ID_0100000000000000000000000000000000' });
      await assert.rejects(provider.parsePaymentNotification(notification), providerError('UNKNOWN_SERIAL'));
    });

    test('signed by another key under the right serial is refused: SIGNATURE_INVALID', async () => {
      const { input } = await paidOrder();
      const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      await assert.rejects(provider.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo, { privateKey: forger })), providerError('SIGNATURE_INVALID'));
    });

    test('a timestamp more than 5 minutes old or ahead is refused: STALE_TIMESTAMP; within 5 minutes it passes', async () => {
      const { input } = await paidOrder();
      const now = Math.floor(Date.now() / 1000);
      await assert.rejects(provider.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo, { timestamp: now - 310 })), providerError('STALE_TIMESTAMP'));
      await assert.rejects(provider.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo, { timestamp: now + 310 })), providerError('STALE_TIMESTAMP'));
      const late = await provider.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo, { timestamp: now - 290 }));
      assert.equal(late.transaction.outTradeNo, input.outTradeNo);
    });

    test('a WECHATPAY/SIGNTEST/ probe signature is refused: SIGNATURE_INVALID', async () => {
      const { input } = await paidOrder();
      const probe = wechat.paymentNotification(input.outTradeNo, { signature: `WECHATPAY/SIGNTEST/${randomBytes(32).toString('base64')}` });
      await assert.rejects(provider.parsePaymentNotification(probe), providerError('SIGNATURE_INVALID'));
    });

    test('missing Wechatpay-* headers are refused: SIGNATURE_INVALID', async () => {
      const { input } = await paidOrder();
      const { headers, body } = wechat.paymentNotification(input.outTradeNo);
      const { 'Wechatpay-Nonce': _nonce, ...withoutNonce } = headers;
      await assert.rejects(provider.parsePaymentNotification({ headers: withoutNonce, body }), providerError('SIGNATURE_INVALID'));
      await assert.rejects(provider.parsePaymentNotification({ headers: {}, body }), providerError('SIGNATURE_INVALID'));
    });

    test('a bad GCM tag (correctly signed) is refused: DECRYPT_FAILED', async () => {
      const { input } = await paidOrder();
      const envelope = JSON.parse(wechat.paymentNotification(input.outTradeNo).body) as { resource: { ciphertext: string } };
      const sealed = Buffer.from(envelope.resource.ciphertext, 'base64');
      sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 0x80; // the last byte belongs to the tag
      envelope.resource.ciphertext = sealed.toString('base64');
      const body = JSON.stringify(envelope);
      await assert.rejects(provider.parsePaymentNotification({ headers: wechat.sign(body), body }), providerError('DECRYPT_FAILED'));
    });

    test('another APIv3 key cannot decrypt: DECRYPT_FAILED', async () => {
      const { input } = await paidOrder();
      const otherKey = new WechatPayProvider({ ...config, apiV3Key: 'ffffffffffffffffffffffffffffffff' });
      await assert.rejects(otherKey.parsePaymentNotification(wechat.paymentNotification(input.outTradeNo)), providerError('DECRYPT_FAILED'));
    });

    test('a genuine notification about another merchant\'s order is refused: MALFORMED_MESSAGE', async () => {
      const resource = wechat.encryptResource(
        JSON.stringify({ appid: wechat.appid, mchid: '1230000109', out_trade_no: 'SOMEONE-ELSE-1', transaction_id: '4200000000000000000000000001', trade_state: 'SUCCESS', success_time: '2026-11-22T20:00:00+08:00', payer: { openid: newOpenid() }, amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } }),
        'transaction',
      );
      const body = JSON.stringify({ id: 'EV-1', create_time: '2026-11-22T20:00:01+08:00', resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功', resource });
      await assert.rejects(provider.parsePaymentNotification({ headers: wechat.sign(body), body }), providerError('MALFORMED_MESSAGE'));
    });

    test('a refund notification offered as a payment notification is refused: MALFORMED_MESSAGE', async () => {
      const { input } = await paidOrder();
      await provider.refund({ outTradeNo: input.outTradeNo, outRefundNo: `RF${input.outTradeNo}`, refund: { amount: 100, currency: 'CNY' }, total: { amount: 12_345, currency: 'CNY' } });
      wechat.settleRefund(`RF${input.outTradeNo}`);
      await assert.rejects(provider.parsePaymentNotification(wechat.refundNotification(`RF${input.outTradeNo}`)), providerError('MALFORMED_MESSAGE'));
    });
  });

  describe('queryPayment: the fallback when the notification is late', () => {
    test('an unpaid order reads NOTPAY with nothing paid; once paid (no notification yet) it reads SUCCESS with the amounts', async () => {
      const input = paymentInput({ amount: { amount: 8_800, currency: 'CNY' } });
      await provider.createPayment(input);
      assert.deepEqual(await provider.queryPayment(input.outTradeNo), {
        outTradeNo: input.outTradeNo,
        transactionId: null,
        tradeState: 'NOTPAY',
        amount: { total: { amount: 8_800, currency: 'CNY' }, payerTotal: null },
        successTime: null,
        payerOpenid: null,
      });
      const order = wechat.pay(input.outTradeNo);
      const paid = await provider.queryPayment(input.outTradeNo);
      assert.equal(paid.tradeState, 'SUCCESS');
      assert.equal(paid.transactionId, order.transactionId);
      assert.deepEqual(paid.amount, { total: { amount: 8_800, currency: 'CNY' }, payerTotal: { amount: 8_800, currency: 'CNY' } });
      assert.equal(paid.payerOpenid, input.payerOpenid);
      const sent = wechat.requests.at(-1)!;
      assert.equal(sent.method, 'GET');
      assert.equal(sent.url, `/v3/pay/transactions/out-trade-no/${input.outTradeNo}?mchid=${wechat.mchid}`);
      assert.equal(sent.body, '');
      assert.equal(sent.authorized, true, 'a GET signs an empty body');
    });

    test('an order number with | and * (allowed by WeChat) is signed as sent', async () => {
      const input = paymentInput({ outTradeNo: `PV|${sequence++}*${Date.now()}`.slice(0, 32) });
      await provider.createPayment(input);
      assert.equal((await provider.queryPayment(input.outTradeNo)).outTradeNo, input.outTradeNo);
    });

    test('an order WeChat never saw: 404 ORDER_NOT_EXIST surfaces with its code', async () => {
      await assert.rejects(provider.queryPayment(newOutTradeNo()), providerError('PROVIDER_ERROR', { providerCode: 'ORDER_NOT_EXIST', httpStatus: 404, retryable: false }));
    });
  });

  describe('closePayment', () => {
    test('closes an unpaid order; closing it again still resolves; WeChat then reads CLOSED', async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      await provider.closePayment(input.outTradeNo);
      await provider.closePayment(input.outTradeNo);
      assert.equal((await provider.queryPayment(input.outTradeNo)).tradeState, 'CLOSED');
      const close = wechat.requests.find((r) => r.url.endsWith('/close'))!;
      assert.deepEqual(JSON.parse(close.body), { mchid: wechat.mchid });
    });

    test('a paid order cannot be closed: the provider error surfaces (the caller must treat it as paid)', async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      wechat.pay(input.outTradeNo);
      await assert.rejects(provider.closePayment(input.outTradeNo), providerError('PROVIDER_ERROR', { providerCode: 'INVALID_REQUEST', httpStatus: 400 }));
    });
  });

  describe('refunds', () => {
    test('a partial refund, retried with the same number, is one refund; its notification decodes to the fen', async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      const order = wechat.pay(input.outTradeNo, { payerTotal: 12_000 });
      const outRefundNo = `RF${input.outTradeNo}`;
      const refundInput = { outTradeNo: input.outTradeNo, outRefundNo, refund: { amount: 2_345, currency: 'CNY' as const }, total: { amount: 12_345, currency: 'CNY' as const }, reason: '商品破损', notifyUrl: 'https://pavilion.example/api/payments/wechat-pay/refund-notify' };

      const first = await provider.refund(refundInput);
      assert.equal(first.status, 'PROCESSING');
      assert.equal(first.outRefundNo, outRefundNo);
      assert.equal(first.transactionId, order.transactionId);
      assert.deepEqual(first.amount.refund, { amount: 2_345, currency: 'CNY' });
      assert.deepEqual(first.amount.total, { amount: 12_345, currency: 'CNY' });
      assert.equal(Number.isInteger(first.amount.payerRefund!.amount), true);
      const sent = JSON.parse(wechat.requests.at(-1)!.body) as Record<string, unknown>;
      assert.deepEqual(sent.amount, { refund: 2_345, total: 12_345, currency: 'CNY' });
      assert.equal(sent.reason, '商品破损');

      const retried = await provider.refund(refundInput);
      assert.equal(retried.refundId, first.refundId);
      assert.equal(wechat.orders.get(input.outTradeNo)!.refunded, 2_345, 'refunded once');

      wechat.settleRefund(outRefundNo);
      const notified = await provider.parseRefundNotification(wechat.refundNotification(outRefundNo));
      assert.equal(notified.eventType, 'REFUND.SUCCESS');
      assert.equal(notified.refund.status, 'SUCCESS');
      assert.equal(notified.refund.refundId, first.refundId);
      assert.deepEqual(notified.refund.amount, {
        refund: { amount: 2_345, currency: 'CNY' },
        total: { amount: 12_345, currency: 'CNY' },
        payerRefund: { amount: Math.floor((2_345 * 12_000) / 12_345), currency: 'CNY' },
      });
      assert.ok(notified.refund.successTime instanceof Date);
      assert.equal((await provider.queryPayment(input.outTradeNo)).tradeState, 'REFUND');
    });

    test('refunding more than is left: WeChat\'s INVALID_REQUEST surfaces', async () => {
      const input = paymentInput({ amount: { amount: 1_000, currency: 'CNY' } });
      await provider.createPayment(input);
      wechat.pay(input.outTradeNo);
      const total = { amount: 1_000, currency: 'CNY' as const };
      await provider.refund({ outTradeNo: input.outTradeNo, outRefundNo: `RA${input.outTradeNo}`, refund: { amount: 600, currency: 'CNY' }, total });
      await assert.rejects(
        provider.refund({ outTradeNo: input.outTradeNo, outRefundNo: `RB${input.outTradeNo}`, refund: { amount: 600, currency: 'CNY' }, total }),
        providerError('PROVIDER_ERROR', { providerCode: 'INVALID_REQUEST', httpStatus: 400 }),
      );
    });

    test('a refund notification with a bad tag is refused like a payment one', async () => {
      const resource = wechat.encryptResource('{"refund_status":"SUCCESS"}', 'refund');
      resource.ciphertext = Buffer.from('x'.repeat(40)).toString('base64');
      const body = JSON.stringify({ id: 'EV-R', create_time: '2026-11-22T20:00:01+08:00', resource_type: 'encrypt-resource', event_type: 'REFUND.SUCCESS', summary: '退款成功', resource });
      await assert.rejects(provider.parseRefundNotification({ headers: wechat.sign(body), body }), providerError('DECRYPT_FAILED'));
    });
  });

  describe('answers that must not be believed, and WeChat Pay being down', () => {
    const refused: Array<[string, WechatPayFault, PaymentProviderErrorCode]> = [
      ['an answer changed after signing', { kind: 'tampered-answer' }, 'SIGNATURE_INVALID'],
      ['an answer signed by a key we do not hold', { kind: 'unknown-serial' }, 'UNKNOWN_SERIAL'],
      ['an answer signed 10 minutes ago (a replay)', { kind: 'stale-answer' }, 'STALE_TIMESTAMP'],
    ];
    for (const [name, fault, code] of refused) {
      test(`${name} → ${code}`, async () => {
        wechat.failNext(fault);
        await assert.rejects(provider.createPayment(paymentInput()), providerError(code));
      });
    }

    test('500 SYSTEM_ERROR and 429 FREQUENCY_LIMITED surface with their codes, retryable', async () => {
      wechat.failNext({ kind: 'system-error' });
      await assert.rejects(provider.createPayment(paymentInput()), providerError('PROVIDER_ERROR', { providerCode: 'SYSTEM_ERROR', httpStatus: 500, retryable: true, authenticated: true }));
      wechat.failNext({ kind: 'frequency-limited' });
      await assert.rejects(provider.queryPayment(newOutTradeNo()), providerError('PROVIDER_ERROR', { providerCode: 'FREQUENCY_LIMITED', httpStatus: 429, retryable: true }));
    });

    test('an unsigned 502 page from a gateway → PROVIDER_ERROR without a WeChat code, retryable, not authenticated', async () => {
      wechat.failNext({ kind: 'gateway-502' });
      await assert.rejects(provider.createPayment(paymentInput()), providerError('PROVIDER_ERROR', { providerCode: undefined, httpStatus: 502, retryable: true, authenticated: false }));
    });

    test('an answer slower than the timeout → UNAVAILABLE, retryable, without waiting for it', async () => {
      const impatient = new WechatPayProvider({ ...config, timeoutMs: 100 });
      wechat.failNext({ kind: 'slow', delayMs: 3000 });
      const started = Date.now();
      await assert.rejects(impatient.queryPayment(newOutTradeNo()), providerError('UNAVAILABLE', { retryable: true }));
      assert.ok(Date.now() - started < 3000);
    });

    test('nothing listening → UNAVAILABLE', async () => {
      const unreachable = new WechatPayProvider({ ...config, apiBase: `http://127.0.0.1:${await closedPort()}` });
      await assert.rejects(unreachable.closePayment(newOutTradeNo()), providerError('UNAVAILABLE', { retryable: true }));
    });

    test('no error message carries the private key or the APIv3 key', async () => {
      const failures: unknown[] = [];
      wechat.failNext({ kind: 'tampered-answer' });
      await provider.createPayment(paymentInput()).catch((e: unknown) => failures.push(e));
      const input = paymentInput();
      await provider.createPayment(input);
      wechat.pay(input.outTradeNo);
      await new WechatPayProvider({ ...config, apiV3Key: 'ffffffffffffffffffffffffffffffff' }).parsePaymentNotification(wechat.paymentNotification(input.outTradeNo)).catch((e: unknown) => failures.push(e));
      assert.equal(failures.length, 2);
      const keyBody = merchantPrivateKeyPem.split('\n')[1]!;
      for (const failure of failures) {
        const text = `${String(failure)} ${String((failure as Error).stack)}`;
        assert.ok(!text.includes(wechat.apiV3Key) && !text.includes(keyBody) && !text.includes('ffffffffffffffff'), text);
      }
    });
  });

  describe('platform certificate mode (merchants before WeChat Pay public keys)', () => {
    // A self-signed certificate and its key made with the OpenSSL command line for this test only
    // (openssl req -x509 … -set_serial 0x5157F09D69A3F7E3B0D5D0A6B0C4F0E1), standing in for a
    // WeChat Pay platform certificate: answers and notifications name it by its serial.
    const CERTIFICATE_SERIAL = '5157F09D69A3F7E3B0D5D0A6B0C4F0E1';
    const CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIDezCCAmOgAwIBAgIQUVfwnWmj9+Ow1dCmsMTw4TANBgkqhkiG9w0BAQsFADBO
MQswCQYDVQQGEwJDTjErMCkGA1UECgwiUGF2aWxpb24gdGVzdCBwbGF0Zm9ybSBj
ZXJ0aWZpY2F0ZTESMBAGA1UEAwwJdGVzdCBvbmx5MCAXDTI2MTEyMzE4MDU0NloY
DzIxMjYxMDMwMTgwNTQ2WjBOMQswCQYDVQQGEwJDTjErMCkGA1UECgwiUGF2aWxp
b24gdGVzdCBwbGF0Zm9ybSBjZXJ0aWZpY2F0ZTESMBAGA1UEAwwJdGVzdCBvbmx5
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzqRCZf7TE2Va2n5kuOAm
Ve5giNtgne27u5hxFaEdrsXJ/l1qYvDkKOeQuPPtmKyZfEJi+fxlAVvM8/MM35yd
aYGu9/slxE9bBg2glLDtgTDmarMFX89iUl3T3+RVA3FZi/DOTG7cmCqayB0jHzL0
YDgeLjzw5tFsawoe+Beu7JnyPWQgT6AkcnsBvGZwlu7ZywzKcY/EbkQqxMDY/jlK
Xa6Nsoih6Z0gYNm0KxklzWS5pEqfZ2wDCbQRoIbaJLbE9vVgAbCb3pjSFDXDzJiK
mf0mm2KlvMBjVqdfDlrU/nZgP5jA7yA9xTKdGpdwGP3BxFQv19gV1i2NHtNyeDkU
KQIDAQABo1MwUTAdBgNVHQ4EFgQUguhs7OFjT5rxSwHZDYnZBZUROBMwHwYDVR0j
BBgwFoAUguhs7OFjT5rxSwHZDYnZBZUROBMwDwYDVR0TAQH/BAUwAwEB/zANBgkq
hkiG9w0BAQsFAAOCAQEACbgbj7uHSvyxSZ9cyUX8npnS8HdiCp7hH2gJFUXogfl8
pVo9wiNAOBIGk30qya6WBeMSDOG+3cPIm4tyhxGT5XKP/yDRcNQ+ZaDYWspNqiXQ
s59HmOk0IutgpBzkmMyyfWF86DErpWCQQAFP8BsSCY6by+zWHR8Qhr8woDczZqGw
ITHvYDCH2PUT7BVyt5Y88JjvRkQf4DSW1Y/gbiywWkVbnBDhFI/qbrIlovNRkCNt
PnTwXubRMI5/4K+zasFbQ6CPtryx5Y4ZfYxqt1Ot44yGiRgtBETuFXdjYDUQHlWD
NUHV8nTdveEADM0SXVX7jZifuJNnaW7F8bVloKb4dg==
-----END CERTIFICATE-----
`;
    const CERTIFICATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDOpEJl/tMTZVra
fmS44CZV7mCI22Cd7bu7mHEVoR2uxcn+XWpi8OQo55C48+2YrJl8QmL5/GUBW8zz
8wzfnJ1pga73+yXET1sGDaCUsO2BMOZqswVfz2JSXdPf5FUDcVmL8M5MbtyYKprI
HSMfMvRgOB4uPPDm0WxrCh74F67smfI9ZCBPoCRyewG8ZnCW7tnLDMpxj8RuRCrE
wNj+OUpdro2yiKHpnSBg2bQrGSXNZLmkSp9nbAMJtBGghtoktsT29WABsJvemNIU
NcPMmIqZ/SabYqW8wGNWp18OWtT+dmA/mMDvID3FMp0al3AY/cHEVC/X2BXWLY0e
03J4ORQpAgMBAAECggEAKUk8UvCU750ih+EU8rMmNakI9I8QQL2M8rBEd9PXAGJY
N1Amv1nt3BZYHfvujsB9cgw5hkTdUWYsDtmSyuKZuMjGUpmFNDG+t/jlCpBHA7bn
co4OFtRyio5glK0kJynwgDs+nJrRzD1G65CWwdcGaGsN7KMUZqmVBdXh1iO1OWQ0
VxU+SYFaOjyYM9BnGOSNGHRTJ4Zs4hE50qkAjAF4qiGl4Bve92qk842Y3aHi4Ybp
il6zQDeVkPq1Kim7GnHiH+0M2nIkgdp1g1ZIE817rve3+Cw/lx5LlwSKEAS1vtSg
SnUhZXA4eZf9BsnsCs1Z2F0+UYfNDd3+Lds6RyommQKBgQD+fh1PVlaRm/aS+woJ
auzolvBF+69Umnhep2yP6z5l27f4QXOI/SBVoB8Psz1yC8152aTQQQFCB7GOsunN
pNYrfHLF24JsNXqhQ9Yd6NQWq5LViTw7T0UIFD3E0bC8x4nwxRLHD9Wo3+qlQGEC
p7WvQibPV1gs28vhWvYxzUBTywKBgQDP3Za2uMa+cdBcIoRs7wP5yUvgoGN/k2Sm
EhdDTnQiaejR29/l1OCmqG+jCVdzF9qFzEkHIEL91uAFUOApeHfBmc7L5YaJrFgw
72yuLXunu4QvDew8nNYjH1/sVwsIYyP6MN3hRBp87gfoPEz5GaqEpwdvTnJoku/E
KujI+CaBWwKBgQDBG28gIXJk4MSUOPsftEv6HXZKlDUxbFkD8eTVu/pIDhYlwXxq
qTAc6PhI0IhCfqQ23qhKAdlzgiUAE9CHY5nDu5XXfr4TX+0iazgQz/gHD7/GWnEi
y/6kp79LFpYWWQ7ZbKDX/bLxhp8lL5mtCxc42mhaknts5odpA72mgolaSwKBgQCy
wWWFlxta1XeQdCKbp2Qs393/uw41vOQ2KKKWwBYBLkEIj+RYupvC1mDCvRrWIDJN
E6PNnAHgV3PpPma3YyDhfcqn76emJ27kDlHQ685GLWz8JiX87gb8x1NvZF9ZhCCB
XJrCyRVaUDy+i3TKVzcbwqQTJUwgABRvB1OO2FAMtwKBgQCLXiu6/RPyBLIMbjpj
5Ly0e/TUrR4g9/vKvWrkCCGFGuCa4EZ0Jduy6JOMA+B9MhK9QMQChuIFgnpn+MhZ
sxBXPUT770LU2vwNyXM33THdGPJCZzunvhAorEIKX7w3W7t1RVslY9ULuCd4cmd3
O8N0FNEtCxAFPqmRvb0vSdn9PA==
-----END PRIVATE KEY-----
`;

    test('a notification signed with the certificate\'s key under its serial verifies; the certificate filed under another serial is refused at start', async () => {
      const withCertificate = new WechatPayProvider({ ...config, platformKeys: { [CERTIFICATE_SERIAL]: CERTIFICATE_PEM, [wechat.platformSerial]: wechat.platformPublicKeyPem } });
      const input = paymentInput();
      await withCertificate.createPayment(input);
      wechat.pay(input.outTradeNo);
      const signedByCertificate = wechat.paymentNotification(input.outTradeNo, { privateKey: createPrivateKey(CERTIFICATE_KEY_PEM), serial: CERTIFICATE_SERIAL });
      assert.equal((await withCertificate.parsePaymentNotification(signedByCertificate)).transaction.outTradeNo, input.outTradeNo);
      // Serials are hex: configured in lower case, the certificate still answers to WeChat's upper-case serial.
      const lowerCase = new WechatPayProvider({ ...config, platformKeys: { [CERTIFICATE_SERIAL.toLowerCase()]: CERTIFICATE_PEM } });
      const again = wechat.paymentNotification(input.outTradeNo, { privateKey: createPrivateKey(CERTIFICATE_KEY_PEM), serial: CERTIFICATE_SERIAL });
      assert.equal((await lowerCase.parsePaymentNotification(again)).transaction.tradeState, 'SUCCESS');
      assert.throws(() => new WechatPayProvider({ ...config, platformKeys: { '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C': CERTIFICATE_PEM } }), RangeError);
    });
  });

  describe('configuration', () => {
    test('an APIv3 key that is not 32 bytes, a bad private key or no platform key stops construction', () => {
      assert.throws(() => new WechatPayProvider({ ...config, apiV3Key: 'short' }), RangeError);
      assert.throws(() => new WechatPayProvider({ ...config, merchantPrivateKeyPem: 'not a key' }));
      assert.throws(() => new WechatPayProvider({ ...config, platformKeys: {} }), RangeError);
    });
  });
  describe('customs declaration of a payment (POST /v3/customs/orders)', () => {
    const buyer = { name: '李娜', idNumber: '110101199003071234' };
    const paid = async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      return { input, order: wechat.pay(input.outTradeNo) };
    };

    test('declares with the buyer encrypted for WeChat Pay, and answers the identity check', async () => {
      const { input, order } = await paid();
      const result = await provider.declareCustoms({ outTradeNo: input.outTradeNo, transactionId: order.transactionId!, customs: 'SHANGHAI_ZS', merchantCustomsNo: 'DEV0000PAVILION', buyer });
      assert.equal(result.state, 'SUBMITTED');
      assert.equal(result.identityCheck, 'SAME');
      assert.equal(result.answer.verify_department, 'OTHERS');
      const received = wechat.customsDeclarations.get(`${input.outTradeNo}/`);
      assert.deepEqual({ id: received?.certificateId, name: received?.certificateName, customs: received?.customs }, { id: buyer.idNumber, name: buyer.name, customs: 'SHANGHAI_ZS' });
      // The clear identity never travels as such: only RSA ciphertext is in the request body.
      const request = wechat.requests.findLast((r) => r.url === '/v3/customs/orders');
      assert.ok(request && !request.body.includes(buyer.idNumber) && !request.body.includes(buyer.name));
      assert.equal(request.headers['wechatpay-serial'], wechat.platformSerial);
    });

    test('a payer who is not the buyer is DIFFERENT; a split order declares its own share', async () => {
      const { input, order } = await paid();
      wechat.setPayerIdentity(input.outTradeNo, '310101198001011239');
      const result = await provider.declareCustoms({
        outTradeNo: input.outTradeNo, transactionId: order.transactionId!, customs: 'SHANGHAI_ZS', merchantCustomsNo: 'DEV0000PAVILION', buyer,
        subOrder: { subOrderNo: 'PV20261201-7K3Q9M', orderFee: { amount: 10_000, currency: 'CNY' }, productFee: { amount: 9_000, currency: 'CNY' }, transportFee: { amount: 1_000, currency: 'CNY' } },
      });
      assert.equal(result.identityCheck, 'DIFFERENT');
      assert.equal(result.answer.sub_order_no, 'PV20261201-7K3Q9M');
      assert.equal(wechat.customsDeclarations.get(`${input.outTradeNo}/PV20261201-7K3Q9M`)?.orderFee, 10_000);
    });

    test('an unpaid order is refused with WeChat Pay\'s code', async () => {
      const input = paymentInput();
      await provider.createPayment(input);
      await assert.rejects(provider.declareCustoms({ outTradeNo: input.outTradeNo, transactionId: '4200000000000000', customs: 'SHANGHAI_ZS', merchantCustomsNo: 'X', buyer }), providerError('PROVIDER_ERROR', { providerCode: 'ORDER_NOT_EXIST', httpStatus: 404 }));
    });
  });
});
