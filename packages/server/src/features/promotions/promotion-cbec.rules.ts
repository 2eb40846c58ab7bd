import { computeOrderTax, type LineTax } from '../cbec/index.ts';
import type { FunderKind } from './promotion.rules.ts';
import type { LineDeduction, PromotionResolution, ResolvedLine } from './promotion-stacking.rules.ts';

/**
 * Promotions under China's cross-border retail rules: what a resolved cart means for each customs
 * order's dutiable value, tax, CEB311 head and each line's share, to the fen.
 *
 * The dutiable value is "the goods price actually paid + freight + insurance; non-cash discounts such
 * as points or platform coupons do not reduce it; a genuine price reduction does" (财关税〔2016〕18号,
 * as cbec.md summarises it), and the CEB311 head reads `acturalPaid = goodsValue + freight + taxTotal −
 * discount`, `discount` holding the non-cash deductions only (海关总署公告2018年第194号 message format).
 * So there are two treatments:
 *
 * - Price reductions and flash prices lower the unit price actually paid. The CEB311 line carries the
 *   reduced price (price × qty = totalPrice still holds, since the reduced price is a whole number of
 *   fen per unit), the goods value is the sum of those lines, and the dutiable value, the tax and what
 *   counts against the ¥5,000 and ¥26,000 limits all follow from it.
 * - Coupons and spend-and-save are non-cash deductions: the goods keep their price, the tax is computed
 *   on that price, and the deduction is the order's CEB311 `discount`.
 *
 * Why spend-and-save (满减) is non-cash: it is a condition on the order's total, not the price of any
 * good. An order-level saving cannot in general be written as whole fen per unit on the CEB311 lines
 * (¥10 off three units of one line is 333.33 fen a unit), so making it a price reduction would break
 * price × qty = totalPrice or change the saving; and a line's tax would then depend on what else is
 * in the cart, so a partial return would change the tax of the lines kept. Declared as a discount it
 * needs none of that, like the coupon it resembles. An operator who wants a genuine price reduction
 * sets a campaign price (a price reduction), which is per unit and declared line by line.
 *
 * Every deduction was allocated to its lines to the fen by `allocate` (largest remainder) when the
 * cart was resolved; here the lines' parts are summed into each order, so the order's figures are the
 * sums of its lines by construction, and a partial return refunds exactly the returned line's share.
 * Each line keeps who funded each part: discounts funded by the platform or a pavilion are paid to the
 * exporter on top of what the buyer paid, so they do not lower the exporter's goods value; discounts
 * the exporter funds do.
 */

type TaxRegime = Parameters<typeof computeOrderTax>[0]['regime'];

/** The five money fields of a CEB311 order head, in fen. */
export interface Ceb311Amounts {
  goodsValueFen: number;
  freightFen: number;
  taxTotalFen: number;
  discountFen: number;
  acturalPaidFen: number;
}

/** What each party gave up on a line (price and non-cash parts together), in fen. */
export interface Funding {
  exporterFen: number;
  pavilionFen: number;
  platformFen: number;
}

export interface CbecPromotedLine {
  lineId: string;
  quantity: number;
  listUnitFen: number;
  /** The CEB311 line price: the unit price actually paid. */
  unitFen: number;
  listGoodsFen: number;
  /** The CEB311 line totalPrice: unitFen × quantity. */
  goodsValueFen: number;
  /** listGoodsFen − goodsValueFen: what price reductions took off. */
  priceReductionFen: number;
  /** The line's share of the order's freight. */
  freightFen: number;
  /** goodsValueFen + freightFen: the line's part of the order's dutiable value. */
  dutiableValueFen: number;
  tax: LineTax;
  /** The line's share of the CEB311 discount (its non-cash deductions). */
  discountFen: number;
  /** goodsValue + freight + tax − discount of the line: what a return of the whole line refunds. */
  acturalPaidFen: number;
  funding: Funding;
  /** What the exporter is credited for the goods: list value less what the exporter funded. */
  exporterGoodsFen: number;
  deductions: LineDeduction[];
}

export interface CbecPromotedOrder extends Ceb311Amounts {
  key: string;
  regime: TaxRegime;
  listGoodsFen: number;
  priceReductionFen: number;
  /** goodsValue + freight: what the ¥5,000 order limit and the ¥26,000 yearly quota count. */
  dutiableValueFen: number;
  taxParts: { tariffFen: number; consumptionTaxFen: number; vatFen: number };
  funding: Funding;
  exporterGoodsFen: number;
  lines: CbecPromotedLine[];
}

