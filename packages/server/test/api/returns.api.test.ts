import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { OrderDetail, Return, Returnable, StatementDetail, StatementSummary } from '@pavilion/contracts';
import { createTestApp, ORIGIN, TEST_SECRET, type TestApp } from '../support/test-app.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { multipart, pngImage } from '../support/catalog-fixtures.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { refundReturnWorkflow } from '../../src/workflows/refund-return.ts';
import { settlePaymentWorkflow } from '../../src/workflows/settle-payment.ts';
import { PaymentService } from '../../src/features/payments/payment.service.ts';
import { SandboxPaymentProvider } from '../../src/features/payments/sandbox-payment.ts';
import { PaymentProviderError, type RefundInput, type RefundResult } from '../../src/features/payments/payment-provider.ts';
import { MediaService } from '../../src/features/media/media.service.ts';
import { ReturnService } from '../../src/features/returns/returns.service.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';
import type { Db } from '../../src/db/database.ts';

/**
 * Returns after delivery: the buyer asks within 30 days of customs release, the exporter or the
 * pavilion's operator decides, the parcel comes back, the refund (goods and tax, freight when the
 * whole order is back) goes through the payment provider exactly once and the yearly allowance is
 * restored. Customs release and delivery belong to other parts: set on the order directly.
 */

const silentLog = { info() {}, warn() {}, error() {}, debug() {}, fatal() {}, trace() {}, child() { return silentLog; }, level: 'silent', silent() {} } as never;
const DAY = 86_400_000;

/**
 * The sandbox, counting the refunds asked of it; `crashNext` makes the next refund call take effect
 * at the provider and then never answer, as a worker killed between the call and recording it.
 */
class CountingSandbox extends SandboxPaymentProvider {
  readonly refundCalls: RefundInput[] = [];
  crashNext = false;
  /** The provider refuses the next refund for good (a signed, final error answer). */
  refuseNext = false;
  private calledResolve: (() => void) | null = null;
  /** Resolves once a refund call reached the provider. */
  called(): Promise<void> {
    return new Promise((resolve) => (this.calledResolve = resolve));
  }
  override async refund(input: RefundInput): Promise<RefundResult> {
    this.refundCalls.push(input);
    if (this.refuseNext) {
      this.refuseNext = false;
      throw new PaymentProviderError('PROVIDER_ERROR', 'the buyer account cannot take refunds', { providerCode: 'USER_ACCOUNT_ABNORMAL', httpStatus: 403, authenticated: true });
    }
    const result = await super.refund(input);
    this.calledResolve?.();
    if (this.crashNext) {
      this.crashNext = false;
      return new Promise<RefundResult>(() => {});
    }
    return result;
  }
}

