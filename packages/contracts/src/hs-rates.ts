import { z } from 'zod';
import { singleLineText } from './text.ts';

/**
 * The HS rate table operators maintain: per 10-digit HS code, the import VAT and consumption-tax
 * rates, the MFN tariff (basis points: 1300 = 13%) and whether the code is on the CBEC Positive List (正面清单).
 * Ranges and the code's format are business rules checked by the server (hs-rate.rules.ts), so a
 * bulk import of the list gets the same answers; these schemas fix the shape.
 */
export const hsRetailModes = ['both', '1210'] as const;
export type HsRetailMode = (typeof hsRetailModes)[number];

/**
 * The food mark a code gets unless an operator says otherwise (GACC Decree 248, 海关总署令第248号:
 * food needs the manufacturer's China registration; the e-label then carries ingredients, shelf life
 * and storage). HS chapters 01–24 (animal and vegetable products, prepared foodstuffs, beverages)
 * are food, except the headings that are not eaten; edible salt (2501.0011) is food although
 * chapter 25 is not. The longest matching prefix decides.
 */
const foodPrefixes: ReadonlyArray<readonly [prefix: string, food: boolean]> = [
  ['01', false], // live animals
  ['030111', false], ['030119', false], // live ornamental fish
  ['05', false], ['0504', true], // hair, bones, feathers, ivory…; guts and stomachs (casings) are eaten
  ['06', false], // live trees and plants, cut flowers
  ['1209', false], // seeds for sowing
  ['1211', false], // plants used primarily in pharmacy, perfumery or as insecticides (kava root: its food category makes it food)
  ['1213', false], ['1214', false], // straw, fodder
  ['1301', false], // lac, natural gums and resins
  ['14', false], // vegetable plaiting materials
  ['1505', false], // wool grease, lanolin
  ['1518', false], // chemically modified and inedible fats and oils
  ['1520', false], ['1521', false], ['1522', false], // crude glycerol, waxes, degras
  ['220720', false], // denatured ethyl alcohol
  ['23', false], // food-industry residues and animal feed
  ['24', false], // tobacco
  ['25010011', true], // edible salt
];

export function suggestedFoodMark(hsCode: string): boolean {
  let best: readonly [string, boolean] | undefined;
  for (const rule of foodPrefixes) if (hsCode.startsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  if (best) return best[1];
  const chapter = Number(hsCode.slice(0, 2));
  return chapter >= 1 && chapter <= 24;
}

export const hsRateInputSchema = z
  .object({
    descriptionEn: singleLineText(300),
    descriptionZh: singleLineText(200),
    /** Import VAT: 1300 (13%) in general, 900 (9%) for farm produce, grain, edible oil, books. */
    vatRateBp: z.number().int(),
    /** Ad-valorem consumption tax: 1500 high-end cosmetics, 1000 precious jewellery and jade, 0 for most goods. */
    consumptionTaxRateBp: z.number().int().default(0),
    /**
     * MFN import tariff (最惠国税率), charged only on the single item above the per-order limit, which
     * is taxed in full (财关税〔2018〕49号 art. 2); within the CBEC limits the tariff is 0%. Null: not
     * entered yet, and such an item cannot be priced until it is.
     */
    tariffRateBp: z.number().int().nullable().default(null),
    /** On the Positive List: may be sold by cross-border retail. */
    retailEligible: z.boolean(),
    /** Customs modes the list allows: both 9610 and 1210, or 1210 (bonded) only. */
    retailModes: z.enum(hsRetailModes).default('both'),
    /**
     * Food (GACC Decree 248): a product under this code needs the food lines of the e-label and the
     * manufacturer's GACC registration, whatever its category. Left out: chapters 01–24 are food
     * except headings not eaten (live animals, plants, fodder, tobacco, …), and edible salt is.
     */
    isFood: z.boolean().optional(),
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
    tariffRateBp: z.number().int().nullable(),
    retailEligible: z.boolean(),
    retailModes: z.enum(hsRetailModes),
    isFood: z.boolean(),
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

/**
 * What an import of the HS rate table (CSV or XLSX, all or nothing) did: codes added, codes whose
 * rates changed, and codes the file repeats as they are (left untouched, their updatedAt too).
 * Codes not in the file are left alone.
 */
export const hsRateImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** HS code rows read (blank rows not counted). */
  rows: z.number().int(),
});
export type HsRateImportResult = z.infer<typeof hsRateImportResultSchema>;

/**
 * A row problem of a refused import, as the 400's `details` carry it: `field` reads
 * "row 3, column VAT (%) / 增值税率（%）" (or "file" for the file as a whole), `row` is the row
 * number the spreadsheet shows (1 is the header row) and `column` the header as the file writes it.
 */
export const hsRateImportIssueSchema = z.object({
  field: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type HsRateImportIssue = z.infer<typeof hsRateImportIssueSchema>;
