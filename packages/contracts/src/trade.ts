import { z } from 'zod';
import { isoDateSchema, multiLineText, singleLineText } from './text.ts';
import { certificationTypes, incoterms } from './catalog.ts';
import { isUnifiedSocialCreditCode } from './credit-code.ts';
import { currencySchema, MAX_TRADE_QUANTITY, tradeQuantitySchema, unitPriceMinorSchema } from './money.ts';
import { companyMemberRoles } from './roles.ts';
import { validationMessages as m } from './validation.ts';

const text = singleLineText;
const isoDate = isoDateSchema;
const positiveMinor = unitPriceMinorSchema.min(1);
const quantity = tradeQuantitySchema;

/** Incoterms 2020 (ICC Publication No. 723E) the bridge trades on, with their official names. */
export type Incoterm = (typeof incoterms)[number];
export const incotermNames = {
  EXW: { en: 'Ex Works', zh: '工厂交货' },
  FOB: { en: 'Free On Board', zh: '船上交货' },
  CIF: { en: 'Cost, Insurance and Freight', zh: '成本、保险费加运费' },
  DDP: { en: 'Delivered Duty Paid', zh: '完税后交货' },
} as const satisfies Record<Incoterm, { en: string; zh: string }>;
export const incotermSchema = z.enum(incoterms);

/** The units a quantity is counted in; a quote's tiers count in the RFQ's unit. */
export const tradeUnits = {
  piece: { en: 'pieces', zh: '件' },
  kg: { en: 'kg', zh: '千克' },
  tonne: { en: 'tonnes', zh: '吨' },
  litre: { en: 'litres', zh: '升' },
  carton: { en: 'cartons', zh: '箱' },
  set: { en: 'sets', zh: '套' },
  pair: { en: 'pairs', zh: '双' },
  dozen: { en: 'dozen', zh: '打' },
} as const;
export type TradeUnit = keyof typeof tradeUnits;
export const tradeUnitSchema = z.enum(Object.keys(tradeUnits) as [TradeUnit, ...TradeUnit[]]);

export const creditCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isUnifiedSocialCreditCode, { message: m.creditCode.en });

const priceSchema = z.object({ amount: positiveMinor, currency: currencySchema });

// ── Companies ──────────────────────────────────────────────────────────────

export const buyerCompanySchema = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    city: z.string(),
    address: z.string().nullable(),
    /** 统一社会信用代码; null until the owner enters it. */
    creditCode: z.string().nullable(),
    /** When an operator checked the company's registration; null when not (or no longer) verified. */
    verifiedAt: z.string().nullable(),
  })
  .meta({ id: 'BuyerCompany' });

export const companyProfileSchema = z.object({
  company: buyerCompanySchema,
  members: z.array(z.object({ id: z.string(), displayName: z.string(), memberRole: z.enum(companyMemberRoles) })),
});

/** What the owner may change; a changed name or credit code ends an earlier verification. */
export const companyUpdateSchema = z
  .object({
    nameZh: text(100).min(2).optional(),
    nameEn: text(200).nullable().optional(),
    city: text(40).min(1).optional(),
    address: multiLineText(300).min(5).nullable().optional(),
    creditCode: creditCodeSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: m.atLeastOneField.en });

export const operatorCompanySchema = buyerCompanySchema.extend({ memberCount: z.number().int() });
export const operatorCompanyListSchema = z.object({ items: z.array(operatorCompanySchema) });

// ── Files attached to messages ──────────────────────────────────────────────

export const tradeFileSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
  })
  .meta({ id: 'TradeFile' });

const attachmentIds = z.array(z.uuid()).max(5).default([]);

// ── Inquiries (询盘) and their threads ────────────────────────────────────────

export const inquiryStatuses = ['open', 'quoted', 'closed'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];
export const tradeSides = ['company', 'exporter'] as const;
export type TradeSide = (typeof tradeSides)[number];

export const inquiryCreateSchema = z
  .object({
    exporterId: z.uuid(),
    productId: z.uuid().nullable().default(null),
    quantity,
    unit: tradeUnitSchema,
    targetPrice: priceSchema.nullable().default(null),
    incoterm: incotermSchema.nullable().default(null),
    destinationPort: text(80).default(''),
    requiredDate: isoDate.nullable().default(null),
    message: multiLineText(4000).min(1, { message: m.required.en }),
    attachmentIds,
  })
  .strict();

export const inquiryMessageCreateSchema = z
  .object({ body: multiLineText(4000).min(1, { message: m.required.en }), attachmentIds })
  .strict();

/** An exporter's reply; `quoted` says the reply carries its offer (the inquiry becomes "quoted"). */
export const exporterReplySchema = inquiryMessageCreateSchema.extend({ quoted: z.boolean().default(false) }).strict();

