import type { z } from 'zod';
import type { inquirySummarySchema, inquiryThreadSchema, rfqSchema, quoteComparisonSchema} from '@pavilion/contracts';
import { type acceptQuoteBodySchema, type inquiryCreateSchema, type inquiryMessageCreateSchema, type Me, type rfqCreateSchema, endpoints } from '@pavilion/contracts';
import { api, hrefOf, uploadTo } from '../../api/client.ts';

export type InquiryCreate = z.input<typeof inquiryCreateSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type Rfq = z.output<typeof rfqSchema>;
export type RfqCreate = z.input<typeof rfqCreateSchema>;
export type QuoteComparison = z.output<typeof quoteComparisonSchema>;

/** The importer's trade calls (/api/trade): inquiries and their threads, RFQs and their quotes. */
export const storeTradeApi = {
  createInquiry: (body: InquiryCreate) => api(endpoints.trade.createInquiry, { body: body }),
  listInquiries: () => api(endpoints.trade.getInquiries),
  markRead: (id: string) => api(endpoints.trade.readInquiry, { params: { id } }),
  post: (id: string, body: z.input<typeof inquiryMessageCreateSchema>) => api(endpoints.trade.sendInquiryMessage, { params: { id }, body: body }),
  close: (id: string) => api(endpoints.trade.closeInquiry, { params: { id } }),
  listRfqs: () => api(endpoints.trade.getRfqs),
  getRfq: (id: string) => api(endpoints.trade.getRfq, { params: { id } }),
  createRfq: (body: RfqCreate) => api(endpoints.trade.createRfq, { body: body }),
  compare: (id: string, quantity: number) => api(endpoints.trade.getRfqQuotes, { params: { id }, query: { quantity } }),
  accept: (id: string, quoteId: string, choice: z.input<typeof acceptQuoteBodySchema> = {}) =>
    api(endpoints.trade.acceptRfqQuote, { params: { id, quoteId }, body: choice }),
  listOrders: () => api(endpoints.trade.getOrders),
  cancelOrder: (id: string, reason: string) => api(endpoints.trade.cancelOrder, { params: { id }, body: { reason } }),
  proformaUrl: (id: string) => hrefOf(endpoints.trade.getOrderProformaPdf, { params: { id } }),
  uploadFile: (file: Blob) => uploadTo(endpoints.trade.uploadTradeFile, file),
  fileUrl: (id: string, fileId: string) => hrefOf(endpoints.trade.getInquiryFile, { params: { id, fileId } }),
};

/** Whether the account trades for an importer company (owner or buyer member). */
export const isImporter = (me: Me): boolean => me.roles.some((grant) => grant.role === 'company_member');
