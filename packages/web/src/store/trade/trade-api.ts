import type { z } from 'zod';
import type { inquirySummarySchema, inquiryThreadSchema, rfqSchema, quoteComparisonSchema} from '@pavilion/contracts';
import type { inquiryCreateSchema, Me, rfqCreateSchema } from '@pavilion/contracts';

export type InquiryCreate = z.input<typeof inquiryCreateSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type Rfq = z.output<typeof rfqSchema>;
export type RfqCreate = z.input<typeof rfqCreateSchema>;
export type QuoteComparison = z.output<typeof quoteComparisonSchema>;

/** Whether the account trades for an importer company (owner or buyer member). */
export const isImporter = (me: Me): boolean => me.roles.some((grant) => grant.role === 'company_member');
