import { type ReturnStage, endpoints } from '@pavilion/contracts';
import type { z } from 'zod';
import type {
  exchangeRateOverviewSchema,
  paymentAnomalySchema,
  searchIndexStatusSchema,
  searchWordSchema,
  synonymSchema, exporterQueueSchema, operatorExporterSchema, operatorPavilionContentSchema, operatorProductSchema, operatorStoryListSchema, zeroResultListSchema} from '@pavilion/contracts';
import { type BondedShipmentInput, type FulfilmentState, type TrackingEventInput, type CategoryCreateInput, type CategoryUpdateInput, type ExporterStatus, type HsRateInput, type SheetFormat, type PavilionContentInput, type PavilionFeaturesInput, type ReviewReason, type StoryInput, type exchangeRateInputSchema, type paymentAnomalyQuerySchema, type hotSearchInputSchema, type searchWordInputSchema, type synonymInputSchema } from '@pavilion/contracts';
import { type CustomsCorrections, type customsQueueFilters } from '@pavilion/contracts';
import { type JobState } from '@pavilion/contracts';
import { orderQueryParams, type OrderQuery } from '../console/orders/order-query.ts';
import { api, uploadTo, hrefOf } from '../api/client.ts';


export type PaymentAnomaly = z.output<typeof paymentAnomalySchema>;
export type CustomsFilter = (typeof customsQueueFilters)[number];
export type AnomalyFilter = z.output<typeof paymentAnomalyQuerySchema>['status'];

export type OperatorExporter = z.output<typeof operatorExporterSchema>;
export type ExporterQueue = z.output<typeof exporterQueueSchema>;
export type OperatorProductView = z.output<typeof operatorProductSchema>;
export type RateOverview = z.output<typeof exchangeRateOverviewSchema>;
export type RateInput = z.output<typeof exchangeRateInputSchema>;
export type PavilionContent = z.output<typeof operatorPavilionContentSchema>;
export type StoryListItem = z.output<typeof operatorStoryListSchema>['items'][number];
export type ZeroResultQuery = z.output<typeof zeroResultListSchema>['items'][number];
export type SearchWord = z.output<typeof searchWordSchema>;
export type SearchWordInput = z.output<typeof searchWordInputSchema>;
export type Synonym = z.output<typeof synonymSchema>;
export type SynonymInput = z.output<typeof synonymInputSchema>;
export type HotSearchInput = z.output<typeof hotSearchInputSchema>;
export type SearchIndexStatus = z.output<typeof searchIndexStatusSchema>;