export const inquirySummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(inquiryStatuses),
    company: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), verified: z.boolean() }),
    exporter: z.object({ id: z.string(), tradingNameEn: z.string(), tradingNameZh: z.string() }),
    product: z.object({ id: z.string(), titleEn: z.string(), titleZh: z.string() }).nullable(),
    quantity: z.number().int(),
    unit: tradeUnitSchema,
    targetPrice: priceSchema.nullable(),
    incoterm: incotermSchema.nullable(),
    destinationPort: z.string(),
    requiredDate: z.string().nullable(),
    createdAt: z.string(),
    lastMessageAt: z.string(),
    /** The exporter's first message after the inquiry; null while it has not answered. */
    firstResponseAt: z.string().nullable(),
    firstResponseSeconds: z.number().int().nullable(),
    /** How long the inquiry has waited for its first answer (null once answered or closed): the exporter's timer. */
    waitingSeconds: z.number().int().nullable(),
    /** Messages from the other side the caller has not read yet. */
    unread: z.number().int(),
  })
  .meta({ id: 'InquirySummary' });

export const inquiryMessageSchema = z.object({
  id: z.string(),
  side: z.enum(tradeSides),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(tradeFileSchema),
  createdAt: z.string(),
  /** The other side has opened the thread since this message (its last read is at or after it). */
  readByOther: z.boolean(),
});

export const inquiryThreadSchema = z.object({
  inquiry: inquirySummarySchema,
  messages: z.array(inquiryMessageSchema),
  lastRead: z.object({ company: z.string().nullable(), exporter: z.string().nullable() }),
});

export const inquiryListSchema = z.object({ items: z.array(inquirySummarySchema) });

/** Response figures: an inquiry counts as answered in time when the first answer came within 48 hours. */
export const responseFiguresSchema = z.object({
  inquiries: z.number().int(),
  answered: z.number().int(),
  /** Inquiries whose 48 hours have run out or that were answered: the rate's denominator. */
  due: z.number().int(),
  answeredInTime: z.number().int(),
  /** answeredInTime / due in basis points (10000 = all); null when none is due yet. */
  responseRateBp: z.number().int().nullable(),
  medianResponseSeconds: z.number().int().nullable(),
});

export const exporterInquiryInboxSchema = z.object({ items: z.array(inquirySummarySchema), figures: responseFiguresSchema });

export const idParamsSchema = z.object({ id: z.uuid() });
export const inquiryFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

// ── Requests for quotation (RFQ) ────────────────────────────────────────────

export const rfqStatuses = ['open', 'closed_deadline', 'accepted', 'cancelled'] as const;
export type RfqStatus = (typeof rfqStatuses)[number];

export const rfqCreateSchema = z
  .object({
    /** One pavilion, or null for every pavilion. */
    pavilionId: z.uuid().nullable(),
    descriptionZh: multiLineText(2000).default(''),
    descriptionEn: multiLineText(4000).default(''),
    categoryId: z.string().min(1, { message: m.required.en }).max(64),
    quantity,
    unit: tradeUnitSchema,
    targetPrice: priceSchema.nullable().default(null),
    incoterm: incotermSchema,
    destinationPort: text(80).min(1, { message: m.required.en }),
    /** An instant (ISO 8601 with its offset): quotes are taken until then. */
    deadline: z.iso.datetime({ offset: true }),
    certifications: z.array(z.enum(certificationTypes)).max(7).default([]),
  })
  .strict();

