import { z } from 'zod';
import { multiLineText, richText, singleLineText } from './text.ts';
import { emailSchema, passwordSchema, sessionTransportSchema } from './auth.ts';
import { imageSchema } from './catalog.ts';
import { countryCodeSchema } from './countries.ts';
import { exporterMemberSchema, exporterStatuses, exporterSummarySchema, slugSchema } from './pavilions.ts';
import { validationMessages as m } from './validation.ts';

/**
 * Exporter onboarding: the application (and the account made with it), compliance documents, the
 * operators' review, team invitations, brands, and the storefront's exporter and brand pages.
 */

export type ExporterStatus = (typeof exporterStatuses)[number];

const required = (max: number) => singleLineText(max).min(1, { message: m.required.en });
const optionalText = (max: number) => singleLineText(max).nullable();
/** Ids in URLs: looked up, so any short string; an unknown one answers 404. */
const idParam = z.string().min(1).max(64);
const categoryId = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: m.unknownCategory.en });
const richTextField = richText(20_000);

/**
 * GACC registration numbers (Decree 248) differ in shape by country and by registration route
 * (recommended by the exporting country's authority, or self-registered), so only their shape is
 * checked here; the operator checks the number against GACC's published list when reviewing.
 */
const gaccNumber = z.string().trim().regex(/^([A-Za-z0-9][A-Za-z0-9 /-]{3,39})?$/, { message: m.gaccNumber.en });
/** Forms send "" for a field left empty: stored as null. */
const blankToNull = (value: string | null): string | null => (value === '' ? null : value);
const phone = z.string().trim().regex(/^\+\d[\d ()-]{5,24}$/, { message: m.phone.en });

/** The company's side of an application. Food makers add the GACC number and the manufacturer. */
const applicationFields = {
  legalName: required(200),
  tradingNameEn: required(120),
  tradingNameZh: required(60),
  country: countryCodeSchema,
  city: required(100),
  address: multiLineText(500).min(1, { message: m.required.en }),
  contactName: required(120),
  contactEmail: emailSchema,
  contactPhone: phone,
  /** The export licence or business registration number. */
  registrationNumber: required(100),
  /** Category ids (slugs) from the category tree; at least one. */
  categories: z.array(categoryId).min(1, { message: m.required.en }).max(20),
  /** Required (with the manufacturer's name and address) when any chosen category is food. */
  gaccRegistrationNumber: gaccNumber.nullable().transform(blankToNull).default(null),
  manufacturerName: optionalText(200).transform(blankToNull).default(null),
  manufacturerAddress: multiLineText(500).nullable().transform(blankToNull).default(null),
};

/** Anonymous: the applicant's account and the exporter, created together (status pending). */
export const exporterApplicationRequestSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    displayName: required(100),
    pavilionSlug: slugSchema,
    ...applicationFields,
    session: sessionTransportSchema,
  })
  .strict();
export type ExporterApplicationRequest = z.output<typeof exporterApplicationRequestSchema>;

/**
 * Changes to the application: any subset of its fields. While pending or rejected every field may
 * change (a rejected application goes back to pending, its reason cleared); once approved only the
 * contact and address fields (and the public story) may.
 */
export const exporterApplicationUpdateSchema = z
  .object({
    legalName: applicationFields.legalName,
    tradingNameEn: applicationFields.tradingNameEn,
    tradingNameZh: applicationFields.tradingNameZh,
    country: applicationFields.country,
    city: applicationFields.city,
    address: applicationFields.address,
    contactName: applicationFields.contactName,
    contactEmail: applicationFields.contactEmail,
    contactPhone: applicationFields.contactPhone,
    registrationNumber: applicationFields.registrationNumber,
    categories: applicationFields.categories,
    gaccRegistrationNumber: gaccNumber.nullable().transform(blankToNull),
    manufacturerName: optionalText(200).transform(blankToNull),
    manufacturerAddress: multiLineText(500).nullable().transform(blankToNull),
    /** The exporter's story on its storefront page (rich text, sanitized by the server). */
    storyEn: richTextField,
    storyZh: richTextField,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: m.atLeastOneField.en });
export type ExporterApplicationUpdate = z.output<typeof exporterApplicationUpdateSchema>;

export const exporterCategorySchema = z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), isFood: z.boolean() });

/** The application as its exporter (and the operators reviewing it) see it. */
export const exporterApplicationSchema = z
  .object({
    id: z.string(),
    status: z.enum(exporterStatuses),
    /** Why it was rejected or suspended (null otherwise): the exporter sees it. */
    reviewReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    pavilion: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string(), countries: z.array(countryCodeSchema) }),
    legalName: z.string(),
    tradingNameEn: z.string(),
    tradingNameZh: z.string(),
    country: countryCodeSchema,
    city: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    gaccRegistrationNumber: z.string().nullable(),
    manufacturerName: z.string().nullable(),
    manufacturerAddress: z.string().nullable(),
    storyEn: z.string(),
    storyZh: z.string(),
    categories: z.array(exporterCategorySchema),
    /** Some chosen category is food: the GACC number and the manufacturer are required. */
    requiresGacc: z.boolean(),
    /** The fields the exporter cannot change in the current status. */
    lockedFields: z.array(z.string()),
  })
  .meta({ id: 'ExporterApplication' });