export interface CbecPromotedCart {
  orders: CbecPromotedOrder[];
  /** The orders added up; acturalPaidFen is what the buyer pays for the whole cart. */
  totals: Ceb311Amounts & { listGoodsFen: number; priceReductionFen: number; dutiableValueFen: number; funding: Funding };
}

export interface CbecOrderInput {
  /** The orderKey of its lines. */
  key: string;
  freightFen: number;
  /** From checkCbecLimits on orderDutiableValueFen: 'cbec' within the limits, 'general' for the single-item exception. */
  regime: TaxRegime;
}

/**
 * The dutiable value of one customs order of a resolved cart: its goods at the prices actually paid
 * plus its freight. Coupons and spend-and-save do not lower it. Checkout checks the limits on this
 * figure, then passes the regime the verdict gives to `settlePromotedCart`.
 */
export function orderDutiableValueFen(resolution: PromotionResolution, orderKey: string, freightFen: number): number {
  return resolution.lines.filter((l) => l.orderKey === orderKey).reduce((total, l) => total + l.goodsFen, freightFen);
}

/** The customs orders of a resolved cart, with their CEB311 head figures and each line's share. */
export function settlePromotedCart(input: { resolution: PromotionResolution; orders: readonly CbecOrderInput[] }): CbecPromotedCart {
  const keys = new Set<string>();
  for (const order of input.orders) {
    if (keys.has(order.key)) throw new RangeError(`order ${order.key} is given twice`);
    keys.add(order.key);
  }
  for (const line of input.resolution.lines) {
    if (!keys.has(line.orderKey)) throw new RangeError(`line ${line.id} goes in order ${line.orderKey}, which was not given`);
  }
  const orders = input.orders.map((order) => settleOrder(order, input.resolution.lines.filter((l) => l.orderKey === order.key)));
  const total = (pick: (o: CbecPromotedOrder) => number) => orders.reduce((n, o) => n + pick(o), 0);
  return {
    orders,
    totals: {
      goodsValueFen: total((o) => o.goodsValueFen),
      freightFen: total((o) => o.freightFen),
      taxTotalFen: total((o) => o.taxTotalFen),
      discountFen: total((o) => o.discountFen),
      acturalPaidFen: total((o) => o.acturalPaidFen),
      listGoodsFen: total((o) => o.listGoodsFen),
      priceReductionFen: total((o) => o.priceReductionFen),
      dutiableValueFen: total((o) => o.dutiableValueFen),
      funding: sumFunding(orders.map((o) => o.funding)),
    },
  };
}

function settleOrder(order: CbecOrderInput, lines: readonly ResolvedLine[]): CbecPromotedOrder {
  // The tax is cbec's, on the goods at the prices actually paid (price reductions included, non-cash
  // deductions not): computeOrderTax spreads the freight over the lines by that value and taxes each.
  const tax = computeOrderTax({
    lines: lines.map((l) => ({ goodsValueFen: l.goodsFen, rates: l.rates })),
    freightFen: order.freightFen,
    regime: order.regime,
  });
  const promoted = lines.map((line, i): CbecPromotedLine => {
    const taxed = tax.lines[i];
    if (!taxed) throw new Error('computeOrderTax returned fewer lines than it was given');
    const discountFen = line.deductions.filter((d) => d.treatment === 'non_cash').reduce((n, d) => n + d.amountFen, 0);
    if (discountFen !== line.nonCashFen || discountFen > line.goodsFen) throw new RangeError(`line ${line.id}: its non-cash deductions do not fit its goods`);
    const funding = fundingOf(line.deductions);
    const lineTax: LineTax = { tariffFen: taxed.tariffFen, consumptionTaxFen: taxed.consumptionTaxFen, vatFen: taxed.vatFen, taxFen: taxed.taxFen };
    return {
      lineId: line.id,
      quantity: line.quantity,
      listUnitFen: line.listUnitFen,
      unitFen: line.unitFen,
      listGoodsFen: line.listGoodsFen,
      goodsValueFen: line.goodsFen,
      priceReductionFen: line.listGoodsFen - line.goodsFen,
      freightFen: taxed.freightFen,
      dutiableValueFen: taxed.dutiableValueFen,
      tax: lineTax,
      discountFen,
      acturalPaidFen: line.goodsFen + taxed.freightFen + taxed.taxFen - discountFen,
      funding,
      exporterGoodsFen: line.listGoodsFen - funding.exporterFen,
      deductions: line.deductions,
    };
  });
  const sum = (pick: (l: CbecPromotedLine) => number) => promoted.reduce((n, l) => n + pick(l), 0);
  return {
    key: order.key,
    regime: order.regime,
    goodsValueFen: sum((l) => l.goodsValueFen),
    freightFen: order.freightFen,
    taxTotalFen: tax.taxFen,
    discountFen: sum((l) => l.discountFen),
    acturalPaidFen: sum((l) => l.acturalPaidFen),
    listGoodsFen: sum((l) => l.listGoodsFen),
    priceReductionFen: sum((l) => l.priceReductionFen),
    dutiableValueFen: tax.dutiableValueFen,
    taxParts: { tariffFen: tax.tariffFen, consumptionTaxFen: tax.consumptionTaxFen, vatFen: tax.vatFen },
    funding: sumFunding(promoted.map((l) => l.funding)),
    exporterGoodsFen: sum((l) => l.exporterGoodsFen),
    lines: promoted,
  };
}

