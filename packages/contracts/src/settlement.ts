import { z } from 'zod';
import { currencySchema } from './money.ts';
import { validationMessages as m } from './validation.ts';

/**
 * Exporter settlement: what the pavilion owes each exporter for its goods, month by month, in the
 * exporter's own currency. Yuan amounts are integer fen; the exporter's amounts integer minor units
 * of the statement's currency.
 */

const fen = z.number().int();
const minor = z.number().int();

/** Commission in basis points (800 = 8%): at most half of the goods value. */
export const MAX_COMMISSION_BP = 5000;
export const commissionInputSchema = z
  .object({ rateBp: z.number({ message: m.commissionRateBp.en }).int({ message: m.commissionRateBp.en }).min(0, { message: m.commissionRateBp.en }).max(MAX_COMMISSION_BP, { message: m.commissionRateBp.en }) })
  .strict();
export type CommissionInput = z.infer<typeof commissionInputSchema>;

export const commissionRateSchema = z.object({ rateBp: z.number().int(), effectiveFrom: z.string(), createdAt: z.string() });
export const pavilionCommissionSchema = z.object({
  pavilionId: z.string(),
  /** The rate orders placed now are settled at. */
  rateBp: z.number().int(),
  /** True when no operator has set a rate yet and the platform default applies. */
  isDefault: z.boolean(),
  /** Every rate set, newest first: an order keeps the rate in force when it was placed. */
  history: z.array(commissionRateSchema),
});
export type PavilionCommission = z.infer<typeof pavilionCommissionSchema>;

export const statementStatuses = ['draft', 'issued'] as const;
export type StatementStatus = (typeof statementStatuses)[number];
export const statementLineKinds = ['sale', 'refund'] as const;
export type StatementLineKind = (typeof statementLineKinds)[number];

export const statementMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: m.statementMonth.en });

export const statementSummarySchema = z.object({
  id: z.string(),
  exporter: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
  pavilion: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
  /** The China-time month, YYYY-MM. */
  month: z.string(),
  currency: currencySchema,
  status: z.enum(statementStatuses),
  lineCount: z.number().int(),
  goodsFen: fen,
  commissionFen: fen,
  shareFen: fen,
  /** What the exporter is owed, in minor units of `currency`: the sum of the lines' shares. */
  shareMinor: minor,
  generatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type StatementSummary = z.infer<typeof statementSummarySchema>;

export const statementLineSchema = z.object({
  position: z.number().int(),
  kind: z.enum(statementLineKinds),
  orderId: z.string(),
  orderNumber: z.string(),
  lineNo: z.number().int(),
  sku: z.string(),
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  /** Negative on a refund line. */
  quantity: z.number().int(),
  goodsFen: fen,
  commissionBp: z.number().int(),
  commissionFen: fen,
  shareFen: fen,
  /** The order's own rate: CNY per one major unit of the currency, as a decimal string. */
  rate: z.string(),
  rateDate: z.string(),
  shareMinor: minor,
  /** When the order was completed (sale) or the return refunded (refund). */
  occurredAt: z.string(),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const statementDetailSchema = statementSummarySchema.extend({ lines: z.array(statementLineSchema) });
export type StatementDetail = z.infer<typeof statementDetailSchema>;
export const statementListSchema = z.object({ items: z.array(statementSummarySchema) });

export const exporterStatementQuerySchema = z.object({ month: statementMonthSchema.optional() }).strict();
export const operatorStatementQuerySchema = z.object({ exporter: z.uuid().optional(), month: statementMonthSchema.optional() }).strict();
export const statementFileFormats = ['xlsx', 'pdf'] as const;
export const statementFileQuerySchema = z.object({ format: z.enum(statementFileFormats) }).strict();
export type StatementFileFormat = (typeof statementFileFormats)[number];
