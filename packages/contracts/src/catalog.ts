import { z } from 'zod';
import { isoDateSchema, multiLineText, richText, singleLineText } from './text.ts';
import { countryCodeSchema } from './countries.ts';
import { currencySchema, isAllowedRate, tradeQuantitySchema, unitPriceMinorSchema } from './money.ts';
import { validationMessages as m } from './validation.ts';

export const incoterms = ['EXW', 'FOB', 'CIF', 'DDP'] as const;
export const customsModes = ['9610', '1210'] as const;
export const certificationTypes = ['halal', 'organic', 'fair_trade', 'gacc', 'haccp', 'iso22000', 'other'] as const;

const text = singleLineText;
const minor = unitPriceMinorSchema;
const isoDate = isoDateSchema;

export const productOptionSchema = z.object({
  nameEn: text(40).min(1, { message: m.required.en }),
  nameZh: text(20),
  values: z.array(z.object({ en: text(40).min(1, { message: m.required.en }), zh: text(20) })).min(1).max(30),
});

export const productVariantInputSchema = z.object({
  /** Absent for a new variant; the server assigns one. */
  id: z.uuid().optional(),
  sku: z.string().trim().min(1, { message: m.required.en }).max(64).regex(/^[A-Za-z0-9._/-]+$/, { message: m.sku.en }),
  barcode: z.string().trim().regex(/^(\d{8}|\d{12,14})?$/, { message: m.barcode.en }).default(''),
  weightGrams: z.number().int().min(1).max(1_000_000),
  /** Price in the product's currency, minor units. */
  priceMinor: minor,
  /** One value (the English text) per option, in the options' order. */
  optionValues: z.array(z.string()).max(3).default([]),
});

export const quantityTierSchema = z.object({ minQuantity: tradeQuantitySchema.min(2), priceMinor: minor });

export const certificationSchema = z.object({
  type: z.enum(certificationTypes),
  number: text(64).min(1, { message: m.required.en }),
  issuer: text(120).default(''),
  expiresOn: isoDate.nullable().default(null),
  /** An uploaded document (exporter documents of kind certificate). */
  documentId: z.uuid().nullable().default(null),
});

export const eLabelSchema = z.object({
  nameZh: text(120).default(''),
  ingredientsZh: multiLineText(1000).default(''),
  originZh: text(60).default(''),
  netContentZh: text(60).default(''),
  shelfLifeZh: text(60).default(''),
  storageZh: text(200).default(''),
  importerZh: text(200).default(''),
});

/** The whole bilingual content of a product revision. A draft may be incomplete; publication rules decide. */
export const productContentSchema = z
  .object({
    titleEn: text(120).default(''),
    titleZh: text(60).default(''),
    subtitleEn: text(200).default(''),
    subtitleZh: text(100).default(''),
    /** Rich text, sanitized by the server. */
    descriptionEn: richText(20_000).default(''),
    descriptionZh: richText(20_000).default(''),
    originStoryEn: multiLineText(2000).default(''),
    originStoryZh: multiLineText(1000).default(''),
    categoryId: z.string().min(1, { message: m.required.en }),
    brandId: z.string().nullable().default(null),
    tags: z.array(text(30).min(1)).max(20).default([]),
    /** Uploaded image ids; the first is the cover. */
    imageIds: z.array(z.uuid()).max(12).default([]),
    currency: currencySchema,
    options: z.array(productOptionSchema).max(3).default([]),
    variants: z.array(productVariantInputSchema).min(1, { message: m.required.en }).max(100),
    b2b: z
      .object({
        moq: tradeQuantitySchema.default(1),
        tiers: z.array(quantityTierSchema).max(10).default([]),
        samplePriceMinor: minor.nullable().default(null),
        leadTimeDays: z.number().int().min(0).max(365).default(0),
        incoterms: z.array(z.enum(incoterms)).max(4).default([]),
      })
      .default({ moq: 1, tiers: [], samplePriceMinor: null, leadTimeDays: 0, incoterms: [] }),
    compliance: z
      .object({
        hsCode: z.string().regex(/^(\d{10})?$/, { message: m.hsCode.en }).default(''),
        /** Sold to consumers in China by cross-border retail (needs a Positive List HS code). */
        retailSale: z.boolean().default(true),
        customsModes: z.array(z.enum(customsModes)).max(2).default(['9610']),
        originCountry: countryCodeSchema,
        certifications: z.array(certificationSchema).max(20).default([]),
      }),
    eLabel: eLabelSchema.default({ nameZh: '', ingredientsZh: '', originZh: '', netContentZh: '', shelfLifeZh: '', storageZh: '', importerZh: '' }),
  })
  .strict();
