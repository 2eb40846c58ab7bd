import { z } from 'zod';
import { singleLineText } from './text.ts';

/**
 * The HS rate table operators maintain: per 10-digit HS code, the import VAT and consumption-tax
 * rates (basis points: 1300 = 13%) and whether the code is on the CBEC Positive List (正面清单).
 * Ranges and the code's format are business rules checked by the server (hs-rate.rules.ts), so a
 * bulk import of the list gets the same answers; these schemas fix the shape.
 */
export const hsRetailModes = ['both', '1210'] as const;
export type HsRetailMode = (typeof hsRetailModes)[number];

export const hsRateInputSchema = z
  .object({
    descriptionEn: singleLineText(300),
    descriptionZh: singleLineText(200),
    /** Import VAT: 1300 (13%) in general, 900 (9%) for farm produce, grain, edible oil, books. */
    vatRateBp: z.number().int(),
    /** Ad-valorem consumption tax: 1500 high-end cosmetics, 1000 precious jewellery and jade, 0 for most goods. */
    consumptionTaxRateBp: z.number().int().default(0),
    /** On the Positive List: may be sold by cross-border retail. */
    retailEligible: z.boolean(),
    /** Customs modes the list allows: both 9610 and 1210, or 1210 (bonded) only. */
    retailModes: z.enum(hsRetailModes).default('both'),
  })
  .strict();
export type HsRateInput = z.output<typeof hsRateInputSchema>;

export const hsRateSchema = z
  .object({
    hsCode: z.string(),
    descriptionEn: z.string(),
    descriptionZh: z.string(),
    vatRateBp: z.number().int(),
    consumptionTaxRateBp: z.number().int(),
    retailEligible: z.boolean(),
    retailModes: z.enum(hsRetailModes),
    updatedAt: z.string(),
  })
  .meta({ id: 'HsRate' });
export type HsRate = z.infer<typeof hsRateSchema>;

export const hsRateListQuerySchema = z.object({
  /** Digits: codes starting with them; otherwise words in either description. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const hsRateListSchema = z.object({ items: z.array(hsRateSchema), total: z.number().int() });

/** Checked by the rules (exactly 10 digits), so the answer names `params.hsCode` with the rule's message. */
export const hsCodeParamsSchema = z.object({ hsCode: z.string().max(32) });
