import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PaymentProviderError, type PaymentProviderErrorCode } from './payment-provider.ts';
import { SandboxPaymentProvider } from './sandbox-payment.ts';
import { renderSandboxPage } from './sandbox-page.ts';

const refusedWith = (code: PaymentProviderErrorCode) => (error: unknown) => error instanceof PaymentProviderError && error.code === code;

describe('the sandbox payment provider', () => {
  let nowMs = Date.parse('2026-11-23T10:00:00Z');
  const sandbox = new SandboxPaymentProvider({ secretKey: 'a-secret-key-of-at-least-thirty-two-chars', publicUrl: 'https://pavilion.test/', now: () => nowMs });

  test('opening a payment gives the page URL; paying signs a notification that verifies and decodes to integer fen', async () => {
    assert.deepEqual(await sandbox.createPayment({ outTradeNo: 'PVSB000001', amount: { amount: 9_900, currency: 'CNY' }, description: 'x', payerOpenid: 'u1', notifyUrl: 'https://pavilion.test/n', expiresAt: new Date(nowMs + 60_000) }), {
      kind: 'sandbox',
      url: 'https://pavilion.test/api/payments/sandbox/pay/PVSB000001',
    });
    assert.equal((await sandbox.queryPayment('PVSB000001')).tradeState, 'NOTPAY');
    const message = sandbox.pay({ outTradeNo: 'PVSB000001', amountFen: 9_900, payer: 'u1' });
    const parsed = await sandbox.parsePaymentNotification(message);
    assert.equal(parsed.eventType, 'TRANSACTION.SUCCESS');
    assert.equal(parsed.transaction.tradeState, 'SUCCESS');
    assert.deepEqual(parsed.transaction.amount.total, { amount: 9_900, currency: 'CNY' });
    assert.match(String(parsed.transaction.transactionId), /^SB/);
    // Paying twice is the same transaction.
    const again = await sandbox.parsePaymentNotification(sandbox.pay({ outTradeNo: 'PVSB000001', amountFen: 9_900, payer: 'u1' }));
    assert.equal(again.transaction.transactionId, parsed.transaction.transactionId);
    assert.equal((await sandbox.queryPayment('PVSB000001')).tradeState, 'SUCCESS');
  });

  test('a changed body, another key, a probe, a missing header or a timestamp over 5 minutes off is refused', async () => {
    const message = sandbox.pay({ outTradeNo: 'PVSB000002', amountFen: 100, payer: 'u1' });
    const body = String(message.body);
    await assert.rejects(sandbox.parsePaymentNotification({ headers: message.headers, body: body.replace('"total_fen":100', '"total_fen":1') }), refusedWith('SIGNATURE_INVALID'));
    const other = new SandboxPaymentProvider({ secretKey: 'another-secret-key-of-at-least-32-chars!', publicUrl: 'https://x', now: () => nowMs });
    await assert.rejects(other.parsePaymentNotification(message), refusedWith('SIGNATURE_INVALID'));
    await assert.rejects(sandbox.parsePaymentNotification({ headers: { ...message.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/x' }, body }), refusedWith('SIGNATURE_INVALID'));
    await assert.rejects(sandbox.parsePaymentNotification({ headers: { ...message.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0101' }, body }), refusedWith('UNKNOWN_SERIAL'));
    const { 'Wechatpay-Nonce': _nonce, ...withoutNonce } = message.headers as Record<string, string>;
    await assert.rejects(sandbox.parsePaymentNotification({ headers: withoutNonce, body }), refusedWith('SIGNATURE_INVALID'));
    nowMs += 5 * 60_000 + 1_000;
    await assert.rejects(sandbox.parsePaymentNotification(message), refusedWith('STALE_TIMESTAMP'));
    nowMs -= 5 * 60_000 + 1_000;
    assert.equal((await sandbox.parsePaymentNotification(message)).transaction.outTradeNo, 'PVSB000002');
  });

  test('refunds succeed at once and are one refund per out_refund_no; closing a paid payment is refused, an unknown number does not exist', async () => {
    sandbox.pay({ outTradeNo: 'PVSB000003', amountFen: 5_000, payer: 'u1' });
    const input = { outTradeNo: 'PVSB000003', outRefundNo: 'RFSB1', refund: { amount: 5_000, currency: 'CNY' as const }, total: { amount: 5_000, currency: 'CNY' as const } };
    const first = await sandbox.refund(input);
    assert.equal(first.status, 'SUCCESS');
    assert.deepEqual(await sandbox.refund(input), first);
    await assert.rejects(sandbox.refund({ ...input, outRefundNo: 'RFSB2' }), refusedWith('PROVIDER_ERROR'), 'no more than was paid');
    await assert.rejects(sandbox.closePayment('PVSB000003'), (e) => e instanceof PaymentProviderError && e.providerCode === 'ORDER_PAID');
    await assert.rejects(sandbox.queryPayment('PVSBUNKNOWN'), (e) => e instanceof PaymentProviderError && e.providerCode === 'ORDER_NOT_EXIST');
  });
});

describe('the sandbox page', () => {
  const page = (change: Partial<Parameters<typeof renderSandboxPage>[0]> = {}) =>
    renderSandboxPage({ outTradeNo: 'PV20261123ABC', amountFen: 123_456, orderNumbers: ['PV20261123-7K3Q9M'], state: 'pending', ordersUrl: '/orders?checkout=c1', ...change });

  test('Chinese first, the amount to the fen, a plain form with the two outcomes, no script', () => {
    const html = page();
    assert.match(html, /<html lang="zh-CN">/);
    assert.ok(html.includes('¥1,234.56'));
    assert.ok(html.includes('PV20261123-7K3Q9M'));
    assert.match(html, /<form method="post" action="\/api\/payments\/sandbox\/pay\/PV20261123ABC">/);
    assert.match(html, /name="result" value="success"[^>]*>支付成功 \/ Pay</);
    assert.match(html, /name="result" value="fail"[^>]*>支付失败 \/ Fail</);
    assert.ok(!/<script|onclick|javascript:/i.test(html));
  });

  test('whatever comes from outside is escaped; a paid payment has no buttons', () => {
    const html = page({ outTradeNo: '<img src=x onerror=alert(1)>', orderNumbers: ['"><script>alert(1)</script>'] });
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<img src=x'));
    const done = page({ state: 'paid' });
    assert.ok(!done.includes('<form'));
    assert.ok(done.includes('href="/orders?checkout=c1"'));
  });
});

test('the customs declaration answers like WeChat Pay: SAME, DIFFERENT for an ID number ending in 9, UNCHECKED for 8', async () => {
  const sandbox = new SandboxPaymentProvider({ secretKey: 'a-secret-key-of-at-least-thirty-two-chars', publicUrl: 'https://pavilion.test/' });
  const declare = (idNumber: string) =>
    sandbox.declareCustoms({ outTradeNo: 'PVSB000009', transactionId: 'SB1', customs: 'SHANGHAI_ZS', merchantCustomsNo: 'DEV0000PAVILION', buyer: { name: '李娜', idNumber } });
  assert.deepEqual(await declare('110101199003071234'), { state: 'SUBMITTED', identityCheck: 'SAME', answer: { state: 'SUBMITTED', cert_check_result: 'SAME', verify_department: 'OTHERS' } });
  assert.equal((await declare('110101199003071239')).identityCheck, 'DIFFERENT');
  assert.equal((await declare('110101199003071238')).identityCheck, 'UNCHECKED');
});
