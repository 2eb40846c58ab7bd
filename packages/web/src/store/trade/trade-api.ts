import type { z } from 'zod';
import {
  acceptedQuoteSchema,
  b2bOrderListSchema,
  b2bOrderSchema,
  type acceptQuoteBodySchema,
  inquiryListSchema,
  inquirySummarySchema,
  inquiryThreadSchema,
  quoteComparisonSchema,
  rfqListSchema,
  rfqSchema,
  tradeFileSchema,
  type inquiryCreateSchema,
  type inquiryMessageCreateSchema,
  type Me,
  type rfqCreateSchema,
} from '@pavilion/contracts';
import { call, seg, upload } from '../../api/client.ts';

export type InquiryCreate = z.input<typeof inquiryCreateSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type Rfq = z.output<typeof rfqSchema>;
export type RfqCreate = z.input<typeof rfqCreateSchema>;
export type QuoteComparison = z.output<typeof quoteComparisonSchema>;

/** The importer's trade calls (/api/trade): inquiries and their threads, RFQs and their quotes. */
export const storeTradeApi = {
  createInquiry: (body: InquiryCreate) => call('POST', '/api/trade/inquiries', inquirySummarySchema, body),
  listInquiries: () => call('GET', '/api/trade/inquiries', inquiryListSchema),
  markRead: (id: string) => call('POST', `/api/trade/inquiries/${seg(id)}/read`, inquiryThreadSchema),
  post: (id: string, body: z.input<typeof inquiryMessageCreateSchema>) => call('POST', `/api/trade/inquiries/${seg(id)}/messages`, inquiryThreadSchema, body),
  close: (id: string) => call('POST', `/api/trade/inquiries/${seg(id)}/close`, inquirySummarySchema),
  listRfqs: () => call('GET', '/api/trade/rfqs', rfqListSchema),
  getRfq: (id: string) => call('GET', `/api/trade/rfqs/${seg(id)}`, rfqSchema),
  createRfq: (body: RfqCreate) => call('POST', '/api/trade/rfqs', rfqSchema, body),
  compare: (id: string, quantity: number) => call('GET', `/api/trade/rfqs/${seg(id)}/quotes?quantity=${quantity}`, quoteComparisonSchema),
  accept: (id: string, quoteId: string, choice: z.input<typeof acceptQuoteBodySchema> = {}) =>
    call('POST', `/api/trade/rfqs/${seg(id)}/quotes/${seg(quoteId)}/accept`, acceptedQuoteSchema, choice),
  listOrders: () => call('GET', '/api/trade/orders', b2bOrderListSchema),
  cancelOrder: (id: string, reason: string) => call('POST', `/api/trade/orders/${seg(id)}/cancel`, b2bOrderSchema, { reason }),
  proformaUrl: (id: string) => `/api/trade/orders/${seg(id)}/proforma.pdf`,
  uploadFile: (file: Blob) => upload('/api/trade/files', tradeFileSchema, file),
  fileUrl: (id: string, fileId: string) => `/api/trade/inquiries/${seg(id)}/files/${seg(fileId)}`,
};

/** Whether the account trades for an importer company (owner or buyer member). */
export const isImporter = (me: Me): boolean => me.roles.some((grant) => grant.role === 'company_member');
