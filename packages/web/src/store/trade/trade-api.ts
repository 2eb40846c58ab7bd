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
  type inquiryCreateSchema,
  type inquiryMessageCreateSchema,
  type Me,
  type rfqCreateSchema,
} from '@pavilion/contracts';
import { expect, send } from '../../api/client.ts';

export type InquiryCreate = z.input<typeof inquiryCreateSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;
export type Rfq = z.output<typeof rfqSchema>;
export type RfqCreate = z.input<typeof rfqCreateSchema>;
export type QuoteComparison = z.output<typeof quoteComparisonSchema>;

/** The importer's trade calls (/api/trade): inquiries and their threads, RFQs and their quotes. */
export const storeTradeApi = {
  createInquiry: async (body: InquiryCreate) => expect(inquirySummarySchema, await send('POST', '/api/trade/inquiries', body)),
  listInquiries: async () => expect(inquiryListSchema, await send('GET', '/api/trade/inquiries')),
  markRead: async (id: string) => expect(inquiryThreadSchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/read`)),
  post: async (id: string, body: z.input<typeof inquiryMessageCreateSchema>) => expect(inquiryThreadSchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/messages`, body)),
  close: async (id: string) => expect(inquirySummarySchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/close`)),
  listRfqs: async () => expect(rfqListSchema, await send('GET', '/api/trade/rfqs')),
  getRfq: async (id: string) => expect(rfqSchema, await send('GET', `/api/trade/rfqs/${encodeURIComponent(id)}`)),
  createRfq: async (body: RfqCreate) => expect(rfqSchema, await send('POST', '/api/trade/rfqs', body)),
  compare: async (id: string, quantity: number) => expect(quoteComparisonSchema, await send('GET', `/api/trade/rfqs/${encodeURIComponent(id)}/quotes?quantity=${quantity}`)),
  accept: async (id: string, quoteId: string, choice: z.input<typeof acceptQuoteBodySchema> = {}) =>
    expect(acceptedQuoteSchema, await send('POST', `/api/trade/rfqs/${encodeURIComponent(id)}/quotes/${encodeURIComponent(quoteId)}/accept`, choice)),
  listOrders: async () => expect(b2bOrderListSchema, await send('GET', '/api/trade/orders')),
  cancelOrder: async (id: string, reason: string) => expect(b2bOrderSchema, await send('POST', `/api/trade/orders/${encodeURIComponent(id)}/cancel`, { reason })),
  proformaUrl: (id: string) => `/api/trade/orders/${encodeURIComponent(id)}/proforma.pdf`,
  fileUrl: (id: string, fileId: string) => `/api/trade/inquiries/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
};

/** Whether the account trades for an importer company (owner or buyer member). */
export const isImporter = (me: Me): boolean => me.roles.some((grant) => grant.role === 'company_member');
