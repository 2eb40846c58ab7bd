import type { CustomsStatus, OrderHold, OrderStatus } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { nextStatus, statesLeftBy, type OrderEvent } from './order.rules.ts';

/**
 * The orders feature owns `orders` and `order_events`; these are the writes it offers the others
 * (fulfilment, returns, customs, payments through the workflows). Each runs inside the caller's
 * transaction, so a use case stays one transaction, and each is a conditional update: the caller
 * learns whether it moved the order or another process got there first.
 */

/** Moves an order by an event if it is still in a state the event leaves; false when another got there first. */
export async function moveOrder(trx: Trx, orderId: string, event: OrderEvent, at: string, note = ''): Promise<OrderStatus | null> {
  const row = await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!row) return null;
  const to = nextStatus(row.status as OrderStatus, event);
  if (!to) return null;
  const changed = await trx
    .updateTable('orders')
    .set({
      status: to,
      updated_at: at,
      ...(to === 'paid' ? { paid_at: at, cancelled_at: null } : {}),
      ...(to === 'cancelled' ? { cancelled_at: at } : {}),
      ...(to === 'shipped' ? { shipped_at: at } : {}),
      ...(to === 'delivered' ? { delivered_at: at } : {}),
      ...(to === 'completed' ? { completed_at: at } : {}),
    })
    .where('id', '=', orderId)
    .where('status', 'in', [...statesLeftBy(event)])
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return null;
  await appendOrderEvent(trx, { orderId, status: to, at, note });
  return to;
}

/** A line on the order's timeline (the buyer's order page shows it): a return's step, a customs answer. */
export async function appendOrderEvent(trx: Trx, event: { orderId: string; status: string; at: string; note: string }): Promise<void> {
  await trx.insertInto('order_events').values({ id: newId(), order_id: event.orderId, status: event.status, at: event.at, note: event.note }).execute();
}

/**
 * Moves the order's customs status (tracked beside its own status) by a conditional update; false
 * when the order was not in one of `from`. A hold may be put on (kept if one is there already: one
 * reason at a time, the first one) or lifted if it is the one named.
 */
export async function moveCustomsStatus(
  trx: Trx,
  m: { orderId: string; from: CustomsStatus[]; to: CustomsStatus; at: string; hold?: OrderHold; clearHold?: OrderHold; releasedAt?: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('orders')
    .set((eb) => ({
      customs_status: m.to,
      updated_at: m.at,
      ...(m.hold ? { hold: eb.fn.coalesce('hold', eb.val(m.hold)) } : {}),
      ...(m.clearHold ? { hold: eb.case().when('hold', '=', m.clearHold).then(eb.val<OrderHold | null>(null)).else(eb.ref('hold')).end() } : {}),
      ...(m.releasedAt ? { released_at: m.releasedAt } : {}),
    }))
    .where('id', '=', m.orderId)
    .where('customs_status', 'in', m.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts the order on hold for a reason if it has none; false when it is held already. */
export async function holdOrder(trx: Trx, h: { orderId: string; hold: OrderHold; at: string }): Promise<boolean> {
  const result = await trx.updateTable('orders').set({ hold: h.hold, updated_at: h.at }).where('id', '=', h.orderId).where('hold', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lifts the order's hold if it is held for that reason; false otherwise. */
export async function liftHold(trx: Trx, h: { orderId: string; hold: OrderHold; at: string }): Promise<boolean> {
  const result = await trx.updateTable('orders').set({ hold: null, updated_at: h.at }).where('id', '=', h.orderId).where('hold', '=', h.hold).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
