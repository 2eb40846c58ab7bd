import { carriers, validationMessages as m, type CarrierCode, type CustomsStatus, type OrderHold, type OrderStatus, type ShipBlocker, type TrackingEventInput, type TrackingStatus } from '@pavilion/contracts';

/**
 * Who may ship what, and when; what a tracking event must be; when a delivered order completes.
 * Pure: the service loads the order and the parcel, asks these, then writes.
 */

export interface ShippableOrder {
  status: OrderStatus;
  customsMode: '9610' | '1210';
  customsStatus: CustomsStatus;
  hold: OrderHold | null;
}

/**
 * Who enters the parcel. A bonded (1210) order leaves a bonded warehouse in a customs-supervised
 * zone that the pavilion contracts for its exporters: only the pavilion's operators (the warehouse
 * works through them) enter its waybill; the exporter has handed its stock over and cannot see the
 * parcel leave, so letting it type a number would record a shipment nobody made. A direct (9610)
 * parcel is sent by the exporter from abroad; an operator may enter it too (an exporter who sends
 * the waybill by mail, a correction).
 */
export type Shipper = 'operator' | 'exporter';

/**
 * Why the order cannot ship now, or null when it can.
 * - 1210: paid, no hold, and customs released it (海关总署公告2016年第26号: bonded goods leave the
 *   zone only after the inventory list is released).
 * - 9610: paid, no hold, and declared: the order record (CEB311) went to customs ('submitted' or
 *   already 'accepted'; 'released' is accepted too, should a receipt come early). A parcel sent
 *   before the order is declared would reach the port with no order for the logistics record to
 *   match (三单对碰); a rejected declaration holds the order until it is corrected.
 */
export function shipBlocker(order: ShippableOrder, by: Shipper): ShipBlocker | null {
  if (order.status !== 'paid') return 'not_paid';
  if (order.customsMode === '1210' && by !== 'operator') return 'bonded_by_warehouse';
  if (order.hold) return 'held';
  if (order.customsStatus === 'rejected') return 'customs_rejected';
  if (order.customsMode === '1210') return order.customsStatus === 'released' ? null : 'not_released';
  return order.customsStatus === 'pending' ? 'not_declared' : null;
}

/** What the 409 says for each blocker, in both languages. */
export const shipBlockerMessages: Record<ShipBlocker, { en: string; zh: string }> = {
  not_paid: { en: 'The order is not waiting to ship (it is not paid, or it has already left).', zh: '该订单不在待发货状态（未付款或已发货）。' },
  held: { en: 'The order is held for an operator (payer and buyer differ, or customs refused it).', zh: '该订单已被暂扣，待运营处理（支付人与订购人不一致，或海关退单）。' },
  not_released: { en: 'Customs has not released this bonded order yet: it cannot leave the bonded warehouse.', zh: '海关尚未放行该保税订单，暂不能出库。' },
  not_declared: { en: 'The order has not been declared to customs yet: ship it once it is declared.', zh: '该订单尚未向海关申报，申报后方可发货。' },
  customs_rejected: { en: 'Customs rejected the declaration: it must be corrected before the order ships.', zh: '海关已退回申报，须更正后方可发货。' },
  bonded_by_warehouse: { en: "A bonded order is shipped by the pavilion's bonded warehouse, not by the exporter.", zh: '保税订单由国家馆的保税仓发货，出口商无需操作。' },
};

/** The carrier's names on the waybill: the list's, or the one given for 'other'. */
export function carrierNames(code: CarrierCode, otherName: string): { zh: string; en: string } {
  if (code === 'other') return { zh: otherName, en: otherName };
  return { zh: carriers[code].zh, en: carriers[code].en };
}

/**
 * The carrier fits the route: from the bonded warehouse a domestic carrier, from abroad an
 * international one; 'other' needs its name. Answers the broken rule's message (English, as the
 * validation messages are keyed), or null.
 */
export function carrierProblem(kind: 'bonded' | 'direct', code: CarrierCode, otherName: string): { field: 'carrier' | 'carrierName'; message: string } | null {
  if (code === 'other') return otherName.trim() ? null : { field: 'carrierName', message: m.carrierNameRequired.en };
  if (kind === 'bonded' && !carriers[code].domestic) return { field: 'carrier', message: m.carrierNotDomestic.en };
  if (kind === 'direct' && !carriers[code].international) return { field: 'carrier', message: m.carrierNotInternational.en };
  return null;
}

/** A carrier named in a spreadsheet cell: its code or either name, any case. */
export function carrierFromCell(cell: string): CarrierCode | null {
  const wanted = cell.normalize('NFKC').trim().toLowerCase();
  if (!wanted) return null;
  for (const [code, c] of Object.entries(carriers) as Array<[CarrierCode, (typeof carriers)[CarrierCode]]>) {
    if ([code, c.zh, c.en].some((n) => n.normalize('NFKC').toLowerCase() === wanted)) return code;
  }
  return null;
}

// Tracking events

export interface RecordedEvent {
  at: string;
  status: TrackingStatus;
  textZh: string;
}

/** Two reports of one event (a feed sends it again): same time, status and text. Stored once. */
export const eventKey = (e: { at: string; status: string; textZh: string }): string => `${new Date(e.at).toISOString()}|${e.status}|${e.textZh}`;