/** The operator console's calls: reviews, rates, the HS table, categories, pavilion content, search, orders and payment anomalies. */
export const operatorApi = {
  exporterQueue: (status: ExporterStatus, page: number) =>
    api(endpoints.operator.getExporters, { query: { status, page, pageSize: 50 } }),
  getExporter: (id: string) => api(endpoints.operator.getExporter, { params: { id } }),
  exporterDocumentUrl: (id: string, docId: string) => hrefOf(endpoints.operator.getExporterDocumentFile, { params: { id, docId } }),
  reviewExporter: (id: string, body: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
    api(endpoints.operator.reviewExporter, { params: { id }, body }),
  suspendExporter: (id: string, reason: string) => api(endpoints.operator.suspendExporter, { params: { id }, body: { reason } }),
  reinstateExporter: (id: string) => api(endpoints.operator.reinstateExporter, { params: { id } }),

  productQueue: () => api(endpoints.operator.getProductReviewQueue),
  getProduct: (id: string) => api(endpoints.operator.getProduct, { params: { id } }),
  /** A brand's names, as the storefront shows them (a pending exporter's brand answers 404). */
  storeBrand: (id: string) => api(endpoints.store.getBrand, { params: { id } }),
  approveProduct: (id: string, revisionId: string) => api(endpoints.operator.approveProduct, { params: { id }, body: { revisionId } }),
  /** Takes a published product off sale; the exporter reads the reason. */
  unpublishProduct: (id: string, reason: string) => api(endpoints.operator.unpublishProduct, { params: { id }, body: { reason } }),
  requestChanges: (id: string, body: { revisionId: string; reasons: ReviewReason[] }) =>
    api(endpoints.operator.requestProductChanges, { params: { id }, body }),

  getRates: () => api(endpoints.operator.getRates),
  addRate: (body: RateInput) => api(endpoints.operator.createRate, { body: body }),

  listHsRates: (q: string, page: number, pageSize: number) =>
    api(endpoints.operator.getHsRates, { query: { q, page, pageSize } }),
  putHsRate: (hsCode: string, body: HsRateInput) => api(endpoints.operator.updateHsRate, { params: { hsCode }, body: body }),
  deleteHsRate: (hsCode: string) => api(endpoints.operator.deleteHsRate, { params: { hsCode } }),
  hsRatesExportUrl: (format: SheetFormat) => hrefOf(endpoints.operator.exportHsRates, { query: { format } }),
  importHsRates: (file: Blob) => uploadTo(endpoints.operator.importHsRates, file),

  createCategory: (body: CategoryCreateInput) => api(endpoints.operator.createCategory, { body: body }),
  updateCategory: (id: string, body: CategoryUpdateInput) => api(endpoints.operator.updateCategory, { params: { id }, body: body }),
  deleteCategory: (id: string) => api(endpoints.operator.deleteCategory, { params: { id } }),

  getPavilion: (id: string) => api(endpoints.operator.getPavilion, { params: { id } }),
  updatePavilion: (id: string, body: PavilionContentInput) => api(endpoints.operator.updatePavilion, { params: { id }, body }),
  uploadPavilionImage: (id: string, file: Blob) => uploadTo(endpoints.operator.uploadPavilionMedia, file, { params: { id } }),
  setFeatures: (id: string, body: PavilionFeaturesInput) => api(endpoints.operator.setPavilionFeatures, { params: { id }, body }),
  /** Published products of a pavilion, as the storefront lists them (to pick featured ones). */
  pavilionProducts: (slug: string) => api(endpoints.store.getProducts, { query: { pavilion: slug, limit: 60 } }),
  /** Products by id (the ones already featured, which may lie beyond the first page). */
  productsById: (ids: readonly string[]) => api(endpoints.store.getProducts, { query: { ids: ids.join(','), limit: 60 } }),

  listStories: (pavilionId: string) => api(endpoints.operator.getPavilionStories, { params: { id: pavilionId } }),
  getStory: (pavilionId: string, storyId: string) => api(endpoints.operator.getPavilionStory, { params: { id: pavilionId, storyId } }),
  createStory: (pavilionId: string, body: StoryInput) => api(endpoints.operator.createPavilionStory, { params: { id: pavilionId }, body }),
  updateStory: (pavilionId: string, storyId: string, body: StoryInput) => api(endpoints.operator.updatePavilionStory, { params: { id: pavilionId, storyId }, body }),
  deleteStory: (pavilionId: string, storyId: string) => api(endpoints.operator.deletePavilionStory, { params: { id: pavilionId, storyId } }),
  setStoryPublished: (pavilionId: string, storyId: string, publish: boolean) =>
    api(publish ? endpoints.operator.publishPavilionStory : endpoints.operator.unpublishPavilionStory, { params: { id: pavilionId, storyId } }),

  zeroResultQueries: (days: number) => api(endpoints.operator.getSearchZeroResults, { query: { days } }),
  listSearchWords: () => api(endpoints.operator.getSearchWords),
  addSearchWord: (body: SearchWordInput) => api(endpoints.operator.createSearchWord, { body: body }),
  deleteSearchWord: (word: string) => api(endpoints.operator.deleteSearchWord, { params: { word } }),
  listSynonyms: () => api(endpoints.operator.getSearchSynonyms),
  addSynonyms: (body: SynonymInput) => api(endpoints.operator.createSearchSynonym, { body: body }),
  deleteSynonyms: (id: string) => api(endpoints.operator.deleteSearchSynonym, { params: { id } }),
  getCuratedHotSearches: () => api(endpoints.operator.getCuratedHotSearches),
  putCuratedHotSearches: (body: HotSearchInput) => api(endpoints.operator.setCuratedHotSearches, { body: body }),
  /** What the storefront shows: the curated words, then buyers' most searched. */
  storeHotSearches: () => api(endpoints.store.getHotSearches),
  searchIndexStatus: () => api(endpoints.operator.getSearchIndexStatus),

  /** Orders of the operator's pavilions; the buyer's identity comes masked. */
  listOrders: (query: OrderQuery) => api(endpoints.operator.getOrders, { query: orderQueryParams(query) }),
  getOrder: (id: string) => api(endpoints.operator.getOrder, { params: { id } }),
  paymentAnomalies: (status: AnomalyFilter) => api(endpoints.operator.getPaymentAnomalies, { query: { status } }),
  resolvePaymentAnomaly: (id: string) => api(endpoints.operator.resolvePaymentAnomaly, { params: { id } }),

  /** The fulfilment queue of the operator's pavilions; bonded (1210) orders leave the warehouse through these calls. */
  fulfilment: (state: FulfilmentState) => api(endpoints.operator.getFulfilment, { query: { state } }),
  shipOrder: (id: string, body: BondedShipmentInput) => api(endpoints.operator.shipOrder, { params: { id }, body: body }),
  addTrackingEvents: (id: string, body: { events: TrackingEventInput[] }) => api(endpoints.operator.addTrackingEvent, { params: { id }, body: body }),
  uploadWaybills: (file: Blob) => uploadTo(endpoints.operator.importShipmentsCsv, file),
  /** Returns of the operator's pavilions (the after-sale queue): list by stage, approve, refuse with a reason, goods received. */
  listReturns: (stage: ReturnStage | undefined, late?: boolean) =>
    api(endpoints.operator.getReturns, { query: { stage, late: late === undefined ? undefined : late ? 'true' : 'false' } }),
  approveReturn: (id: string) => api(endpoints.operator.approveReturn, { params: { id }, body: {} }),
  refuseReturn: (id: string, reason: string) => api(endpoints.operator.refuseReturn, { params: { id }, body: { reason } }),
  returnReceived: (id: string) => api(endpoints.operator.receiveReturn, { params: { id }, body: {} }),
  /** The customs queue: declarations, receipts, corrections, resend, identity holds. */
  customsQueue: (status: CustomsFilter | null) => api(endpoints.operator.getCustomsDeclarations, { query: { status: status ?? undefined } }),
  customsDetail: (orderId: string) => api(endpoints.operator.getCustomsDeclaration, { params: { orderId } }),
  resendCustoms: (orderId: string, corrections: CustomsCorrections) => api(endpoints.operator.resendCustomsDeclaration, { params: { orderId }, body: { corrections } }),
  clearCustomsHold: (orderId: string) => api(endpoints.operator.clearCustomsHold, { params: { orderId } }),
  /** The background job console (platform admins only): each kind's queue and the latest jobs, filtered by kind and state. */
  jobs: (filter: { kind: string | null; state: JobState | null; limit: number }) =>
    api(endpoints.admin.getJobs, { query: { kind: filter.kind ?? undefined, state: filter.state ?? undefined, limit: filter.limit } }),
  /** Puts a failed job back in its queue with a fresh set of attempts (409 INVALID_TRANSITION if it is not failed). */
  retryJob: (jobId: string) => api(endpoints.admin.retryJob, { params: { jobId } }),
};
