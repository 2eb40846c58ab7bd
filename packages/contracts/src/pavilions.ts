import { z } from 'zod';
import { countryCodeSchema } from './countries.ts';
import { validationMessages } from './validation.ts';

export const pavilionSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    taglineEn: z.string(),
    taglineZh: z.string(),
    countries: z.array(countryCodeSchema),
    /** Approved exporters: the ones buyers see. */
    exporterCount: z.number().int(),
  })
  .meta({ id: 'PavilionSummary' });
export type PavilionSummary = z.infer<typeof pavilionSummarySchema>;

export const pavilionListSchema = z.object({ items: z.array(pavilionSummarySchema) });

export const exporterStatuses = ['pending', 'approved', 'rejected', 'suspended'] as const;

export const exporterSummarySchema = z
  .object({
    id: z.string(),
    pavilionId: z.string(),
    legalName: z.string(),
    tradingNameEn: z.string(),
    tradingNameZh: z.string(),
    country: countryCodeSchema,
    city: z.string(),
    status: z.enum(exporterStatuses),
  })
  .meta({ id: 'ExporterSummary' });
export type ExporterSummary = z.infer<typeof exporterSummarySchema>;

export const exporterMemberSchema = z.object({ id: z.string(), displayName: z.string(), email: z.string().nullable() });

export const exporterProfileSchema = z.object({
  exporter: exporterSummarySchema,
  pavilion: pavilionSummarySchema,
  members: z.array(exporterMemberSchema),
});

export const operatorPavilionSchema = pavilionSummarySchema.extend({
  exporters: z.array(exporterSummarySchema),
});
export const operatorPavilionListSchema = z.object({ items: z.array(operatorPavilionSchema) });

export const pavilionSlugParamsSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,64}$/, { message: validationMessages.slug.en }),
});

export const pavilionDetailSchema = pavilionSummarySchema
  .extend({
    introEn: z.string(),
    introZh: z.string(),
    /** Approved exporters only: the storefront never shows one under review. */
    exporters: z.array(exporterSummarySchema),
  })
  .meta({ id: 'PavilionDetail' });
export type PavilionDetail = z.infer<typeof pavilionDetailSchema>;
