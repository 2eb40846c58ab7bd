import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validationMessages as m, type TrackingEventInput } from '@pavilion/contracts';
import {
  carrierFromCell, carrierProblem, completionDue, judgeTrackingEvents, receiptVerdict, shipBlocker, sortByTime, type ShippableOrder,
} from './fulfilment.rules.ts';

const bonded: ShippableOrder = { status: 'paid', customsMode: '1210', customsStatus: 'released', hold: null };
const direct: ShippableOrder = { status: 'paid', customsMode: '9610', customsStatus: 'submitted', hold: null };

test('a bonded order ships once customs released it, by an operator, when nothing holds it', () => {
  assert.equal(shipBlocker(bonded, 'operator'), null);
  assert.equal(shipBlocker(bonded, 'exporter'), 'bonded_by_warehouse');
  for (const customsStatus of ['pending', 'submitted', 'accepted'] as const) assert.equal(shipBlocker({ ...bonded, customsStatus }, 'operator'), 'not_released');
  assert.equal(shipBlocker({ ...bonded, customsStatus: 'rejected' }, 'operator'), 'customs_rejected');
  assert.equal(shipBlocker({ ...bonded, hold: 'identity_mismatch' }, 'operator'), 'held');
  for (const status of ['pending_payment', 'shipped', 'cancelled', 'refunding'] as const) assert.equal(shipBlocker({ ...bonded, status }, 'operator'), 'not_paid');
});

test('a direct order ships once declared (submitted, accepted or released), by its exporter or an operator', () => {
  for (const customsStatus of ['submitted', 'accepted', 'released'] as const) {
    assert.equal(shipBlocker({ ...direct, customsStatus }, 'exporter'), null);
    assert.equal(shipBlocker({ ...direct, customsStatus }, 'operator'), null);
  }
  assert.equal(shipBlocker({ ...direct, customsStatus: 'pending' }, 'exporter'), 'not_declared');
  assert.equal(shipBlocker({ ...direct, customsStatus: 'rejected' }, 'exporter'), 'customs_rejected');
  assert.equal(shipBlocker({ ...direct, hold: 'customs_rejected', customsStatus: 'accepted' }, 'exporter'), 'held');
  assert.equal(shipBlocker({ ...direct, status: 'shipped' }, 'exporter'), 'not_paid');
});

test('carriers fit the route; "other" needs a name; a sheet names them by code or either name', () => {
  assert.equal(carrierProblem('bonded', 'SF', ''), null);
  assert.equal(carrierProblem('bonded', 'DHL', '')?.message, m.carrierNotDomestic.en);
  assert.equal(carrierProblem('direct', 'ZTO', '')?.message, m.carrierNotInternational.en);
  assert.equal(carrierProblem('direct', 'PAKPOST', ''), null);
  assert.deepEqual(carrierProblem('bonded', 'other', ' '), { field: 'carrierName', message: m.carrierNameRequired.en });
  assert.equal(carrierProblem('bonded', 'other', '德邦快递'), null);
  assert.equal(carrierFromCell('sf'), 'SF');
  assert.equal(carrierFromCell(' 顺丰速运 '), 'SF');
  assert.equal(carrierFromCell('JD Logistics'), 'JD');
  assert.equal(carrierFromCell('Pony Express'), null);
});

const shippedAt = '2026-12-01T02:00:00.000Z';
const now = new Date('2026-12-03T00:00:00.000Z');
const ev = (at: string, status: TrackingEventInput['status'], textZh = `${status} 事件`): TrackingEventInput => ({ at, status, placeZh: '上海', placeEn: 'Shanghai', textZh, textEn: '' });

test('tracking events are taken in time order: a repeat is stored once, an earlier, future or after-delivery event is refused', () => {
  const recorded = [{ at: '2026-12-01T03:00:00.000Z', status: 'in_transit' as const, textZh: 'in_transit 事件' }];
  const verdicts = judgeTrackingEvents({
    shippedAt,
    recorded,
    now,
    incoming: [
      ev('2026-12-01T11:00:00+08:00', 'in_transit'), // the recorded one, with another offset
      ev('2026-12-01T02:30:00Z', 'arrived'), // before the last recorded one
      ev('2026-12-02T09:00:00Z', 'delivered'),
      ev('2026-12-02T08:00:00Z', 'out_for_delivery'), // earlier in the batch than the delivery: taken first
      ev('2026-12-02T10:00:00Z', 'in_transit', '又一次'), // after the delivery
      ev('2026-12-05T00:00:00Z', 'arrived'), // in the future
    ],
  });
  assert.deepEqual(verdicts.map((v) => v.kind), ['repeat', 'refuse', 'add', 'add', 'refuse', 'refuse']);
  assert.deepEqual(verdicts.map((v) => (v.kind === 'refuse' ? v.message : null)), [null, m.trackingEventOrder.en, null, null, m.trackingAfterDelivery.en, m.trackingEventFuture.en]);
  const added = verdicts.flatMap((v) => (v.kind === 'add' ? [v.event.at] : []));
  assert.deepEqual(added, ['2026-12-02T09:00:00.000Z', '2026-12-02T08:00:00.000Z'], 'times are kept as UTC ISO strings');
});

test('the first event may not be before the shipment (to the minute); the same event twice in one batch is stored once', () => {
  const verdicts = judgeTrackingEvents({ shippedAt, recorded: [], now, incoming: [ev('2026-12-01T01:59:00Z', 'picked_up'), ev('2026-12-01T05:00:00Z', 'in_transit'), ev('2026-12-01T05:00:00Z', 'in_transit')] });
  assert.deepEqual(verdicts.map((v) => v.kind), ['refuse', 'add', 'repeat']);
  const sameMinute = judgeTrackingEvents({ shippedAt: '2026-12-01T02:00:40.000Z', recorded: [], now, incoming: [ev('2026-12-01T02:00:00Z', 'picked_up')] });
  assert.deepEqual(sameMinute.map((v) => v.kind), ['add'], 'a carrier time of the same minute as the shipment is taken');
  assert.equal(verdicts[0]?.kind === 'refuse' && verdicts[0].message, m.trackingEventBeforeShipment.en);
});

test('the timeline is sorted by time, ties in recorded order', () => {
  const sorted = sortByTime([{ at: '2026-12-02T00:00:00Z', n: 1 }, { at: '2026-12-01T00:00:00Z', n: 2 }, { at: '2026-12-02T00:00:00Z', n: 3 }]);
  assert.deepEqual(sorted.map((e) => e.n), [2, 1, 3]);
});

test('a delivered order completes 7 days after delivery; only its buyer confirms, and only once it has shipped', () => {
  const delivered = '2026-12-01T00:00:00.000Z';
  assert.equal(completionDue(delivered, new Date('2026-12-07T23:59:59.999Z')), false);
  assert.equal(completionDue(delivered, new Date('2026-12-08T00:00:00.000Z')), true);
  assert.equal(receiptVerdict({ status: 'delivered', buyerUserId: 'b' }, 'someone else'), 'not_found');
  assert.equal(receiptVerdict({ status: 'delivered', buyerUserId: 'b' }, 'b'), 'complete');
  assert.equal(receiptVerdict({ status: 'shipped', buyerUserId: 'b' }, 'b'), 'deliver_and_complete');
  assert.equal(receiptVerdict({ status: 'completed', buyerUserId: 'b' }, 'b'), 'already');
  assert.equal(receiptVerdict({ status: 'paid', buyerUserId: 'b' }, 'b'), 'not_shipped');
  assert.equal(receiptVerdict({ status: 'refunded', buyerUserId: 'b' }, 'b'), 'invalid');
});