const rfqFields = {
  id: z.string(),
  status: z.enum(rfqStatuses),
  pavilionId: z.string().nullable(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  category: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
  quantity: z.number().int(),
  unit: tradeUnitSchema,
  targetPrice: priceSchema.nullable(),
  incoterm: incotermSchema,
  destinationPort: z.string(),
  deadline: z.string(),
  certifications: z.array(z.enum(certificationTypes)),
  createdAt: z.string(),
};

export const rfqSchema = z
  .object({ ...rfqFields, matchedExporters: z.number().int(), quotes: z.number().int(), acceptedQuoteId: z.string().nullable() })
  .meta({ id: 'Rfq' });
export const rfqListSchema = z.object({ items: z.array(rfqSchema) });

// ── Quotes ──────────────────────────────────────────────────────────────────

export const quoteTierSchema = z.object({ minQuantity: quantity, unitPriceMinor: positiveMinor });

export const quoteInputSchema = z
  .object({
    currency: currencySchema,
    /** Per-unit prices by quantity, in the quote's currency (minor units), lowest minimum first. */
    tiers: z.array(quoteTierSchema).min(1).max(10),
    incoterm: incotermSchema,
    port: text(80).min(1, { message: m.required.en }),
    leadTimeDays: z.number().int().min(0).max(365),
    validUntil: isoDate,
    /** T/T with this deposit percentage (0–100), or null when T/T is not offered. */
    ttDepositPercent: z.number().int().min(0).max(100).nullable(),
    letterOfCredit: z.boolean(),
    sampleAvailable: z.boolean(),
    samplePriceMinor: unitPriceMinorSchema.nullable().default(null),
    notes: multiLineText(2000).default(''),
  })
  .strict();

export const quoteStatuses = ['submitted', 'accepted', 'not_chosen'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

const quoteFields = {
  id: z.string(),
  status: z.enum(quoteStatuses),
  revision: z.number().int(),
  currency: currencySchema,
  // Answers describe what is stored (the input bounds apply to what comes in).
  tiers: z.array(z.object({ minQuantity: z.number().int(), unitPriceMinor: z.number().int(), unitFen: z.number().int().nullable() })),
  incoterm: incotermSchema,
  port: z.string(),
  leadTimeDays: z.number().int(),
  validUntil: z.string(),
  ttDepositPercent: z.number().int().nullable(),
  letterOfCredit: z.boolean(),
  sampleAvailable: z.boolean(),
  samplePriceMinor: z.number().int().nullable(),
  notes: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
};

/** The rate a yuan figure was made with. */
export const tradeRateSchema = z.object({ currency: currencySchema, rateMicro: z.number().int(), effectiveDate: z.string() });

/** The exporter's own quote, with every revision it submitted (the first is revision 1). */
export const exporterQuoteSchema = z
  .object({
    ...quoteFields,
    rate: tradeRateSchema.nullable(),
    revisions: z.array(z.object({ revision: z.number().int(), submittedAt: z.string(), quote: quoteInputSchema })),
  })
  .meta({ id: 'ExporterQuote' });

/** An RFQ as a matched exporter sees it, with its own quote if it sent one. */
export const exporterRfqSchema = z
  .object({ ...rfqFields, company: z.object({ nameZh: z.string(), nameEn: z.string().nullable(), verified: z.boolean() }), myQuote: exporterQuoteSchema.nullable() })
  .meta({ id: 'ExporterRfq' });
export const exporterRfqListSchema = z.object({ items: z.array(exporterRfqSchema) });

export const quoteComparisonQuerySchema = z.object({ quantity: z.coerce.number().int().min(1).max(MAX_TRADE_QUANTITY).optional() });

/** Why a quote has no price at the chosen quantity. */
export const notQuotableReasons = ['below_first_tier', 'no_exchange_rate'] as const;

/** The importer's side-by-side table: every quote's unit price at one quantity, in yuan fen at today's rate. */
export const quoteComparisonSchema = z.object({
  rfqId: z.string(),
  quantity: z.number().int(),
  unit: tradeUnitSchema,
  /** The China date whose rates were used. */
  rateDate: z.string(),
  items: z.array(
    z.object({
      ...quoteFields,
      exporter: z.object({ id: z.string(), tradingNameEn: z.string(), tradingNameZh: z.string(), countryCode: z.string() }),
      /** The tier that applies at the quantity (its minimum), null below the first. */
      tierMinQuantity: z.number().int().nullable(),
      unitPriceMinor: z.number().int().nullable(),
      /** CNY fen per unit, rounded once (half up); the table is sorted by it, unpriced quotes last. */
      unitFen: z.number().int().nullable(),
      /** CNY fen for the whole quantity (the total in the quote's currency converted once). */
      totalFen: z.number().int().nullable(),
      notQuotable: z.enum(notQuotableReasons).nullable(),
      rate: tradeRateSchema.nullable(),
      /** Valid today (China time): only a valid quote can be accepted. */
      valid: z.boolean(),
    }),
  ),
});

export const acceptQuoteParamsSchema = z.object({ id: z.uuid(), quoteId: z.uuid() });
export const acceptedQuoteSchema = z.object({ rfq: rfqSchema, acceptedQuoteId: z.string() });

// ── Operators' matchmaking figures ──────────────────────────────────────────

/** Quotes and the B2B orders they became, beside the response figures. */
const dealFiguresSchema = z.object({
  quotes: z.number().int(),
  /** Quotes the importer accepted. */
  accepted: z.number().int(),
  /** B2B orders not cancelled. */
  orders: z.number().int(),
  /** orders / quotes submitted in basis points (10000 = one order per quote); 0 when no quote. */
  conversionBp: z.number().int(),
  /** orders / inquiries in basis points, two counts compared (orders come from RFQs); 0 when no inquiry. */
  inquiryConversionBp: z.number().int(),
});

export const tradeFiguresSchema = z.object({
  exporters: z.array(
    responseFiguresSchema.extend(dealFiguresSchema.shape).extend({
      exporterId: z.string(),
      pavilionId: z.string(),
      tradingNameEn: z.string(),
      tradingNameZh: z.string(),
    }),
  ),
  pavilions: z.array(responseFiguresSchema.extend(dealFiguresSchema.shape).extend({ pavilionId: z.string(), nameEn: z.string(), nameZh: z.string() })),
});
