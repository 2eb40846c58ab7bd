import assert from 'node:assert/strict';
import { createVerify, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { PaymentAnomaly, PlacedCheckout } from '@pavilion/contracts';
import { createTestApp, ORIGIN, TEST_SECRET, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { seedBuyerProfile } from '../support/buyer-fixtures.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { startWechatPayServer, type WechatPayServer } from '../support/wechat-pay-server.ts';
import { demoAdmin, demoBuyer, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { RISK_NOTICE } from '../../src/features/orders/order.rules.ts';
import { expireUnpaidOrders } from '../../src/features/orders/order-payment.ts';
import { settlePaymentWorkflow } from '../../src/workflows/settle-payment.ts';
import { PaymentService } from '../../src/features/payments/payment.service.ts';
import { SandboxPaymentProvider } from '../../src/features/payments/sandbox-payment.ts';
import { WechatPayProvider } from '../../src/features/payments/wechat-pay.ts';
import type { Db } from '../../src/db/database.ts';
import { SEND_REFUND } from '../../src/features/payments/refund-job.ts';
import { defineJob, JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { retryDelayMs } from '../../src/platform/jobs/job.rules.ts';
import { createSession } from '../../src/platform/sessions.ts';

/**
 * Paying checkouts: the sandbox end to end through its page, WeChat Pay end to end against the
 * local API v3 server, notifications recorded once, refusals shown to operators, the late-payment
 * refund sent exactly once whatever the workers do.
 */

const silentLog = { info() {}, warn() {}, error() {}, debug() {}, fatal() {}, trace() {}, child() { return silentLog; }, level: 'silent', silent() {} } as never;

/** Everything a payments test does with one app: a buyer with an address and identity, and placement through the real endpoint. */
function harness() {
  const h = {
    ta: undefined as unknown as TestApp,
    buyer: '',
    buyerUserId: '',
    profile: undefined as unknown as { addressId: string; identityId: string },
    variants: new Map<string, string>(),
    db: (): Db => h.ta.testDb.database.db,
    async setUp(ta: TestApp) {
      h.ta = ta;
      h.buyer = await tokenFor(h.db(), demoBuyer.phone);
      const user = await h.db().selectFrom('users').select('id').where('phone', '=', demoBuyer.phone).executeTakeFirstOrThrow();
      h.buyerUserId = user.id;
      h.profile = await seedBuyerProfile(h.db(), user.id);
      for (const v of await h.db().selectFrom('variants').select(['id', 'sku']).execute()) h.variants.set(v.sku, v.id);
    },
    async place(sku: string, method: 'sandbox' | 'wechat', quantity = 1): Promise<PlacedCheckout> {
      const res = await h.ta.app.inject({
        method: 'POST',
        url: '/api/store/orders',
        headers: { ...bearer(h.buyer), 'idempotency-key': randomUUID() },
        payload: { lines: [{ variantId: h.variants.get(sku), quantity }], addressId: h.profile.addressId, identityId: h.profile.identityId, riskNoticeVersion: RISK_NOTICE.version, paymentMethod: method },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as PlacedCheckout;
    },
    /** The checkout's open payment (or its only one). */
    async payment(checkoutId: string) {
      const rows = await h.db().selectFrom('payments').selectAll().where('checkout_id', '=', checkoutId).execute();
      return rows.find((p) => p.status === 'pending') ?? rows.find((p) => p.status === 'paid') ?? rows[0]!;
    },
    async orderStatuses(checkoutId: string) {
      return (await h.db().selectFrom('orders').select('status').where('checkout_id', '=', checkoutId).execute()).map((o) => o.status);
    },
    async anomalies(login: string, status = 'all') {
      const token = await tokenFor(h.db(), login);
      const res = await h.ta.app.inject({ method: 'GET', url: `/api/operator/payment-anomalies?status=${status}`, headers: bearer(token) });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: PaymentAnomaly[] }).items;
    },
    /** The order expires unpaid (31 minutes later) and its last units are sold to someone else meanwhile. */
    async expireAndSellOut(checkoutId: string) {
      h.ta.clock.advance(31 * 60_000);
      await expireUnpaidOrders(h.db(), () => h.ta.clock.now);
      assert.deepEqual(await h.orderStatuses(checkoutId), ['cancelled']);
      const order = await h.db().selectFrom('orders').select(['id', 'warehouse_id']).where('checkout_id', '=', checkoutId).executeTakeFirstOrThrow();
      const line = await h.db().selectFrom('order_lines').select('variant_id').where('order_id', '=', order.id).executeTakeFirstOrThrow();
      await h.db().updateTable('stock_levels').set((eb) => ({ on_hand: eb.ref('reserved') })).where('variant_id', '=', line.variant_id).where('warehouse_id', '=', order.warehouse_id).execute();
      return order.id;
    },
  };
  return h;
}

describe('payments with the sandbox', () => {
  const h = harness();
  let ta: TestApp;
  let sandbox: SandboxPaymentProvider;

  before(async () => {
    // The sandbox on the app's clock, so signed timestamps follow the test's time.
    sandbox = new SandboxPaymentProvider({ secretKey: TEST_SECRET, publicUrl: ORIGIN, now: () => ta.clock.now.getTime() });
    ta = await createTestApp({ catalog: true, overrides: { payments: { sandbox, worker: false } } });
    await h.setUp(ta);
  });
  after(() => ta.close());

  /** A second worker on the same database, as another process (or this one after a restart) would run. */
  const anotherWorker = () => new PaymentService({ db: h.db(), clock: () => ta.clock.now, providers: { sandbox, wechat: null }, publicUrl: ORIGIN, log: silentLog, settlePayment: settlePaymentWorkflow({ db: h.db() }) });

  test('placement opens a sandbox payment; its page shows amount and orders without scripts; "pay" makes the orders paid and goes to the orders', async () => {
    const placed = await h.place('MB-VASE-20', 'sandbox');
    assert.equal(placed.payment?.kind, 'sandbox');
    const payment = await h.payment(placed.checkoutId);
    assert.equal(placed.payment?.kind === 'sandbox' && placed.payment.url, `${ORIGIN}/api/payments/sandbox/pay/${payment.out_trade_no}`);
    assert.equal(Number(payment.amount_fen), placed.totalFen);

    const page = await ta.app.inject({ method: 'GET', url: `/api/payments/sandbox/pay/${payment.out_trade_no}` });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.ok(page.body.indexOf('支付成功') < page.body.indexOf('Pay</button>'), 'Chinese first');
    assert.ok(page.body.includes(`¥${(placed.totalFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`), 'the amount to the fen');
    assert.ok(page.body.includes(placed.orders[0]!.number));
    assert.ok(!/<script/i.test(page.body), 'no script: the CSP needs no exception');

    // The browser posts the plain form from our own page.
    const paid = await ta.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/pay/${payment.out_trade_no}`,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'result=success',
    });
    assert.equal(paid.statusCode, 303, paid.body);
    assert.equal(paid.headers.location, `/orders?checkout=${placed.checkoutId}`);
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['paid']);
    const recorded = await h.payment(placed.checkoutId);
    assert.equal(recorded.status, 'paid');
    assert.match(String(recorded.transaction_id), /^SB/);

    const after = await ta.app.inject({ method: 'GET', url: `/api/payments/sandbox/pay/${payment.out_trade_no}` });
    assert.ok(after.body.includes('该笔支付已完成'));
    assert.ok(!after.body.includes('<form'), 'no buttons once paid');
    // Paying again from the page (a double click) records nothing new.
    const again = await ta.app.inject({ method: 'POST', url: `/api/payments/sandbox/pay/${payment.out_trade_no}`, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'result=success' });
    assert.equal(again.statusCode, 303);
    assert.equal((await h.db().selectFrom('payments').select('id').where('checkout_id', '=', placed.checkoutId).where('status', '=', 'paid').execute()).length, 1);
  });

  test('"fail" leaves the order waiting and shows the page again with the reason; a form posted from another site is refused', async () => {
    const placed = await h.place('MB-VASE-20', 'sandbox');
    const { out_trade_no: no } = await h.payment(placed.checkoutId);
    const failed = await ta.app.inject({ method: 'POST', url: `/api/payments/sandbox/pay/${no}`, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'result=fail' });
    assert.equal(failed.statusCode, 303);
    assert.equal(failed.headers.location, `/api/payments/sandbox/pay/${no}?result=failed`);
    const page = await ta.app.inject({ method: 'GET', url: String(failed.headers.location) });
    assert.ok(page.body.includes('支付失败（沙箱模拟）'));
    assert.ok(page.body.includes('<form'), 'the buttons are still there');
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['pending_payment']);

    const cookie = `pavilion_session=${h.buyer}`;
    const foreign = await ta.app.inject({ method: 'POST', url: `/api/payments/sandbox/pay/${no}`, headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'result=success' });
    assert.equal(foreign.statusCode, 403);
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['pending_payment']);
  });

  test('the same notification twice records one payment; a tampered or stale signature is refused and changes nothing', async () => {
    const placed = await h.place('BC-VCO-250', 'sandbox');
    const payment = await h.payment(placed.checkoutId);
    const notification = sandbox.pay({ outTradeNo: payment.out_trade_no, amountFen: Number(payment.amount_fen), payer: h.buyerUserId });
    const body = String(notification.body);

    const tampered = body.replace(`"total_fen":${payment.amount_fen}`, `"total_fen":${Number(payment.amount_fen) - 1}`);
    assert.notEqual(tampered, body);
    const forged = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...notification.headers, 'content-type': 'application/json' }, payload: tampered });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().code, 'FAIL');
    const stale = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...sandbox.sign(body, { timestampSeconds: Math.floor(ta.clock.now.getTime() / 1000) - 600 }), 'content-type': 'application/json' }, payload: body });
    assert.equal(stale.statusCode, 401);
    assert.equal((await h.payment(placed.checkoutId)).status, 'pending');

    for (let i = 0; i < 2; i++) {
      const res = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...notification.headers, 'content-type': 'application/json' }, payload: body });
      assert.equal(res.statusCode, 204, res.body);
    }
    const payments = await h.db().selectFrom('payments').selectAll().where('checkout_id', '=', placed.checkoutId).execute();
    assert.equal(payments.length, 1);
    assert.equal(payments[0]!.status, 'paid');
    const events = await h.db().selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select('order_events.status').where('orders.checkout_id', '=', placed.checkoutId).where('order_events.status', '=', 'paid').execute();
    assert.equal(events.length, 1, 'the order was paid once');
  });

  test('a payment for an unknown number and one of another amount are refused and shown to operators (once, however often repeated)', async () => {
    const unknownNo = `PV20261123${randomBytes(6).toString('hex').toUpperCase()}`;
    const unknown = sandbox.pay({ outTradeNo: unknownNo, amountFen: 100, payer: h.buyerUserId });
    for (let i = 0; i < 2; i++) {
      const res = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...unknown.headers, 'content-type': 'application/json' }, payload: String(unknown.body) });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(Object.keys(res.json()), ['code', 'message']);
    }
    ta.clock.advance(1_000);

    const placed = await h.place('MB-VASE-20', 'sandbox');
    const payment = await h.payment(placed.checkoutId);
    const short = sandbox.pay({ outTradeNo: payment.out_trade_no, amountFen: Number(payment.amount_fen) - 100, payer: h.buyerUserId });
    const refused = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...short.headers, 'content-type': 'application/json' }, payload: String(short.body) });
    assert.equal(refused.statusCode, 400);
    assert.equal((await h.payment(placed.checkoutId)).status, 'pending');
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['pending_payment']);

    const forAdmin = await h.anomalies(demoAdmin.email);
    const unknownSeen = forAdmin.filter((a) => a.reference === unknownNo);
    assert.deepEqual(unknownSeen.map((a) => a.kind), ['unknown_order']);
    const mismatch = forAdmin.find((a) => a.reference === payment.out_trade_no);
    assert.equal(mismatch?.kind, 'amount_mismatch');
    assert.equal(mismatch?.details.expectedFen, Number(payment.amount_fen));
    assert.equal(mismatch?.details.amountFen, Number(payment.amount_fen) - 100);
    assert.ok(forAdmin.indexOf(mismatch!) < forAdmin.indexOf(unknownSeen[0]!), 'newest first');

    // The vase is Pakistan's: its operator sees the mismatch, the Pacific operator does not; a number nobody issued is for admins.
    const pk = await h.anomalies(demoPavilions[0].operator.email);
    assert.ok(pk.some((a) => a.id === mismatch!.id));
    assert.ok(!pk.some((a) => a.reference === unknownNo));
    const pacific = await h.anomalies(demoPavilions[1].operator.email);
    assert.ok(!pacific.some((a) => a.id === mismatch!.id));

    const otherOperator = await tokenFor(h.db(), demoPavilions[1].operator.email);
    const notTheirs = await ta.app.inject({ method: 'POST', url: `/api/operator/payment-anomalies/${mismatch!.id}/resolve`, headers: bearer(otherOperator) });
    assert.equal(notTheirs.statusCode, 404);
    const operator = await tokenFor(h.db(), demoPavilions[0].operator.email);
    const resolved = await ta.app.inject({ method: 'POST', url: `/api/operator/payment-anomalies/${mismatch!.id}/resolve`, headers: bearer(operator) });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.ok((resolved.json() as PaymentAnomaly).resolvedAt);
    const twice = await ta.app.inject({ method: 'POST', url: `/api/operator/payment-anomalies/${mismatch!.id}/resolve`, headers: bearer(operator) });
    assert.equal(twice.statusCode, 409);
    assert.ok(!(await h.anomalies(demoPavilions[0].operator.email, 'open')).some((a) => a.id === mismatch!.id), 'gone from the open list');
  });

  test('paying again: the open attempt is reused; another buyer gets 404; a paid checkout 409; WeChat Pay unconfigured is a 400 on the method', async () => {
    const placed = await h.place('BC-VCO-250', 'sandbox');
    const first = await h.payment(placed.checkoutId);
    const pay = (token: string, method = 'sandbox') => ta.app.inject({ method: 'POST', url: `/api/store/checkouts/${placed.checkoutId}/pay`, headers: bearer(token), payload: { method } });
    const again = await pay(h.buyer);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), { kind: 'sandbox', url: `${ORIGIN}/api/payments/sandbox/pay/${first.out_trade_no}` });

    const stranger = await signUpBuyer(ta, '13900139001');
    assert.equal((await pay(stranger)).statusCode, 404);
    const wechat = await pay(h.buyer, 'wechat');
    assert.equal(wechat.statusCode, 400);
    assert.equal(wechat.json().error.details[0].field, 'body.method');
    assert.equal((await h.payment(placed.checkoutId)).id, first.id, 'nothing changed');

    const notification = sandbox.pay({ outTradeNo: first.out_trade_no, amountFen: Number(first.amount_fen), payer: h.buyerUserId });
    await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...notification.headers, 'content-type': 'application/json' }, payload: String(notification.body) });
    const paid = await pay(h.buyer);
    assert.equal(paid.statusCode, 409);
    assert.equal(paid.json().error.code, 'INVALID_TRANSITION');
  });

  test('a checkout paid twice (an earlier attempt paid after a new one was opened) keeps one payment and refunds the other in full', async () => {
    const placed = await h.place('BC-VCO-250', 'sandbox');
    const first = await h.payment(placed.checkoutId);
    // The buyer gave up on the first attempt (closed here) and paid with a new one.
    await h.db().updateTable('payments').set({ status: 'closed' }).where('id', '=', first.id).execute();
    const again = await ta.app.inject({ method: 'POST', url: `/api/store/checkouts/${placed.checkoutId}/pay`, headers: bearer(h.buyer), payload: { method: 'sandbox' } });
    assert.equal(again.statusCode, 200, again.body);
    const second = await h.payment(placed.checkoutId);
    assert.notEqual(second.id, first.id);
    assert.equal(again.json().url, `${ORIGIN}/api/payments/sandbox/pay/${second.out_trade_no}`);
    for (const p of [second, first]) {
      const message = sandbox.pay({ outTradeNo: p.out_trade_no, amountFen: Number(p.amount_fen), payer: h.buyerUserId });
      const res = await ta.app.inject({ method: 'POST', url: '/api/payments/sandbox/notify', headers: { ...message.headers, 'content-type': 'application/json' }, payload: String(message.body) });
      assert.equal(res.statusCode, 204, res.body);
    }
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['paid']);
    const refunds = await h.db().selectFrom('refunds').selectAll().where('payment_id', 'in', [first.id, second.id]).execute();
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]!.payment_id, first.id, 'the one that came second is returned');
    assert.equal(Number(refunds[0]!.amount_fen), Number(first.amount_fen));
    await anotherWorker().processRefunds();
    assert.equal((await h.db().selectFrom('refunds').select('status').where('id', '=', refunds[0]!.id).executeTakeFirstOrThrow()).status, 'succeeded');
    const seen = (await h.anomalies(demoPavilions[1].operator.email)).find((a) => a.kind === 'duplicate_payment_refunded' && a.reference === first.out_trade_no);
    assert.ok(seen, "the coconut oil is the Pacific pavilion's: its operator sees the double payment");
  });

  test('a late payment for an expired order whose stock is gone is refunded once, however many workers run, and shown to operators', async () => {
    const placed = await h.place('MB-VASE-20', 'sandbox');
    const payment = await h.payment(placed.checkoutId);
    const orderId = await h.expireAndSellOut(placed.checkoutId);

    const paid = await ta.app.inject({ method: 'POST', url: `/api/payments/sandbox/pay/${payment.out_trade_no}`, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'result=success' });
    assert.equal(paid.statusCode, 303);
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['cancelled'], 'the order stays cancelled: nothing to send');
    const refunds = await h.db().selectFrom('refunds').selectAll().where('payment_id', '=', payment.id).execute();
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]!.status, 'requested');
    assert.equal(Number(refunds[0]!.amount_fen), placed.totalFen);
    assert.equal(refunds[0]!.order_id, orderId);

    const [a, b] = await Promise.all([anotherWorker().processRefunds(), anotherWorker().processRefunds()]);
    assert.equal(a.sent + b.sent, 1, 'one worker claimed it');
    const done = await h.db().selectFrom('refunds').selectAll().where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'succeeded');
    assert.ok(done.completed_at);
    assert.deepEqual(await anotherWorker().processRefunds(), { sent: 0, succeeded: 0 }, 'nothing left to send');

    const late = (await h.anomalies(demoPavilions[0].operator.email)).find((x) => x.kind === 'late_payment_refunded' && x.details.orderId === orderId);
    assert.ok(late, 'the operator of the order sees the refund');
    assert.equal(late.details.refundFen, placed.totalFen);
    assert.equal(late.details.orderNumber, placed.orders[0]!.number);
  });
});

describe('payments with WeChat Pay (against the local API v3 server)', () => {
  const h = harness();
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantSerialNo = randomBytes(20).toString('hex').toUpperCase();
  const publicUrl = 'https://pavilion.test';
  const openid = `o${randomBytes(20).toString('base64url')}`;
  let ta: TestApp;
  let server: WechatPayServer;
  let provider: WechatPayProvider;

  before(async () => {
    server = await startWechatPayServer({ merchantPublicKey: merchant.publicKey, merchantSerialNo });
    provider = new WechatPayProvider({
      mchid: server.mchid,
      appid: server.appid,
      merchantSerialNo,
      merchantPrivateKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      apiV3Key: server.apiV3Key,
      platformKeys: { [server.platformSerial]: server.platformPublicKeyPem },
      apiBase: server.url,
    });
    // WeChat needs an https notify_url: the app's public address is one here.
    ta = await createTestApp({ catalog: true, env: { PUBLIC_URL: publicUrl }, overrides: { payments: { wechat: provider, worker: false } } });
    await h.setUp(ta);
    const now = new Date().toISOString();
    await h.db().insertInto('wechat_accounts').values({ id: randomUUID(), user_id: h.buyerUserId, app_id: server.appid, openid, unionid: null, session_key: 'k', created_at: now, updated_at: now }).execute();
  });
  after(async () => {
    await ta.close();
    await server.close();
  });

  const anotherWorker = () => new PaymentService({ db: h.db(), clock: () => ta.clock.now, providers: { sandbox: null, wechat: provider }, publicUrl, log: silentLog, settlePayment: settlePaymentWorkflow({ db: h.db() }) });
  const notify = (message: { headers: Record<string, string>; body: string }, url = '/api/payments/wechat/notify') =>
    ta.app.inject({ method: 'POST', url, headers: { ...message.headers, 'content-type': 'application/json' }, payload: message.body });

  test('start → wx.requestPayment parameters → WeChat\'s signed, encrypted notification → paid (once, however often it is repeated)', async () => {
    const placed = await h.place('MB-VASE-20', 'wechat');
    assert.equal(placed.payment?.kind, 'wx.requestPayment');
    const params = placed.payment?.kind === 'wx.requestPayment' ? placed.payment.params : assert.fail('no wx.requestPayment parameters');
    assert.equal(params.appId, server.appid);
    assert.equal(params.signType, 'RSA');
    const signed = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    assert.ok(createVerify('sha256').update(signed).verify(merchant.publicKey, Buffer.from(params.paySign, 'base64')), 'paySign verifies with the merchant key');

    const payment = await h.payment(placed.checkoutId);
    const order = server.orders.get(payment.out_trade_no)!;
    assert.equal(order.total, placed.totalFen, 'the amount sent is the checkout total in fen');
    assert.equal(order.payerOpenid, openid);
    assert.equal(order.notifyUrl, `${publicUrl}/api/payments/wechat/notify`);
    assert.equal(params.package, `prepay_id=${order.prepayIds.at(-1)}`);

    server.pay(payment.out_trade_no);
    const message = server.paymentNotification(payment.out_trade_no);
    for (let i = 0; i < 3; i++) assert.equal((await notify(message)).statusCode, 204);
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['paid']);
    const recorded = await h.payment(placed.checkoutId);
    assert.equal(recorded.status, 'paid');
    assert.equal(recorded.transaction_id, order.transactionId);
  });

  test('a forged notification, a probe and a replay are refused in WeChat\'s format and change nothing', async () => {
    const placed = await h.place('BC-VCO-250', 'wechat');
    const { out_trade_no: no } = await h.payment(placed.checkoutId);
    server.pay(no);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    for (const sign of [{ privateKey: stranger.privateKey }, { signature: 'WECHATPAY/SIGNTEST/abc' }, { timestamp: Math.floor(Date.now() / 1000) - 600 }]) {
      const res = await notify(server.paymentNotification(no, sign));
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'FAIL');
    }
    assert.equal((await h.payment(placed.checkoutId)).status, 'pending');
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['pending_payment']);
  });

  test('a lost notification: after 2 minutes the payment is asked for and recorded as the notification would have been', async () => {
    const placed = await h.place('BC-SOAP3-FRG', 'wechat');
    const { out_trade_no: no } = await h.payment(placed.checkoutId);
    assert.deepEqual(await anotherWorker().queryPending().then((r) => r.paid), 0, 'too early to ask');
    server.pay(no);
    ta.clock.advance(3 * 60_000);
    const result = await anotherWorker().queryPending();
    assert.ok(result.paid >= 1);
    assert.deepEqual(await h.orderStatuses(placed.checkoutId), ['paid']);
    // The notification arriving after all is acknowledged and changes nothing.
    assert.equal((await notify(server.paymentNotification(no))).statusCode, 204);
    assert.equal((await h.db().selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select('order_events.id').where('orders.checkout_id', '=', placed.checkoutId).where('order_events.status', '=', 'paid').execute()).length, 1);
  });

  test('a provider failure when paying is a 502 and charges nothing; no WeChat sign-in is a 400 naming the method', async () => {
    const placed = await h.place('MB-VASE-20', 'wechat');
    server.failNext({ kind: 'system-error' });
    const res = await ta.app.inject({ method: 'POST', url: `/api/store/checkouts/${placed.checkoutId}/pay`, headers: bearer(h.buyer), payload: { method: 'wechat' } });
    assert.equal(res.statusCode, 502);
    assert.equal(res.json().error.code, 'PAYMENT_PROVIDER_ERROR');
    const retried = await ta.app.inject({ method: 'POST', url: `/api/store/checkouts/${placed.checkoutId}/pay`, headers: bearer(h.buyer), payload: { method: 'wechat' } });
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().kind, 'wx.requestPayment');

    await h.db().deleteFrom('wechat_accounts').where('user_id', '=', h.buyerUserId).execute();
    try {
      const none = await ta.app.inject({ method: 'POST', url: `/api/store/checkouts/${placed.checkoutId}/pay`, headers: bearer(h.buyer), payload: { method: 'wechat' } });
      assert.equal(none.statusCode, 400);
      assert.equal(none.json().error.details[0].rule, 'wechat_account_required');
    } finally {
      const now = new Date().toISOString();
      await h.db().insertInto('wechat_accounts').values({ id: randomUUID(), user_id: h.buyerUserId, app_id: server.appid, openid, unionid: null, session_key: 'k', created_at: now, updated_at: now }).execute();
    }
  });

  test('a late payment whose stock is gone is refunded exactly once: two workers, a crash and a restart send one refund', async () => {
    const placed = await h.place('MB-VASE-20', 'wechat');
    const payment = await h.payment(placed.checkoutId);
    await h.expireAndSellOut(placed.checkoutId);
    server.pay(payment.out_trade_no);
    assert.equal((await notify(server.paymentNotification(payment.out_trade_no))).statusCode, 204);
    const refund = await h.db().selectFrom('refunds').selectAll().where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
    assert.equal(refund.status, 'requested');

    // Two workers at once: one claims it; WeChat answers PROCESSING.
    await Promise.all([anotherWorker().processRefunds(), anotherWorker().processRefunds()]);
    const atWechat = () => [...server.refunds.values()].filter((r) => r.outTradeNo === payment.out_trade_no);
    assert.equal(atWechat().length, 1);
    assert.equal(atWechat()[0]!.outRefundNo, refund.out_refund_no);
    assert.equal((await h.db().selectFrom('refunds').select('status').where('id', '=', refund.id).executeTakeFirstOrThrow()).status, 'processing');

    // A crash right after claiming (before or after the call, we cannot know): back to requested, and a restarted worker sends it again.
    await h.db().updateTable('refunds').set({ status: 'requested' }).where('id', '=', refund.id).execute();
    await anotherWorker().processRefunds();
    await anotherWorker().processRefunds();
    assert.equal(atWechat().length, 1, 'the same out_refund_no is the same refund');
    assert.equal(server.orders.get(payment.out_trade_no)!.refunded, placed.totalFen, 'refunded once, in full');

    // WeChat finishes and says so; the repeated notification changes nothing more.
    server.settleRefund(refund.out_refund_no);
    const done = server.refundNotification(refund.out_refund_no);
    for (let i = 0; i < 2; i++) assert.equal((await notify(done, '/api/payments/wechat/refund-notify')).statusCode, 204);
    const finished = await h.db().selectFrom('refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow();
    assert.equal(finished.status, 'succeeded');
    assert.deepEqual(await anotherWorker().processRefunds(), { sent: 0, succeeded: 0 });
    assert.equal(atWechat().length, 1);
  });

  test('a refund whose result comes by query instead of notification still ends once', async () => {
    const placed = await h.place('BC-VCO-250', 'wechat');
    const payment = await h.payment(placed.checkoutId);
    await h.expireAndSellOut(placed.checkoutId);
    server.pay(payment.out_trade_no);
    assert.equal((await notify(server.paymentNotification(payment.out_trade_no))).statusCode, 204);
    const worker = anotherWorker();
    await worker.processRefunds();
    const refund = await h.db().selectFrom('refunds').selectAll().where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
    assert.equal(refund.status, 'processing');
    server.settleRefund(refund.out_refund_no);
    assert.deepEqual(await worker.processRefunds(), { sent: 1, succeeded: 1 });
    assert.equal((await h.db().selectFrom('refunds').select('status').where('id', '=', refund.id).executeTakeFirstOrThrow()).status, 'succeeded');
    assert.equal([...server.refunds.values()].filter((r) => r.outTradeNo === payment.out_trade_no).length, 1);
  });

  test("a refund whose provider call keeps failing is retried by its job with the queue's doubling wait, under one number, and ends as a failed job with the error; an admin's retry sends it once", async () => {
    // Last in this group: the waits move the test clock on by over an hour. The buyer signs in again at the test clock's time.
    h.buyer = (await createSession(h.db(), { userId: h.buyerUserId, transport: 'token', ttlHours: 1, now: ta.clock.now })).token;
    // Another process's queue runs the refunds' jobs (the app's payment worker is off here).
    const queue = new JobQueue({ db: h.db(), clock: () => ta.clock.now, log: silentLog });
    queue.register(defineJob({ ...SEND_REFUND, handler: ({ refundId }) => anotherWorker().sendRefundJob(refundId) }));
    await queue.runDue();

    const placed = await h.place('BC-VCO-250', 'wechat');
    const payment = await h.payment(placed.checkoutId);
    await h.expireAndSellOut(placed.checkoutId);
    server.pay(payment.out_trade_no);
    assert.equal((await notify(server.paymentNotification(payment.out_trade_no))).statusCode, 204);
    const refund = await h.db().selectFrom('refunds').selectAll().where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
    const job = await h.db().selectFrom('jobs').select(['id', 'state']).where('kind', '=', SEND_REFUND.kind).where('unique_key', '=', refund.id).executeTakeFirstOrThrow();
    assert.equal(job.state, 'pending', 'the refund came with its job, in the same transaction');

    const { maxAttempts } = SEND_REFUND.retry;
    server.failNext({ kind: 'system-error' }, maxAttempts);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      assert.equal(await queue.runDue(), 1, `attempt ${attempt} runs`);
      const view = (await queue.get(job.id))!;
      assert.equal(view.attempts, attempt);
      if (attempt === maxAttempts) break;
      assert.equal(view.state, 'pending');
      waits.push(Date.parse(view.runAt) - ta.clock.now.getTime());
      ta.clock.advance(waits.at(-1)! - 1);
      assert.equal(await queue.runDue(), 0, 'not before its wait is over');
      ta.clock.advance(1);
    }
    assert.deepEqual(waits, Array.from({ length: maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, SEND_REFUND.retry)), 'the queue\'s doubling waits');
    const dead = (await queue.get(job.id))!;
    assert.equal(dead.state, 'failed');
    assert.match(dead.lastError ?? '', /SYSTEM_ERROR|系统错误/);
    const open = await h.db().selectFrom('refunds').select(['status', 'out_refund_no']).where('id', '=', refund.id).executeTakeFirstOrThrow();
    assert.deepEqual(open, { status: 'requested', out_refund_no: refund.out_refund_no }, 'still owed, under its number');
    assert.equal([...server.refunds.values()].filter((r) => r.outTradeNo === payment.out_trade_no).length, 0, 'nothing paid out yet');

    // The admin sees it in the job console and retries it: sent once; WeChat is still at it, then done.
    const adminUser = await h.db().selectFrom('users').select('id').where('email', '=', demoAdmin.email).executeTakeFirstOrThrow();
    const headers = bearer((await createSession(h.db(), { userId: adminUser.id, transport: 'token', ttlHours: 1, now: ta.clock.now })).token);
    const listed = await ta.app.inject({ method: 'GET', url: `/api/admin/jobs?kind=${SEND_REFUND.kind}&state=failed`, headers });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.ok((listed.json() as { jobs: Array<{ id: string }> }).jobs.some((j) => j.id === job.id), 'listed as failed');
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/admin/jobs/${job.id}/retry`, headers })).statusCode, 200);
    assert.equal(await queue.runDue(), 1);
    assert.equal((await queue.get(job.id))?.state, 'pending', 'WeChat answered PROCESSING: asked again later');
    server.settleRefund(refund.out_refund_no);
    ta.clock.advance(retryDelayMs(1, SEND_REFUND.retry));
    assert.equal(await queue.runDue(), 1);
    assert.equal((await queue.get(job.id))?.state, 'done');
    assert.equal((await h.db().selectFrom('refunds').select('status').where('id', '=', refund.id).executeTakeFirstOrThrow()).status, 'succeeded');
    const paidOut = [...server.refunds.values()].filter((r) => r.outTradeNo === payment.out_trade_no);
    assert.deepEqual(paidOut.map((r) => [r.outRefundNo, r.refund]), [[refund.out_refund_no, placed.totalFen]], 'refunded once, in full, under its number');
  });
});
