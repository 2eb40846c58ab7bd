import { randomInt } from 'node:crypto';
import type { OrderStatus } from '@pavilion/contracts';
import { CBEC_LIMITS, formatYuan } from '../cbec/index.ts';

/**
 * The order's life, as a table: each event names the states it may leave and the one it reaches.
 * Customs is tracked beside it (orders.customs_status), and whether an event is allowed also
 * depends on that (a bonded 1210 order ships only once released): those guards are the
 * fulfilment rules'; this table only says which states an event may leave.
 */
export const orderEvents = ['pay', 'cancel', 'expire', 'pay_late', 'ship', 'deliver', 'complete', 'request_refund', 'refund', 'return_refunded'] as const;
export type OrderEvent = (typeof orderEvents)[number];

const transitions: Record<OrderEvent, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  // The payment arrived in time.
  pay: { from: ['pending_payment'], to: 'paid' },
  // The buyer gave up before paying.
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  // 30 minutes passed unpaid: stock and quota are released.
  expire: { from: ['pending_payment'], to: 'cancelled' },
  // A payment arrived after expiry and the stock and quota could be reserved again.
  pay_late: { from: ['cancelled'], to: 'paid' },
  // The parcel left: the bonded warehouse (1210, after release) or the exporter abroad (9610).
  ship: { from: ['paid'], to: 'shipped' },
  // The carrier reported it delivered to the consignee.
  deliver: { from: ['shipped'], to: 'delivered' },
  // The buyer confirmed receipt, or 7 days passed after delivery.
  complete: { from: ['delivered'], to: 'completed' },
  // The whole order is refunded before it ships (customs refused it, the payer is not the buyer, …).
  request_refund: { from: ['paid'], to: 'refunding' },
  refund: { from: ['refunding'], to: 'refunded' },
  // Every line came back and was refunded (a return of part of the order leaves the order as it is).
  return_refunded: { from: ['delivered', 'completed'], to: 'refunded' },
};

/** The state an event leads to, or null when it does not apply to the current state. */
export function nextStatus(current: OrderStatus, event: OrderEvent): OrderStatus | null {
  const rule = transitions[event];
  return rule.from.includes(current) ? rule.to : null;
}

/** The states an event may leave (for conditional updates: `where status in (…)`). */
export const statesLeftBy = (event: OrderEvent): readonly OrderStatus[] => transitions[event].from;

/** How long an unpaid order holds its stock. */
export const PAYMENT_WINDOW_MS = 30 * 60_000;

// Crockford's base 32: no I, L, O, U, so a number read aloud or copied by hand is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** "PV20261123-7K3Q9M": the China date and six random characters (a unique index catches the rare clash). */
export function orderNumber(chinaDay: string): string {
  return `PV${chinaDay.replaceAll('-', '')}-${randomCode(6)}`;
}

/** 2600000 fen → "26,000" (the limits are whole yuan). */
const wholeYuan = (fen: number) => formatYuan(fen).replace(/\.00$/, '');

/**
 * The risk notice (风险告知书) every buyer accepts before paying (商财发〔2018〕486号). The limits it
 * states come from CBEC_LIMITS; a change of them is a new text, so the version must change with it.
 */
export const RISK_NOTICE = {
  version: '2026-11-23',
  text: [
    '跨境电商零售进口商品符合原产地的质量、安全、卫生、环保、标识等标准或技术规范要求，可能与我国标准存在差异，消费者自行承担相关风险。',
    '所购商品仅限个人自用，不得再次销售。商品无中文标签，中文电子标签可在商品页面查看。',
    `订购人须为实名认证的本人；单次交易不超过人民币${wholeYuan(CBEC_LIMITS.perOrderFen)}元，年度交易总额不超过人民币${wholeYuan(CBEC_LIMITS.annualFen)}元。`,
    `Cross-border retail goods meet the standards of their country of origin, which may differ from China's; you bear that risk. The goods are for your personal use only and may not be resold. The buyer must be the real-name identity given; one order is limited to ¥${wholeYuan(CBEC_LIMITS.perOrderFen)} and a year's orders to ¥${wholeYuan(CBEC_LIMITS.annualFen)}.`,
  ].join('\n'),
} as const;
