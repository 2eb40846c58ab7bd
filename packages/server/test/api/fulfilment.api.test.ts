import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validationMessages as m, type FulfilmentItem, type OrderDetail, type Shipment } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart } from '../support/catalog-fixtures.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { completeDeliveredOrders } from '../../src/features/fulfilment/fulfilment.service.ts';

/**
 * After payment: the bonded warehouse ships released 1210 orders (operators of the pavilion), the
 * exporter ships declared 9610 parcels, tracking events build the buyer's timeline, a delivery
 * completes the order after 7 days or at the buyer's confirmation. Customs is another feature's:
 * its columns are set directly here.
 */
describe('fulfilment', () => {
  let ta: TestApp;
  let buyer: PaidOrders;
  const token = new Map<string, string>();
  const db = () => ta.testDb.database.db;
  const DAY = 86_400_000;

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    ta.app.inject({ method, url, headers: { ...bearer(token.get(who) ?? ''), 'accept-language': 'zh-CN' }, ...(payload ? { payload } : {}) });
  const setCustoms = (orderId: string, customs_status: 'pending' | 'submitted' | 'accepted' | 'rejected' | 'released') =>
    db().updateTable('orders').set({ customs_status, ...(customs_status === 'released' ? { released_at: ta.clock.now.toISOString() } : {}) }).where('id', '=', orderId).execute();
  const stockOf = async (orderId: string) => {
    const order = await db().selectFrom('orders').select('warehouse_id').where('id', '=', orderId).executeTakeFirstOrThrow();
    const line = await db().selectFrom('order_lines').select('variant_id').where('order_id', '=', orderId).executeTakeFirstOrThrow();
    return db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', line.variant_id).where('warehouse_id', '=', order.warehouse_id).executeTakeFirstOrThrow();
  };
  const orderRow = (id: string) => db().selectFrom('orders').select(['status', 'shipped_at', 'delivered_at', 'completed_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const buyerView = async (id: string) => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/store/orders/${id}`, headers: bearer(buyer.buyerToken) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as OrderDetail;
  };
  const bondedOrder = async (quantity = 1) => (await buyer.placeAndPay([['BC-VCO-250', quantity]]))[0]!;
  const directOrder = async () => (await buyer.placeAndPay([['MB-VASE-20', 1]]))[0]!;

  before(async () => {
    ta = await createTestApp({ catalog: true });
    buyer = await paidOrders(ta);
    token.set('buyer', buyer.buyerToken);
    // Multani Blue (Pakistan) ships 9610; Bula Coconut (Pacific) sells from the bonded warehouse.
    token.set('multani', await tokenFor(db(), demoExporters[0].member.email));
    token.set('bula', await tokenFor(db(), demoExporters[4].member.email));
    token.set('pk-operator', await tokenFor(db(), demoPavilions[0].operator.email));
    token.set('pacific-operator', await tokenFor(db(), demoPavilions[1].operator.email));
  });
  after(() => ta.close());

  test('a bonded order ships only once released, by an operator of its pavilion; the stock leaves the bonded warehouse once', async () => {
    const order = await bondedOrder(2);
    assert.equal(order.customsMode, '1210');
    const before = await stockOf(order.id);
    const sf = { carrier: 'SF', trackingNumber: 'sf1234567890' };

    const early = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, sf);
    assert.equal(early.statusCode, 409, early.body);
    assert.deepEqual(early.json().error, { code: 'ORDER_NOT_SHIPPABLE', message: '海关尚未放行该保税订单，暂不能出库。', details: { reason: 'not_released' } });

    await setCustoms(order.id, 'released');
    const otherPavilion = await call('pk-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, sf);
    assert.equal(otherPavilion.statusCode, 404, 'the Pakistan operator does not see a Pacific order');
    const byExporter = await call('bula', 'POST', `/api/exporter/orders/${order.id}/shipment`, { ...sf, weightGrams: 600 });
    assert.equal(byExporter.statusCode, 409);
    assert.equal(byExporter.json().error.details.reason, 'bonded_by_warehouse');
    const badNumber = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, { carrier: 'SF', trackingNumber: 'SF-1' });
    assert.equal(badNumber.statusCode, 400);
    assert.deepEqual(badNumber.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]), [['body.trackingNumber', m.trackingNumber.zh]]);
    const international = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, { carrier: 'DHL', trackingNumber: '1234567890' });
    assert.equal(international.statusCode, 400);
    assert.deepEqual(international.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]), [['body.carrier', m.carrierNotDomestic.zh]]);
    assert.deepEqual(await stockOf(order.id), before, 'nothing moved on a refused request');
    assert.equal((await orderRow(order.id)).status, 'paid');

    const shipped = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, sf);
    assert.equal(shipped.statusCode, 201, shipped.body);
    const shipment = shipped.json() as Shipment;
    assert.equal(shipment.trackingNumber, 'SF1234567890', 'stored upper-case');
    assert.equal(shipment.logisticsNo, 'SF1234567890', "a bonded parcel's logistics record goes by its domestic waybill");
    assert.equal(shipment.kind, 'bonded');
    assert.deepEqual(await stockOf(order.id), { on_hand: before.on_hand - 2, reserved: before.reserved - 2 });

    const again = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, sf);
    assert.equal(again.statusCode, 201, 'the same waybill again answers the parcel');
    assert.deepEqual(await stockOf(order.id), { on_hand: before.on_hand - 2, reserved: before.reserved - 2 }, 'and moves no stock twice');
    const other = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, { carrier: 'ZTO', trackingNumber: '7788990011' });
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().error.code, 'ORDER_ALREADY_SHIPPED');

    const seen = await buyerView(order.id);
    assert.equal(seen.status, 'shipped');
    assert.ok(seen.shippedAt);
    // The test clock stands still, so placement, payment and shipping share one time: the event is found by its status.
    assert.match(seen.timeline.find((e) => e.status === 'shipped')?.note ?? '', /^保税仓已出库，顺丰速运运单号 SF1234567890 \/ Left the bonded warehouse: SF Express SF1234567890$/);
    assert.equal(seen.shipments.length, 1);
    assert.deepEqual(seen.shipments[0]?.events.map((e) => [e.status, e.place, e.text]), [['picked_up', '上海保税仓', '包裹已从保税仓出库，由顺丰速运揽收，运单号 SF1234567890']]);
    assert.equal('logisticsNo' in (seen.shipments[0] ?? {}), false, 'the buyer sees the parcel, not the customs record');

    const exporterTracking = await call('bula', 'POST', `/api/exporter/orders/${order.id}/tracking-events`, { events: [{ at: ta.clock.now.toISOString(), status: 'in_transit', placeZh: '上海', textZh: '运输中' }] });
    assert.equal(exporterTracking.statusCode, 409, "the bonded warehouse's parcel is tracked by the pavilion");
    assert.equal(exporterTracking.json().error.details.reason, 'bonded_by_warehouse');

    // The same carrier's number on another order is refused.
    const second = await bondedOrder();
    await setCustoms(second.id, 'released');
    const taken = await call('pacific-operator', 'POST', `/api/operator/orders/${second.id}/shipment`, sf);
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'TRACKING_NUMBER_TAKEN');
    assert.equal((await orderRow(second.id)).status, 'paid');
  });

  test('tracking events come in time order, a repeat is stored once, "delivered" delivers the order and 7 days later it completes', async () => {
    const order = await bondedOrder();
    await setCustoms(order.id, 'released');
    assert.equal((await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, { carrier: 'YTO', trackingNumber: 'YT8800001111' })).statusCode, 201);
    // Sessions last an hour of the app's clock: the parcel travels for minutes here, and the 7 days are the job's own clock.
    const t = (minutes: number) => new Date(ta.clock.now.getTime() + minutes * 60_000).toISOString();
    ta.clock.advance(10 * 60_000);
    const transit = { at: t(-8), status: 'in_transit', placeZh: '上海转运中心', placeEn: 'Shanghai hub', textZh: '快件已到达上海转运中心', textEn: 'Arrived at the Shanghai hub' };
    const added = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/tracking-events`, { events: [transit] });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json(), { added: 1, repeated: 0 });

    const earlier = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/tracking-events`, { events: [{ ...transit, at: t(-9), textZh: '早先的事件' }] });
    assert.equal(earlier.statusCode, 400);
    assert.deepEqual(earlier.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]), [['body.events.0.at', m.trackingEventOrder.zh]]);

    const out = { at: t(-6), status: 'out_for_delivery', placeZh: '北京朝阳区', placeEn: 'Chaoyang, Beijing', textZh: '快递员正在派送', textEn: 'Out for delivery' };
    const delivered = { at: t(-4), status: 'delivered', placeZh: '北京朝阳区', placeEn: 'Chaoyang, Beijing', textZh: '已签收，签收人：本人', textEn: 'Delivered, signed by the consignee' };
    const batch = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/tracking-events`, { events: [delivered, transit, out] });
    assert.equal(batch.statusCode, 200, batch.body);
    assert.deepEqual(batch.json(), { added: 2, repeated: 1 });

    const seen = await buyerView(order.id);
    assert.equal(seen.status, 'delivered');
    assert.equal(seen.deliveredAt, delivered.at, 'delivered when the carrier says, not when it was typed');
    assert.deepEqual(seen.shipments[0]?.events.map((e) => e.status), ['picked_up', 'in_transit', 'out_for_delivery', 'delivered'], 'sorted by time');
    assert.deepEqual(seen.shipments[0]?.events.slice(1).map((e) => [e.at, e.place, e.text]), [[transit.at, transit.placeZh, transit.textZh], [out.at, out.placeZh, out.textZh], [delivered.at, delivered.placeZh, delivered.textZh]]);
    assert.equal(seen.timeline.at(-1)?.note, '包裹已签收 / Delivered');

    const afterDelivery = await call('pacific-operator', 'POST', `/api/operator/orders/${order.id}/tracking-events`, { events: [{ ...out, at: t(0), textZh: '再次派送' }] });
    assert.equal(afterDelivery.statusCode, 400);
    assert.equal(afterDelivery.json().error.details[0].message, m.trackingAfterDelivery.zh);

    // Seven days after delivery (not after typing it in), the job completes it.
    const deliveredMs = Date.parse(delivered.at);
    assert.equal(await completeDeliveredOrders(db(), () => new Date(deliveredMs + 7 * DAY - 1_000)), 0, 'not yet: 7 days less a second');
    assert.equal((await orderRow(order.id)).status, 'delivered');
    const job = () => new Date(deliveredMs + 7 * DAY);
    assert.equal(await completeDeliveredOrders(db(), job), 1);
    const done = await buyerView(order.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.timeline.at(-1)?.note, '签收满 7 天，订单自动完成 / Completed 7 days after delivery');
    assert.equal(await completeDeliveredOrders(db(), job), 0, 'a second run finds nothing');
    assert.equal((await orderRow(order.id)).completed_at, job().toISOString());
  });

  test('a direct order ships once declared, by its exporter with the weight; the buyer confirms receipt and it completes', async () => {
    const order = await directOrder();
    assert.equal(order.customsMode, '9610');
    const before = await stockOf(order.id);
    const dhl = { carrier: 'DHL', trackingNumber: '4455667788', weightGrams: 1450 };
    const early = await call('multani', 'POST', `/api/exporter/orders/${order.id}/shipment`, dhl);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.details.reason, 'not_declared');
    assert.equal(early.json().error.message, '该订单尚未向海关申报，申报后方可发货。');

    await setCustoms(order.id, 'submitted');
    assert.equal((await call('bula', 'POST', `/api/exporter/orders/${order.id}/shipment`, dhl)).statusCode, 404, "another exporter's order");
    const noWeight = await call('multani', 'POST', `/api/exporter/orders/${order.id}/shipment`, { carrier: 'DHL', trackingNumber: '4455667788' });
    assert.equal(noWeight.statusCode, 400);
    assert.equal(noWeight.json().error.details[0].field, 'body.weightGrams');
    const domestic = await call('multani', 'POST', `/api/exporter/orders/${order.id}/shipment`, { ...dhl, carrier: 'ZTO' });
    assert.equal(domestic.statusCode, 400);
    assert.equal(domestic.json().error.details[0].message, m.carrierNotInternational.zh);
    const notYet = await call('buyer', 'POST', `/api/store/orders/${order.id}/confirm-receipt`);
    assert.equal(notYet.statusCode, 409);
    assert.equal(notYet.json().error.code, 'ORDER_NOT_SHIPPED');

    const operatorNoWeight = await call('pk-operator', 'POST', `/api/operator/orders/${order.id}/shipment`, { carrier: 'DHL', trackingNumber: '4455667788' });
    assert.equal(operatorNoWeight.statusCode, 400, 'an operator may enter a direct parcel, with its weight');
    assert.deepEqual(operatorNoWeight.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message]), [['body.weightGrams', m.shipmentWeight.zh]]);
    const shipped = await call('multani', 'POST', `/api/exporter/orders/${order.id}/shipment`, { ...dhl, logisticsNo: 'CN20261201X1' });
    assert.equal(shipped.statusCode, 201, shipped.body);
    const s = shipped.json() as Shipment;
    assert.deepEqual([s.kind, s.weightGrams, s.logisticsNo, s.carrierNameZh], ['direct', 1450, 'CN20261201X1', 'DHL 国际快递']);
    assert.deepEqual(await stockOf(order.id), { on_hand: before.on_hand - 1, reserved: before.reserved - 1 }, 'the origin warehouse gives the unit up');

    const exporterEvent = await call('multani', 'POST', `/api/exporter/orders/${order.id}/tracking-events`, {
      events: [{ at: new Date(ta.clock.now.getTime() + 60_000).toISOString(), status: 'customs_clearance', placeZh: '广州白云机场海关', textZh: '包裹清关中' }],
    });
    assert.equal(exporterEvent.statusCode, 200, exporterEvent.body);
    ta.clock.advance(120_000);

    assert.equal((await call('multani', 'POST', `/api/store/orders/${order.id}/confirm-receipt`)).statusCode, 403, 'only buyers confirm receipt');
    const confirmed = await call('buyer', 'POST', `/api/store/orders/${order.id}/confirm-receipt`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const detail = confirmed.json() as OrderDetail;
    assert.equal(detail.status, 'completed');
    assert.deepEqual(detail.timeline.slice(-2).map((e) => [e.status, e.note]), [
      ['delivered', '买家确认收货，包裹已签收 / The buyer confirmed receipt: delivered'],
      ['completed', '买家确认收货，订单完成 / The buyer confirmed receipt: completed'],
    ]);
    const twice = await call('buyer', 'POST', `/api/store/orders/${order.id}/confirm-receipt`);
    assert.equal(twice.statusCode, 200, 'a second tap answers the completed order');
    assert.equal((await buyerView(order.id)).timeline.filter((e) => e.status === 'completed').length, 1);
  });

  test('queues: the exporter sees its declared direct orders to ship and the rest waiting; operators see released bonded orders with their age', async () => {
    const declared = await directOrder();
    await setCustoms(declared.id, 'accepted');
    const pending = await directOrder();
    const released = await bondedOrder();
    await setCustoms(released.id, 'released');
    ta.clock.advance(20 * 60_000);

    const list = async (who: string, url: string) => {
      const res = await call(who, 'GET', url);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: FulfilmentItem[] }).items;
    };
    const toShip = await list('multani', '/api/exporter/fulfilment/orders?state=to_ship');
    assert.ok(toShip.some((i) => i.order.id === declared.id));
    assert.ok(!toShip.some((i) => i.order.id === pending.id));
    assert.ok(toShip.every((i) => i.order.exporter.nameEn === 'Multani Blue' && i.blocker === null));
    const waiting = await list('multani', '/api/exporter/fulfilment/orders?state=waiting');
    assert.equal(waiting.find((i) => i.order.id === pending.id)?.blocker, 'not_declared');
    const shippedList = await list('multani', '/api/exporter/fulfilment/orders?state=completed');
    assert.ok(shippedList.every((i) => i.shipment !== null));

    const queue = await list('pacific-operator', '/api/operator/fulfilment?state=to_ship&mode=1210');
    const item = queue.find((i) => i.order.id === released.id);
    assert.ok(item, 'the released bonded order is in the queue');
    assert.equal(item.ageMinutes, 20);
    assert.equal(item.order.consignee.name.length > 0, true);
    assert.ok(!(await list('pk-operator', '/api/operator/fulfilment?state=to_ship')).some((i) => i.order.id === released.id), 'not in the other pavilion');
    const bad = await call('pacific-operator', 'GET', '/api/operator/fulfilment?state=lost');
    assert.equal(bad.statusCode, 400);
  });

  test('the database refuses a second parcel for an order, a waybill twice, and a direct parcel without its weight', async () => {
    const order = await directOrder();
    const user = await db().selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    const row = { order_id: order.id, kind: 'direct' as const, carrier: 'DHL', tracking_number: 'DB0000000001', logistics_no: 'DB0000000001', weight_grams: 500, created_by: user.id, created_at: ta.clock.now.toISOString() };
    await assert.rejects(db().insertInto('shipments').values({ ...row, id: 'no-weight', weight_grams: null }).execute(), 'a direct parcel carries its weight');
    await db().insertInto('shipments').values({ ...row, id: 'first' }).execute();
    await assert.rejects(db().insertInto('shipments').values({ ...row, id: 'second', tracking_number: 'DB0000000002' }).execute(), 'one parcel per order');
    const other = await directOrder();
    await assert.rejects(db().insertInto('shipments').values({ ...row, id: 'third', order_id: other.id }).execute(), "one carrier's waybill once");
  });

  test('the waybill sheet: every problem by row and column and nothing shipped; then all rows; the same sheet again changes nothing', async () => {
    const a = await bondedOrder();
    const b = await bondedOrder();
    const unreleased = await bondedOrder();
    for (const o of [a, b]) await setCustoms(o.id, 'released');
    const upload = (csv: string) => ta.app.inject({ method: 'POST', url: '/api/operator/fulfilment/shipments.csv', ...multipart({ name: 'waybills.csv', type: 'text/csv', bytes: Buffer.from(csv, 'utf8') }, {}, { ...bearer(token.get('pacific-operator') ?? ''), 'accept-language': 'zh-CN' }) });
    const numberOf = (id: string) => db().selectFrom('orders').select('number').where('id', '=', id).executeTakeFirstOrThrow().then((r) => r.number);
    const [na, nb, nu] = [await numberOf(a.id), await numberOf(b.id), await numberOf(unreleased.id)];

    const broken = await upload(['订单号,承运商,运单号', `${na},顺丰速运,SF7000000001`, `${nb},Pony Express,SF7000000002`, `${nu},JD,JD0000000003`, 'PV00000000-NOPE00,SF,SF7000000004', `${na},SF,SF7000000005`].join('\n'));
    assert.equal(broken.statusCode, 400, broken.body);
    const issues = (broken.json().error.details as Array<{ row: number; column: string; rule: string }>).map((i) => [i.row, i.column, i.rule]);
    assert.deepEqual(issues, [[3, '承运商', 'unknown'], [4, '订单号', 'not_released'], [5, '订单号', 'unknown'], [6, '订单号', 'duplicate']]);
    for (const o of [a, b]) assert.equal((await orderRow(o.id)).status, 'paid', 'all or nothing');

    const sheet = ['Order number / 订单号,Carrier / 承运商,Tracking number / 运单号', `${na},顺丰速运,sf7000000001`, `${nb},ZTO,ZT7000000002`].join('\r\n');
    const ok = await upload(sheet);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { shipped: 2, unchanged: 0 });
    assert.equal((await buyerView(b.id)).shipments[0]?.carrierNameZh, '中通快递');
    const again = await upload(sheet);
    assert.deepEqual(again.json(), { shipped: 0, unchanged: 2 });

    // A carrier's feed then reports both parcels by waybill.
    const at = new Date(ta.clock.now.getTime() + 60_000).toISOString();
    ta.clock.advance(120_000);
    const feed = await call('pacific-operator', 'POST', '/api/operator/fulfilment/tracking-events', {
      items: [
        { carrier: 'SF', trackingNumber: 'SF7000000001', events: [{ at, status: 'in_transit', placeZh: '上海', textZh: '运输中' }] },
        { carrier: 'ZTO', trackingNumber: 'ZT7000000002', events: [{ at, status: 'delivered', placeZh: '北京', textZh: '已签收' }] },
      ],
    });
    assert.equal(feed.statusCode, 200, feed.body);
    assert.deepEqual(feed.json(), { added: 2, repeated: 0 });
    assert.equal((await orderRow(b.id)).status, 'delivered');
    const unknown = await call('pk-operator', 'POST', '/api/operator/fulfilment/tracking-events', { items: [{ carrier: 'SF', trackingNumber: 'SF7000000001', events: [{ at, status: 'in_transit', placeZh: '上海', textZh: '运输中' }] }] });
    assert.equal(unknown.statusCode, 400, "another pavilion's parcel is unknown to it");
    assert.equal(unknown.json().error.details[0].message, m.trackingUnknownParcel.zh);
  });
});
