import { toCnyFen, type CurrencyCode } from '@pavilion/contracts';
import { CBEC_LIMITS, checkCbecLimits, type CbecLimits, type CbecLimitVerdict } from '../cbec/index.ts';
import { computeOrderTax, type LineTax } from '../cbec/index.ts';
import { computeFreight, defaultFreightTemplate, type FreightTemplate } from '../shipping/index.ts';
import type { PurchasableVariant } from '../catalog/index.ts';

export interface RateUsed {
  currency: CurrencyCode;
  rateMicro: number;
  effectiveDate: string;
  source: string;
}

export interface QuoteLine {
  variant: PurchasableVariant;
  quantity: number;
  warehouseId: string;
  unitFen: number;
  goodsFen: number;
  freightFen: number;
  /** The line's taxes: tariff, consumption tax and VAT, each rounded per line; taxFen is their sum. */
  tax: LineTax;
  taxFen: number;
}

export interface ShipmentQuote {
  exporterId: string;
  warehouse: { id: string; kind: 'origin' | 'bonded'; name: string; city: string };
  customsMode: '9610' | '1210';
  lines: QuoteLine[];
  rate: RateUsed;
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  /** The sums of the lines' parts. */
  taxParts: { tariffFen: number; consumptionTaxFen: number; vatFen: number };
  totalFen: number;
  regime: 'cbec' | 'general';
  verdict: CbecLimitVerdict & { ok: true };
}

export type QuoteProblem =
  | { kind: 'not_purchasable'; variantId: string; reason: NonNullable<PurchasableVariant['problem']> | 'unknown' }
  | { kind: 'out_of_stock'; variantId: string; requested: number; available: number }
  | { kind: 'limit'; verdict: CbecLimitVerdict & { ok: false }; exporterId: string }
  /** The item is taxed in full (general regime) but its HS code has no MFN tariff rate in the table yet. */
  | { kind: 'no_tariff_rate'; variantId: string; hsCode: string };

/**
 * Where a line ships from: the bonded warehouse (1210, delivered within China after release) when
 * the product may go that way and it holds enough, else the exporter's origin warehouse by direct
 * mail (9610). Null when no warehouse the product may ship from holds the quantity.
 */
export function chooseWarehouse(variant: PurchasableVariant, quantity: number): { warehouse: PurchasableVariant['warehouses'][number]; mode: '9610' | '1210' } | null {
  const options: Array<{ kind: 'bonded' | 'origin'; mode: '1210' | '9610' }> = [
    { kind: 'bonded', mode: '1210' },
    { kind: 'origin', mode: '9610' },
  ];
  for (const option of options) {
    if (!variant.customsModes.includes(option.mode)) continue;
    const warehouse = [...variant.warehouses].filter((w) => w.kind === option.kind && w.available >= quantity).sort((a, b) => b.available - a.available || (a.id < b.id ? -1 : 1))[0];
    if (warehouse) return { warehouse, mode: option.mode };
  }
  return null;
}

/**
 * The landed cost of a cart for one address and identity: lines grouped into shipments (one per
 * exporter × warehouse × customs mode, because customs takes one order per e-commerce enterprise
 * and parcel), each priced in yuan at the rate in force, with its freight, its CBEC tax and the
 * limits checked in order against what the identity has used this year.
 */
