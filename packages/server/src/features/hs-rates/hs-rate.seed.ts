import type { Trx } from '../../db/database.ts';
import { suggestedFoodMark } from './hs-rate.rules.ts';
import type { HsSheetRate } from './hs-rate-sheet.rules.ts';

/** An HS code with its rates, as an operator would have entered it (its food mark follows from the code). */
export type SeedHsRate = Omit<HsSheetRate, 'isFood'>;

/**
 * Writes HS codes for a seed (the demo), one statement in the caller's transaction, each marked as
 * food or not by the code's default (chapters 01–24 less the headings not eaten, edible salt).
 */
export async function seedHsRates(trx: Trx, rates: SeedHsRate[], now: Date): Promise<void> {
  if (rates.length === 0) return;
  await trx
    .insertInto('hs_rates')
    .values(rates.map((h) => ({
      hs_code: h.hsCode,
      description_en: h.descriptionEn,
      description_zh: h.descriptionZh,
      vat_rate_bp: h.vatRateBp,
      consumption_tax_rate_bp: h.consumptionTaxRateBp,
      tariff_rate_bp: h.tariffRateBp,
      retail_eligible: h.retailEligible ? 1 : 0,
      retail_modes: h.retailModes,
      is_food: suggestedFoodMark(h.hsCode) ? 1 : 0,
      updated_at: now.toISOString(),
    })))
    .execute();
}
