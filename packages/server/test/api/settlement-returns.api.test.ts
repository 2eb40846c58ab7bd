import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { OrderDetail, StatementDetail, StatementSummary } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';
import { demoExporters } from '../../src/features/demo/demo-data.ts';
import { MediaService } from '../../src/features/media/media.service.ts';
import { moveOrder } from '../../src/features/orders/order-records.ts';
import type { OrderEvent } from '../../src/features/orders/order.rules.ts';
import { PavilionService } from '../../src/features/pavilions/pavilion.service.ts';
import type { ReturnedLine, ReturnedLineSource } from '../../src/features/settlement/returned-lines.ts';
import { SettlementService } from '../../src/features/settlement/settlement.service.ts';
import { chinaMonth, monthStart, nextMonth, settleReturn } from '../../src/features/settlement/settlement.rules.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { bearer } from '../support/sessions.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Partial returns, as the returns part will report them through the ReturnedLineSource strategy
 * handed to buildApp: here a list the test fills.
 */
describe('settlement of partial returns', () => {
  let ta: TestApp;
  let orders: PaidOrders;
  let settlement: SettlementService;
  const returned: ReturnedLine[] = [];
  const source: ReturnedLineSource = { find: async (_db, f) => returned.filter((r) => r.refundedAt < f.before) };
  const db = (): Db => ta.testDb.database.db;
  const multani = demoExporters[0].member.email;

  const get = async (url: string) => {
    const user = await db().selectFrom('users').select('id').where('email', '=', multani).executeTakeFirstOrThrow();
    const { token } = await createSession(db(), { userId: user.id, transport: 'token', ttlHours: 1, now: ta.clock.now });
    const res = await ta.app.inject({ method: 'GET', url, headers: bearer(token) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as unknown;
  };
  const statements = async () => ((await get('/api/exporter/statements')) as { items: StatementSummary[] }).items;
  const statement = async (id: string) => (await get(`/api/exporter/statements/${id}`)) as StatementDetail;
  const move = (orderId: string, ...events: OrderEvent[]) =>
    db().transaction().execute(async (trx) => {
      for (const event of events) assert.ok(await moveOrder(trx, orderId, event, ta.clock.now.toISOString()), `${event} applies`);
    });
  const lineOf = async (orderId: string) => db().selectFrom('order_lines').select(['id', 'goods_fen', 'rate_micro', 'quantity']).where('order_id', '=', orderId).executeTakeFirstOrThrow();

  let order: OrderDetail;
  let firstMonth: string;

  before(async () => {
    ta = await createTestApp({ catalog: true, overrides: { settlement: { returns: source } } });
    orders = await paidOrders(ta);
    const media = new MediaService({ db: db(), files: new DirectoryFileStore(path.join(ta.testDb.dir, 'files')) });
    settlement = new SettlementService({ db: db(), clock: () => ta.clock.now, pavilions: new PavilionService({ db: db(), media }), returns: source });
    firstMonth = chinaMonth(ta.clock.now);
  });
  after(() => ta.close());

  test('a return refunded before its order is settled waits for the sale, then goes on the same statement', async () => {
    [order] = (await orders.placeAndPay([['MB-VASE-20', 3]])) as [OrderDetail];
    await move(order.id, 'ship', 'deliver');
    const line = await lineOf(order.id);
    returned.push({ key: 'return-1', orderLineId: line.id, quantity: 1, refundedAt: ta.clock.now.toISOString() });
    assert.deepEqual(await statements(), [], 'nothing is settled before completion, the return neither');

    ta.clock.advance(60_000);
    await move(order.id, 'complete');
    const [draft] = (await statements()) as [StatementSummary];
    const d = await statement(draft.id);
    assert.deepEqual(d.lines.map((l) => [l.kind, l.quantity]), [['sale', 3], ['refund', -1]]);
    const expected = settleReturn({ quantity: 3, goodsFen: Number(line.goods_fen), commissionBp: 800, currency: 'PKR', rateMicro: Number(line.rate_micro) }, 1);
    const refund = d.lines[1]!;
    assert.deepEqual([refund.goodsFen, refund.commissionFen, refund.shareFen, refund.shareMinor], [expected.goodsFen, expected.commissionFen, expected.shareFen, expected.shareMinor]);
    assert.equal(d.shareMinor, d.lines[0]!.shareMinor + refund.shareMinor, 'the lines add up to the total');
  });

  test('once issued, a return is never taken again; a second return of the same line goes on the next month', async () => {
    ta.clock.now = new Date(Date.parse(monthStart(nextMonth(firstMonth))) + 3_600_000);
    assert.equal(await settlement.issueDue(), 1);
    const line = await lineOf(order.id);
    returned.push({ key: 'return-2', orderLineId: line.id, quantity: 2, refundedAt: ta.clock.now.toISOString() });
    const list = await statements();
    assert.deepEqual(list.map((s) => [s.month, s.status]), [[nextMonth(firstMonth), 'draft'], [firstMonth, 'issued']]);
    const next = await statement(list[0]!.id);
    assert.deepEqual(next.lines.map((l) => [l.kind, l.orderNumber, l.quantity]), [['refund', order.number, -2]], 'return-1 is not repeated');
    // Over the line's life, its three units came back in two parcels: the sale is taken back exactly.
    const issued = await statement(list[1]!.id);
    const all = [...issued.lines, ...next.lines];
    for (const amount of ['goodsFen', 'commissionFen', 'shareFen', 'shareMinor'] as const) assert.equal(all.reduce((n, l) => n + l[amount], 0), 0, amount);

    // A source that reports more than is left is held to what was sold.
    returned.push({ key: 'return-3', orderLineId: line.id, quantity: 1, refundedAt: ta.clock.now.toISOString() });
    const again = await statement((await statements())[0]!.id);
    assert.deepEqual(again.lines.map((l) => l.quantity), [-2]);
  });
});