export type ProductContentInput = z.input<typeof productContentSchema>;
export type ProductContent = z.output<typeof productContentSchema>;

export const productStatuses = ['draft', 'submitted', 'changes_requested', 'published', 'unpublished', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];
export const revisionStates = ['draft', 'submitted', 'changes_requested', 'approved', 'superseded'] as const;

/** Images as the storefront uses them. */
export const imageSchema = z.object({ id: z.string(), width: z.number().int(), height: z.number().int(), urls: z.object({ thumb: z.string(), display: z.string() }) });

/** One failed publication rule, named, with the field it concerns. */
export const publicationIssueSchema = z.object({ rule: z.string(), field: z.string(), message: z.string() });
export type PublicationIssue = z.infer<typeof publicationIssueSchema>;

export const reviewReasonSchema = z.object({ field: z.string().min(1), reason: multiLineText(500).min(2) });
export type ReviewReason = z.infer<typeof reviewReasonSchema>;

export const storedVariantSchema = productVariantInputSchema.extend({ id: z.uuid() });
export const storedProductContentSchema = productContentSchema.extend({ variants: z.array(storedVariantSchema).min(1).max(100) });
export type StoredProductContent = z.output<typeof storedProductContentSchema>;

export const exporterProductSchema = z.object({
  id: z.string(),
  status: z.enum(productStatuses),
  /** The revision being edited, when there is one, and where it stands. */
  working: z
    .object({ revisionId: z.string(), number: z.number().int(), state: z.enum(revisionStates), content: storedProductContentSchema, reviewReasons: z.array(reviewReasonSchema) })
    .nullable(),
  /** `reviewReasons` of the live revision: why an operator took it off sale, if one did. */
  live: z.object({ revisionId: z.string(), number: z.number().int(), content: storedProductContentSchema, reviewReasons: z.array(reviewReasonSchema) }).nullable(),
  images: z.array(imageSchema),
  /** The publication rules as they stand for the working (or live) content. */
  publicationIssues: z.array(publicationIssueSchema),
  stock: z.array(z.object({ variantId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() })),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const exporterProductListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(productStatuses),
      workingState: z.enum(revisionStates).nullable(),
      titleEn: z.string(),
      titleZh: z.string(),
      cover: imageSchema.nullable(),
      variantCount: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
});

export const productReasonBodySchema = z.object({ reason: multiLineText(500).min(5) }).strict();
export const approveBodySchema = z.object({ revisionId: z.uuid() }).strict();
export const requestChangesBodySchema = z.object({ revisionId: z.uuid(), reasons: z.array(reviewReasonSchema).min(1).max(50) }).strict();

/** A price shown to buyers: yuan from the rate in force, with the exporter's own price beside it. */
export const priceSchema = z.object({
  /** CNY fen; null when the currency has no rate in force (the product cannot be bought). */
  cnyFen: z.number().int().nullable(),
  origin: z.object({ amount: z.number().int(), currency: currencySchema }),
});

export const listingCardSchema = z
  .object({
    id: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    subtitleEn: z.string(),
    subtitleZh: z.string(),
    cover: imageSchema.shape.urls,
    price: priceSchema,
    originCountry: countryCodeSchema,
    exporter: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
    inStock: z.boolean(),
    /** False when it cannot be bought now (no exchange rate, or not eligible for retail import). */
    available: z.boolean(),
    publishedAt: z.string(),
  })
  .meta({ id: 'ListingCard' });
