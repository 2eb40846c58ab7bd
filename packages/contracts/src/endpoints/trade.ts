import { acceptQuoteBodySchema, b2bCancelInputSchema, b2bOrderListSchema, b2bOrderSchema } from '../b2b-orders.ts';
import { acceptQuoteParamsSchema, acceptedQuoteSchema, companyProfileSchema, companyUpdateSchema, idParamsSchema, inquiryCreateSchema, inquiryFileParamsSchema, inquiryListSchema, inquiryMessageCreateSchema, inquirySummarySchema, inquiryThreadSchema, quoteComparisonQuerySchema, quoteComparisonSchema, rfqCreateSchema, rfqListSchema, rfqSchema, tradeFileSchema } from '../trade.ts';
import { endpoint } from './endpoint.ts';

/** Importers' B2B trade: every endpoint, by name. */
export const tradeEndpoints = {
  getCompany: endpoint({ method: 'GET', path: '/api/trade/company', response: { 200: companyProfileSchema } }),
  updateCompany: endpoint({ method: 'PATCH', path: '/api/trade/company', body: companyUpdateSchema, response: { 200: companyProfileSchema } }),
  uploadTradeFile: endpoint({ method: 'POST', path: '/api/trade/files', response: { 201: tradeFileSchema } }),
  createInquiry: endpoint({ method: 'POST', path: '/api/trade/inquiries', body: inquiryCreateSchema, response: { 201: inquirySummarySchema } }),
  getInquiries: endpoint({ method: 'GET', path: '/api/trade/inquiries', response: { 200: inquiryListSchema } }),
  getInquiry: endpoint({ method: 'GET', path: '/api/trade/inquiries/:id', params: idParamsSchema, response: { 200: inquiryThreadSchema } }),
  sendInquiryMessage: endpoint({ method: 'POST', path: '/api/trade/inquiries/:id/messages', params: idParamsSchema, body: inquiryMessageCreateSchema, response: { 201: inquiryThreadSchema } }),
  readInquiry: endpoint({ method: 'POST', path: '/api/trade/inquiries/:id/read', params: idParamsSchema, response: { 200: inquiryThreadSchema } }),
  closeInquiry: endpoint({ method: 'POST', path: '/api/trade/inquiries/:id/close', params: idParamsSchema, response: { 200: inquirySummarySchema } }),
  getInquiryFile: endpoint({ method: 'GET', path: '/api/trade/inquiries/:id/files/:fileId', params: inquiryFileParamsSchema, response: {  } }),
  createRfq: endpoint({ method: 'POST', path: '/api/trade/rfqs', body: rfqCreateSchema, response: { 201: rfqSchema } }),
  getRfqs: endpoint({ method: 'GET', path: '/api/trade/rfqs', response: { 200: rfqListSchema } }),
  getRfq: endpoint({ method: 'GET', path: '/api/trade/rfqs/:id', params: idParamsSchema, response: { 200: rfqSchema } }),
  getRfqQuotes: endpoint({ method: 'GET', path: '/api/trade/rfqs/:id/quotes', params: idParamsSchema, query: quoteComparisonQuerySchema, response: { 200: quoteComparisonSchema } }),
  acceptRfqQuote: endpoint({ method: 'POST', path: '/api/trade/rfqs/:id/quotes/:quoteId/accept', params: acceptQuoteParamsSchema, body: acceptQuoteBodySchema.nullish(), response: { 200: acceptedQuoteSchema } }),
  cancelRfq: endpoint({ method: 'POST', path: '/api/trade/rfqs/:id/cancel', params: idParamsSchema, response: { 200: rfqSchema } }),
  getOrders: endpoint({ method: 'GET', path: '/api/trade/orders', response: { 200: b2bOrderListSchema } }),
  getOrder: endpoint({ method: 'GET', path: '/api/trade/orders/:id', params: idParamsSchema, response: { 200: b2bOrderSchema } }),
  getOrderProformaPdf: endpoint({ method: 'GET', path: '/api/trade/orders/:id/proforma.pdf', params: idParamsSchema, response: {  } }),
  cancelOrder: endpoint({ method: 'POST', path: '/api/trade/orders/:id/cancel', params: idParamsSchema, body: b2bCancelInputSchema, response: { 200: b2bOrderSchema } }),
} as const;