const FUNDING_FIELD = { exporter: 'exporterFen', pavilion: 'pavilionFen', platform: 'platformFen' } as const satisfies Record<FunderKind, keyof Funding>;

function fundingOf(deductions: readonly LineDeduction[]): Funding {
  const funding: Funding = { exporterFen: 0, pavilionFen: 0, platformFen: 0 };
  for (const d of deductions) funding[FUNDING_FIELD[d.funder]] += d.amountFen;
  return funding;
}

function sumFunding(parts: readonly Funding[]): Funding {
  return parts.reduce((a, b) => ({ exporterFen: a.exporterFen + b.exporterFen, pavilionFen: a.pavilionFen + b.pavilionFen, platformFen: a.platformFen + b.platformFen }), { exporterFen: 0, pavilionFen: 0, platformFen: 0 });
}

export type Ceb311AmountProblem =
  /** The field is not a non-negative whole number of fen. */
  | { code: 'not_fen'; field: keyof Ceb311Amounts }
  /** A non-cash discount larger than the goods would make the buyer's goods negative. */
  | { code: 'discount_exceeds_goods'; discountFen: number; goodsValueFen: number }
  /** acturalPaid is not goodsValue + freight + taxTotal − discount. */
  | { code: 'actural_paid'; expectedFen: number; acturalPaidFen: number }
  /** acturalPaid is not what the payment record says the buyer paid (customs matches it with CEB411). */
  | { code: 'paid_amount'; paidFen: number; acturalPaidFen: number };

/**
 * The CEB311 identity, checked before anything leaves: every figure a non-negative safe integer, the
 * discount within the goods, acturalPaid = goodsValue + freight + taxTotal − discount, and, when the
 * payment is known, acturalPaid equal to it. Empty when the head is right.
 */
export function checkCeb311Amounts(amounts: Ceb311Amounts, paidFen?: number): Ceb311AmountProblem[] {
  const fields = ['goodsValueFen', 'freightFen', 'taxTotalFen', 'discountFen', 'acturalPaidFen'] as const;
  const problems: Ceb311AmountProblem[] = fields.filter((f) => !Number.isSafeInteger(amounts[f]) || amounts[f] < 0).map((field) => ({ code: 'not_fen' as const, field }));
  if (problems.length > 0) return problems;
  if (amounts.discountFen > amounts.goodsValueFen) problems.push({ code: 'discount_exceeds_goods', discountFen: amounts.discountFen, goodsValueFen: amounts.goodsValueFen });
  const expectedFen = amounts.goodsValueFen + amounts.freightFen + amounts.taxTotalFen - amounts.discountFen;
  if (amounts.acturalPaidFen !== expectedFen) problems.push({ code: 'actural_paid', expectedFen, acturalPaidFen: amounts.acturalPaidFen });
  else if (paidFen !== undefined && paidFen !== amounts.acturalPaidFen) problems.push({ code: 'paid_amount', paidFen, acturalPaidFen: amounts.acturalPaidFen });
  return problems;
}