export function buildQuote(input: {
  lines: Array<{ variantId: string; quantity: number }>;
  variants: Map<string, PurchasableVariant>;
  rates: Map<CurrencyCode, RateUsed>;
  templates: Map<string, FreightTemplate>;
  provinceCode: string;
  usedThisYearFen: number;
  limits?: CbecLimits;
}): { ok: true; shipments: ShipmentQuote[]; annualRemainingFen: number } | { ok: false; problems: QuoteProblem[] } {
  const problems: QuoteProblem[] = [];
  const groups = new Map<string, { exporterId: string; warehouse: PurchasableVariant['warehouses'][number]; mode: '9610' | '1210'; rate: RateUsed; lines: Array<{ variant: PurchasableVariant; quantity: number; unitFen: number }> }>();
  // The same variant twice is one line.
  const quantities = new Map<string, number>();
  for (const l of input.lines) quantities.set(l.variantId, (quantities.get(l.variantId) ?? 0) + l.quantity);
  for (const [variantId, quantity] of quantities) {
    const variant = input.variants.get(variantId);
    if (!variant) {
      problems.push({ kind: 'not_purchasable', variantId, reason: 'unknown' });
      continue;
    }
    const rate = input.rates.get(variant.currency);
    const problem = variant.problem ?? (rate ? null : 'no_exchange_rate');
    if (problem || !rate) {
      problems.push({ kind: 'not_purchasable', variantId, reason: problem ?? 'no_exchange_rate' });
      continue;
    }
    const choice = chooseWarehouse(variant, quantity);
    if (!choice) {
      const available = Math.max(0, ...variant.warehouses.filter((w) => variant.customsModes.includes(w.kind === 'bonded' ? '1210' : '9610')).map((w) => w.available));
      problems.push({ kind: 'out_of_stock', variantId, requested: quantity, available });
      continue;
    }
    const key = `${variant.exporter.id}|${choice.warehouse.id}|${choice.mode}`;
    const group = groups.get(key) ?? { exporterId: variant.exporter.id, warehouse: choice.warehouse, mode: choice.mode, rate, lines: [] };
    group.lines.push({ variant, quantity, unitFen: toCnyFen(variant.priceMinor, variant.currency, rate.rateMicro) });
    groups.set(key, group);
  }
  if (problems.length > 0) return { ok: false, problems };

  let used = input.usedThisYearFen;
  const shipments: ShipmentQuote[] = [];
  for (const group of [...groups.values()].sort((a, b) => (a.exporterId + a.warehouse.id < b.exporterId + b.warehouse.id ? -1 : 1))) {
    const goodsLines = group.lines.map((l) => ({ ...l, goodsFen: l.unitFen * l.quantity }));
    const goodsFen = goodsLines.reduce((n, l) => n + l.goodsFen, 0);
    const weight = goodsLines.reduce((n, l) => n + l.variant.weightGrams * l.quantity, 0);
    const template = input.templates.get(group.warehouse.id) ?? defaultFreightTemplate(group.warehouse.kind);
    const freight = computeFreight({ template, provinceCode: input.provinceCode, weightGrams: weight, goodsValueFen: goodsFen });
    const verdict = checkCbecLimits({
      dutiableValueFen: goodsFen + freight.freightFen,
      lines: goodsLines.map((l) => ({ quantity: l.quantity, indivisible: l.variant.indivisible })),
      usedThisYearFen: used,
      ...(input.limits ? { limits: input.limits } : {}),
    });
    if (!verdict.ok) return { ok: false, problems: [{ kind: 'limit', verdict, exporterId: group.exporterId }] };
    // Taxed in full means with the MFN tariff: an unknown rate is refused, never read as 0%.
    const untariffed = verdict.regime === 'general' ? goodsLines.filter((l) => l.variant.tariffRateBp === null) : [];
    if (untariffed.length > 0) return { ok: false, problems: untariffed.map((l) => ({ kind: 'no_tariff_rate' as const, variantId: l.variant.variantId, hsCode: l.variant.hsCode })) };
    const tax = computeOrderTax({
      lines: goodsLines.map((l) => ({
        goodsValueFen: l.goodsFen,
        rates: { vatRateBp: l.variant.vatRateBp, consumptionTaxRateBp: l.variant.consumptionTaxRateBp, tariffRateBp: l.variant.tariffRateBp ?? 0 },
      })),
      freightFen: freight.freightFen,
      regime: verdict.regime,
    });
    used += verdict.orderValueFen;
    shipments.push({
      exporterId: group.exporterId,
      warehouse: { id: group.warehouse.id, kind: group.warehouse.kind, name: group.warehouse.name, city: group.warehouse.city },
      customsMode: group.mode,
      rate: group.rate,
      lines: goodsLines.map((l, i) => ({
        variant: l.variant,
        quantity: l.quantity,
        warehouseId: group.warehouse.id,
        unitFen: l.unitFen,
        goodsFen: l.goodsFen,
        freightFen: tax.lines[i]?.freightFen ?? 0,
        tax: lineTax(tax.lines[i]),
        taxFen: tax.lines[i]?.taxFen ?? 0,
      })),
      goodsFen,
      freightFen: freight.freightFen,
      taxFen: tax.taxFen,
      taxParts: { tariffFen: tax.tariffFen, consumptionTaxFen: tax.consumptionTaxFen, vatFen: tax.vatFen },
      totalFen: goodsFen + freight.freightFen + tax.taxFen,
      regime: verdict.regime,
      verdict,
    });
  }
  const limit = (input.limits ?? CBEC_LIMITS).annualFen;
  return { ok: true, shipments, annualRemainingFen: Math.max(0, limit - used) };
}

const lineTax = (line: LineTax | undefined): LineTax => ({
  tariffFen: line?.tariffFen ?? 0,
  consumptionTaxFen: line?.consumptionTaxFen ?? 0,
  vatFen: line?.vatFen ?? 0,
  taxFen: line?.taxFen ?? 0,
});
