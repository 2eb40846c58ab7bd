import { carriers, type Address, type CarrierCode, type CustomsStatus, type FulfilmentOrder, type OrderHold, type OrderStatus, type Shipment, type TrackingStatus } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { carrierNames, sortByTime, type RecordedEvent } from './fulfilment.rules.ts';

/** Queries of parcels and tracking events; every function takes the db or the use case's transaction. */

export interface ShipmentRow {
  id: string;
  orderId: string;
  kind: 'bonded' | 'direct';
  carrier: CarrierCode;
  carrierName: string;
  trackingNumber: string;
  logisticsNo: string;
  weightGrams: number | null;
  createdAt: string;
}

const isCarrier = (code: string): code is CarrierCode => Object.hasOwn(carriers, code);

function shipmentRow(r: { id: string; order_id: string; kind: 'bonded' | 'direct'; carrier: string; carrier_name: string; tracking_number: string; logistics_no: string; weight_grams: number | null; created_at: string }): ShipmentRow {
  return {
    id: r.id,
    orderId: r.order_id,
    kind: r.kind,
    carrier: isCarrier(r.carrier) ? r.carrier : 'other',
    carrierName: r.carrier_name,
    trackingNumber: r.tracking_number,
    logisticsNo: r.logistics_no,
    weightGrams: r.weight_grams === null ? null : Number(r.weight_grams),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function findShipmentOfOrder(db: Db | Trx, orderId: string): Promise<ShipmentRow | null> {
  const r = await db.selectFrom('shipments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  return r ? shipmentRow(r) : null;
}

export async function findShipmentByWaybill(db: Db | Trx, waybill: { carrier: CarrierCode; carrierName: string; trackingNumber: string }): Promise<ShipmentRow | null> {
  const r = await db
    .selectFrom('shipments')
    .selectAll()
    .where('carrier', '=', waybill.carrier)
    .where('carrier_name', '=', waybill.carrier === 'other' ? waybill.carrierName : '')
    .where('tracking_number', '=', waybill.trackingNumber)
    .executeTakeFirst();
  return r ? shipmentRow(r) : null;
}

export async function insertShipment(trx: Trx, s: Omit<ShipmentRow, 'id'> & { createdBy: string }): Promise<string> {
  const id = newId();
  await trx
    .insertInto('shipments')
    .values({
      id, order_id: s.orderId, kind: s.kind, carrier: s.carrier, carrier_name: s.carrier === 'other' ? s.carrierName : '', tracking_number: s.trackingNumber,
      logistics_no: s.logisticsNo, weight_grams: s.weightGrams, created_by: s.createdBy, created_at: s.createdAt,
    })
    .execute();
  return id;
}

export async function recordedEvents(db: Db | Trx, shipmentId: string): Promise<RecordedEvent[]> {
  const rows = await db.selectFrom('shipment_events').select(['at', 'status', 'text_zh']).where('shipment_id', '=', shipmentId).orderBy('at').orderBy('created_at').execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), status: r.status, textZh: r.text_zh }));
}

export interface NewEvent {
  at: string;
  status: TrackingStatus;
  placeZh: string;
  placeEn: string;
  textZh: string;
  textEn: string;
}

/** Inserts events; one already stored (same parcel, time, status and text) is skipped by the unique index. */
export async function insertEvents(trx: Trx, options: { shipmentId: string; events: NewEvent[]; source: 'operator' | 'exporter' | 'feed' | 'system'; userId: string | null; at: string }): Promise<void> {
  for (const e of options.events) {
    await trx
      .insertInto('shipment_events')
      .values({
        id: newId(), shipment_id: options.shipmentId, at: e.at, status: e.status, place_zh: e.placeZh, place_en: e.placeEn, text_zh: e.textZh, text_en: e.textEn,
        source: options.source, created_by: options.userId, created_at: options.at,
      })
      .onConflict((oc) => oc.columns(['shipment_id', 'at', 'status', 'text_zh']).doNothing())
      .execute();
  }
}

