import type { z } from 'zod';
import type {
  exporterRfqSchema, exporterInquiryInboxSchema, exporterQuoteSchema, inquirySummarySchema, inquiryThreadSchema} from '@pavilion/contracts';
import type { exporterReplySchema, quoteInputSchema } from '@pavilion/contracts';

export type InquiryInbox = z.output<typeof exporterInquiryInboxSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type ExporterRfq = z.output<typeof exporterRfqSchema>;
export type ExporterQuote = z.output<typeof exporterQuoteSchema>;
export type QuoteInput = z.output<typeof quoteInputSchema>;
export type ExporterReply = z.input<typeof exporterReplySchema>;
