import { z } from 'zod';
import { sessionResponseSchema } from '../auth.ts';
import { b2bCancelInputSchema, b2bNoteInputSchema, b2bOrderListSchema, b2bOrderSchema, b2bPaymentInputSchema, b2bShipmentInputSchema, bankDetailsInputSchema, exporterBankDetailsSchema } from '../b2b-orders.ts';
import { importJobParamsSchema, importJobSchema, sheetFormatQuerySchema } from '../catalog-import.ts';
import { exporterProductListSchema, exporterProductSchema, imageSchema, productContentSchema, productStatuses, stockUpdateSchema, warehouseInputSchema, warehouseSchema } from '../catalog.ts';
import { brandIdParamsSchema, brandInputSchema, brandListSchema, brandSchema, documentIdParamsSchema, exporterApplicationRequestSchema, exporterApplicationSchema, exporterApplicationUpdateSchema, exporterDocumentListSchema, exporterDocumentSchema, invitationCreateRequestSchema, invitationCreatedSchema, invitationIdParamsSchema, invitationListSchema } from '../exporters.ts';
import { directShipmentInputSchema, fulfilmentListSchema, fulfilmentQuerySchema, shipmentSchema, trackingEventsInputSchema, trackingEventsResultSchema } from '../fulfilment.ts';
import { freightTemplateSchema, orderDetailSchema, orderListQuerySchema, orderListSchema, shippingTemplateSchema } from '../orders.ts';
import { exporterProfileSchema } from '../pavilions.ts';
import { returnApproveInputSchema, returnListQuerySchema, returnListSchema, returnReceivedInputSchema, returnRefuseInputSchema, returnSchema } from '../returns.ts';
import { exporterStatementQuerySchema, statementDetailSchema, statementFileQuerySchema, statementListSchema } from '../settlement.ts';
import { exporterInquiryInboxSchema, exporterReplySchema, exporterQuoteSchema, exporterRfqListSchema, exporterRfqSchema, idParamsSchema, inquiryFileParamsSchema, inquirySummarySchema, inquiryThreadSchema, quoteInputSchema, tradeFileSchema } from '../trade.ts';
import { endpoint } from './endpoint.ts';

const idParams = z.object({ id: z.uuid() });
const params = z.object({ id: z.uuid() });