describe('returns and refunds', () => {
  let ta: TestApp;
  let paid: PaidOrders;
  let sandbox: CountingSandbox;
  const db = (): Db => ta.testDb.database.db;
  const tokens = { exporter: '', otherExporter: '', operator: '', otherOperator: '' };

  before(async () => {
    sandbox = new CountingSandbox({ secretKey: TEST_SECRET, publicUrl: ORIGIN, now: () => ta.clock.now.getTime() });
    ta = await createTestApp({ catalog: true, overrides: { payments: { sandbox, worker: false } } });
    paid = await paidOrders(ta);
    tokens.exporter = await tokenFor(db(), demoExporters[0].member.email);
    tokens.otherExporter = await tokenFor(db(), demoExporters[4].member.email);
    tokens.operator = await tokenFor(db(), demoPavilions[0].operator.email);
    tokens.otherOperator = await tokenFor(db(), demoPavilions[1].operator.email);
  });
  after(() => ta.close());

  /** A worker on the same database, as the app's (or another process's, or this one's after a restart) would run. */
  const worker = () => {
    const returns = new ReturnService({ db: db(), clock: () => ta.clock.now, media: new MediaService({ db: db(), files: new DirectoryFileStore(path.join(ta.testDb.dir, 'files')) }) });
    return new PaymentService({ db: db(), clock: () => ta.clock.now, providers: { sandbox, wechat: null }, publicUrl: ORIGIN, log: silentLog, settlePayment: settlePaymentWorkflow({ db: db() }), settleRefund: refundReturnWorkflow({ db: db(), clock: () => ta.clock.now, returns }).refundEnded });
  };

  /** A paid order of the vase (Multani Blue, Pakistan), released by customs and delivered now. */
  async function deliveredOrder(quantity = 1): Promise<OrderDetail> {
    const [order] = await paid.placeAndPay([['MB-VASE-20', quantity]]);
    const at = ta.clock.now.toISOString();
    await db().updateTable('orders').set({ status: 'delivered', customs_status: 'released', released_at: at, shipped_at: at, delivered_at: at }).where('id', '=', order!.id).execute();
    return order!;
  }

  const buyer = () => bearer(paid.buyerToken);
  const ask = (orderId: string, payload: object, headers = buyer()) => ta.app.inject({ method: 'POST', url: `/api/store/orders/${orderId}/returns`, headers, payload });
  const act = (side: 'exporter' | 'operator', id: string, action: 'approve' | 'refuse' | 'received', token: string, payload: object = {}) =>
    ta.app.inject({ method: 'POST', url: `/api/${side}/returns/${id}/${action}`, headers: bearer(token), payload });
  const ship = (id: string) => ta.app.inject({ method: 'POST', url: `/api/store/returns/${id}/shipment`, headers: buyer(), payload: { carrier: '顺丰速运', trackingNumber: 'SF1234567890' } });
  const orderOf = async (id: string) => (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${id}`, headers: buyer() })).json() as OrderDetail;
  const returnRows = (orderId: string) => db().selectFrom('returns').selectAll().where('order_id', '=', orderId).execute();
  const quotaUsed = async () => Number((await db().selectFrom('identity_quotas').select('used_fen').executeTakeFirstOrThrow()).used_fen);
  const refundsOf = (returnId: string) => db().selectFrom('refunds').selectAll().where('return_id', '=', returnId).execute();

  test('the whole order comes back: approve, parcel, received → one refund of goods, tax and freight, the allowance restored, the order refunded', async () => {
    const order = await deliveredOrder(1);
    const quotaFen = Number((await db().selectFrom('orders').select('quota_fen').where('id', '=', order.id).executeTakeFirstOrThrow()).quota_fen);
    const usedBefore = await quotaUsed();

    const photo = await ta.app.inject({ method: 'POST', url: '/api/store/returns/photos', ...multipart({ name: 'broken.png', type: 'image/png', bytes: await pngImage('#a03020') }, {}, buyer()) });
    assert.equal(photo.statusCode, 201, photo.body);
    const photoId = (photo.json() as { id: string }).id;

    const asked = await ask(order.id, { lines: [{ orderLineId: order.lines[0]!.variantId, quantity: 1 }], reason: 'damaged', photoIds: [photoId] });
    assert.equal(asked.statusCode, 400, 'a variant id is not an order line id');

    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const noPhoto = await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'damaged' });
    assert.equal(noPhoto.statusCode, 400);
    assert.deepEqual((noPhoto.json() as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field), ['body.photoIds']);
    assert.equal((await returnRows(order.id)).length, 0, 'nothing written');

    const created = await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'damaged', description: '瓶口碎了', photoIds: [photoId] });
    assert.equal(created.statusCode, 201, created.body);
    const ret = created.json() as Return;
    assert.equal(ret.status, 'requested');
    assert.equal(ret.stage, 'requested');
    assert.equal(ret.photos[0]?.id, photoId);
    assert.equal(ret.refundFen, order.totalFen, 'the whole order: goods, tax and freight');
    assert.deepEqual([ret.goodsFen, ret.taxFen, ret.freightFen], [order.goodsFen, order.taxFen, order.freightFen]);

    // Another exporter and another pavilion's operator do not see it; nothing changes.
    assert.equal((await act('exporter', ret.id, 'approve', tokens.otherExporter)).statusCode, 404);
    assert.equal((await act('operator', ret.id, 'approve', tokens.otherOperator)).statusCode, 404);
    assert.equal((await returnRows(order.id))[0]!.status, 'requested');
    // The parcel cannot go back before the approval.
    const early = await ship(ret.id);
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as { error: { code: string } }).error.code, 'RETURN_WRONG_STATE');

    const approved = await act('exporter', ret.id, 'approve', tokens.exporter, { note: '请用原包装寄回' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await act('operator', ret.id, 'approve', tokens.operator)).statusCode, 409, 'approved once');
    const shipped = await ship(ret.id);
    assert.equal(shipped.statusCode, 200, shipped.body);
    assert.equal((shipped.json() as Return).stage, 'in_transit');
    assert.equal((shipped.json() as Return).trackingNumber, 'SF1234567890');

    const received = await act('operator', ret.id, 'received', tokens.operator);
    assert.equal(received.statusCode, 200, received.body);
    assert.equal((received.json() as Return).stage, 'received');
    const [refund] = await refundsOf(ret.id);
    assert.ok(refund);
    assert.equal(refund.status, 'requested', 'written with the receipt, sent after commit');
    assert.equal(refund.out_refund_no, ret.number, "the return's own number");
    assert.equal(Number(refund.amount_fen), order.totalFen);
    assert.equal(await quotaUsed(), usedBefore - quotaFen, 'the allowance is restored in the same transaction');
    assert.equal((await act('operator', ret.id, 'received', tokens.operator)).statusCode, 409, 'received once');

    assert.deepEqual(await worker().processRefunds(), { sent: 1, succeeded: 1 });
    assert.equal(sandbox.refundCalls.filter((c) => c.outRefundNo === ret.number).length, 1);
    const done = (await ta.app.inject({ method: 'GET', url: `/api/store/returns/${ret.id}`, headers: buyer() })).json() as Return;
    assert.equal(done.status, 'refunded');
    assert.ok(done.refundedAt);
    const detail = await orderOf(order.id);
    assert.equal(detail.status, 'refunded', 'every line came back and was refunded');
    const steps = detail.timeline.map((e) => e.status);
    for (const s of ['return_requested', 'return_approved', 'return_shipped', 'return_received', 'return_refunded', 'refunded']) assert.ok(steps.includes(s), `timeline has ${s}`);
    const note = detail.timeline.find((e) => e.status === 'return_refunded')!.note;
    assert.match(note, /已退款/);
    assert.match(note, /refunded/);
  });

  test('the single item taxed in full comes back like any other: the refund carries its duty too, and the allowance is restored', async () => {
    const [order] = await paid.placeAndPay([['SP-STRAND-45', 1]]);
    assert.equal(order!.regime, 'general');
    assert.ok((order!.taxParts?.tariffFen ?? 0) > 0);
    // Declared by the worker (it is no longer skipped), released by customs, delivered.
    await ta.app.customs.runOnce();
    assert.equal((await db().selectFrom('orders').select('customs_status').where('id', '=', order!.id).executeTakeFirstOrThrow()).customs_status, 'submitted');
    const at = ta.clock.now.toISOString();
    await db().updateTable('orders').set({ status: 'delivered', customs_status: 'released', released_at: at, shipped_at: at, delivered_at: at }).where('id', '=', order!.id).execute();
    const quotaFen = Number((await db().selectFrom('orders').select('quota_fen').where('id', '=', order!.id).executeTakeFirstOrThrow()).quota_fen);
    const usedBefore = await quotaUsed();
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order!.id).executeTakeFirstOrThrow()).id;
    const photo = await ta.app.inject({ method: 'POST', url: '/api/store/returns/photos', ...multipart({ name: 'clasp.png', type: 'image/png', bytes: await pngImage('#302010') }, {}, buyer()) });
    const created = await ask(order!.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'damaged', photoIds: [(photo.json() as { id: string }).id] });
    assert.equal(created.statusCode, 201, created.body);
    const ret = created.json() as Return;
    assert.deepEqual([ret.goodsFen, ret.taxFen, ret.freightFen, ret.refundFen], [order!.goodsFen, order!.taxFen, order!.freightFen, order!.totalFen]);
    // The Pacific pavilion's operator handles the pearl exporter's return.
    assert.equal((await act('operator', ret.id, 'approve', tokens.otherOperator)).statusCode, 200);
    assert.equal((await ship(ret.id)).statusCode, 200);
    assert.equal((await act('operator', ret.id, 'received', tokens.otherOperator)).statusCode, 200);
    const [refund] = await refundsOf(ret.id);
    assert.equal(Number(refund!.amount_fen), order!.totalFen, 'goods, freight, and the duty, consumption tax and VAT');
    assert.equal(await quotaUsed(), usedBefore - quotaFen);
  });

  test('part of a line, twice: each refund is its units of goods and tax, the freight with the last, and the parts add up to the order', async () => {
    const order = await deliveredOrder(3);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const quotaFen = Number((await db().selectFrom('orders').select('quota_fen').where('id', '=', order.id).executeTakeFirstOrThrow()).quota_fen);
    const usedBefore = await quotaUsed();

    const first = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'quality_problem' })).json() as Return;
    assert.equal(first.freightFen, 0);
    // Only two are left to return while the first is open.
    const tooMany = await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 3 }], reason: 'quality_problem' });
    assert.equal(tooMany.statusCode, 422);
    const body = tooMany.json() as { error: { code: string; message: string; details: Array<{ left: number; field: string }> } };
    assert.equal(body.error.code, 'RETURN_QUANTITY_EXCEEDED');
    assert.deepEqual(body.error.details.map((d) => [d.field, d.left]), [['body.lines.0.quantity', 2]]);
    assert.equal((await returnRows(order.id)).length, 1, 'nothing written');

    const offered = await ta.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}/returnable`, headers: buyer() });
    assert.equal(offered.statusCode, 200, offered.body);
    const returnable = offered.json() as Returnable;
    assert.equal(returnable.problem, null);
    assert.deepEqual(returnable.lines.map((l) => [l.orderLineId, l.bought, l.left]), [[lineId, 3, 2]]);

    const second = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 2 }], reason: 'quality_problem' })).json() as Return;
    for (const r of [first, second]) {
      assert.equal((await act('exporter', r.id, 'approve', tokens.exporter)).statusCode, 200);
      assert.equal((await ship(r.id)).statusCode, 200);
      assert.equal((await act('exporter', r.id, 'received', tokens.exporter)).statusCode, 200);
    }
    await worker().processRefunds();
    const refunds = [...(await refundsOf(first.id)), ...(await refundsOf(second.id))];
    assert.deepEqual(refunds.map((r) => r.status), ['succeeded', 'succeeded']);
    assert.equal(refunds.reduce((n, r) => n + Number(r.amount_fen), 0), order.totalFen, 'the parts add up to the order, to the fen');
    const rows = await returnRows(order.id);
    assert.equal(rows.reduce((n, r) => n + Number(r.freight_fen), 0), order.freightFen, 'freight once, with the return that completes the order');
    assert.equal(Number(rows.find((r) => r.id === first.id)!.freight_fen), 0);
    assert.equal(await quotaUsed(), usedBefore - quotaFen, 'the whole allowance back, never more');
    assert.equal((await orderOf(order.id)).status, 'refunded');
  });

  test("a completed order returned in two parcels: the exporter's statement takes each back, and together exactly the sale", async () => {
    const order = await deliveredOrder(2);
    await db().updateTable('orders').set({ status: 'completed', completed_at: ta.clock.now.toISOString() }).where('id', '=', order.id).execute();
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const returnOne = async () => {
      const r = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'quality_problem' })).json() as Return;
      assert.equal((await act('exporter', r.id, 'approve', tokens.exporter)).statusCode, 200);
      assert.equal((await ship(r.id)).statusCode, 200);
      assert.equal((await act('exporter', r.id, 'received', tokens.exporter)).statusCode, 200);
      await worker().processRefunds();
    };
    const linesOfOrder = async () => {
      const list = await ta.app.inject({ method: 'GET', url: '/api/exporter/statements', headers: bearer(tokens.exporter) });
      assert.equal(list.statusCode, 200, list.body);
      const draft = (list.json() as { items: StatementSummary[] }).items.find((st) => st.status === 'draft');
      assert.ok(draft, "this month's draft statement");
      const detail = (await ta.app.inject({ method: 'GET', url: `/api/exporter/statements/${draft.id}`, headers: bearer(tokens.exporter) })).json() as StatementDetail;
      assert.equal(detail.shareMinor, detail.lines.reduce((n, l) => n + l.shareMinor, 0), 'the statement adds up');
      return detail.lines.filter((l) => l.orderId === order.id);
    };

    await returnOne();
    const afterFirst = await linesOfOrder();
    assert.deepEqual(afterFirst.map((l) => [l.kind, l.quantity]).sort(), [['refund', -1], ['sale', 2]]);
    const sale = afterFirst.find((l) => l.kind === 'sale')!;
    const firstRefund = afterFirst.find((l) => l.kind === 'refund')!;
    assert.ok(firstRefund.shareMinor < 0 && Math.abs(Math.abs(firstRefund.shareMinor) * 2 - sale.shareMinor) <= 1, 'about half the sale back');

    await returnOne();
    const afterBoth = await linesOfOrder();
    assert.deepEqual(afterBoth.map((l) => [l.kind, l.quantity]).sort(), [['refund', -1], ['refund', -1], ['sale', 2]]);
    assert.equal(afterBoth.reduce((n, l) => n + l.shareMinor, 0), 0, 'both units back: nothing owed for the order, to the minor unit');
  });

  test('a refused return says why and frees its units; the buyer may ask again', async () => {
    const order = await deliveredOrder(1);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const ret = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'not_as_described' })).json() as Return;
    const noReason = await act('exporter', ret.id, 'refuse', tokens.exporter, {});
    assert.equal(noReason.statusCode, 400);
    assert.equal((await returnRows(order.id))[0]!.status, 'requested', 'unchanged');
    const refused = await act('exporter', ret.id, 'refuse', tokens.exporter, { reason: '照片显示商品完好 / the photos show the item intact' });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal((refused.json() as Return).decisionNote, '照片显示商品完好 / the photos show the item intact');
    assert.equal((await ship(ret.id)).statusCode, 409);
    assert.equal((await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'not_as_described' })).statusCode, 201, 'the unit is free again');
    assert.ok((await orderOf(order.id)).timeline.some((e) => e.status === 'return_refused' && e.note.includes('照片显示商品完好')));
  });

  test('only a delivered order released by customs, within 30 days of release; another buyer gets 404', async () => {
    const [notDelivered] = await paid.placeAndPay([['MB-VASE-20', 1]]);
    const line = (id: string) => db().selectFrom('order_lines').select('id').where('order_id', '=', id).executeTakeFirstOrThrow();
    const paidLine = await line(notDelivered!.id);
    const shipped = await ask(notDelivered!.id, { lines: [{ orderLineId: paidLine.id, quantity: 1 }], reason: 'wrong_item' });
    assert.equal(shipped.statusCode, 409);
    assert.equal((shipped.json() as { error: { code: string } }).error.code, 'RETURN_NOT_ELIGIBLE');

    const order = await deliveredOrder(1);
    const lineId = (await line(order.id)).id;
    const stranger = await signUpBuyer(ta, '13900139011');
    assert.equal((await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'wrong_item' }, bearer(stranger))).statusCode, 404);

    // Released 31 China days ago: the window has closed.
    const releasedAt = new Date(ta.clock.now.getTime() - 31 * DAY).toISOString();
    await db().updateTable('orders').set({ released_at: releasedAt }).where('id', '=', order.id).execute();
    const late = await ta.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/returns`, headers: { ...buyer(), 'accept-language': 'zh-CN' }, payload: { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'wrong_item' } });
    assert.equal(late.statusCode, 409);
    const error = (late.json() as { error: { code: string; message: string; details: { lastDay: string } } }).error;
    assert.equal(error.code, 'RETURN_WINDOW_CLOSED');
    const offered = (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}/returnable`, headers: buyer() })).json() as Returnable;
    assert.equal(offered.problem, 'RETURN_WINDOW_CLOSED');
    assert.equal(offered.lastDay, error.details.lastDay);
    assert.match(error.message, /30 日内/);
    assert.match(error.message, new RegExp(error.details.lastDay));
    assert.equal((await returnRows(order.id)).length, 0);
  });

  test('the refund is sent exactly once: two workers at once, one killed between the provider call and recording it, a restart finishes it', async () => {
    const order = await deliveredOrder(1);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const ret = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'wrong_item' })).json() as Return;
    // No body at all is an approval and a receipt without a note.
    const bare = await ta.app.inject({ method: 'POST', url: `/api/operator/returns/${ret.id}/approve`, headers: bearer(tokens.operator) });
    assert.equal(bare.statusCode, 200, bare.body);
    await ship(ret.id);
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/returns/${ret.id}/received`, headers: bearer(tokens.operator) })).statusCode, 200);

    const [written] = await refundsOf(ret.id);
    assert.equal(written!.status, 'requested');

    // Worker one claims the refund, the provider takes it, and the worker dies before recording the answer.
    sandbox.crashNext = true;
    const reached = sandbox.called();
    void worker().processRefunds();
    await reached;
    assert.equal((await refundsOf(ret.id))[0]!.status, 'processing', 'claimed, answer never recorded');
    // Worker two runs meanwhile, then the restarted process: both find it processing and resend it under its number.
    await Promise.all([worker().processRefunds(), worker().processRefunds()]);

    const calls = sandbox.refundCalls.filter((c) => c.outRefundNo === ret.number);
    assert.ok(calls.length >= 2, 'sent again after the crash');
    const numbers = new Set(sandbox.refundCalls.filter((c) => c.outTradeNo === calls[0]!.outTradeNo).map((c) => c.outRefundNo));
    assert.deepEqual([...numbers], [ret.number], 'never under another out_refund_no');
    const [refund, ...more] = await refundsOf(ret.id);
    assert.equal(more.length, 0, 'one refund row');
    assert.equal(refund!.status, 'succeeded');
    // Asked again under the same number, the sandbox answers the one refund it holds: the whole amount, once.
    const held = await sandbox.refund({ outTradeNo: calls[0]!.outTradeNo, outRefundNo: ret.number, refund: { amount: 1, currency: 'CNY' }, total: calls[0]!.total });
    assert.equal(held.amount.refund.amount, order.totalFen);
    assert.deepEqual(await worker().processRefunds(), { sent: 0, succeeded: 0 });
    assert.equal((await returnRows(order.id))[0]!.status, 'refunded');
    const events = (await orderOf(order.id)).timeline.filter((e) => e.status === 'return_refunded');
    assert.equal(events.length, 1, 'the return is finished once');
  });

  test('two requests at once for the same unit: one is taken, the other is told none is left', async () => {
    const order = await deliveredOrder(1);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const both = await Promise.all([1, 2].map(() => ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'wrong_item' })));
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [201, 422]);
    assert.equal((await returnRows(order.id)).length, 1);
    assert.equal((await db().selectFrom('order_line_returns').select('held').where('order_line_id', '=', lineId).executeTakeFirstOrThrow()).held, 1);
  });

  test('a refund the provider refuses for good leaves the return received, marked refund_failed for operators, and nothing is sent again', async () => {
    const order = await deliveredOrder(1);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const ret = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'wrong_item' })).json() as Return;
    await act('exporter', ret.id, 'approve', tokens.exporter);
    await ship(ret.id);
    await act('exporter', ret.id, 'received', tokens.exporter);
    sandbox.refuseNext = true;
    assert.deepEqual(await worker().processRefunds(), { sent: 1, succeeded: 0 });
    const queue = ((await ta.app.inject({ method: 'GET', url: '/api/operator/returns?stage=refund_failed', headers: bearer(tokens.operator) })).json() as { items: Return[] }).items;
    assert.deepEqual(queue.map((r) => r.id), [ret.id]);
    assert.equal((await returnRows(order.id))[0]!.status, 'received');
    assert.equal((await orderOf(order.id)).status, 'delivered');
    assert.ok((await orderOf(order.id)).timeline.some((e) => e.status === 'return_refund_failed'));
    const anomalies = await db().selectFrom('payment_anomalies').select('details').where('kind', '=', 'refund_failed').execute();
    assert.ok(anomalies.some((a) => a.details.includes(ret.number)), 'operators see the failed refund');
    assert.deepEqual(await worker().processRefunds(), { sent: 0, succeeded: 0 });
  });

  test('the after-sale queues: exporters their orders, operators their pavilions, each return with its stage and age', async () => {
    const order = await deliveredOrder(1);
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const ret = (await ask(order.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'missing_parts' })).json() as Return;
    // Asked five hours ago (the test's sessions last an hour, so the request is moved rather than the clock).
    await db().updateTable('returns').set({ requested_at: new Date(ta.clock.now.getTime() - 5 * 3_600_000 - 60_000).toISOString() }).where('id', '=', ret.id).execute();
    const list = async (url: string, token: string) => {
      const res = await ta.app.inject({ method: 'GET', url, headers: bearer(token) });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: Return[] }).items;
    };
    const mine = (await list('/api/operator/returns?stage=requested', tokens.operator)).find((r) => r.id === ret.id);
    assert.ok(mine);
    assert.equal(mine.ageHours, 5);
    assert.ok((await list('/api/exporter/returns', tokens.exporter)).some((r) => r.id === ret.id));
    assert.equal((await list('/api/exporter/returns', tokens.otherExporter)).some((r) => r.id === ret.id), false);
    assert.equal((await list('/api/operator/returns', tokens.otherOperator)).some((r) => r.id === ret.id), false);
    assert.equal((await list('/api/operator/returns?stage=refunded', tokens.operator)).some((r) => r.id === ret.id), false);
    assert.ok((await list('/api/store/returns', paid.buyerToken)).some((r) => r.id === ret.id));
  });

  test('goods back after the 45th day: a late return refunds goods and freight but not the tax, keeps the allowance used, and says so before the buyer ships', async () => {
    // Released 29 China days ago: a return may still be asked for (30 days), and must be back by day 45.
    const [order] = await paid.placeAndPay([['MB-VASE-20', 1]]);
    const releasedAt = new Date(ta.clock.now.getTime() - 29 * DAY);
    const at = ta.clock.now.toISOString();
    await db().updateTable('orders').set({ status: 'delivered', customs_status: 'released', released_at: releasedAt.toISOString(), shipped_at: at, delivered_at: at }).where('id', '=', order!.id).execute();
    const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const dueBy = chinaDay(new Date(releasedAt.getTime() + 45 * DAY));
    const usedBefore = await quotaUsed();

    const returnable = (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${order!.id}/returnable`, headers: buyer() })).json() as Returnable;
    assert.equal(returnable.arriveBy, dueBy, 'the request form says by when the goods must be back');
    const lineId = (await db().selectFrom('order_lines').select('id').where('order_id', '=', order!.id).executeTakeFirstOrThrow()).id;
    const ret = (await ask(order!.id, { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'quality_problem' })).json() as Return;
    assert.equal(ret.arriveBy, dueBy);
    assert.equal(ret.late, false, 'still in time');
    assert.equal((await act('exporter', ret.id, 'approve', tokens.exporter)).statusCode, 200);

    // Seventeen days go by before the buyer ships (the past is moved, as the test's sessions last an hour): day 46.
    const back = (iso: string | null) => (iso ? new Date(Date.parse(iso) - 17 * DAY).toISOString() : null);
    await db().updateTable('orders').set({ released_at: back(releasedAt.toISOString()) }).where('id', '=', order!.id).execute();
    const row = (await returnRows(order!.id))[0]!;
    await db().updateTable('returns').set({ requested_at: back(String(row.requested_at))!, decided_at: back(row.decided_at as string | null) }).where('id', '=', ret.id).execute();

    const seen = (await ta.app.inject({ method: 'GET', url: `/api/store/returns/${ret.id}`, headers: buyer() })).json() as Return;
    assert.equal(seen.status, 'approved', 'not shipped yet');
    assert.equal(seen.late, true, 'the buyer is told before shipping that the goods can no longer arrive in time');
    const queue = async (query: string) => ((await ta.app.inject({ method: 'GET', url: `/api/operator/returns${query}`, headers: bearer(tokens.operator) })).json() as { items: Return[] }).items;
    assert.ok((await queue('?late=true')).some((r) => r.id === ret.id && r.late), 'operators filter the late returns');
    assert.equal((await queue('?late=false')).some((r) => r.id === ret.id), false);
    assert.ok((await queue('?late=false')).length > 0, 'the on-time returns are the others');

    assert.equal((await ship(ret.id)).statusCode, 200);
    const received = await act('operator', ret.id, 'received', tokens.operator);
    assert.equal(received.statusCode, 200, received.body);
    const fixed = received.json() as Return;
    assert.equal(fixed.late, true);
    assert.deepEqual([fixed.goodsFen, fixed.taxFen, fixed.freightFen, fixed.refundFen], [order!.goodsFen, 0, order!.freightFen, order!.goodsFen + order!.freightFen]);
    assert.ok(order!.taxFen > 0, 'the order did carry tax');
    const [refund] = await refundsOf(ret.id);
    assert.equal(Number(refund!.amount_fen), order!.totalFen - order!.taxFen, 'the tax is not refunded');
    assert.equal(await quotaUsed(), usedBefore, 'the yearly allowance is not restored');

    assert.deepEqual(await worker().processRefunds(), { sent: 1, succeeded: 1 });
    const timeline = (await orderOf(order!.id)).timeline;
    assert.match(timeline.find((e) => e.status === 'return_received')!.note, /逾期运抵.*税款不予退还.*arrived late/);
    assert.match(timeline.find((e) => e.status === 'return_refunded')!.note, /不含税款.*tax not refunded/);
  });
});

