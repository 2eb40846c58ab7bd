import { z } from 'zod';
import { multiLineText, richText, singleLineText } from './text.ts';
import { countryCodeSchema } from './countries.ts';
import { imageSchema } from './catalog.ts';
import { validationMessages as m } from './validation.ts';

/** Slugs of pavilions, stories and categories: what appears in links. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: m.slug.en });

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
    /** The pavilion's hero picture (optional in the summary so older clients keep parsing it). */
    heroImage: imageSchema.nullable().optional(),
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
  /** Why the pavilion rejected or suspended the exporter (null otherwise): the exporter sees it. */
  reviewReason: z.string().nullable(),
});

export const operatorPavilionSchema = pavilionSummarySchema.extend({
  exporters: z.array(exporterSummarySchema),
});
export const operatorPavilionListSchema = z.object({ items: z.array(operatorPavilionSchema) });

export const pavilionSlugParamsSchema = z.object({ slug: slugSchema });

/** A published culture story as a card on the pavilion page. */
export const storySummarySchema = z
  .object({
    slug: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    summaryEn: z.string(),
    summaryZh: z.string(),
    coverImage: imageSchema.nullable(),
    publishedAt: z.string(),
  })
  .meta({ id: 'StorySummary' });
export type StorySummary = z.infer<typeof storySummarySchema>;

export const pavilionDetailSchema = pavilionSummarySchema
  .extend({
    introEn: z.string(),
    introZh: z.string(),
    /** Approved exporters only: the storefront never shows one under review. */
    exporters: z.array(exporterSummarySchema),
    heroImage: imageSchema.nullable(),
    /** In the operator's order; only exporters still approved and products still published. */
    featuredExporterIds: z.array(z.string()),
    featuredProductIds: z.array(z.string()),
    /** Published stories only, in the operator's order. */
    stories: z.array(storySummarySchema),
  })
  .meta({ id: 'PavilionDetail' });
export type PavilionDetail = z.infer<typeof pavilionDetailSchema>;

/** A published story page. */
export const storyDetailSchema = storySummarySchema
  .extend({
    /** Sanitized rich text (HTML). */
    bodyEn: z.string(),
    bodyZh: z.string(),
    pavilion: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
  })
  .meta({ id: 'Story' });

export const storySlugParamsSchema = z.object({ slug: slugSchema, storySlug: slugSchema });

// ---- Operators: the pavilion's content, featured items and stories ----

const required = (max: number) => singleLineText(max).min(1, { message: m.required.en });
/** Ids in URLs: looked up, so any short string; an unknown one answers 404. */
const idParam = z.string().min(1).max(64);

export const pavilionIdParamsSchema = z.object({ id: idParam });
export const storyParamsSchema = z.object({ id: idParam, storyId: idParam });

export const pavilionContentInputSchema = z
  .object({
    nameEn: required(120),
    nameZh: required(60),
    taglineEn: singleLineText(200),
    taglineZh: singleLineText(100),
    /** Rich text: the server sanitizes it before storing. */
    introEn: richText(20_000),
    introZh: richText(20_000),
    /** An image uploaded to this pavilion (POST …/media), or null for none. */
    heroMediaId: z.uuid().nullable(),
  })
  .strict();
export type PavilionContentInput = z.infer<typeof pavilionContentInputSchema>;

/** At most this many featured exporters, and as many featured products. */
export const maxFeatured = 12;

export const pavilionFeaturesInputSchema = z
  .object({
    /** In display order: approved exporters of this pavilion. */
    exporterIds: z.array(idParam).max(maxFeatured, { message: m.maxFeatured.en }),
    /** In display order: published products of this pavilion. */
    productIds: z.array(idParam).max(maxFeatured, { message: m.maxFeatured.en }),
  })
  .strict();
export type PavilionFeaturesInput = z.infer<typeof pavilionFeaturesInputSchema>;

/** What the operator console edits: the pavilion's content and its featured items as stored. */
export const operatorPavilionContentSchema = pavilionSummarySchema
  .extend({
    introEn: z.string(),
    introZh: z.string(),
    heroImage: imageSchema.nullable(),
    featuredExporterIds: z.array(z.string()),
    featuredProductIds: z.array(z.string()),
  })
  .meta({ id: 'OperatorPavilionContent' });

export const storyStatuses = ['draft', 'published'] as const;

export const storyInputSchema = z
  .object({
    /** Unique within the pavilion. */
    slug: slugSchema,
    titleEn: required(200),
    titleZh: required(100),
    /** Plain text, shown on cards. */
    summaryEn: multiLineText(600).default(''),
    summaryZh: multiLineText(300).default(''),
    /** Rich text: the server removes script, event handlers and iframes from other hosts. */
    bodyEn: richText(100_000).default(''),
    bodyZh: richText(100_000).default(''),
    /** An image uploaded to this pavilion, or null. */
    coverMediaId: z.uuid().nullable().default(null),
    /** Order on the pavilion page (smallest first). */
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type StoryInput = z.output<typeof storyInputSchema>;

export const operatorStorySchema = z
  .object({
    id: z.string(),
    pavilionId: z.string(),
    slug: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    summaryEn: z.string(),
    summaryZh: z.string(),
    bodyEn: z.string(),
    bodyZh: z.string(),
    coverMediaId: z.string().nullable(),
    coverImage: imageSchema.nullable(),
    status: z.enum(storyStatuses),
    position: z.number().int(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OperatorStory' });
export type OperatorStory = z.infer<typeof operatorStorySchema>;

/** The list leaves the bodies out. */
export const operatorStoryListSchema = z.object({ items: z.array(operatorStorySchema.omit({ bodyEn: true, bodyZh: true })) });
