import type { z } from 'zod';
import type {
  exporterRfqSchema} from '@pavilion/contracts';
import {
  exporterInquiryInboxSchema,
  exporterQuoteSchema,
  exporterRfqListSchema,
  inquirySummarySchema,
  inquiryThreadSchema,
  tradeFileSchema,
  type exporterReplySchema,
  type quoteInputSchema,
} from '@pavilion/contracts';
import { call, seg, upload } from '../../console/console-api.ts';

export type InquiryInbox = z.output<typeof exporterInquiryInboxSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type ExporterRfq = z.output<typeof exporterRfqSchema>;
export type ExporterQuote = z.output<typeof exporterQuoteSchema>;
export type QuoteInput = z.output<typeof quoteInputSchema>;
export type ExporterReply = z.input<typeof exporterReplySchema>;

/** The exporter console's trade calls: the inquiry inbox and its threads, the RFQ board and quotes. */
export const tradeApi = {
  inbox: () => call('GET', '/api/exporter/inquiries', exporterInquiryInboxSchema),
  thread: (id: string) => call('GET', `/api/exporter/inquiries/${seg(id)}`, inquiryThreadSchema),
  markRead: (id: string) => call('POST', `/api/exporter/inquiries/${seg(id)}/read`, inquiryThreadSchema),
  reply: (id: string, body: ExporterReply) => call('POST', `/api/exporter/inquiries/${seg(id)}/messages`, inquiryThreadSchema, body),
  close: (id: string) => call('POST', `/api/exporter/inquiries/${seg(id)}/close`, inquirySummarySchema),
  uploadFile: (file: Blob) => upload('/api/exporter/trade-files', tradeFileSchema, file),
  fileUrl: (inquiryId: string, fileId: string) => `/api/exporter/inquiries/${seg(inquiryId)}/files/${seg(fileId)}`,
  board: () => call('GET', '/api/exporter/rfqs', exporterRfqListSchema),
  submitQuote: (rfqId: string, body: QuoteInput) => call('PUT', `/api/exporter/rfqs/${seg(rfqId)}/quote`, exporterQuoteSchema, body),
};
