import { allocate, divideRoundHalfUp } from '@pavilion/contracts';

/**
 * The tax a CBEC retail import order pays, in integer fen (财关税〔2016〕18号, amended by
 * 财关税〔2018〕49号): tariff 0%, import VAT and consumption tax at 70% of the statutory amount, no
 * duty-free threshold. With P the dutiable value, v the VAT rate and c the ad-valorem consumption-tax
 * rate (the import consumption-tax base is grossed up to (P + tariff) / (1 − c), 消费税暂行条例 第九条;
 * VAT is on P + tariff + CT, 增值税暂行条例 第十四条):
 *
 *   consumption tax CT  = P / (1 − c) × c
 *   import VAT      VAT = (P + CT) × v = P / (1 − c) × v
 *   CBEC tax            = 70% × (CT + VAT)
 *
 * Rounding: each tax of each line (its consumption tax, its VAT, and for general trade its tariff) is
 * computed exactly from P as a fraction of integers and rounded once, half up, to the fen; the line's
 * tax is their sum and the order's tax the sum of its lines (cbec.md: "round half up to the fen, per
 * line, then sum"; customs lists each tax separately per item, so each is a figure of its own). No
 * rounded intermediate feeds the next tax, so the result does not depend on the order of the steps.
 *
 * Why the order's tax is not computed once and then split with `allocate`: customs assesses per line,
 * so the line figures are the primary ones and the order total is defined as their sum; the lines add
 * up to it by construction. `allocate` is used where a genuine order-level amount must be spread over
 * lines: freight, insurance and price reductions, which become part of each line's dutiable value.
 */

/** Rates are basis points: 1300 = 13%. */
const BP = 10_000n;
/** 财关税〔2018〕49号 (as 财关税〔2016〕18号): VAT and consumption tax are collected at 70% within the limits. */
const CBEC_SHARE = { numerator: 7n, denominator: 10n } as const;
const FULL_SHARE = { numerator: 1n, denominator: 1n } as const;

/**
 * `cbec`: within the limits: 0% tariff, 70% of VAT and consumption tax.
 * `general`: the single indivisible item above the per-order limit (财关税〔2018〕49号 art. 2), taxed in
 * full at general-trade rates: the MFN tariff plus 100% of VAT and consumption tax.
 */
export type TaxRegime = 'cbec' | 'general';

export interface TaxRates {
  /** Import VAT in basis points: 1300 in general, 900 for farm produce, grain, edible oil, books. */
  vatRateBp: number;
  /** Ad-valorem consumption tax in basis points, below 10000: 1500 high-end cosmetics, 0 for most goods. */
  consumptionTaxRateBp: number;
  /** MFN import tariff in basis points: only charged under the `general` regime (CBEC tariff is 0%). */
  tariffRateBp?: number;
}

/** One line's taxes, integer fen. `taxFen` = tariff + consumption tax + VAT. */
export interface LineTax {
  tariffFen: number;
  consumptionTaxFen: number;
  vatFen: number;
  taxFen: number;
}

/**
 * The taxes of one line from its dutiable value (财关税〔2018〕49号 and the formula above). Under
 * `cbec` any tariff rate given is ignored: the CBEC tariff is 0%.
 */
export function computeLineTax(options: { dutiableValueFen: number; rates: TaxRates; regime: TaxRegime }): LineTax {
  const { dutiableValueFen, rates, regime } = options;
  assertFen(dutiableValueFen, 'dutiableValueFen');
  const v = rateBp(rates.vatRateBp, 10_000, 'vatRateBp');
  const c = rateBp(rates.consumptionTaxRateBp, 9_999, 'consumptionTaxRateBp');
  const t = regime === 'general' ? rateBp(rates.tariffRateBp ?? 0, 10_000, 'tariffRateBp') : 0n;
  const share = regime === 'cbec' ? CBEC_SHARE : FULL_SHARE;
  const p = BigInt(dutiableValueFen);

  // tariff = P × t;  base = P + tariff = P × (1 + t);  CT = base × c / (1 − c);  VAT = base × v / (1 − c).
  const tariffFen = divideRoundHalfUp(p * t, BP);
  const grossed = share.numerator * p * (BP + t); // over share.denominator × BP × (BP − c), times the rate
  const denominator = share.denominator * BP * (BP - c);
  const consumptionTaxFen = divideRoundHalfUp(grossed * c, denominator);
  const vatFen = divideRoundHalfUp(grossed * v, denominator);

  return {
    tariffFen: Number(tariffFen),
    consumptionTaxFen: Number(consumptionTaxFen),
    vatFen: Number(vatFen),
    taxFen: Number(tariffFen + consumptionTaxFen + vatFen),
  };
}

