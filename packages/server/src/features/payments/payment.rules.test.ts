import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PaymentProviderError, type PaymentTransaction } from './payment-provider.ts';
import { describeCheckout, formatYuan, judgeTransaction, MAX_DESCRIPTION_CHARS, newOutRefundNo, newOutTradeNo, refundFailureIsFinal, refundStateOf } from './payment.rules.ts';
import { SEND_REFUND } from './refund-job.ts';
import { retryDelayMs } from '../../platform/jobs/job.rules.ts';

const paid = (change: Partial<PaymentTransaction> = {}, totalFen = 12_345): PaymentTransaction => ({
  outTradeNo: 'PV20261123ABCDEFGHJKMN',
  transactionId: '4200000000202611230000000001',
  tradeState: 'SUCCESS',
  amount: { total: { amount: totalFen, currency: 'CNY' }, payerTotal: { amount: totalFen, currency: 'CNY' } },
  successTime: new Date('2026-11-23T10:00:00Z'),
  payerOpenid: 'o123',
  ...change,
});

describe('judgeTransaction: what a verified report means for our payment', () => {
  const ours = { provider: 'wechat' as const, amountFen: 12_345 };

  test('a success of the same amount for our payment is applied', () => {
    assert.equal(judgeTransaction(ours, 'wechat', paid()), 'apply');
  });

  test('a coupon lowers what the buyer paid, not the order total: still the order amount', () => {
    assert.equal(judgeTransaction(ours, 'wechat', paid({ amount: { total: { amount: 12_345, currency: 'CNY' }, payerTotal: { amount: 10_000, currency: 'CNY' } } })), 'apply');
  });

  test('another amount, to the fen, is a mismatch', () => {
    assert.equal(judgeTransaction(ours, 'wechat', paid({}, 12_344)), 'amount_mismatch');
    assert.equal(judgeTransaction(ours, 'wechat', paid({}, 12_346)), 'amount_mismatch');
  });

  test('no payment of ours, or one opened with another provider, is an unknown order', () => {
    assert.equal(judgeTransaction(null, 'wechat', paid()), 'unknown_order');
    assert.equal(judgeTransaction(ours, 'sandbox', paid()), 'unknown_order');
  });

  test('not paid (or no transaction id) is nothing to record; paid then refunded still counts as paid', () => {
    for (const tradeState of ['NOTPAY', 'CLOSED', 'USERPAYING', 'PAYERROR', 'REVOKED'] as const) assert.equal(judgeTransaction(ours, 'wechat', paid({ tradeState })), 'ignore');
    assert.equal(judgeTransaction(ours, 'wechat', paid({ transactionId: null })), 'ignore');
    assert.equal(judgeTransaction(ours, 'wechat', paid({ tradeState: 'REFUND' })), 'apply');
  });
});

describe('refunds', () => {
  test('provider states map onto ours', () => {
    assert.equal(refundStateOf('SUCCESS'), 'succeeded');
    assert.equal(refundStateOf('PROCESSING'), 'processing');
    assert.equal(refundStateOf('CLOSED'), 'failed');
    assert.equal(refundStateOf('ABNORMAL'), 'failed');
  });

  test('only a trustworthy refusal is final; anything that may have reached the provider is retried with the same number', () => {
    assert.equal(refundFailureIsFinal(new PaymentProviderError('INVALID_REQUEST', 'bad input')), true);
    assert.equal(refundFailureIsFinal(new PaymentProviderError('PROVIDER_ERROR', 'no', { providerCode: 'NOT_ENOUGH', authenticated: true })), true);
    assert.equal(refundFailureIsFinal(new PaymentProviderError('PROVIDER_ERROR', 'busy', { providerCode: 'SYSTEM_ERROR', authenticated: true, retryable: true })), false);
    assert.equal(refundFailureIsFinal(new PaymentProviderError('PROVIDER_ERROR', 'unsigned 400', { httpStatus: 400, authenticated: false })), false, 'an unsigned answer is never a fact');
    assert.equal(refundFailureIsFinal(new PaymentProviderError('UNAVAILABLE', 'timeout', { retryable: true })), false);
    assert.equal(refundFailureIsFinal(new PaymentProviderError('SIGNATURE_INVALID', 'tampered answer')), false);
    assert.equal(refundFailureIsFinal(new Error('database down')), false);
  });

  test("a refund's job retries with the queue's back-off: from 2 s, doubling, to at most 30 minutes", () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, SEND_REFUND.retry)), [2_000, 4_000, 8_000, 16_000]);
    assert.equal(retryDelayMs(30, SEND_REFUND.retry), 30 * 60_000);
  });
});

describe('numbers and texts', () => {
  test('payment and refund numbers fit WeChat\'s character sets and lengths and carry the China date', () => {
    const trade = newOutTradeNo('2026-11-23');
    assert.match(trade, /^PV20261123[0-9A-HJKMNP-TV-Z]{12}$/);
    assert.ok(trade.length >= 6 && trade.length <= 32);
    assert.match(newOutRefundNo('2026-11-23'), /^RF20261123[0-9A-HJKMNP-TV-Z]{12}$/);
    assert.notEqual(newOutTradeNo('2026-11-23'), newOutTradeNo('2026-11-23'));
  });

  test('the checkout description is the same for the same orders in any order, and at most 127 characters', () => {
    const a = { number: 'PV20261123-AAAAAA', firstTitleZh: '木尔坦蓝陶花瓶' };
    const b = { number: 'PV20261123-BBBBBB', firstTitleZh: '斐济初榨椰子油' };
    assert.equal(describeCheckout([b, a]), describeCheckout([a, b]));
    assert.equal(describeCheckout([a, b]), 'Pavilion PV20261123-AAAAAA 等2单 木尔坦蓝陶花瓶');
    assert.equal([...describeCheckout([{ number: 'PV1', firstTitleZh: '长'.repeat(300) }])].length, MAX_DESCRIPTION_CHARS);
  });

  test('yuan from fen, to the fen', () => {
    assert.equal(formatYuan(123_456), '¥1,234.56');
    assert.equal(formatYuan(5), '¥0.05');
    assert.equal(formatYuan(100), '¥1.00');
  });
});
