import { validationMessages as m, type HsRateInput, type ValidationIssue } from '@pavilion/contracts';

/** China's tariff nomenclature: the 8-digit code of the Positive List plus two national digits. */
export const HS_CODE = /^\d{10}$/;
/** Import VAT, basis points: 13% in general, 9% for farm produce, grain, edible oil and books (2019 rates). */
export const MAX_VAT_RATE_BP = 10_000;
/**
 * Ad-valorem consumption tax, basis points: high-end cosmetics 15%, precious jewellery and jade
 * 10%. Strictly below 100%: the CBEC tax grosses the price up by 1 / (1 − c) (财关税〔2018〕49号).
 */
export const MAX_CONSUMPTION_TAX_RATE_BP = 9_999;

/**
 * MFN import tariff, basis points (0 for many goods, 10–35% for jewellery, clothing, cosmetics):
 * charged only on the single item taxed in full (财关税〔2018〕49号 art. 2). At most 100%.
 */
export const MAX_TARIFF_RATE_BP = 10_000;

/**
 * Everything wrong with a rate an operator enters (or a list import brings), each issue naming
 * its field as the API answers it: `params.hsCode`, `body.vatRateBp`, …
 */
export function hsRateIssues(hsCode: string, input: Pick<HsRateInput, 'descriptionEn' | 'descriptionZh' | 'vatRateBp' | 'consumptionTaxRateBp'> & { tariffRateBp?: number | null }): ValidationIssue[] {
  const issues = hsCodeIssues(hsCode);
  if (input.descriptionEn.trim() === '') issues.push({ field: 'body.descriptionEn', rule: 'required', message: m.required.en });
  if (input.descriptionZh.trim() === '') issues.push({ field: 'body.descriptionZh', rule: 'required', message: m.required.en });
  if (!inRange(input.vatRateBp, MAX_VAT_RATE_BP)) issues.push({ field: 'body.vatRateBp', rule: 'rate_range', message: m.vatRateBp.en });
  if (!inRange(input.consumptionTaxRateBp, MAX_CONSUMPTION_TAX_RATE_BP)) {
    issues.push({ field: 'body.consumptionTaxRateBp', rule: 'rate_range', message: m.consumptionTaxRateBp.en });
  }
  if (input.tariffRateBp != null && !inRange(input.tariffRateBp, MAX_TARIFF_RATE_BP)) issues.push({ field: 'body.tariffRateBp', rule: 'rate_range', message: m.tariffRateBp.en });
  return issues;
}

const inRange = (bp: number, max: number): boolean => Number.isInteger(bp) && bp >= 0 && bp <= max;

/** The code alone, as a path segment names it (a delete of anything but ten digits is a 400). */
export function hsCodeIssues(hsCode: string): ValidationIssue[] {
  return HS_CODE.test(hsCode) ? [] : [{ field: 'params.hsCode', rule: 'hs_code', message: m.hsCode.en }];
}


/** The food mark a code gets unless an operator says otherwise: in the contracts, so the console's form suggests the same. */
export { suggestedFoodMark } from '@pavilion/contracts';
