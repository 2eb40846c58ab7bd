import { z } from 'zod';
import { exporterProductSchema } from './catalog.ts';
import { hsRetailModes } from './hs-rates.ts';
import { exporterStatuses } from './pavilions.ts';

/**
 * The operators' product review: the queue of submitted revisions and one product as the reviewer
 * sees it (the exporter's view of it, the exporter's GACC number and the HS rate row of its code).
 */
export const reviewQueueSchema = z.object({
  items: z.array(
    z.object({
      productId: z.string(),
      revisionId: z.string(),
      revisionNumber: z.number().int(),
      /** True when a live product's edit waits for review (the product stays on sale meanwhile). */
      isEdit: z.boolean(),
      titleEn: z.string(),
      titleZh: z.string(),
      exporter: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
      pavilionId: z.string(),
      submittedAt: z.string(),
    }),
  ),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const operatorProductSchema = z
  .object({
    product: exporterProductSchema,
    exporter: z.object({
      id: z.string(),
      nameEn: z.string(),
      nameZh: z.string(),
      status: z.enum(exporterStatuses),
      gaccRegistrationNumber: z.string().nullable(),
      pavilionId: z.string(),
    }),
    /** The HS rate table's row for the product's code, or null when the code is empty or unknown. */
    hsRate: z
      .object({
        hsCode: z.string(),
        descriptionEn: z.string(),
        descriptionZh: z.string(),
        vatRateBp: z.number(),
        consumptionTaxRateBp: z.number(),
        /** MFN tariff (only the single item taxed in full pays it); null when not entered. */
        tariffRateBp: z.number().nullable(),
        retailEligible: z.boolean(),
        retailModes: z.enum(hsRetailModes),
        /** Food by its HS code (GACC Decree 248). */
        isFood: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'OperatorProduct' });
export type OperatorProduct = z.infer<typeof operatorProductSchema>;
