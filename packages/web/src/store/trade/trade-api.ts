import type { z } from 'zod';
import { inquiryListSchema, inquirySummarySchema, inquiryThreadSchema, type inquiryCreateSchema, type inquiryMessageCreateSchema, type Me } from '@pavilion/contracts';
import { expect, send } from '../../api/client.ts';

export type InquiryCreate = z.input<typeof inquiryCreateSchema>;
export type InquirySummary = z.output<typeof inquirySummarySchema>;
export type InquiryThread = z.output<typeof inquiryThreadSchema>;

/** The importer's trade calls (/api/trade): inquiries and their threads. */
export const storeTradeApi = {
  createInquiry: async (body: InquiryCreate) => expect(inquirySummarySchema, await send('POST', '/api/trade/inquiries', body)),
  listInquiries: async () => expect(inquiryListSchema, await send('GET', '/api/trade/inquiries')),
  markRead: async (id: string) => expect(inquiryThreadSchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/read`)),
  post: async (id: string, body: z.input<typeof inquiryMessageCreateSchema>) => expect(inquiryThreadSchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/messages`, body)),
  close: async (id: string) => expect(inquirySummarySchema, await send('POST', `/api/trade/inquiries/${encodeURIComponent(id)}/close`)),
  fileUrl: (id: string, fileId: string) => `/api/trade/inquiries/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
};

/** Whether the account trades for an importer company (owner or buyer member). */
export const isImporter = (me: Me): boolean => me.roles.some((grant) => grant.role === 'company_member');