/** Parcels of these orders with their events sorted by time, by order id. */
export async function findShipments(db: Db | Trx, orderIds: string[]): Promise<Map<string, Shipment>> {
  const result = new Map<string, Shipment>();
  if (orderIds.length === 0) return result;
  const rows = (await db.selectFrom('shipments').selectAll().where('order_id', 'in', orderIds).execute()).map(shipmentRow);
  const events =
    rows.length > 0
      ? await db.selectFrom('shipment_events').selectAll().where('shipment_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('created_at').orderBy('id').execute()
      : [];
  for (const s of rows) {
    const names = carrierNames(s.carrier, s.carrierName);
    const own = sortByTime(events.filter((e) => e.shipment_id === s.id).map((e) => ({ ...e, at: new Date(e.at).toISOString() })));
    result.set(s.orderId, {
      carrier: s.carrier,
      carrierNameZh: names.zh,
      carrierNameEn: names.en,
      trackingNumber: s.trackingNumber,
      shippedAt: s.createdAt,
      kind: s.kind,
      weightGrams: s.weightGrams,
      logisticsNo: s.logisticsNo,
      events: own.map((e) => ({ at: e.at, status: e.status, place: e.place_zh, text: e.text_zh, placeEn: e.place_en, textEn: e.text_en })),
    });
  }
  return result;
}

export interface OrderForShipping {
  id: string;
  number: string;
  status: OrderStatus;
  customsMode: '9610' | '1210';
  customsStatus: CustomsStatus;
  hold: OrderHold | null;
  buyerUserId: string;
  exporterId: string;
  pavilionId: string;
  warehouse: { id: string; kind: 'origin' | 'bonded'; name: string; city: string; countryCode: string };
}

/** The order as shipping needs it, if it is in the scope given (exporter or pavilions). */
export async function findOrderForShipping(db: Db | Trx, options: { orderId?: string; number?: string; exporterId?: string; pavilionIds?: string[] | 'all'; buyerUserId?: string }): Promise<OrderForShipping | null> {
  let q = db
    .selectFrom('orders as o')
    .innerJoin('warehouses as w', 'w.id', 'o.warehouse_id')
    .select(['o.id', 'o.number', 'o.status', 'o.customs_mode', 'o.customs_status', 'o.hold', 'o.buyer_user_id', 'o.exporter_id', 'o.pavilion_id', 'w.id as warehouse_id', 'w.kind', 'w.name', 'w.city', 'w.country_code']);
  if (options.orderId) q = q.where('o.id', '=', options.orderId);
  if (options.number) q = q.where('o.number', '=', options.number);
  if (options.exporterId) q = q.where('o.exporter_id', '=', options.exporterId);
  if (options.buyerUserId) q = q.where('o.buyer_user_id', '=', options.buyerUserId);
  if (options.pavilionIds && options.pavilionIds !== 'all') q = options.pavilionIds.length > 0 ? q.where('o.pavilion_id', 'in', options.pavilionIds) : q.where('o.id', '=', '');
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, number: r.number, status: r.status, customsMode: r.customs_mode, customsStatus: r.customs_status, hold: r.hold,
    buyerUserId: r.buyer_user_id, exporterId: r.exporter_id, pavilionId: r.pavilion_id,
    warehouse: { id: r.warehouse_id, kind: r.kind, name: r.name, city: r.city, countryCode: r.country_code },
  };
}

/** A queue's order, with its states typed for the rules. */
export type QueueOrder = FulfilmentOrder & { status: OrderStatus; customsStatus: CustomsStatus; hold: OrderHold | null };

/** Orders for the shipping queues: in a scope, by statuses, oldest first (the longest waiting on top). */
export async function findQueueOrders(db: Db, options: { statuses: OrderStatus[]; exporterId?: string; pavilionIds?: string[] | 'all'; mode?: '9610' | '1210'; limit: number }): Promise<QueueOrder[]> {
  let q = db
    .selectFrom('orders as o')
    .innerJoin('exporters as e', 'e.id', 'o.exporter_id')
    .select([
      'o.id', 'o.number', 'o.status', 'o.customs_mode', 'o.customs_status', 'o.hold', 'o.exporter_id', 'e.trading_name_zh', 'e.trading_name_en', 'o.total_fen', 'o.consignee',
      'o.paid_at', 'o.released_at', 'o.shipped_at', 'o.delivered_at', 'o.completed_at',
    ])
    .where('o.status', 'in', options.statuses);
  if (options.exporterId) q = q.where('o.exporter_id', '=', options.exporterId);
  if (options.mode) q = q.where('o.customs_mode', '=', options.mode);
  if (options.pavilionIds && options.pavilionIds !== 'all') q = options.pavilionIds.length > 0 ? q.where('o.pavilion_id', 'in', options.pavilionIds) : q.where('o.id', '=', '');
  const orders = await q.orderBy('o.paid_at').orderBy('o.id').limit(options.limit).execute();
  const lines =
    orders.length > 0
      ? await db.selectFrom('order_lines').select(['order_id', 'sku', 'title_zh', 'title_en', 'quantity']).where('order_id', 'in', orders.map((o) => o.id)).orderBy('order_id').orderBy('line_no').execute()
      : [];
  const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());
  return orders.map((o) => {
    const consignee = JSON.parse(o.consignee) as Address;
    return {
      id: o.id, number: o.number, status: o.status, customsMode: o.customs_mode, customsStatus: o.customs_status, hold: o.hold,
      exporter: { id: o.exporter_id, nameZh: o.trading_name_zh, nameEn: o.trading_name_en },
      lines: lines.filter((l) => l.order_id === o.id).map((l) => ({ sku: l.sku, titleZh: l.title_zh, titleEn: l.title_en, quantity: l.quantity })),
      totalFen: Number(o.total_fen),
      consignee: { name: consignee.name, phone: consignee.phone, address: `${consignee.provinceName}${consignee.cityName}${consignee.districtName}${consignee.street}` },
      paidAt: iso(o.paid_at), releasedAt: iso(o.released_at), shippedAt: iso(o.shipped_at), deliveredAt: iso(o.delivered_at), completedAt: iso(o.completed_at),
    };
  });
}