describe("returns with the app's own payment worker", () => {
  let ta: TestApp;
  before(async () => {
    ta = await createTestApp({ catalog: true });
  });
  after(() => ta.close());

  test('goods received: the worker the app runs sends the refund after commit and the return and order end refunded', async () => {
    const paid = await paidOrders(ta);
    const db = ta.testDb.database.db;
    const [order] = await paid.placeAndPay([['BC-VCO-250', 1]]);
    const at = ta.clock.now.toISOString();
    await db.updateTable('orders').set({ status: 'completed', customs_status: 'released', released_at: at, shipped_at: at, delivered_at: at, completed_at: at }).where('id', '=', order!.id).execute();
    const lineId = (await db.selectFrom('order_lines').select('id').where('order_id', '=', order!.id).executeTakeFirstOrThrow()).id;
    const buyer = bearer(paid.buyerToken);
    // The coconut oil is the Pacific pavilion's: its operator handles it.
    const operator = bearer(await tokenFor(db, demoPavilions[1].operator.email));
    const created = await ta.app.inject({ method: 'POST', url: `/api/store/orders/${order!.id}/returns`, headers: buyer, payload: { lines: [{ orderLineId: lineId, quantity: 1 }], reason: 'no_longer_wanted' } });
    assert.equal(created.statusCode, 201, created.body);
    const ret = created.json() as Return;
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/returns/${ret.id}/approve`, headers: operator })).statusCode, 200);
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/store/returns/${ret.id}/shipment`, headers: buyer, payload: { carrier: 'EMS', trackingNumber: 'EE123456789CN' } })).statusCode, 200);
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/returns/${ret.id}/received`, headers: operator })).statusCode, 200);

    // The worker runs on its own after the commit: wait for its word (the sandbox refunds at once).
    let status = '';
    for (let i = 0; i < 100 && status !== 'refunded'; i++) {
      status = ((await ta.app.inject({ method: 'GET', url: `/api/store/returns/${ret.id}`, headers: buyer })).json() as Return).status;
      if (status !== 'refunded') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 'refunded');
    const refunds = await db.selectFrom('refunds').select(['status', 'amount_fen']).where('return_id', '=', ret.id).execute();
    assert.deepEqual(refunds.map((r) => [r.status, Number(r.amount_fen)]), [['succeeded', order!.totalFen]]);
    assert.equal(((await ta.app.inject({ method: 'GET', url: `/api/store/orders/${order!.id}`, headers: buyer })).json() as OrderDetail).status, 'refunded');
  });
});
