import { returnListSchema, type ReturnStage, endpoints } from '@pavilion/contracts';
import type { z } from 'zod';
import type {
  exchangeRateOverviewSchema,
  paymentAnomalySchema,
  searchIndexStatusSchema,
  searchWordSchema,
  synonymSchema} from '@pavilion/contracts';
import { fulfilmentListSchema, type BondedShipmentInput, type FulfilmentState, type TrackingEventInput, exporterQueueSchema, hsRateListSchema, imageSchema, listingPageSchema, operatorExporterSchema, orderListSchema, paymentAnomalyListSchema, operatorPavilionContentSchema, operatorProductSchema, operatorStoryListSchema, operatorStorySchema, zeroResultListSchema, type CategoryCreateInput, type CategoryUpdateInput, type ExporterStatus, type HsRateInput, type SheetFormat, type PavilionContentInput, type PavilionFeaturesInput, type ReviewReason, type StoryInput, type exchangeRateInputSchema, type paymentAnomalyQuerySchema, type hotSearchInputSchema, type searchWordInputSchema, type synonymInputSchema } from '@pavilion/contracts';
import { customsQueueSchema, type CustomsCorrections, type customsQueueFilters } from '@pavilion/contracts';
import { jobOverviewSchema, type JobState } from '@pavilion/contracts';
import { call, callNoContent, seg, upload } from '../console/console-api.ts';
import { orderQueryString, type OrderQuery } from '../console/orders/order-query.ts';
import { api, uploadTo } from '../api/client.ts';


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

const exporterPath = (id: string) => `/api/operator/exporters/${seg(id)}`;
const productPath = (id: string) => `/api/operator/products/${seg(id)}`;
const pavilionPath = (id: string) => `/api/operator/pavilions/${seg(id)}`;
const storyPath = (pavilionId: string, storyId: string) => `${pavilionPath(pavilionId)}/stories/${seg(storyId)}`;

