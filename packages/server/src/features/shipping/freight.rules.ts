import { validationMessages as m, type ValidationIssue } from '@pavilion/contracts';
import { listChinaProvinces } from '../addresses/index.ts';

/**
 * Shipping templates (运费模板): what the buyer pays to have one warehouse's parcel delivered, per
 * exporter and warehouse, in CNY fen. Freight is part of the dutiable value (财关税〔2016〕18号 art. 1:
 * the price actually paid plus freight and insurance), so it is computed before the tax and passed to
 * computeOrderTax; it is shown to the buyer before payment like the tax.
 *
 * A rate is "first weight + each additional step": 1,000 g for 12.00, then 8.00 per 500 g. The
 * chargeable weight is the first weight, plus the rest rounded UP to whole steps (1,001 g with 500 g
 * steps is charged as 1,500 g). All integer grams and fen.
 */
export interface FreightRate {
  firstWeightGrams: number;
  firstPriceFen: number;
  stepWeightGrams: number;
  stepPriceFen: number;
}

export interface FreightTemplate {
  /** Rates by group name: "default", "remote" (新疆, 西藏), … */
  rates: Readonly<Record<string, FreightRate>>;
  /** Province code (6 digits: 650000) → group name; provinces not listed use `defaultGroup`. */
  provinceGroups: Readonly<Record<string, string>>;
  defaultGroup: string;
  /**
   * Free delivery when the goods value reaches this many fen (满 X 元包邮: "reaches" means ≥);
   * null when never free.
   */
  freeFromGoodsValueFen: number | null;
}

export interface FreightQuote {
  freightFen: number;
  group: string;
  chargeableWeightGrams: number;
  /** True when the goods value reached the template's free-delivery threshold. */
  free: boolean;
}

/**
 * The freight of one parcel: the rate of the consignee's province group, on the chargeable weight,
 * or nothing when the goods value (after genuine price reductions) reaches the free threshold.
 * Throws on a template freightTemplateIssues would refuse: templates are checked when saved.
 */
export function computeFreight(options: { template: FreightTemplate; provinceCode: string; weightGrams: number; goodsValueFen: number }): FreightQuote {
  const { template, provinceCode, weightGrams, goodsValueFen } = options;
  if (!Number.isSafeInteger(weightGrams) || weightGrams < 0) throw new RangeError('weightGrams must be a non-negative integer');
  if (!Number.isSafeInteger(goodsValueFen) || goodsValueFen < 0) throw new RangeError('goodsValueFen must be a non-negative integer number of fen');
  const group = Object.hasOwn(template.provinceGroups, provinceCode) ? (template.provinceGroups[provinceCode] ?? template.defaultGroup) : template.defaultGroup;
  const rate = Object.hasOwn(template.rates, group) ? template.rates[group] : undefined;
  if (!rate) throw new RangeError(`the freight template has no rate for group "${group}"`);

  const extraGrams = Math.max(0, weightGrams - rate.firstWeightGrams);
  const steps = Math.ceil(extraGrams / rate.stepWeightGrams); // integers: exact for safe integers
  const chargeableWeightGrams = rate.firstWeightGrams + steps * rate.stepWeightGrams;
  const free = template.freeFromGoodsValueFen !== null && goodsValueFen >= template.freeFromGoodsValueFen;
  const freightFen = free ? 0 : rate.firstPriceFen + steps * rate.stepPriceFen;
  if (!Number.isSafeInteger(freightFen)) throw new RangeError('freight overflows');
  return { freightFen, group, chargeableWeightGrams, free };
}

/** The freight the platform charges when an exporter has not set a template for a warehouse. */
export function defaultFreightTemplate(kind: 'origin' | 'bonded'): FreightTemplate {
  // Remote provinces cost more to reach: Xinjiang, Tibet, Qinghai, Inner Mongolia, Ningxia, Gansu.
  const remote = { '650000': 'remote', '540000': 'remote', '630000': 'remote', '150000': 'remote', '640000': 'remote', '620000': 'remote' };
  return kind === 'bonded'
    ? { rates: { default: { firstWeightGrams: 1000, firstPriceFen: 1000, stepWeightGrams: 1000, stepPriceFen: 500 }, remote: { firstWeightGrams: 1000, firstPriceFen: 2000, stepWeightGrams: 1000, stepPriceFen: 1000 } }, provinceGroups: remote, defaultGroup: 'default', freeFromGoodsValueFen: 19_900 }
    : { rates: { default: { firstWeightGrams: 500, firstPriceFen: 4500, stepWeightGrams: 500, stepPriceFen: 1500 }, remote: { firstWeightGrams: 500, firstPriceFen: 6000, stepWeightGrams: 500, stepPriceFen: 2000 } }, provinceGroups: remote, defaultGroup: 'default', freeFromGoodsValueFen: null };
}

const MAINLAND_PROVINCES = new Set(listChinaProvinces().map((p) => p.code));

/**
 * Everything wrong with a template an exporter saves, each issue naming its field under `at`: whole
 * positive grams for the weights, whole non-negative fen for the prices, groups that exist, and
 * mainland province codes (the consignee is in the mainland customs territory).
 */
export function freightTemplateIssues(template: FreightTemplate, at = 'body'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, rule: string, message: string) => issues.push({ field: `${at}.${field}`, rule, message });
  const groups = Object.keys(template.rates);
  if (groups.length === 0) issue('rates', 'required', m.freightRateRequired.en);
  for (const [group, rate] of Object.entries(template.rates)) {
    for (const key of ['firstWeightGrams', 'stepWeightGrams'] as const) {
      if (!isWhole(rate[key]) || rate[key] <= 0) issue(`rates.${group}.${key}`, 'positive_integer', m.freightWeight.en);
    }
    for (const key of ['firstPriceFen', 'stepPriceFen'] as const) {
      if (!isWhole(rate[key]) || rate[key] < 0) issue(`rates.${group}.${key}`, 'fen', m.freightFen.en);
    }
  }
  if (!Object.hasOwn(template.rates, template.defaultGroup)) issue('defaultGroup', 'unknown_group', m.freightGroup.en);
  for (const [province, group] of Object.entries(template.provinceGroups)) {
    if (!MAINLAND_PROVINCES.has(province)) issue(`provinceGroups.${province}`, 'china_division', m.mainlandProvince.en);
    else if (!Object.hasOwn(template.rates, group)) issue(`provinceGroups.${province}`, 'unknown_group', m.freightGroup.en);
  }
  const threshold = template.freeFromGoodsValueFen;
  if (threshold !== null && (!isWhole(threshold) || threshold < 0)) issue('freeFromGoodsValueFen', 'fen', m.freightFen.en);
  return issues;
}

const isWhole = (value: number) => Number.isSafeInteger(value);
