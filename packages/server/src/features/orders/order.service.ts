import type { OrderDetail, OrderShipment, OrderStatus, OrderSummary } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { exporterScope, operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { cancelUnpaidOrder } from './order-payment.ts';
import { findOrderDetails, findOrderSummaries, type OrderFilter } from './order.repository.ts';

export interface OrderQuery {
  status?: OrderStatus;
  from?: string;
  to?: string;
  number?: string;
}

const dayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();

function filterOf(q: OrderQuery): OrderFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    // Dates are China days.
    ...(q.from ? { from: dayStart(q.from) } : {}),
    ...(q.to ? { to: dayEnd(q.to) } : {}),
    ...(q.number ? { number: q.number } : {}),
  };
}

/**
 * Orders as each side sees them: buyers their own (identity masked), exporters theirs (no identity
 * at all: PIPL, a cross-border transfer of only what shipping needs), operators their pavilions'.
 */
export class OrderService {
  private readonly db: Db;
  private readonly clock: Clock;
  /** The parcels of orders (the fulfilment feature's), shown in the order details. */
  private readonly shipmentsOf: (orderIds: string[]) => Promise<Map<string, OrderShipment>>;

  constructor(options: { db: Db; clock: Clock; shipmentsOf?: (orderIds: string[]) => Promise<Map<string, OrderShipment>> }) {
    this.db = options.db;
    this.clock = options.clock;
    this.shipmentsOf = options.shipmentsOf ?? (async () => new Map());
  }

  private async withShipments(details: OrderDetail[]): Promise<OrderDetail[]> {
    const shipments = await this.shipmentsOf(details.map((d) => d.id));
    return details.map((d) => {
      const s = shipments.get(d.id);
      return s ? { ...d, shipments: [{ carrier: s.carrier, carrierNameZh: s.carrierNameZh, carrierNameEn: s.carrierNameEn, trackingNumber: s.trackingNumber, shippedAt: s.shippedAt, events: s.events }] } : d;
    });
  }

  async buyerOrders(caller: Caller | null, q: OrderQuery): Promise<OrderSummary[]> {
    const buyer = requireRole(caller, 'buyer');
    return findOrderSummaries(this.db, { ...filterOf(q), buyerUserId: buyer.userId });
  }

  async buyerOrder(caller: Caller | null, orderId: string): Promise<OrderDetail> {
    const buyer = requireRole(caller, 'buyer');
    return one(await this.withShipments(await findOrderDetails(this.db, { orderId, buyerUserId: buyer.userId }, { identity: true })));
  }

  async cancel(caller: Caller | null, orderId: string): Promise<OrderDetail> {
    const buyer = requireRole(caller, 'buyer');
    one(await findOrderSummaries(this.db, { orderId, buyerUserId: buyer.userId }));
    const done = await this.db.transaction().execute((trx) => cancelUnpaidOrder(trx, orderId, this.clock().toISOString()));
    if (!done) throw new AppError('INVALID_TRANSITION');
    return this.buyerOrder(caller, orderId);
  }

  async exporterOrders(caller: Caller | null, q: OrderQuery): Promise<OrderSummary[]> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    return findOrderSummaries(this.db, { ...filterOf(q), exporterId });
  }

  async exporterOrder(caller: Caller | null, orderId: string): Promise<OrderDetail> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    return one(await this.withShipments(await findOrderDetails(this.db, { orderId, exporterId }, { identity: false })));
  }

  async operatorOrders(caller: Caller | null, q: OrderQuery): Promise<OrderSummary[]> {
    const staff = requireRole(caller, 'operator', 'admin');
    return findOrderSummaries(this.db, { ...filterOf(q), pavilionIds: operatorScope(staff) });
  }

  async operatorOrder(caller: Caller | null, orderId: string): Promise<OrderDetail> {
    const staff = requireRole(caller, 'operator', 'admin');
    return one(await this.withShipments(await findOrderDetails(this.db, { orderId, pavilionIds: operatorScope(staff) }, { identity: true })));
  }
}

function one<T>(items: T[]): T {
  const first = items[0];
  if (!first) throw notFound();
  return first;
}
