import {
  countries, validationMessages as m, type BondedShipmentInput, type CarrierCode, type DirectShipmentInput, type FulfilmentItem, type FulfilmentState, type OrderStatus,
  type Shipment, type ShipmentUploadResult, type TrackingEventInput, type TrackingFeedInput,
} from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { exporterScope, operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import type { Upload } from '../../platform/uploads.ts';
import { shipHeldStock } from '../orders/index.ts';
import { moveOrder } from '../orders/index.ts';
import {
  carrierNames, carrierProblem, completionCutoff, judgeTrackingEvents, receiptVerdict, shipBlocker, shipBlockerMessages, shippedMinute, timelineNotes, type Shipper,
} from './fulfilment.rules.ts';
import {
  findOrderForShipping, findQueueOrders, findShipmentByWaybill, findShipmentOfOrder, findShipments, insertEvents, insertShipment, recordedEvents,
  type OrderForShipping,
} from './fulfilment.repository.ts';
import { readWaybillSheet, type WaybillRow } from './waybill-sheet.ts';

type Issue = { field: string; rule: string; message: string };
const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { details: issues });

/** Who is acting and for whom: an exporter (its own orders) or an operator (its pavilions'). */
type Actor = { by: Shipper; userId: string; exporterId?: string; pavilionIds?: string[] | 'all' };

/** The Chinese names of the cities bonded warehouses stand in (the warehouse table keeps the English one). */
const CHINA_CITIES_ZH: Partial<Record<string, string>> = {
  Shanghai: '上海', Guangzhou: '广州', Shenzhen: '深圳', Hangzhou: '杭州', Ningbo: '宁波', Zhengzhou: '郑州', Chongqing: '重庆', Tianjin: '天津', Xiamen: '厦门', Chengdu: '成都',
};

export interface ShipInput {
  carrier: CarrierCode;
  carrierName: string;
  trackingNumber: string;
  weightGrams?: number | undefined;
  logisticsNo?: string | undefined;
}

/**
 * The parcel's life after payment: shipping (the bonded warehouse through the pavilion's operators,
 * or the exporter from abroad), tracking events, delivery, the buyer's receipt and completion.
 * Each use case is one transaction; the order moves only by moveOrder's conditional updates.
 */
export class FulfilmentService {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  private exporter(caller: Caller | null): Actor {
    const c = requireRole(caller, 'exporter_member');
    return { by: 'exporter', userId: c.userId, exporterId: exporterScope(c) };
  }

  private operator(caller: Caller | null): Actor {
    const c = requireRole(caller, 'operator', 'admin');
    return { by: 'operator', userId: c.userId, pavilionIds: operatorScope(c) };
  }

  // Queues

  exporterQueue(caller: Caller | null, q: { state: FulfilmentState; mode?: '9610' | '1210' | undefined }): Promise<FulfilmentItem[]> {
    return this.queue(this.exporter(caller), q);
  }

  operatorQueue(caller: Caller | null, q: { state: FulfilmentState; mode?: '9610' | '1210' | undefined }): Promise<FulfilmentItem[]> {
    return this.queue(this.operator(caller), q);
  }

