import { divideRoundHalfUp, type B2bOrderAction, type B2bOrderKind, type B2bOrderStatus, type B2bPaymentTerms } from '@pavilion/contracts';
import { tierAt, type QuoteTier } from './quote.rules.ts';

export type B2bSide = 'company' | 'exporter';

/** What an order needs to know about itself to say which steps it has. */
export interface B2bOrderShape {
  /** No deposit step when there is none to pay: an L/C order, or T/T at 0 %. */
  depositMinor: number;
  /** No balance step when the deposit was the whole amount (T/T at 100 %). */
  balanceMinor: number;
}

/**
 * The state table. The exporter records every step, because it is the one that sees the buyer's
 * transfer arrive and hands the goods to the carrier: deposit received → production started →
 * shipped (B/L or AWB) → balance received → completed. An order with no deposit goes from the
 * proforma straight to production (the L/C or the balance pays it all); one with no balance goes
 * from shipped straight to completed. Cancelling, with a reason, is possible before shipment: the
 * importer only before it has paid a deposit (after that, money has moved and the exporter must
 * agree and return it, so the exporter cancels); the exporter at any step before shipment.
 */
const steps: Record<Exclude<B2bOrderAction, 'cancel'>, { from: (o: B2bOrderShape) => B2bOrderStatus[]; to: B2bOrderStatus }> = {
  deposit: { from: (o) => (o.depositMinor > 0 ? ['proforma_issued'] : []), to: 'deposit_paid' },
  production: { from: (o) => (o.depositMinor > 0 ? ['deposit_paid'] : ['proforma_issued']), to: 'in_production' },
  shipment: { from: () => ['in_production'], to: 'shipped' },
  balance: { from: (o) => (o.balanceMinor > 0 ? ['shipped'] : []), to: 'balance_paid' },
  complete: { from: (o) => (o.balanceMinor > 0 ? ['balance_paid'] : ['shipped']), to: 'completed' },
};

const cancellableBy: Record<B2bSide, B2bOrderStatus[]> = {
  company: ['proforma_issued'],
  exporter: ['proforma_issued', 'deposit_paid', 'in_production'],
};

/** The statuses an action may start from, for this side (empty: not this side's step, or not a step of this order). */
export function b2bStatusesFrom(action: B2bOrderAction, side: B2bSide, order: B2bOrderShape): B2bOrderStatus[] {
  if (action === 'cancel') return cancellableBy[side];
  if (side !== 'exporter') return [];
  return steps[action].from(order);
}

/** Where an action leads, or null when it may not be taken from here by this side. */
export function nextB2bStatus(status: B2bOrderStatus, action: B2bOrderAction, side: B2bSide, order: B2bOrderShape): B2bOrderStatus | null {
  if (!b2bStatusesFrom(action, side, order).includes(status)) return null;
  return action === 'cancel' ? 'cancelled' : steps[action].to;
}

/** What this side may do next, in the order of the steps. */
export function b2bActionsAt(status: B2bOrderStatus, side: B2bSide, order: B2bOrderShape): B2bOrderAction[] {
  return (['deposit', 'production', 'shipment', 'balance', 'complete', 'cancel'] as const).filter((a) => nextB2bStatus(status, a, side, order) !== null);
}

export type OrderTermsProblem =
  | { field: 'kind'; rule: 'sample_not_available' }
  | { field: 'quantity'; rule: 'below_first_tier' }
  | { field: 'paymentTerms'; rule: 'terms_not_offered' };

export interface AcceptedQuoteTerms {
  tiers: readonly QuoteTier[];
  sampleAvailable: boolean;
  samplePriceMinor: number | null;
  ttDepositPercent: number | null;
  letterOfCredit: boolean;
}

export interface OrderAmounts {
  unitPriceMinor: number;
  quantity: number;
  totalMinor: number;
  paymentTerms: B2bPaymentTerms;
  depositPercent: number | null;
  depositMinor: number;
  balanceMinor: number;
}

/**
 * The order's figures in the quote's currency (minor units): a sample at the quote's sample price,
 * a bulk order at the tier price for the quantity, times the quantity; on T/T the deposit is the
 * quote's percentage of the total rounded half up with the project's one rounding function, and the
 * balance the rest, so the two always add up to the total. L/C has no deposit. T/T is the default
 * when the quote offers both.
 */
export function orderAmounts(quote: AcceptedQuoteTerms, choice: { kind: B2bOrderKind; quantity: number; paymentTerms?: B2bPaymentTerms | undefined }): OrderAmounts | OrderTermsProblem {
  let unitPriceMinor: number;
  if (choice.kind === 'sample') {
    if (!quote.sampleAvailable || quote.samplePriceMinor === null) return { field: 'kind', rule: 'sample_not_available' };
    unitPriceMinor = quote.samplePriceMinor;
  } else {
    const tier = tierAt(quote.tiers, choice.quantity);
    if (!tier) return { field: 'quantity', rule: 'below_first_tier' };
    unitPriceMinor = tier.unitPriceMinor;
  }
  const paymentTerms = choice.paymentTerms ?? (quote.ttDepositPercent !== null ? 'tt' : 'lc');
  if (paymentTerms === 'tt' ? quote.ttDepositPercent === null : !quote.letterOfCredit) return { field: 'paymentTerms', rule: 'terms_not_offered' };
  const totalMinor = unitPriceMinor * choice.quantity;
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError('order total out of range');
  const depositPercent = paymentTerms === 'tt' ? quote.ttDepositPercent : null;
  const depositMinor = depositPercent === null ? 0 : Number(divideRoundHalfUp(BigInt(totalMinor) * BigInt(depositPercent), 100n));
  return { unitPriceMinor, quantity: choice.quantity, totalMinor, paymentTerms, depositPercent, depositMinor, balanceMinor: totalMinor - depositMinor };
}

export const isTermsProblem = (r: OrderAmounts | OrderTermsProblem): r is OrderTermsProblem => 'rule' in r;
