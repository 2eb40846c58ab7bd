import { z } from 'zod';
import { b2bOrderListSchema } from '../b2b-orders.ts';
import { sheetFormatQuerySchema } from '../catalog-import.ts';
import { approveBodySchema, exchangeRateInputSchema, exchangeRateOverviewSchema, exchangeRateSchema, imageSchema, productReasonBodySchema, requestChangesBodySchema } from '../catalog.ts';
import { categoryCreateSchema, categoryIdParamsSchema, categoryNodeSchema, categoryUpdateSchema } from '../categories.ts';
import { customsDetailSchema, customsQueueQuerySchema, customsQueueSchema, customsResendInputSchema } from '../customs.ts';
import { exporterDocumentParamsSchema, exporterIdParamsSchema, exporterQueueQuerySchema, exporterQueueSchema, exporterReviewRequestSchema, exporterSuspendRequestSchema, operatorExporterSchema } from '../exporters.ts';
import { bondedShipmentInputSchema, fulfilmentListSchema, fulfilmentQuerySchema, shipmentSchema, shipmentUploadResultSchema, trackingEventsInputSchema, trackingEventsResultSchema, trackingFeedInputSchema } from '../fulfilment.ts';
import { hsCodeParamsSchema, hsRateImportResultSchema, hsRateInputSchema, hsRateListQuerySchema, hsRateListSchema, hsRateSchema } from '../hs-rates.ts';
import { orderDetailSchema, orderListQuerySchema, orderListSchema } from '../orders.ts';
import { operatorPavilionContentSchema, operatorPavilionListSchema, operatorStoryListSchema, operatorStorySchema, pavilionContentInputSchema, pavilionFeaturesInputSchema, pavilionIdParamsSchema, storyInputSchema, storyParamsSchema } from '../pavilions.ts';
import { paymentAnomalyListSchema, paymentAnomalyQuerySchema, paymentAnomalySchema } from '../payments.ts';
import { returnApproveInputSchema, returnListQuerySchema, returnListSchema, returnReceivedInputSchema, returnRefuseInputSchema, returnSchema } from '../returns.ts';
import { curatedHotSearchesSchema, hotSearchInputSchema, searchIndexStatusSchema, searchWordInputSchema, searchWordListSchema, searchWordSchema, synonymInputSchema, synonymListSchema, synonymSchema, zeroResultListSchema, zeroResultQueryParamsSchema } from '../search.ts';
import { commissionInputSchema, operatorStatementQuerySchema, pavilionCommissionSchema, statementDetailSchema, statementFileQuerySchema, statementListSchema } from '../settlement.ts';
import { buyerCompanySchema, idParamsSchema, operatorCompanyListSchema, tradeFiguresSchema } from '../trade.ts';
import { operatorProductSchema, reviewQueueSchema } from '../product-review.ts';
import { endpoint } from './endpoint.ts';

const idParams = z.object({ id: z.uuid() });
const wordParams = z.object({ word: z.string().min(1).max(40) });
const anomalyParams = z.object({ id: z.string().min(1).max(64) });
const orderParams = z.object({ orderId: z.uuid() });