export interface TaxOrderLine {
  /** The goods price actually paid for the line (unit price × quantity after the line's own reductions), fen. */
  goodsValueFen: number;
  rates: TaxRates;
}

export interface OrderTaxInput {
  lines: readonly TaxOrderLine[];
  /** Freight the buyer pays for the order, fen: part of the dutiable value. */
  freightFen: number;
  /** Insurance, fen: part of the dutiable value (0 when none is bought). */
  insuranceFen?: number;
  /**
   * An order-level genuine price reduction (the exporter's promotion), fen: it lowers the dutiable
   * value. Non-cash discounts (points, platform coupons) do not, and must not be passed here.
   */
  priceReductionFen?: number;
  regime: TaxRegime;
}

export interface OrderLineTax extends LineTax {
  goodsValueFen: number;
  priceReductionFen: number;
  freightFen: number;
  insuranceFen: number;
  /** goods − reduction + freight + insurance: what this line is taxed on. */
  dutiableValueFen: number;
}

export interface OrderTax extends LineTax {
  regime: TaxRegime;
  /** In the order's line order; every amount column adds up to the order's figure to the fen. */
  lines: OrderLineTax[];
  dutiableValueFen: number;
}

/**
 * The order's taxes (财关税〔2018〕49号): the price reduction, freight and insurance are spread over the
 * lines in proportion to their goods value (largest remainder, so each adds up exactly), each line is
 * taxed on its dutiable value, and the order's taxes are the sums of its lines.
 */
export function computeOrderTax(input: OrderTaxInput): OrderTax {
  const { lines, regime } = input;
  const freightFen = input.freightFen;
  const insuranceFen = input.insuranceFen ?? 0;
  const reductionFen = input.priceReductionFen ?? 0;
  assertFen(freightFen, 'freightFen');
  assertFen(insuranceFen, 'insuranceFen');
  assertFen(reductionFen, 'priceReductionFen');
  lines.forEach((line, i) => assertFen(line.goodsValueFen, `lines[${i}].goodsValueFen`));
  const goodsFen = lines.reduce((sum, line) => sum + line.goodsValueFen, 0);
  if (reductionFen > goodsFen) throw new RangeError('priceReductionFen exceeds the goods value');
  if (lines.length === 0 && freightFen + insuranceFen > 0) throw new RangeError('an order without lines has nothing to carry freight');

  const reductions = allocate(reductionFen, lines.map((line) => line.goodsValueFen));
  const paid = lines.map((line, i) => line.goodsValueFen - (reductions[i] ?? 0));
  const freights = allocate(freightFen, paid);
  const insurances = allocate(insuranceFen, paid);

  const taxed = lines.map((line, i): OrderLineTax => {
    const dutiableValueFen = (paid[i] ?? 0) + (freights[i] ?? 0) + (insurances[i] ?? 0);
    return {
      goodsValueFen: line.goodsValueFen,
      priceReductionFen: reductions[i] ?? 0,
      freightFen: freights[i] ?? 0,
      insuranceFen: insurances[i] ?? 0,
      dutiableValueFen,
      ...computeLineTax({ dutiableValueFen, rates: line.rates, regime }),
    };
  });

  const sum = (pick: (line: OrderLineTax) => number) => taxed.reduce((total, line) => total + pick(line), 0);
  return {
    regime,
    lines: taxed,
    dutiableValueFen: sum((l) => l.dutiableValueFen),
    tariffFen: sum((l) => l.tariffFen),
    consumptionTaxFen: sum((l) => l.consumptionTaxFen),
    vatFen: sum((l) => l.vatFen),
    taxFen: sum((l) => l.taxFen),
  };
}

function assertFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen`);
}

function rateBp(value: number, max: number, name: string): bigint {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be whole basis points from 0 to ${max}`);
  return BigInt(value);
}

/** An order's tax as stored (three columns, null on orders taxed before the split was kept): its parts, or null. */
export function taxPartsOf(o: { tariff_fen: number | string | null; consumption_tax_fen: number | string | null; vat_fen: number | string | null }): { tariffFen: number; consumptionTaxFen: number; vatFen: number } | null {
  if (o.tariff_fen === null || o.consumption_tax_fen === null || o.vat_fen === null) return null;
  return { tariffFen: Number(o.tariff_fen), consumptionTaxFen: Number(o.consumption_tax_fen), vatFen: Number(o.vat_fen) };
}