export type ExporterApplication = z.infer<typeof exporterApplicationSchema>;

// Documents

export const documentKinds = ['export_licence', 'business_registration', 'gacc_registration', 'certificate', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindSchema = z.enum(documentKinds, { message: m.documentKind.en });

export const exporterDocumentSchema = z
  .object({
    id: z.string(),
    kind: documentKindSchema,
    /** The name the file had on the uploader's computer. */
    fileName: z.string(),
    /** Detected from the content, never from the name. */
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ExporterDocument' });
export const exporterDocumentListSchema = z.object({ items: z.array(exporterDocumentSchema) });

export const documentIdParamsSchema = z.object({ id: idParam });
export const exporterDocumentParamsSchema = z.object({ id: idParam, docId: idParam });

// Review

export const exporterQueueQuerySchema = z.object({
  status: z.enum(exporterStatuses).default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const exporterQueueItemSchema = exporterSummarySchema.extend({
  pavilion: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
});
export const exporterQueueSchema = z.object({ items: z.array(exporterQueueItemSchema), total: z.number().int() });

/** What operators see of one exporter: the application, its documents and its team. */
export const operatorExporterSchema = exporterApplicationSchema
  .extend({ documents: z.array(exporterDocumentSchema), members: z.array(exporterMemberSchema) })
  .meta({ id: 'OperatorExporter' });

export const exporterIdParamsSchema = z.object({ id: idParam });

const reason = multiLineText(500).min(5, { message: m.reasonLength.en }).max(500, { message: m.reasonLength.en });

/** approve, or reject with the reason the exporter will read (5–500 characters). */
export const exporterReviewRequestSchema = z
  .object({ decision: z.enum(['approve', 'reject']), reason: reason.optional() })
  .strict()
  .superRefine((body, ctx) => {
    if (body.decision === 'reject' && body.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: m.required.en });
    }
    if (body.decision === 'approve' && body.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: m.reasonOnlyForReject.en });
    }
  });

export const exporterSuspendRequestSchema = z.object({ reason }).strict();

// Team invitations

export const invitationCreateRequestSchema = z.object({ email: emailSchema }).strict();

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.string().nullable(),
});
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** Only this answer carries the link: the token itself is never stored. */
export const invitationCreatedSchema = z.object({ id: z.string(), email: z.string(), expiresAt: z.string(), acceptUrl: z.string() });

export const invitationIdParamsSchema = z.object({ id: idParam });
export const invitationTokenParamsSchema = z.object({ token: z.string().max(128) });

/** What the invitee sees before accepting. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  exporter: z.object({ tradingNameEn: z.string(), tradingNameZh: z.string() }),
  pavilion: z.object({ nameEn: z.string(), nameZh: z.string() }),
  expiresAt: z.string(),
});

export const invitationAcceptRequestSchema = z
  .object({ displayName: required(100), password: passwordSchema, session: sessionTransportSchema })
  .strict();

// Brands

export const brandInputSchema = z
  .object({
    nameEn: required(80),
    nameZh: required(40),
    /** Rich text, sanitized by the server before it is stored. */
    storyEn: richTextField.default(''),
    storyZh: richTextField.default(''),
    /** An image uploaded by this exporter, or null. */
    logoMediaId: z.uuid().nullable().default(null),
  })
  .strict();
export type BrandInput = z.output<typeof brandInputSchema>;

export const brandSchema = z
  .object({
    id: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    storyEn: z.string(),
    storyZh: z.string(),
    logo: imageSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Brand' });
export type Brand = z.infer<typeof brandSchema>;
export const brandListSchema = z.object({ items: z.array(brandSchema) });
export const brandIdParamsSchema = z.object({ id: idParam });

// Storefront

const storeBrandFields = { id: z.string(), nameEn: z.string(), nameZh: z.string(), storyEn: z.string(), storyZh: z.string(), logo: imageSchema.nullable() };

/** An approved exporter's page in the storefront. */
export const storeExporterSchema = z
  .object({
    id: z.string(),
    pavilion: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
    tradingNameEn: z.string(),
    tradingNameZh: z.string(),
    country: countryCodeSchema,
    city: z.string(),
    storyEn: z.string(),
    storyZh: z.string(),
    brands: z.array(z.object(storeBrandFields)),
  })
  .meta({ id: 'StoreExporter' });

export const storeBrandSchema = z
  .object({
    ...storeBrandFields,
    exporter: z.object({ id: z.string(), tradingNameEn: z.string(), tradingNameZh: z.string(), country: countryCodeSchema, city: z.string() }),
  })
  .meta({ id: 'StoreBrand' });