/** The operator console's calls: reviews, rates, the HS table, categories, pavilion content, search, orders and payment anomalies. */
export const operatorApi = {
  exporterQueue: (status: ExporterStatus, page: number) =>
    call('GET', `/api/operator/exporters?status=${status}&page=${page}&pageSize=50`, exporterQueueSchema),
  getExporter: (id: string) => call('GET', exporterPath(id), operatorExporterSchema),
  exporterDocumentUrl: (id: string, docId: string) => `${exporterPath(id)}/documents/${seg(docId)}/file`,
  reviewExporter: (id: string, body: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
    call('POST', `${exporterPath(id)}/review`, operatorExporterSchema, body),
  suspendExporter: (id: string, reason: string) => call('POST', `${exporterPath(id)}/suspend`, operatorExporterSchema, { reason }),
  reinstateExporter: (id: string) => call('POST', `${exporterPath(id)}/reinstate`, operatorExporterSchema),

  productQueue: () => api(endpoints.operator.getProductReviewQueue),
  getProduct: (id: string) => call('GET', productPath(id), operatorProductSchema),
  /** A brand's names, as the storefront shows them (a pending exporter's brand answers 404). */
  storeBrand: (id: string) => api(endpoints.store.getBrand, { params: { id } }),
  approveProduct: (id: string, revisionId: string) => call('POST', `${productPath(id)}/approve`, operatorProductSchema, { revisionId }),
  /** Takes a published product off sale; the exporter reads the reason. */
  unpublishProduct: (id: string, reason: string) => call('POST', `${productPath(id)}/unpublish`, operatorProductSchema, { reason }),
  requestChanges: (id: string, body: { revisionId: string; reasons: ReviewReason[] }) =>
    call('POST', `${productPath(id)}/request-changes`, operatorProductSchema, body),

  getRates: () => api(endpoints.operator.getRates),
  addRate: (body: RateInput) => api(endpoints.operator.createRate, { body: body }),

  listHsRates: (q: string, page: number, pageSize: number) =>
    call('GET', `/api/operator/hs-rates?${new URLSearchParams({ ...(q === '' ? {} : { q }), page: String(page), pageSize: String(pageSize) })}`, hsRateListSchema),
  putHsRate: (hsCode: string, body: HsRateInput) => api(endpoints.operator.updateHsRate, { params: { hsCode }, body: body }),
  deleteHsRate: (hsCode: string) => api(endpoints.operator.deleteHsRate, { params: { hsCode } }),
  hsRatesExportUrl: (format: SheetFormat) => `/api/operator/hs-rates/export?format=${format}`,
  importHsRates: (file: Blob) => uploadTo(endpoints.operator.importHsRates, file),

  createCategory: (body: CategoryCreateInput) => api(endpoints.operator.createCategory, { body: body }),
  updateCategory: (id: string, body: CategoryUpdateInput) => api(endpoints.operator.updateCategory, { params: { id }, body: body }),
  deleteCategory: (id: string) => api(endpoints.operator.deleteCategory, { params: { id } }),

  getPavilion: (id: string) => call('GET', pavilionPath(id), operatorPavilionContentSchema),
  updatePavilion: (id: string, body: PavilionContentInput) => call('PUT', pavilionPath(id), operatorPavilionContentSchema, body),
  uploadPavilionImage: (id: string, file: Blob) => upload(`${pavilionPath(id)}/media`, imageSchema, file),
  setFeatures: (id: string, body: PavilionFeaturesInput) => call('PUT', `${pavilionPath(id)}/features`, operatorPavilionContentSchema, body),
  /** Published products of a pavilion, as the storefront lists them (to pick featured ones). */
  pavilionProducts: (slug: string) => call('GET', `/api/store/products?pavilion=${seg(slug)}&limit=60`, listingPageSchema),
  /** Products by id (the ones already featured, which may lie beyond the first page). */
  productsById: (ids: readonly string[]) => call('GET', `/api/store/products?ids=${ids.map(seg).join(',')}&limit=60`, listingPageSchema),

  listStories: (pavilionId: string) => call('GET', `${pavilionPath(pavilionId)}/stories`, operatorStoryListSchema),
  getStory: (pavilionId: string, storyId: string) => call('GET', storyPath(pavilionId, storyId), operatorStorySchema),
  createStory: (pavilionId: string, body: StoryInput) => call('POST', `${pavilionPath(pavilionId)}/stories`, operatorStorySchema, body),
  updateStory: (pavilionId: string, storyId: string, body: StoryInput) => call('PUT', storyPath(pavilionId, storyId), operatorStorySchema, body),
  deleteStory: (pavilionId: string, storyId: string) => callNoContent('DELETE', storyPath(pavilionId, storyId)),
  setStoryPublished: (pavilionId: string, storyId: string, publish: boolean) =>
    call('POST', `${storyPath(pavilionId, storyId)}/${publish ? 'publish' : 'unpublish'}`, operatorStorySchema),

  zeroResultQueries: (days: number) => call('GET', `/api/operator/search/zero-results?days=${days}`, zeroResultListSchema),
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
  listOrders: (query: OrderQuery) => call('GET', `/api/operator/orders${orderQueryString(query)}`, orderListSchema),
  getOrder: (id: string) => api(endpoints.operator.getOrder, { params: { id } }),
  paymentAnomalies: (status: AnomalyFilter) => call('GET', `/api/operator/payment-anomalies?status=${status}`, paymentAnomalyListSchema),
  resolvePaymentAnomaly: (id: string) => api(endpoints.operator.resolvePaymentAnomaly, { params: { id } }),

  /** The fulfilment queue of the operator's pavilions; bonded (1210) orders leave the warehouse through these calls. */
  fulfilment: (state: FulfilmentState) => call('GET', `/api/operator/fulfilment?state=${state}`, fulfilmentListSchema),
  shipOrder: (id: string, body: BondedShipmentInput) => api(endpoints.operator.shipOrder, { params: { id }, body: body }),
  addTrackingEvents: (id: string, body: { events: TrackingEventInput[] }) => api(endpoints.operator.addTrackingEvent, { params: { id }, body: body }),
  uploadWaybills: (file: Blob) => uploadTo(endpoints.operator.importShipmentsCsv, file),
  /** Returns of the operator's pavilions (the after-sale queue): list by stage, approve, refuse with a reason, goods received. */
  listReturns: (stage: ReturnStage | undefined, late?: boolean) => {
    const query = new URLSearchParams({ ...(stage === undefined ? {} : { stage }), ...(late === undefined ? {} : { late: String(late) }) }).toString();
    return call('GET', `/api/operator/returns${query === '' ? '' : `?${query}`}`, returnListSchema);
  },
  approveReturn: (id: string) => api(endpoints.operator.approveReturn, { params: { id }, body: {} }),
  refuseReturn: (id: string, reason: string) => api(endpoints.operator.refuseReturn, { params: { id }, body: { reason } }),
  returnReceived: (id: string) => api(endpoints.operator.receiveReturn, { params: { id }, body: {} }),
  /** The customs queue: declarations, receipts, corrections, resend, identity holds. */
  customsQueue: (status: CustomsFilter | null) => call('GET', `/api/operator/customs${status ? `?status=${status}` : ''}`, customsQueueSchema),
  customsDetail: (orderId: string) => api(endpoints.operator.getCustomsDeclaration, { params: { orderId } }),
  resendCustoms: (orderId: string, corrections: CustomsCorrections) => api(endpoints.operator.resendCustomsDeclaration, { params: { orderId }, body: { corrections } }),
  clearCustomsHold: (orderId: string) => api(endpoints.operator.clearCustomsHold, { params: { orderId } }),
  /** The background job console (platform admins only): each kind's queue and the latest jobs, filtered by kind and state. */
  jobs: (filter: { kind: string | null; state: JobState | null; limit: number }) => {
    const query = new URLSearchParams({ ...(filter.kind === null ? {} : { kind: filter.kind }), ...(filter.state === null ? {} : { state: filter.state }), limit: String(filter.limit) });
    return call('GET', `/api/admin/jobs?${query.toString()}`, jobOverviewSchema);
  },
  /** Puts a failed job back in its queue with a fresh set of attempts (409 INVALID_TRANSITION if it is not failed). */
  retryJob: (jobId: string) => api(endpoints.admin.retryJob, { params: { jobId } }),
};