export type ListingCard = z.infer<typeof listingCardSchema>;

export const listingSorts = ['newest', 'price_asc', 'price_desc', 'popular'] as const;
export const listingQuerySchema = z.object({
  pavilion: z.string().max(64).optional(),
  category: z.string().max(64).optional(),
  exporter: z.string().max(64).optional(),
  brand: z.string().max(64).optional(),
  country: countryCodeSchema.optional(),
  ids: z.string().max(2000).optional(),
  sort: z.enum(listingSorts).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(60).default(24),
});
export const listingPageSchema = z.object({ items: z.array(listingCardSchema), nextCursor: z.string().nullable() });

export const productPageSchema = z
  .object({
    id: z.string(),
    content: storedProductContentSchema.omit({ variants: true, imageIds: true }),
    images: z.array(imageSchema),
    variants: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        optionValues: z.array(z.string()),
        weightGrams: z.number().int(),
        price: priceSchema,
        stock: z.enum(['in_stock', 'low', 'out_of_stock']),
      }),
    ),
    exchangeRate: z.object({ currency: currencySchema, rate: z.string(), effectiveDate: z.string(), source: z.string() }).nullable(),
    available: z.boolean(),
    unavailableReason: z.enum(['no_exchange_rate', 'not_retail_eligible', 'out_of_stock']).nullable(),
    b2bTiers: z.array(z.object({ minQuantity: z.number().int(), price: priceSchema })),
    category: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), path: z.array(z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() })) }),
    exporter: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: countryCodeSchema, city: z.string() }),
    brand: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }).nullable(),
    pavilion: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
    publishedAt: z.string(),
  })
  .meta({ id: 'ProductPage' });
export type ProductPage = z.infer<typeof productPageSchema>;

export const warehouseSchema = z.object({
  id: z.string(),
  kind: z.enum(['origin', 'bonded']),
  name: z.string(),
  city: z.string(),
  countryCode: countryCodeSchema,
});
export const warehouseInputSchema = z
  .object({ kind: z.enum(['origin', 'bonded']), name: text(120).min(2), city: text(80).min(1), countryCode: countryCodeSchema })
  .strict();
export const stockUpdateSchema = z
  .object({ variantId: z.uuid(), warehouseId: z.uuid(), onHand: z.number().int().min(0).max(10_000_000) })
  .strict();

export const exchangeRateInputSchema = z
  .object({
    currency: currencySchema.exclude(['CNY']),
    /** CNY per one unit of the currency, up to 6 decimals: "3.1825". */
    rate: z.string().trim().regex(/^\d{1,6}(\.\d{1,6})?$/, { message: m.rate.en }),
    effectiveDate: isoDate,
    source: text(200).min(2),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (/^\d{1,6}(\.\d{1,6})?$/.test(v.rate) && !isAllowedRate(v.rate, v.currency)) ctx.addIssue({ code: 'custom', path: ['rate'], message: m.rateRange.en, input: v.rate });
  });
export const exchangeRateSchema = z.object({
  id: z.string(),
  currency: currencySchema,
  rate: z.string(),
  rateMicro: z.number().int(),
  effectiveDate: z.string(),
  source: z.string(),
  createdAt: z.string(),
});
export const exchangeRateOverviewSchema = z.object({
  inForce: z.array(z.object({ currency: currencySchema, rate: exchangeRateSchema.nullable() })),
  history: z.array(exchangeRateSchema),
  alerts: z.array(z.object({ id: z.string(), kind: z.string(), subject: z.string(), messageEn: z.string(), messageZh: z.string(), createdAt: z.string() })),
});

/** The exchange rates in force today (public: buyers see the yuan price, exporters both prices). */
export const ratesInForceSchema = z.object({
  date: z.string(),
  items: z.array(z.object({ currency: currencySchema, rate: z.string(), rateMicro: z.number().int(), effectiveDate: z.string(), source: z.string() })),
});
export type RatesInForce = z.infer<typeof ratesInForceSchema>;
