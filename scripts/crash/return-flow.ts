/**
 * The crash test's returns: orders paid with WeChat Pay go through customs release, shipment,
 * delivery and the return flow over HTTP while Pavilion is being killed. Every step is retried
 * until it is known to have happened: a call cut by a kill is repeated only where repeating is safe
 * (the same idempotency key, the same waybill, the same tracking event, a state change answered
 * 409 once done), and a step whose repeat would not be safe (asking for a return) first looks
 * whether the previous attempt went through.
 */
import type { Db } from '../../packages/server/src/db/database.ts';
import { RISK_NOTICE } from '../../packages/server/src/features/orders/order.rules.ts';
import type { WechatPayServer } from '../../packages/server/test/support/wechat-pay-server.ts';
import type { BenchBuyer } from '../bench/checkout-fixture.ts';

export type Call = (method: 'GET' | 'POST', urlPath: string, headers: Record<string, string>, body?: string) => Promise<{ status: number; text: string } | null>;

/** What the buyer of each order does: returns all of it, one line of it, asks and is refused, or keeps it. */
export type ReturnPlan = 'whole' | 'one_line' | 'refused' | 'kept';
export const planOf = (i: number): ReturnPlan => (['whole', 'one_line', 'refused', 'kept'] as const)[i % 4]!;

export interface FlowResult {
  index: number;
  plan: ReturnPlan;
  orderId: string | null;
  orderNumber: string | null;
  outTradeNo: string | null;
  returnId: string | null;
  /** How far it got (the last step done). */
  reached: string;
  error: string | null;
}

export interface FlowContext {
  call: Call;
  db: Db;
  wechat: WechatPayServer;
  buyer: BenchBuyer;
  lines: Array<{ variantId: string; quantity: number }>;
  operatorToken: string;
  exporterToken: string;
  stop: { now: boolean };
  sleep: (ms: number) => Promise<unknown>;
}

class GaveUp extends Error {}

const json = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra });

/** Repeats `attempt` (every 150 ms) until it gives a value; a kill between tries is just another try. */
async function until<T>(ctx: FlowContext, what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (ctx.stop.now) throw new GaveUp(`${what}: not done when the run ended`);
    await ctx.sleep(150);
  }
}

/** An answer the step cannot go on from: the flow stops and the check names it. */
function unexpected(what: string, res: { status: number; text: string }): never {
  throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
}

