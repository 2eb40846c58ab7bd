import { z } from 'zod';
import { multiLineText, singleLineText } from './text.ts';
import { currencySchema, MAX_TOTAL_MINOR, tradeQuantitySchema } from './money.ts';
import { incotermSchema, tradeUnitSchema } from './trade.ts';
import { validationMessages as m } from './validation.ts';

/**
 * B2B orders: what an accepted quote becomes (a sample or a bulk order) with its proforma invoice,
 * and the steps the parties record as the goods are paid for by bank transfer, made and shipped.
 */

const text = singleLineText;

export const b2bOrderKinds = ['sample', 'bulk'] as const;
export type B2bOrderKind = (typeof b2bOrderKinds)[number];

/** T/T (telegraphic transfer with a deposit) or L/C (letter of credit, no deposit step). */
export const b2bPaymentTerms = ['tt', 'lc'] as const;
export type B2bPaymentTerms = (typeof b2bPaymentTerms)[number];

export const b2bOrderStatuses = ['proforma_issued', 'deposit_paid', 'in_production', 'shipped', 'balance_paid', 'completed', 'cancelled'] as const;
export type B2bOrderStatus = (typeof b2bOrderStatuses)[number];

export const b2bOrderActions = ['deposit', 'production', 'shipment', 'balance', 'complete', 'cancel'] as const;
export type B2bOrderAction = (typeof b2bOrderActions)[number];

export const b2bPaymentKinds = ['deposit', 'balance'] as const;
export type B2bPaymentKind = (typeof b2bPaymentKinds)[number];

/** Bill of lading (sea) or air waybill (air). */
export const transportDocumentKinds = ['bl', 'awb'] as const;

/**
 * The importer's choice when accepting a quote. Every field may be left out (an empty body accepts
 * in bulk at the RFQ's quantity on the quote's T/T terms, or L/C when T/T is not offered).
 */
export const acceptQuoteBodySchema = z
  .object({
    kind: z.enum(b2bOrderKinds).default('bulk'),
    /** Units of the RFQ's unit; a sample defaults to 1, a bulk order to the RFQ's quantity. */
    quantity: tradeQuantitySchema.optional(),
    paymentTerms: z.enum(b2bPaymentTerms).optional(),
  })
  .strict();

// ── Exporter bank details ───────────────────────────────────────────────────

/** ISO 9362: 4 letters for the bank, 2 for the country, 2 letters or digits for the location, an optional 3 for the branch. */
export const swiftBicPattern = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export const bankDetailsInputSchema = z
  .object({
    accountName: text(200).min(1),
    bankName: text(200).min(1),
    swiftBic: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
      .pipe(z.string().regex(swiftBicPattern, { message: m.swiftBic.en })),
    /** The account number or IBAN, as the bank writes it. */
    accountNumber: text(64).min(1),
    bankAddress: multiLineText(500).min(1),
  })
  .strict();
export type BankDetails = z.infer<typeof bankDetailsInputSchema>;

export const bankDetailsSchema = z.object({
  accountName: z.string(),
  bankName: z.string(),
  swiftBic: z.string(),
  accountNumber: z.string(),
  bankAddress: z.string(),
});
export const exporterBankDetailsSchema = z.object({ bankDetails: bankDetailsSchema.nullable(), updatedAt: z.string().nullable() });

// ── Steps ───────────────────────────────────────────────────────────────────

/** A bank transfer the exporter saw arrive: the buyer's transfer reference and the amount, which must be the one due. */
export const b2bPaymentInputSchema = z
  .object({ reference: text(100).min(1), amountMinor: z.number().int().min(0).max(MAX_TOTAL_MINOR) })
  .strict();
export const b2bShipmentInputSchema = z
  .object({ documentKind: z.enum(transportDocumentKinds), documentNumber: text(60).min(1), carrier: text(200).min(1), vessel: text(200).default('') })
  .strict();
export const b2bNoteInputSchema = z.object({ note: multiLineText(1000).default('') }).strict();
export const b2bCancelInputSchema = z.object({ reason: multiLineText(1000).min(1, { message: m.cancelReasonRequired.en }) }).strict();

// ── The order ───────────────────────────────────────────────────────────────

export const b2bOrderLineSchema = z.object({
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  quantity: z.number().int(),
  unit: tradeUnitSchema,
  unitPriceMinor: z.number().int(),
  amountMinor: z.number().int(),
});

export const b2bPartiesSchema = z.object({
  exporter: z.object({ legalName: z.string(), tradingNameEn: z.string(), tradingNameZh: z.string(), address: z.string().nullable(), countryCode: z.string() }),
  importer: z.object({ nameZh: z.string(), nameEn: z.string().nullable(), creditCode: z.string().nullable(), address: z.string().nullable() }),
});

export const b2bOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(b2bOrderKinds),
    status: z.enum(b2bOrderStatuses),
    pavilionId: z.string(),
    rfqId: z.string(),
    quoteId: z.string(),
    quoteRevision: z.number().int(),
    currency: currencySchema,
    lines: z.array(b2bOrderLineSchema),
    totalMinor: z.number().int(),
    paymentTerms: z.enum(b2bPaymentTerms),
    /** T/T only; null on an L/C order. */
    depositPercent: z.number().int().nullable(),
    depositMinor: z.number().int(),
    balanceMinor: z.number().int(),
    incoterm: incotermSchema,
    port: z.string(),
    destinationPort: z.string(),
    /** The proforma's last valid day (China date). */
    validUntil: z.string(),
    parties: b2bPartiesSchema,
    /** As the exporter had entered them when the proforma was issued; null if it had not yet. */
    bankDetails: bankDetailsSchema.nullable(),
    shipment: z.object({ documentKind: z.enum(transportDocumentKinds), documentNumber: z.string(), carrier: z.string(), vessel: z.string() }).nullable(),
    cancellationReason: z.string().nullable(),
    payments: z.array(z.object({ kind: z.enum(b2bPaymentKinds), amountMinor: z.number().int(), reference: z.string(), recordedAt: z.string() })),
    events: z.array(z.object({ action: z.string(), status: z.enum(b2bOrderStatuses), side: z.enum(['company', 'exporter']), note: z.string(), at: z.string() })),
    /** What the caller may do next. */
    nextActions: z.array(z.enum(b2bOrderActions)),
    issuedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'B2bOrder' });
export type B2bOrder = z.infer<typeof b2bOrderSchema>;
export const b2bOrderListSchema = z.object({ items: z.array(b2bOrderSchema) });
export const b2bOrderActionParamsSchema = z.object({ id: z.uuid(), action: z.enum(b2bOrderActions) });
