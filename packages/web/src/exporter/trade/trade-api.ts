import type { z } from 'zod';
import type {
  exporterRfqSchema, exporterInquiryInboxSchema, exporterQuoteSchema, inquirySummarySchema, inquiryThreadSchema} from '@pavilion/contracts';
import { type exporterReplySchema, type quoteInputSchema, endpoints } from '@pavilion/contracts';
import { api, hrefOf, uploadTo } from '../../api/client.ts';

export type InquiryInbox = z.output<typeof exporterInquiryInboxSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type ExporterRfq = z.output<typeof exporterRfqSchema>;
export type ExporterQuote = z.output<typeof exporterQuoteSchema>;
export type QuoteInput = z.output<typeof quoteInputSchema>;
export type ExporterReply = z.input<typeof exporterReplySchema>;

/** The exporter console's trade calls: the inquiry inbox and its threads, the RFQ board and quotes. */
export const tradeApi = {
  inbox: () => api(endpoints.exporter.getInquiries),
  thread: (id: string) => api(endpoints.exporter.getInquiry, { params: { id } }),
  markRead: (id: string) => api(endpoints.exporter.readInquiry, { params: { id } }),
  reply: (id: string, body: ExporterReply) => api(endpoints.exporter.sendInquiryMessage, { params: { id }, body: body }),
  close: (id: string) => api(endpoints.exporter.closeInquiry, { params: { id } }),
  uploadFile: (file: Blob) => uploadTo(endpoints.exporter.uploadTradeFile, file),
  fileUrl: (inquiryId: string, fileId: string) => hrefOf(endpoints.exporter.getInquiryFile, { params: { id: inquiryId, fileId } }),
  board: () => api(endpoints.exporter.getRfqs),
  submitQuote: (rfqId: string, body: QuoteInput) => api(endpoints.exporter.setRfqQuote, { params: { id: rfqId }, body: body }),
};