/** The exporter console: every endpoint, by name. */
export const exporterEndpoints = {
  getProfile: endpoint({ method: 'GET', path: '/api/exporter/profile', response: { 200: exporterProfileSchema } }),
  createApplication: endpoint({ method: 'POST', path: '/api/exporter/applications', body: exporterApplicationRequestSchema, response: { 201: sessionResponseSchema } }),
  getApplication: endpoint({ method: 'GET', path: '/api/exporter/application', response: { 200: exporterApplicationSchema } }),
  setApplication: endpoint({ method: 'PUT', path: '/api/exporter/application', body: exporterApplicationUpdateSchema, response: { 200: exporterApplicationSchema } }),
  uploadDocument: endpoint({ method: 'POST', path: '/api/exporter/documents', response: { 201: exporterDocumentSchema } }),
  getDocuments: endpoint({ method: 'GET', path: '/api/exporter/documents', response: { 200: exporterDocumentListSchema } }),
  getDocumentFile: endpoint({ method: 'GET', path: '/api/exporter/documents/:id/file', params: documentIdParamsSchema, response: {  } }),
  deleteDocument: endpoint({ method: 'DELETE', path: '/api/exporter/documents/:id', params: documentIdParamsSchema, response: { 204: z.undefined() } }),
  createInvitation: endpoint({ method: 'POST', path: '/api/exporter/invitations', body: invitationCreateRequestSchema, response: { 201: invitationCreatedSchema } }),
  getInvitations: endpoint({ method: 'GET', path: '/api/exporter/invitations', response: { 200: invitationListSchema } }),
  deleteInvitation: endpoint({ method: 'DELETE', path: '/api/exporter/invitations/:id', params: invitationIdParamsSchema, response: { 204: z.undefined() } }),
  getBrands: endpoint({ method: 'GET', path: '/api/exporter/brands', response: { 200: brandListSchema } }),
  createBrand: endpoint({ method: 'POST', path: '/api/exporter/brands', body: brandInputSchema, response: { 201: brandSchema } }),
  updateBrand: endpoint({ method: 'PUT', path: '/api/exporter/brands/:id', params: brandIdParamsSchema, body: brandInputSchema, response: { 200: brandSchema } }),
  deleteBrand: endpoint({ method: 'DELETE', path: '/api/exporter/brands/:id', params: brandIdParamsSchema, response: { 204: z.undefined() } }),
  uploadMedia: endpoint({ method: 'POST', path: '/api/exporter/media', response: { 201: imageSchema } }),
  getProducts: endpoint({ method: 'GET', path: '/api/exporter/products', query: z.object({ status: z.enum(productStatuses).optional() }), response: { 200: exporterProductListSchema } }),
  createProduct: endpoint({ method: 'POST', path: '/api/exporter/products', body: productContentSchema, response: { 201: exporterProductSchema } }),
  getProduct: endpoint({ method: 'GET', path: '/api/exporter/products/:id', params: idParams, response: { 200: exporterProductSchema } }),
  updateProduct: endpoint({ method: 'PUT', path: '/api/exporter/products/:id', params: idParams, body: productContentSchema, response: { 200: exporterProductSchema } }),
  submitProduct: endpoint({ method: 'POST', path: '/api/exporter/products/:id/submit', params: idParams, response: { 200: exporterProductSchema } }),
  unpublishProduct: endpoint({ method: 'POST', path: '/api/exporter/products/:id/unpublish', params: idParams, response: { 200: exporterProductSchema } }),
  republishProduct: endpoint({ method: 'POST', path: '/api/exporter/products/:id/republish', params: idParams, response: { 200: exporterProductSchema } }),
  archiveProduct: endpoint({ method: 'POST', path: '/api/exporter/products/:id/archive', params: idParams, response: { 200: exporterProductSchema } }),
  getWarehouses: endpoint({ method: 'GET', path: '/api/exporter/warehouses', response: { 200: z.object({ items: z.array(warehouseSchema) }) } }),
  createWarehouse: endpoint({ method: 'POST', path: '/api/exporter/warehouses', body: warehouseInputSchema, response: { 201: warehouseSchema } }),
  setStock: endpoint({ method: 'PUT', path: '/api/exporter/stock', body: stockUpdateSchema, response: { 200: z.object({ variantId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() }) } }),
  getCatalogTemplate: endpoint({ method: 'GET', path: '/api/exporter/catalog/template', query: sheetFormatQuerySchema, response: {  } }),
  exportCatalog: endpoint({ method: 'GET', path: '/api/exporter/catalog/export', query: sheetFormatQuerySchema, response: {  } }),
  importCatalog: endpoint({ method: 'POST', path: '/api/exporter/catalog/import', response: { 202: importJobSchema } }),
  getCatalogImportJob: endpoint({ method: 'GET', path: '/api/exporter/catalog/import/:jobId', params: importJobParamsSchema, response: { 200: importJobSchema } }),
  getOrders: endpoint({ method: 'GET', path: '/api/exporter/orders', query: orderListQuerySchema, response: { 200: orderListSchema } }),
  getOrder: endpoint({ method: 'GET', path: '/api/exporter/orders/:id', params: idParams, response: { 200: orderDetailSchema } }),
  getShippingTemplate: endpoint({ method: 'GET', path: '/api/exporter/warehouses/:id/shipping-template', params: params, response: { 200: shippingTemplateSchema } }),
  setShippingTemplate: endpoint({ method: 'PUT', path: '/api/exporter/warehouses/:id/shipping-template', params: params, body: freightTemplateSchema, response: { 200: shippingTemplateSchema } }),
  getStatements: endpoint({ method: 'GET', path: '/api/exporter/statements', query: exporterStatementQuerySchema, response: { 200: statementListSchema } }),
  getStatement: endpoint({ method: 'GET', path: '/api/exporter/statements/:id', params: idParams, response: { 200: statementDetailSchema } }),
  downloadStatement: endpoint({ method: 'GET', path: '/api/exporter/statements/:id/download', params: idParams, query: statementFileQuerySchema, response: {  } }),
  getFulfilmentOrders: endpoint({ method: 'GET', path: '/api/exporter/fulfilment/orders', query: fulfilmentQuerySchema, response: { 200: fulfilmentListSchema } }),
  shipOrder: endpoint({ method: 'POST', path: '/api/exporter/orders/:id/shipment', params: idParams, body: directShipmentInputSchema, response: { 201: shipmentSchema } }),
  addTrackingEvent: endpoint({ method: 'POST', path: '/api/exporter/orders/:id/tracking-events', params: idParams, body: trackingEventsInputSchema, response: { 200: trackingEventsResultSchema } }),
  getReturns: endpoint({ method: 'GET', path: '/api/exporter/returns', query: returnListQuerySchema, response: { 200: returnListSchema } }),
  approveReturn: endpoint({ method: 'POST', path: '/api/exporter/returns/:id/approve', params: idParams, body: returnApproveInputSchema.nullish(), response: { 200: returnSchema } }),
  refuseReturn: endpoint({ method: 'POST', path: '/api/exporter/returns/:id/refuse', params: idParams, body: returnRefuseInputSchema, response: { 200: returnSchema } }),
  receiveReturn: endpoint({ method: 'POST', path: '/api/exporter/returns/:id/received', params: idParams, body: returnReceivedInputSchema.nullish(), response: { 200: returnSchema } }),
  uploadTradeFile: endpoint({ method: 'POST', path: '/api/exporter/trade-files', response: { 201: tradeFileSchema } }),
  getInquiries: endpoint({ method: 'GET', path: '/api/exporter/inquiries', response: { 200: exporterInquiryInboxSchema } }),
  getInquiry: endpoint({ method: 'GET', path: '/api/exporter/inquiries/:id', params: idParamsSchema, response: { 200: inquiryThreadSchema } }),
  sendInquiryMessage: endpoint({ method: 'POST', path: '/api/exporter/inquiries/:id/messages', params: idParamsSchema, body: exporterReplySchema, response: { 201: inquiryThreadSchema } }),
  readInquiry: endpoint({ method: 'POST', path: '/api/exporter/inquiries/:id/read', params: idParamsSchema, response: { 200: inquiryThreadSchema } }),
  closeInquiry: endpoint({ method: 'POST', path: '/api/exporter/inquiries/:id/close', params: idParamsSchema, response: { 200: inquirySummarySchema } }),
  getInquiryFile: endpoint({ method: 'GET', path: '/api/exporter/inquiries/:id/files/:fileId', params: inquiryFileParamsSchema, response: {  } }),
  getRfqs: endpoint({ method: 'GET', path: '/api/exporter/rfqs', response: { 200: exporterRfqListSchema } }),
  getRfq: endpoint({ method: 'GET', path: '/api/exporter/rfqs/:id', params: idParamsSchema, response: { 200: exporterRfqSchema } }),
  setRfqQuote: endpoint({ method: 'PUT', path: '/api/exporter/rfqs/:id/quote', params: idParamsSchema, body: quoteInputSchema, response: { 200: exporterQuoteSchema, 201: exporterQuoteSchema } }),
  getBankDetails: endpoint({ method: 'GET', path: '/api/exporter/bank-details', response: { 200: exporterBankDetailsSchema } }),
  setBankDetails: endpoint({ method: 'PUT', path: '/api/exporter/bank-details', body: bankDetailsInputSchema, response: { 200: exporterBankDetailsSchema } }),
  getB2bOrders: endpoint({ method: 'GET', path: '/api/exporter/b2b-orders', response: { 200: b2bOrderListSchema } }),
  getB2bOrder: endpoint({ method: 'GET', path: '/api/exporter/b2b-orders/:id', params: idParamsSchema, response: { 200: b2bOrderSchema } }),
  getB2bOrderProformaPdf: endpoint({ method: 'GET', path: '/api/exporter/b2b-orders/:id/proforma.pdf', params: idParamsSchema, response: {  } }),
  recordB2bOrderDeposit: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/deposit', params: idParamsSchema, body: b2bPaymentInputSchema, response: { 200: b2bOrderSchema } }),
  startB2bOrderProduction: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/production', params: idParamsSchema, body: b2bNoteInputSchema, response: { 200: b2bOrderSchema } }),
  shipB2bOrder: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/shipment', params: idParamsSchema, body: b2bShipmentInputSchema, response: { 200: b2bOrderSchema } }),
  recordB2bOrderBalance: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/balance', params: idParamsSchema, body: b2bPaymentInputSchema, response: { 200: b2bOrderSchema } }),
  completeB2bOrder: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/complete', params: idParamsSchema, body: b2bNoteInputSchema, response: { 200: b2bOrderSchema } }),
  cancelB2bOrder: endpoint({ method: 'POST', path: '/api/exporter/b2b-orders/:id/cancel', params: idParamsSchema, body: b2bCancelInputSchema, response: { 200: b2bOrderSchema } }),
} as const;