export async function runReturnFlow(ctx: FlowContext, index: number): Promise<FlowResult> {
  const result: FlowResult = { index, plan: planOf(index), orderId: null, orderNumber: null, outTradeNo: null, returnId: null, reached: 'start', error: null };
  try {
    await flow(ctx, result);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  return result;
}

async function flow(ctx: FlowContext, r: FlowResult): Promise<void> {
  const { call, db, buyer } = ctx;
  const key = `crash-return-${r.index}-${buyer.userId.slice(0, 8)}`;

  // 1. Place, paying with WeChat: the idempotency key makes a repeat return the same checkout.
  const placed = await until(ctx, 'place', async () => {
    const res = await call('POST', '/api/store/orders', json(buyer.token, { 'idempotency-key': key }), JSON.stringify({
      lines: ctx.lines, addressId: buyer.addressId, identityId: buyer.identityId, riskNoticeVersion: RISK_NOTICE.version, paymentMethod: 'wechat',
    }));
    if (!res || res.status >= 500) return undefined;
    if (res.status !== 201 && res.status !== 200) unexpected('place', res);
    return JSON.parse(res.text) as { checkoutId: string; orders: Array<{ id: string; number: string }> };
  });
  const order = placed.orders[0];
  if (placed.orders.length !== 1 || !order) throw new Error(`place: ${placed.orders.length} orders for one exporter's lines`);
  r.orderId = order.id;
  r.orderNumber = order.number;
  r.reached = 'placed';

  // 2. Pay: the buyer pays at WeChat (wx.requestPayment), WeChat notifies Pavilion (repeats are harmless).
  await until(ctx, 'pay', async () => {
    const status = (await db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status;
    if (status !== 'pending_payment') return status === 'paid' ? true : unexpected('pay', { status: 0, text: `order is ${status}` });
    const payment = await db.selectFrom('payments').select('out_trade_no').where('checkout_id', '=', placed.checkoutId).where('provider', '=', 'wechat').orderBy('created_at', 'desc').executeTakeFirst();
    const atWechat = payment && ctx.wechat.orders.get(payment.out_trade_no);
    if (!payment || !atWechat) {
      // The prepay order never reached WeChat (a kill during placement): ask again to pay.
      await call('POST', `/api/store/checkouts/${placed.checkoutId}/pay`, json(buyer.token), JSON.stringify({ method: 'wechat' }));
      return undefined;
    }
    r.outTradeNo = payment.out_trade_no;
    if (atWechat.state === 'NOTPAY') ctx.wechat.pay(payment.out_trade_no);
    const message = ctx.wechat.paymentNotification(payment.out_trade_no);
    await call('POST', '/api/payments/wechat/notify', { ...message.headers, 'content-type': 'application/json' }, message.body);
    return undefined;
  });
  r.reached = 'paid';

  // 3. Customs: the stand-in answers the declaration with 120 then 800 (released).
  await until(ctx, 'customs release', async () => {
    const row = await db.selectFrom('orders').select('customs_status').where('id', '=', order.id).executeTakeFirstOrThrow();
    return row.customs_status === 'released' ? true : undefined;
  });
  r.reached = 'released';

  // 4. Shipped from abroad (9610) by the exporter: the same waybill again changes nothing.
  const trackingNumber = `CRASH${String(r.index).padStart(4, '0')}${key.slice(-8).toUpperCase()}`;
  await until(ctx, 'ship', async () => {
    const res = await call('POST', `/api/exporter/orders/${order.id}/shipment`, json(ctx.exporterToken), JSON.stringify({ carrier: 'EMS', trackingNumber, weightGrams: 2500 }));
    if (!res || res.status >= 500) return undefined;
    if (res.status !== 201) unexpected('ship', res);
    return true;
  });
  r.reached = 'shipped';

  // 5. Delivered: the carrier's event, the same event each time (stored once).
  const deliveredAt = new Date().toISOString();
  await until(ctx, 'deliver', async () => {
    const res = await call('POST', `/api/exporter/orders/${order.id}/tracking-events`, json(ctx.exporterToken), JSON.stringify({
      events: [{ at: deliveredAt, status: 'delivered', placeZh: '上海市浦东新区', placeEn: 'Pudong, Shanghai', textZh: '已签收', textEn: 'Delivered' }],
    }));
    if (!res || res.status >= 500) return undefined;
    if (res.status !== 200) unexpected('deliver', res);
    const row = await db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    return row.status === 'delivered' ? true : undefined;
  });
  r.reached = 'delivered';
  if (r.plan === 'kept') return;

  // 6. The return: asking twice would ask for the units twice, so each try first looks whether the last one went through.
  const returnable = await until(ctx, 'returnable', async () => {
    const res = await call('GET', `/api/store/orders/${order.id}/returnable`, json(buyer.token));
    if (!res || res.status >= 500) return undefined;
    if (res.status !== 200) unexpected('returnable', res);
    return JSON.parse(res.text) as { lines: Array<{ orderLineId: string; sku: string; left: number }> };
  });
  const wanted = (r.plan === 'one_line' ? returnable.lines.slice(0, 1) : returnable.lines).map((l) => ({ orderLineId: l.orderLineId, quantity: l.left }));
  const returnId = await until(ctx, 'request return', async () => {
    const existing = await db.selectFrom('returns').select('id').where('order_id', '=', order.id).executeTakeFirst();
    if (existing) return existing.id;
    const res = await call('POST', `/api/store/orders/${order.id}/returns`, json(buyer.token), JSON.stringify({ lines: wanted, reason: 'quality_problem', description: 'crash test' }));
    if (!res || res.status >= 500) return undefined;
    if (res.status !== 201) unexpected('request return', res);
    return (JSON.parse(res.text) as { id: string }).id;
  });
  r.returnId = returnId;
  r.reached = 'return requested';

  const returnStatus = async () => (await db.selectFrom('returns').select('status').where('id', '=', returnId).executeTakeFirstOrThrow()).status;
  /** A state change: done when the answer is 200, or 409 with the return already past it. */
  const step = (what: string, urlPath: string, token: string, body: object, done: readonly string[]) =>
    until(ctx, what, async () => {
      const res = await call('POST', urlPath, json(token), JSON.stringify(body));
      if (!res || res.status >= 500) return undefined;
      if (res.status === 200) return true;
      if (res.status === 409 && done.includes(await returnStatus())) return true;
      unexpected(what, res);
    });

  // 7. The operator decides.
  if (r.plan === 'refused') {
    await step('refuse', `/api/operator/returns/${returnId}/refuse`, ctx.operatorToken, { reason: '商品无质量问题 / no quality problem found' }, ['refused']);
    r.reached = 'refused';
    return;
  }
  await step('approve', `/api/operator/returns/${returnId}/approve`, ctx.operatorToken, { note: '' }, ['approved', 'return_shipped', 'received', 'refunded']);
  r.reached = 'approved';

  // 8. The buyer sends the parcel back (correctable while in transit, so a repeat is the same entry).
  await step('ship back', `/api/store/returns/${returnId}/shipment`, buyer.token, { carrier: 'SF', trackingNumber: `SFR${trackingNumber}` }, ['return_shipped', 'received', 'refunded']);
  r.reached = 'return shipped';

  // 9. The exporter has the goods back: the refund row is written in that transaction.
  await step('receive', `/api/exporter/returns/${returnId}/received`, ctx.exporterToken, { note: '' }, ['received', 'refunded']);
  r.reached = 'received';
}