  private async queue(actor: Actor, q: { state: FulfilmentState; mode?: '9610' | '1210' | undefined }): Promise<FulfilmentItem[]> {
    const statuses: OrderStatus[] = q.state === 'to_ship' || q.state === 'waiting' ? ['paid'] : [q.state];
    const orders = await findQueueOrders(this.db, {
      statuses,
      ...(actor.exporterId ? { exporterId: actor.exporterId } : {}),
      ...(actor.pavilionIds ? { pavilionIds: actor.pavilionIds } : {}),
      ...(q.mode ? { mode: q.mode } : {}),
      limit: 500,
    });
    const shipments = await findShipments(this.db, orders.map((o) => o.id));
    const now = this.clock();
    const items: FulfilmentItem[] = [];
    for (const order of orders) {
      // The same rule the ship use case applies: an exporter's "to ship" has no bonded orders (the warehouse ships them).
      const blocker = order.status === 'paid' ? shipBlocker(order, actor.by) : null;
      if (q.state === 'to_ship' && blocker) continue;
      if (q.state === 'waiting' && !blocker) continue;
      const since =
        q.state === 'to_ship' ? (order.customsMode === '1210' ? order.releasedAt : order.paidAt)
        : q.state === 'waiting' ? order.paidAt
        : q.state === 'shipped' ? order.shippedAt
        : q.state === 'delivered' ? order.deliveredAt
        : order.completedAt;
      const at = since ?? order.paidAt ?? now.toISOString();
      items.push({ order, shipment: shipments.get(order.id) ?? null, blocker, since: at, ageMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 60_000)) });
    }
    return items.sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  }

  // Shipping

  /** A direct (9610) parcel sent by its exporter. */
  async shipAsExporter(caller: Caller | null, orderId: string, input: DirectShipmentInput): Promise<Shipment> {
    return this.ship(this.exporter(caller), orderId, input);
  }

  /** A bonded (1210) order leaving the bonded warehouse, or a direct one an operator enters. */
  async shipAsOperator(caller: Caller | null, orderId: string, input: BondedShipmentInput): Promise<Shipment> {
    return this.ship(this.operator(caller), orderId, input);
  }

  private async ship(actor: Actor, orderId: string, input: ShipInput): Promise<Shipment> {
    const order = await this.scopedOrder(actor, { orderId });
    await this.db.transaction().execute((trx) => this.shipInTransaction(trx, actor, order, input, 'body.'));
    const shipment = (await findShipments(this.db, [order.id])).get(order.id);
    if (!shipment) throw new Error('the shipment just written is missing');
    return shipment;
  }

  private async scopedOrder(actor: Actor, where: { orderId?: string; number?: string }): Promise<OrderForShipping> {
    const order = await findOrderForShipping(this.db, { ...where, ...(actor.exporterId ? { exporterId: actor.exporterId } : {}), ...(actor.pavilionIds ? { pavilionIds: actor.pavilionIds } : {}) });
    if (!order) throw notFound();
    return order;
  }

  /**
   * Checks the input, the order's state and the waybill, then moves the order, takes the stock out
   * and writes the parcel with its first tracking event. 'unchanged' when the order already left
   * with this very waybill (a form sent twice, a sheet uploaded again).
   */
  private async shipInTransaction(trx: Trx, actor: Actor, order: OrderForShipping, input: ShipInput, fieldPrefix: string): Promise<'shipped' | 'unchanged'> {
    const kind = order.customsMode === '1210' ? 'bonded' : 'direct';
    const carrierName = input.carrier === 'other' ? input.carrierName.trim() : '';
    const existing = await findShipmentOfOrder(trx, order.id);
    if (existing) {
      if (existing.carrier === input.carrier && existing.carrierName === carrierName && existing.trackingNumber === input.trackingNumber) return 'unchanged';
      throw new AppError('ORDER_ALREADY_SHIPPED', { details: { carrier: existing.carrier, trackingNumber: existing.trackingNumber } });
    }
    const issues: Issue[] = [];
    const carrierIssue = carrierProblem(kind, input.carrier, carrierName);
    if (carrierIssue) issues.push({ field: `${fieldPrefix}${carrierIssue.field}`, rule: carrierIssue.field === 'carrierName' ? 'required' : 'carrier_route', message: carrierIssue.message });
    // customs' logistics record of a parcel from abroad carries its weight (CEB511 weight).
    if (kind === 'direct' && input.weightGrams === undefined) issues.push({ field: `${fieldPrefix}weightGrams`, rule: 'required', message: m.shipmentWeight.en });
    if (issues.length > 0) throw invalid(issues);
    const blocker = shipBlocker(order, actor.by);
    if (blocker) throw notShippable(blocker);
    const taken = await findShipmentByWaybill(trx, { carrier: input.carrier, carrierName, trackingNumber: input.trackingNumber });
    if (taken) throw new AppError('TRACKING_NUMBER_TAKEN');

    const at = this.clock().toISOString();
    const names = carrierNames(input.carrier, carrierName);
    if (!(await moveOrder(trx, order.id, 'ship', at, timelineNotes.shipped(names, input.trackingNumber, kind)))) throw notShippable('not_paid');
    if (!(await shipHeldStock(trx, { orderId: order.id, warehouseId: order.warehouse.id, at }))) {
      throw new Error(`order ${order.number}: the reserved stock is not on warehouse ${order.warehouse.id}`);
    }
    let shipmentId: string;
    try {
      shipmentId = await insertShipment(trx, {
        orderId: order.id, kind, carrier: input.carrier, carrierName, trackingNumber: input.trackingNumber,
        // 1210: the domestic waybill is the logistics record's number; 9610: the one the carrier declares under.
        logisticsNo: input.logisticsNo ?? input.trackingNumber,
        weightGrams: input.weightGrams ?? null, createdAt: at, createdBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('TRACKING_NUMBER_TAKEN');
      throw err;
    }
    const w = order.warehouse;
    const country = Object.entries(countries).find(([code]) => code === w.countryCode)?.[1];
    const placeZh = kind === 'bonded' ? `${CHINA_CITIES_ZH[w.city] ?? w.city}保税仓` : `${country?.zh ?? w.countryCode} ${w.city}`.trim();
    const placeEn = kind === 'bonded' ? `${w.city} bonded warehouse` : `${w.city}, ${country?.en ?? w.countryCode}`;
    await insertEvents(trx, {
      shipmentId, source: 'system', userId: actor.userId, at,
      // Dated to the minute, as the carrier's own events are, so an event of the same minute follows it.
      events: [{
        at: shippedMinute(at), status: 'picked_up', placeZh, placeEn,
        textZh: kind === 'bonded' ? `包裹已从保税仓出库，由${names.zh}揽收，运单号 ${input.trackingNumber}` : `商家已发出国际包裹，由${names.zh}揽收，运单号 ${input.trackingNumber}`,
        textEn: kind === 'bonded' ? `Left the bonded warehouse; picked up by ${names.en}, waybill ${input.trackingNumber}` : `Sent from abroad by the exporter; picked up by ${names.en}, waybill ${input.trackingNumber}`,
      }],
    });
    return 'shipped';
  }

  // Tracking events

  exporterEvents(caller: Caller | null, orderId: string, events: TrackingEventInput[]) {
    return this.addEvents(this.exporter(caller), orderId, events);
  }

  operatorEvents(caller: Caller | null, orderId: string, events: TrackingEventInput[]) {
    return this.addEvents(this.operator(caller), orderId, events);
  }

  private async addEvents(actor: Actor, orderId: string, events: TrackingEventInput[]): Promise<{ added: number; repeated: number }> {
    const order = await this.scopedOrder(actor, { orderId });
    // An exporter reports its own parcels from abroad; the bonded warehouse's parcels are the operators'.
    if (actor.by === 'exporter' && order.customsMode === '1210') throw notShippable('bonded_by_warehouse');
    return this.db.transaction().execute(async (trx) => {
      const shipment = await findShipmentOfOrder(trx, order.id);
      if (!shipment) throw new AppError('ORDER_NOT_SHIPPED');
      return this.recordEvents(trx, { shipmentId: shipment.id, shippedAt: shipment.createdAt, orderId: order.id, events, fieldPrefix: 'body.events', source: actor.by, userId: actor.userId });
    });
  }

  /** A carrier feed or an operator's batch: events for many parcels by waybill, all or nothing. */
  async feed(caller: Caller | null, input: TrackingFeedInput): Promise<{ added: number; repeated: number }> {
    const actor = this.operator(caller);
    return this.db.transaction().execute(async (trx) => {
      let added = 0;
      let repeated = 0;
      for (const [i, item] of input.items.entries()) {
        const carrierName = item.carrier === 'other' ? item.carrierName.trim() : '';
        const shipment = await findShipmentByWaybill(trx, { carrier: item.carrier, carrierName, trackingNumber: item.trackingNumber });
        const order = shipment ? await findOrderForShipping(trx, { orderId: shipment.orderId, ...(actor.pavilionIds ? { pavilionIds: actor.pavilionIds } : {}) }) : null;
        if (!shipment || !order) throw invalid([{ field: `body.items.${i}.trackingNumber`, rule: 'unknown', message: m.trackingUnknownParcel.en }]);
        const r = await this.recordEvents(trx, { shipmentId: shipment.id, shippedAt: shipment.createdAt, orderId: order.id, events: item.events, fieldPrefix: `body.items.${i}.events`, source: 'feed', userId: actor.userId });
        added += r.added;
        repeated += r.repeated;
      }
      return { added, repeated };
    });
  }

  /** Judges the events against the parcel's, stores the new ones and delivers the order on a 'delivered' event. */
  private async recordEvents(trx: Trx, o: { shipmentId: string; shippedAt: string; orderId: string; events: TrackingEventInput[]; fieldPrefix: string; source: 'operator' | 'exporter' | 'feed'; userId: string }) {
    const now = this.clock();
    const verdicts = judgeTrackingEvents({ shippedAt: o.shippedAt, recorded: await recordedEvents(trx, o.shipmentId), incoming: o.events, now });
    const issues = verdicts.flatMap((v, i): Issue[] => (v.kind === 'refuse' ? [{ field: `${o.fieldPrefix}.${i}.${v.field}`, rule: v.field === 'at' ? 'time_order' : 'delivered', message: v.message }] : []));
    if (issues.length > 0) throw invalid(issues);
    const fresh = verdicts.flatMap((v) => (v.kind === 'add' ? [v.event] : []));
    await insertEvents(trx, { shipmentId: o.shipmentId, events: fresh, source: o.source, userId: o.userId, at: now.toISOString() });
    const delivery = fresh.find((e) => e.status === 'delivered');
    // The order is delivered when the carrier says so: the 7 days before completion count from then.
    if (delivery) await moveOrder(trx, o.orderId, 'deliver', delivery.at, timelineNotes.delivered);
    return { added: fresh.length, repeated: verdicts.length - fresh.length };
  }

  // The bonded warehouse's waybill sheet

  /**
   * Ships the orders of a spreadsheet (order number, carrier, tracking number): every row checked
   * first and every problem named by row and column; then all rows in one transaction, or none.
   */
  async uploadWaybills(caller: Caller | null, upload: Upload): Promise<ShipmentUploadResult> {
    const actor = this.operator(caller);
    const { rows, issues } = await readWaybillSheet(upload.bytes);
    const checked: Array<{ row: WaybillRow; order: OrderForShipping }> = [];
    const seenOrders = new Map<string, number>();
    const seenWaybills = new Map<string, number>();
    for (const row of rows) {
      const rowIssue = (column: string, rule: string, message: string) => issues.push({ row: row.row, column: row.headers[column] ?? column, rule, message });
      const order = await findOrderForShipping(this.db, { number: row.orderNumber, ...(actor.pavilionIds ? { pavilionIds: actor.pavilionIds } : {}) });
      if (!order) {
        rowIssue('order_number', 'unknown', m.waybillUnknownOrder.en);
        continue;
      }
      const waybill = `${row.carrier}|${row.carrierName}|${row.trackingNumber}`;
      if (seenOrders.has(order.id)) rowIssue('order_number', 'duplicate', m.waybillOrderTwice.en);
      if (seenWaybills.has(waybill)) rowIssue('tracking_number', 'duplicate', m.waybillOrderTwice.en);
      seenOrders.set(order.id, row.row);
      seenWaybills.set(waybill, row.row);
      const kind = order.customsMode === '1210' ? 'bonded' : 'direct';
      const existing = await findShipmentOfOrder(this.db, order.id);
      if (existing) {
        const same = existing.carrier === row.carrier && existing.carrierName === row.carrierName && existing.trackingNumber === row.trackingNumber;
        if (!same) rowIssue('tracking_number', 'already_shipped', m.waybillShippedOtherwise.en);
        checked.push({ row, order });
        continue;
      }
      const carrierIssue = carrierProblem(kind, row.carrier, row.carrierName);
      if (carrierIssue) rowIssue(carrierIssue.field === 'carrierName' ? 'carrier_name' : 'carrier', carrierIssue.field === 'carrierName' ? 'required' : 'carrier_route', carrierIssue.message);
      if (kind === 'direct' && row.weightGrams === undefined) rowIssue('weight_grams', 'required', m.shipmentWeight.en);
      const blocker = shipBlocker(order, actor.by);
      if (blocker) rowIssue('order_number', blocker, `${m.waybillNotShippable.en}: ${shipBlockerMessages[blocker].en}`);
      const taken = await findShipmentByWaybill(this.db, { carrier: row.carrier, carrierName: row.carrierName, trackingNumber: row.trackingNumber });
      if (taken && taken.orderId !== order.id) rowIssue('tracking_number', 'taken', m.waybillNumberTaken.en);
      checked.push({ row, order });
    }
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues.map((i) => ({ field: 'file', ...i })) });
    return this.db.transaction().execute(async (trx) => {
      let shipped = 0;
      let unchanged = 0;
      for (const { row, order } of checked) {
        const input: ShipInput = { carrier: row.carrier, carrierName: row.carrierName, trackingNumber: row.trackingNumber, ...(row.weightGrams === undefined ? {} : { weightGrams: row.weightGrams }) };
        if ((await this.shipInTransaction(trx, actor, order, input, `file.row${row.row}.`)) === 'shipped') shipped += 1;
        else unchanged += 1;
      }
      return { shipped, unchanged };
    });
  }

  // Receipt and completion

  /** The buyer confirms receipt: the order completes (delivered first if the carrier has not said so). */
  async confirmReceipt(caller: Caller | null, orderId: string): Promise<void> {
    const buyer = requireRole(caller, 'buyer');
    const order = await findOrderForShipping(this.db, { orderId, buyerUserId: buyer.userId });
    if (!order) throw notFound();
    const verdict = receiptVerdict(order, buyer.userId);
    if (verdict === 'not_found') throw notFound();
    if (verdict === 'already') return;
    if (verdict === 'not_shipped') throw new AppError('ORDER_NOT_SHIPPED');
    if (verdict === 'invalid') throw new AppError('INVALID_TRANSITION');
    const now = this.clock();
    const at = now.toISOString();
    // The delivery the confirmation implies is dated a millisecond before it, so the timeline (sorted by time) reads delivered, then completed.
    const deliveredAt = new Date(now.getTime() - 1).toISOString();
    const done = await this.db.transaction().execute(async (trx) => {
      if (verdict === 'deliver_and_complete' && !(await moveOrder(trx, order.id, 'deliver', deliveredAt, timelineNotes.deliveredByBuyer))) return false;
      return (await moveOrder(trx, order.id, 'complete', at, timelineNotes.completedByBuyer)) !== null;
    });
    if (!done) {
      // Another request (or the completion job) moved it meanwhile: completed is what the buyer wanted.
      const current = await findOrderForShipping(this.db, { orderId, buyerUserId: buyer.userId });
      if (current?.status !== 'completed') throw new AppError('INVALID_TRANSITION');
    }
  }

  /** The parcels of these orders, for the order details. */
  shipmentsOf(orderIds: string[]): Promise<Map<string, Shipment>> {
    return findShipments(this.db, orderIds);
  }
}

function notShippable(reason: keyof typeof shipBlockerMessages): AppError {
  return new AppError('ORDER_NOT_SHIPPABLE', { details: { reason }, messages: shipBlockerMessages[reason] });
}

/**
 * Completes orders delivered more than 7 days ago, a few at a time, each in its own transaction.
 * The work is found from the orders themselves (status and delivered_at), so a restart loses
 * nothing; a buyer confirming at the same moment is settled by whichever commits first.
 */
export async function completeDeliveredOrders(db: Db, clock: Clock, batch = 100): Promise<number> {
  const now = clock();
  const due = await db.selectFrom('orders').select('id').where('status', '=', 'delivered').where('delivered_at', '<=', completionCutoff(now)).orderBy('delivered_at').limit(batch).execute();
  let completed = 0;
  for (const { id } of due) {
    const moved = await db.transaction().execute((trx) => moveOrder(trx, id, 'complete', now.toISOString(), timelineNotes.completedAfterDays));
    if (moved) completed += 1;
  }
  return completed;
}