/** The operator console: every endpoint, by name. */
export const operatorEndpoints = {
  getExporters: endpoint({ method: 'GET', path: '/api/operator/exporters', query: exporterQueueQuerySchema, response: { 200: exporterQueueSchema } }),
  getExporter: endpoint({ method: 'GET', path: '/api/operator/exporters/:id', params: exporterIdParamsSchema, response: { 200: operatorExporterSchema } }),
  getExporterDocumentFile: endpoint({ method: 'GET', path: '/api/operator/exporters/:id/documents/:docId/file', params: exporterDocumentParamsSchema, response: {  } }),
  reviewExporter: endpoint({ method: 'POST', path: '/api/operator/exporters/:id/review', params: exporterIdParamsSchema, body: exporterReviewRequestSchema, response: { 200: operatorExporterSchema } }),
  suspendExporter: endpoint({ method: 'POST', path: '/api/operator/exporters/:id/suspend', params: exporterIdParamsSchema, body: exporterSuspendRequestSchema, response: { 200: operatorExporterSchema } }),
  reinstateExporter: endpoint({ method: 'POST', path: '/api/operator/exporters/:id/reinstate', params: exporterIdParamsSchema, response: { 200: operatorExporterSchema } }),
  getPavilions: endpoint({ method: 'GET', path: '/api/operator/pavilions', response: { 200: operatorPavilionListSchema } }),
  getPavilion: endpoint({ method: 'GET', path: '/api/operator/pavilions/:id', params: pavilionIdParamsSchema, response: { 200: operatorPavilionContentSchema } }),
  updatePavilion: endpoint({ method: 'PUT', path: '/api/operator/pavilions/:id', params: pavilionIdParamsSchema, body: pavilionContentInputSchema, response: { 200: operatorPavilionContentSchema } }),
  uploadPavilionMedia: endpoint({ method: 'POST', path: '/api/operator/pavilions/:id/media', params: pavilionIdParamsSchema, response: { 201: imageSchema } }),
  setPavilionFeatures: endpoint({ method: 'PUT', path: '/api/operator/pavilions/:id/features', params: pavilionIdParamsSchema, body: pavilionFeaturesInputSchema, response: { 200: operatorPavilionContentSchema } }),
  getPavilionStories: endpoint({ method: 'GET', path: '/api/operator/pavilions/:id/stories', params: pavilionIdParamsSchema, response: { 200: operatorStoryListSchema } }),
  createPavilionStory: endpoint({ method: 'POST', path: '/api/operator/pavilions/:id/stories', params: pavilionIdParamsSchema, body: storyInputSchema, response: { 201: operatorStorySchema } }),
  getPavilionStory: endpoint({ method: 'GET', path: '/api/operator/pavilions/:id/stories/:storyId', params: storyParamsSchema, response: { 200: operatorStorySchema } }),
  updatePavilionStory: endpoint({ method: 'PUT', path: '/api/operator/pavilions/:id/stories/:storyId', params: storyParamsSchema, body: storyInputSchema, response: { 200: operatorStorySchema } }),
  deletePavilionStory: endpoint({ method: 'DELETE', path: '/api/operator/pavilions/:id/stories/:storyId', params: storyParamsSchema, response: { 204: z.undefined() } }),
  publishPavilionStory: endpoint({ method: 'POST', path: '/api/operator/pavilions/:id/stories/:storyId/publish', params: storyParamsSchema, response: { 200: operatorStorySchema } }),
  unpublishPavilionStory: endpoint({ method: 'POST', path: '/api/operator/pavilions/:id/stories/:storyId/unpublish', params: storyParamsSchema, response: { 200: operatorStorySchema } }),
  createCategory: endpoint({ method: 'POST', path: '/api/operator/categories', body: categoryCreateSchema, response: { 201: categoryNodeSchema } }),
  updateCategory: endpoint({ method: 'PUT', path: '/api/operator/categories/:id', params: categoryIdParamsSchema, body: categoryUpdateSchema, response: { 200: categoryNodeSchema } }),
  deleteCategory: endpoint({ method: 'DELETE', path: '/api/operator/categories/:id', params: categoryIdParamsSchema, response: { 204: z.undefined() } }),
  getHsRates: endpoint({ method: 'GET', path: '/api/operator/hs-rates', query: hsRateListQuerySchema, response: { 200: hsRateListSchema } }),
  exportHsRates: endpoint({ method: 'GET', path: '/api/operator/hs-rates/export', query: sheetFormatQuerySchema, response: {  } }),
  importHsRates: endpoint({ method: 'POST', path: '/api/operator/hs-rates/import', response: { 200: hsRateImportResultSchema } }),
  updateHsRate: endpoint({ method: 'PUT', path: '/api/operator/hs-rates/:hsCode', params: hsCodeParamsSchema, body: hsRateInputSchema, response: { 200: hsRateSchema } }),
  deleteHsRate: endpoint({ method: 'DELETE', path: '/api/operator/hs-rates/:hsCode', params: hsCodeParamsSchema, response: { 204: z.undefined() } }),
  getProductReviewQueue: endpoint({ method: 'GET', path: '/api/operator/products/review', response: { 200: reviewQueueSchema } }),
  getProduct: endpoint({ method: 'GET', path: '/api/operator/products/:id', params: idParams, response: { 200: operatorProductSchema } }),
  approveProduct: endpoint({ method: 'POST', path: '/api/operator/products/:id/approve', params: idParams, body: approveBodySchema, response: { 200: operatorProductSchema } }),
  requestProductChanges: endpoint({ method: 'POST', path: '/api/operator/products/:id/request-changes', params: idParams, body: requestChangesBodySchema, response: { 200: operatorProductSchema } }),
  unpublishProduct: endpoint({ method: 'POST', path: '/api/operator/products/:id/unpublish', params: idParams, body: productReasonBodySchema, response: { 200: operatorProductSchema } }),
  getRates: endpoint({ method: 'GET', path: '/api/operator/rates', response: { 200: exchangeRateOverviewSchema } }),
  createRate: endpoint({ method: 'POST', path: '/api/operator/rates', body: exchangeRateInputSchema, response: { 201: exchangeRateSchema } }),
  getSearchZeroResults: endpoint({ method: 'GET', path: '/api/operator/search/zero-results', query: zeroResultQueryParamsSchema, response: { 200: zeroResultListSchema } }),
  getSearchWords: endpoint({ method: 'GET', path: '/api/operator/search/words', response: { 200: searchWordListSchema } }),
  createSearchWord: endpoint({ method: 'POST', path: '/api/operator/search/words', body: searchWordInputSchema, response: { 201: searchWordSchema } }),
  deleteSearchWord: endpoint({ method: 'DELETE', path: '/api/operator/search/words/:word', params: wordParams, response: { 204: z.undefined() } }),
  getSearchSynonyms: endpoint({ method: 'GET', path: '/api/operator/search/synonyms', response: { 200: synonymListSchema } }),
  createSearchSynonym: endpoint({ method: 'POST', path: '/api/operator/search/synonyms', body: synonymInputSchema, response: { 201: synonymSchema } }),
  deleteSearchSynonym: endpoint({ method: 'DELETE', path: '/api/operator/search/synonyms/:id', params: idParams, response: { 204: z.undefined() } }),
  getCuratedHotSearches: endpoint({ method: 'GET', path: '/api/operator/search/hot', response: { 200: curatedHotSearchesSchema } }),
  setCuratedHotSearches: endpoint({ method: 'PUT', path: '/api/operator/search/hot', body: hotSearchInputSchema, response: { 200: curatedHotSearchesSchema } }),
  getSearchIndexStatus: endpoint({ method: 'GET', path: '/api/operator/search/index', response: { 200: searchIndexStatusSchema } }),
  getOrders: endpoint({ method: 'GET', path: '/api/operator/orders', query: orderListQuerySchema, response: { 200: orderListSchema } }),
  getOrder: endpoint({ method: 'GET', path: '/api/operator/orders/:id', params: idParams, response: { 200: orderDetailSchema } }),
  getPaymentAnomalies: endpoint({ method: 'GET', path: '/api/operator/payment-anomalies', query: paymentAnomalyQuerySchema, response: { 200: paymentAnomalyListSchema } }),
  resolvePaymentAnomaly: endpoint({ method: 'POST', path: '/api/operator/payment-anomalies/:id/resolve', params: anomalyParams, response: { 200: paymentAnomalySchema } }),
  getStatements: endpoint({ method: 'GET', path: '/api/operator/statements', query: operatorStatementQuerySchema, response: { 200: statementListSchema } }),
  getStatement: endpoint({ method: 'GET', path: '/api/operator/statements/:id', params: idParams, response: { 200: statementDetailSchema } }),
  downloadStatement: endpoint({ method: 'GET', path: '/api/operator/statements/:id/download', params: idParams, query: statementFileQuerySchema, response: {  } }),
  getPavilionCommission: endpoint({ method: 'GET', path: '/api/operator/pavilions/:id/commission', params: pavilionIdParamsSchema, response: { 200: pavilionCommissionSchema } }),
  setPavilionCommission: endpoint({ method: 'PUT', path: '/api/operator/pavilions/:id/commission', params: pavilionIdParamsSchema, body: commissionInputSchema, response: { 200: pavilionCommissionSchema } }),
  getFulfilment: endpoint({ method: 'GET', path: '/api/operator/fulfilment', query: fulfilmentQuerySchema, response: { 200: fulfilmentListSchema } }),
  shipOrder: endpoint({ method: 'POST', path: '/api/operator/orders/:id/shipment', params: idParams, body: bondedShipmentInputSchema, response: { 201: shipmentSchema } }),
  importShipmentsCsv: endpoint({ method: 'POST', path: '/api/operator/fulfilment/shipments.csv', response: { 200: shipmentUploadResultSchema } }),
  addTrackingEvent: endpoint({ method: 'POST', path: '/api/operator/orders/:id/tracking-events', params: idParams, body: trackingEventsInputSchema, response: { 200: trackingEventsResultSchema } }),
  importTrackingEvents: endpoint({ method: 'POST', path: '/api/operator/fulfilment/tracking-events', body: trackingFeedInputSchema, response: { 200: trackingEventsResultSchema } }),
  getReturns: endpoint({ method: 'GET', path: '/api/operator/returns', query: returnListQuerySchema, response: { 200: returnListSchema } }),
  approveReturn: endpoint({ method: 'POST', path: '/api/operator/returns/:id/approve', params: idParams, body: returnApproveInputSchema.nullish(), response: { 200: returnSchema } }),
  refuseReturn: endpoint({ method: 'POST', path: '/api/operator/returns/:id/refuse', params: idParams, body: returnRefuseInputSchema, response: { 200: returnSchema } }),
  receiveReturn: endpoint({ method: 'POST', path: '/api/operator/returns/:id/received', params: idParams, body: returnReceivedInputSchema.nullish(), response: { 200: returnSchema } }),
  getCustomsDeclarations: endpoint({ method: 'GET', path: '/api/operator/customs', query: customsQueueQuerySchema, response: { 200: customsQueueSchema } }),
  getCustomsDeclaration: endpoint({ method: 'GET', path: '/api/operator/customs/:orderId', params: orderParams, response: { 200: customsDetailSchema } }),
  resendCustomsDeclaration: endpoint({ method: 'POST', path: '/api/operator/customs/:orderId/resend', params: orderParams, body: customsResendInputSchema, response: { 200: customsDetailSchema } }),
  clearCustomsHold: endpoint({ method: 'POST', path: '/api/operator/customs/:orderId/clear-hold', params: orderParams, response: { 200: customsDetailSchema } }),
  getCompanies: endpoint({ method: 'GET', path: '/api/operator/companies', response: { 200: operatorCompanyListSchema } }),
  verifyCompany: endpoint({ method: 'POST', path: '/api/operator/companies/:id/verify', params: idParamsSchema, response: { 200: buyerCompanySchema } }),
  getB2bOrders: endpoint({ method: 'GET', path: '/api/operator/b2b-orders', response: { 200: b2bOrderListSchema } }),
  getTradeFigures: endpoint({ method: 'GET', path: '/api/operator/trade/figures', response: { 200: tradeFiguresSchema } }),
} as const;
