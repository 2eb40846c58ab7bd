import { formatRate, type Address, type OrderDetail, type OrderStatus, type OrderSummary } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { taxPartsOf } from '../cbec/index.ts';

export interface OrderFilter {
  checkoutId?: string;
  orderId?: string;
  buyerUserId?: string;
  exporterId?: string;
  pavilionIds?: string[] | 'all';
  status?: OrderStatus;
  from?: string;
  to?: string;
  number?: string;
}

function filtered(db: Db | Trx, f: OrderFilter) {
  let q = db
    .selectFrom('orders as o')
    .innerJoin('exporters as e', 'e.id', 'o.exporter_id')
    .selectAll('o')
    .select(['e.trading_name_zh', 'e.trading_name_en']);
  if (f.checkoutId) q = q.where('o.checkout_id', '=', f.checkoutId);
  if (f.orderId) q = q.where('o.id', '=', f.orderId);
  if (f.buyerUserId) q = q.where('o.buyer_user_id', '=', f.buyerUserId);
  if (f.exporterId) q = q.where('o.exporter_id', '=', f.exporterId);
  if (f.pavilionIds && f.pavilionIds !== 'all') q = f.pavilionIds.length > 0 ? q.where('o.pavilion_id', 'in', f.pavilionIds) : q.where('o.id', '=', '');
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.from) q = q.where('o.created_at', '>=', f.from);
  if (f.to) q = q.where('o.created_at', '<', f.to);
  if (f.number) q = q.where('o.number', '=', f.number);
  return q.orderBy('o.created_at', 'desc').orderBy('o.id');
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>[number];

function summary(o: OrderRow, lines: Array<{ quantity: number; title_zh: string; title_en: string }>): OrderSummary {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    exporter: { id: o.exporter_id, nameZh: o.trading_name_zh, nameEn: o.trading_name_en },
    customsMode: o.customs_mode,
    goodsFen: Number(o.goods_fen),
    freightFen: Number(o.freight_fen),
    taxFen: Number(o.tax_fen),
    totalFen: Number(o.total_fen),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    firstTitleZh: lines[0]?.title_zh ?? '',
    firstTitleEn: lines[0]?.title_en ?? '',
    createdAt: o.created_at,
    expiresAt: o.expires_at,
    paidAt: o.paid_at,
    customsStatus: o.customs_status,
    hold: o.hold,
    releasedAt: o.released_at,
    shippedAt: o.shipped_at,
    deliveredAt: o.delivered_at,
    completedAt: o.completed_at,
  };
}

async function linesOf(db: Db | Trx, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('line_no').execute();
}

export async function findOrderSummaries(db: Db | Trx, f: OrderFilter, limit = 200): Promise<OrderSummary[]> {
  const orders = await filtered(db, f).limit(limit).execute();
  const lines = await linesOf(db, orders.map((o) => o.id));
  return orders.map((o) => summary(o, lines.filter((l) => l.order_id === o.id)));
}

/**
 * Orders in full: lines with their snapshot prices and rates, the consignee, the timeline. The
 * identity is only given masked, and only when `identity` is asked for (never to exporters).
 */
export async function findOrderDetails(db: Db | Trx, f: OrderFilter, options: { identity: boolean }): Promise<OrderDetail[]> {
  const orders = await filtered(db, f).limit(200).execute();
  const ids = orders.map((o) => o.id);
  const [lines, events] = await Promise.all([
    linesOf(db, ids),
    ids.length > 0 ? db.selectFrom('order_events').select(['order_id', 'status', 'at', 'note']).where('order_id', 'in', ids).orderBy('at').orderBy('id').execute() : [],
  ]);
  return orders.map((o) => {
    const own = lines.filter((l) => l.order_id === o.id);
    const consignee = JSON.parse(o.consignee) as Address;
    const rates = new Map(own.map((l) => [l.currency, { currency: l.currency, rate: formatRate(Number(l.rate_micro)), effectiveDate: l.rate_date, source: l.rate_source }]));
    rates.delete('CNY');
    return {
      ...summary(o, own),
      checkoutId: o.checkout_id,
      regime: o.regime,
      taxParts: taxPartsOf(o),
      lines: own.map((l) => ({
        variantId: l.variant_id, productId: l.product_id, sku: l.sku, titleZh: l.title_zh, titleEn: l.title_en, optionValues: JSON.parse(l.option_values) as string[],
        quantity: l.quantity, unitPriceOrigin: { amount: Number(l.unit_price_minor), currency: l.currency }, unitFen: Number(l.unit_fen),
        goodsFen: Number(l.goods_fen), freightFen: Number(l.freight_fen), taxFen: Number(l.tax_fen),
      })),
      exchangeRates: [...rates.values()],
      consignee: { name: consignee.name, phone: consignee.phone, address: `${consignee.provinceName}${consignee.cityName}${consignee.districtName}${consignee.street}` },
      identity: options.identity ? { nameMasked: o.identity_name_masked, idNumberMasked: o.identity_id_number_masked } : null,
      timeline: events.filter((e) => e.order_id === o.id).map((e) => ({ status: e.status, at: e.at, note: e.note })),
      shipments: [],
    };
  });
}


/** An order's number (what buyers and operators know it by), or null when there is no such order. */
export async function findOrderNumber(db: Db | Trx, orderId: string): Promise<string | null> {
  const row = await db.selectFrom('orders').select('number').where('id', '=', orderId).executeTakeFirst();
  return row?.number ?? null;
}