/** A clock tolerance for carriers' clocks: an event a few minutes "ahead" is not refused. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/**
 * Carriers (and people) give times to the minute: the parcel counts as shipped at the start of the
 * minute it was entered, so "picked up at 14:05" is not refused for a shipment entered at 14:05:40.
 */
export const shippedMinute = (shippedAt: string): string => new Date(Math.floor(Date.parse(shippedAt) / 60_000) * 60_000).toISOString();

export type EventVerdict = { kind: 'add'; event: TrackingEventInput & { at: string } } | { kind: 'repeat' } | { kind: 'refuse'; field: 'at' | 'status'; message: string };

/**
 * Checks incoming events against the parcel's recorded ones, in time order: an event may not be
 * earlier than the last recorded one (nor than the shipment), nor in the future, nor follow a
 * delivery; a repeat of a recorded event (or of one earlier in the same batch) is stored once. The
 * batch is taken sorted by time, so a feed that sends a day's events in any order is accepted.
 * Answers one verdict per incoming event, in the order given.
 */
export function judgeTrackingEvents(options: { shippedAt: string; recorded: RecordedEvent[]; incoming: TrackingEventInput[]; now: Date }): EventVerdict[] {
  const seen = new Set(options.recorded.map(eventKey));
  const timeline = sortByTime(options.recorded);
  let last = timeline.at(-1) ?? null;
  const shippedMs = Date.parse(shippedMinute(options.shippedAt));
  let lastMs = last ? Date.parse(last.at) : shippedMs;
  let delivered = timeline.some((e) => e.status === 'delivered');
  const order = options.incoming.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i);
  const verdicts: EventVerdict[] = new Array<EventVerdict>(options.incoming.length);
  for (const { e, i } of order) {
    const at = new Date(e.at).toISOString();
    const key = eventKey({ ...e, at });
    if (seen.has(key)) {
      verdicts[i] = { kind: 'repeat' };
      continue;
    }
    const ms = Date.parse(at);
    if (ms > options.now.getTime() + FUTURE_TOLERANCE_MS) verdicts[i] = { kind: 'refuse', field: 'at', message: m.trackingEventFuture.en };
    else if (delivered) verdicts[i] = { kind: 'refuse', field: 'status', message: m.trackingAfterDelivery.en };
    else if (!last && ms < shippedMs) verdicts[i] = { kind: 'refuse', field: 'at', message: m.trackingEventBeforeShipment.en };
    else if (ms < lastMs) verdicts[i] = { kind: 'refuse', field: 'at', message: m.trackingEventOrder.en };
    else {
      verdicts[i] = { kind: 'add', event: { ...e, at } };
      seen.add(key);
      last = { at, status: e.status, textZh: e.textZh };
      lastMs = ms;
      if (e.status === 'delivered') delivered = true;
    }
  }
  return verdicts;
}

/** The timeline as the buyer reads it: oldest first, ties kept in the order recorded. */
export function sortByTime<T extends { at: string }>(events: readonly T[]): T[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i).map(({ e }) => e);
}

// Delivery and completion

/** A delivered order completes by itself this long after delivery, unless the buyer confirms first. */
export const COMPLETE_AFTER_DELIVERY_MS = 7 * 24 * 3_600_000;

/** Whether the 7 days after delivery have passed. */
export const completionDue = (deliveredAt: string, now: Date): boolean => now.getTime() - Date.parse(deliveredAt) >= COMPLETE_AFTER_DELIVERY_MS;

/** The moment before which a delivery makes an order due (for the job's query). */
export const completionCutoff = (now: Date): string => new Date(now.getTime() - COMPLETE_AFTER_DELIVERY_MS).toISOString();

/**
 * The buyer confirms receipt: only the order's own buyer (others never learn it exists), and only
 * once the parcel has left. A parcel the carrier has not reported delivered is delivered by the
 * confirmation itself (the buyer holds it); a completed order answers as it is (a second tap).
 */
export function receiptVerdict(order: { status: OrderStatus; buyerUserId: string }, callerUserId: string): 'not_found' | 'not_shipped' | 'invalid' | 'deliver_and_complete' | 'complete' | 'already' {
  if (order.buyerUserId !== callerUserId) return 'not_found';
  switch (order.status) {
    case 'shipped':
      return 'deliver_and_complete';
    case 'delivered':
      return 'complete';
    case 'completed':
      return 'already';
    case 'paid':
      return 'not_shipped';
    default:
      return 'invalid';
  }
}

// The order's timeline (order_events.note): Chinese first, then English.

export const timelineNotes = {
  shipped: (names: { zh: string; en: string }, trackingNumber: string, kind: 'bonded' | 'direct') =>
    kind === 'bonded'
      ? `保税仓已出库，${names.zh}运单号 ${trackingNumber} / Left the bonded warehouse: ${names.en} ${trackingNumber}`
      : `商家已从境外发货，${names.zh}运单号 ${trackingNumber} / Shipped from abroad by the exporter: ${names.en} ${trackingNumber}`,
  delivered: '包裹已签收 / Delivered',
  deliveredByBuyer: '买家确认收货，包裹已签收 / The buyer confirmed receipt: delivered',
  completedByBuyer: '买家确认收货，订单完成 / The buyer confirmed receipt: completed',
  completedAfterDays: '签收满 7 天，订单自动完成 / Completed 7 days after delivery',
};
