import { returnListSchema, returnSchema, type ReturnStage } from '@pavilion/contracts';
import type { z } from 'zod';
import {
  fulfilmentListSchema,
  shipmentSchema,
  shipmentUploadResultSchema,
  trackingEventsResultSchema,
  type BondedShipmentInput,
  type FulfilmentState,
  type TrackingEventInput,
  categoryNodeSchema,
  exchangeRateOverviewSchema,
  exchangeRateSchema,
  curatedHotSearchesSchema,
  exporterQueueSchema,
  hotSearchesSchema,
  hsRateImportResultSchema,
  hsRateListSchema,
  hsRateSchema,
  imageSchema,
  listingPageSchema,
  operatorExporterSchema,
  orderDetailSchema,
  orderListSchema,
  paymentAnomalyListSchema,
  paymentAnomalySchema,
  operatorPavilionContentSchema,
  operatorProductSchema,
  operatorStoryListSchema,
  operatorStorySchema,
  reviewQueueSchema,
  searchIndexStatusSchema,
  searchWordListSchema,
  searchWordSchema,
  storeBrandSchema,
  synonymListSchema,
  synonymSchema,
  zeroResultListSchema,
  type CategoryCreateInput,
  type CategoryUpdateInput,
  type ExporterStatus,
  type HsRateInput,
  type SheetFormat,
  type PavilionContentInput,
  type PavilionFeaturesInput,
  type ReviewReason,
  type StoryInput,
  type exchangeRateInputSchema,
  type paymentAnomalyQuerySchema,
  type hotSearchInputSchema,
  type searchWordInputSchema,
  type synonymInputSchema,
} from '@pavilion/contracts';
import { customsDetailSchema, customsQueueSchema, type CustomsCorrections, type customsQueueFilters } from '@pavilion/contracts';
import { jobOverviewSchema, jobSchema, type JobState } from '@pavilion/contracts';
import { call, callNoContent, seg, upload } from '../console/console-api.ts';
import { orderQueryString, type OrderQuery } from '../console/orders/order-query.ts';


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

  productQueue: () => call('GET', '/api/operator/products/review', reviewQueueSchema),
  getProduct: (id: string) => call('GET', productPath(id), operatorProductSchema),
  /** A brand's names, as the storefront shows them (a pending exporter's brand answers 404). */
  storeBrand: (id: string) => call('GET', `/api/store/brands/${seg(id)}`, storeBrandSchema),
  approveProduct: (id: string, revisionId: string) => call('POST', `${productPath(id)}/approve`, operatorProductSchema, { revisionId }),
  /** Takes a published product off sale; the exporter reads the reason. */
  unpublishProduct: (id: string, reason: string) => call('POST', `${productPath(id)}/unpublish`, operatorProductSchema, { reason }),
  requestChanges: (id: string, body: { revisionId: string; reasons: ReviewReason[] }) =>
    call('POST', `${productPath(id)}/request-changes`, operatorProductSchema, body),

  getRates: () => call('GET', '/api/operator/rates', exchangeRateOverviewSchema),
  addRate: (body: RateInput) => call('POST', '/api/operator/rates', exchangeRateSchema, body),

  listHsRates: (q: string, page: number, pageSize: number) =>
    call('GET', `/api/operator/hs-rates?${new URLSearchParams({ ...(q === '' ? {} : { q }), page: String(page), pageSize: String(pageSize) })}`, hsRateListSchema),
  putHsRate: (hsCode: string, body: HsRateInput) => call('PUT', `/api/operator/hs-rates/${seg(hsCode)}`, hsRateSchema, body),
  deleteHsRate: (hsCode: string) => callNoContent('DELETE', `/api/operator/hs-rates/${seg(hsCode)}`),
  hsRatesExportUrl: (format: SheetFormat) => `/api/operator/hs-rates/export?format=${format}`,
  importHsRates: (file: Blob) => upload('/api/operator/hs-rates/import', hsRateImportResultSchema, file),

  createCategory: (body: CategoryCreateInput) => call('POST', '/api/operator/categories', categoryNodeSchema, body),
  updateCategory: (id: string, body: CategoryUpdateInput) => call('PUT', `/api/operator/categories/${seg(id)}`, categoryNodeSchema, body),
  deleteCategory: (id: string) => callNoContent('DELETE', `/api/operator/categories/${seg(id)}`),

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
  listSearchWords: () => call('GET', '/api/operator/search/words', searchWordListSchema),
  addSearchWord: (body: SearchWordInput) => call('POST', '/api/operator/search/words', searchWordSchema, body),
  deleteSearchWord: (word: string) => callNoContent('DELETE', `/api/operator/search/words/${seg(word)}`),
  listSynonyms: () => call('GET', '/api/operator/search/synonyms', synonymListSchema),
  addSynonyms: (body: SynonymInput) => call('POST', '/api/operator/search/synonyms', synonymSchema, body),
  deleteSynonyms: (id: string) => callNoContent('DELETE', `/api/operator/search/synonyms/${seg(id)}`),
  getCuratedHotSearches: () => call('GET', '/api/operator/search/hot', curatedHotSearchesSchema),
  putCuratedHotSearches: (body: HotSearchInput) => call('PUT', '/api/operator/search/hot', curatedHotSearchesSchema, body),
  /** What the storefront shows: the curated words, then buyers' most searched. */
  storeHotSearches: () => call('GET', '/api/store/search/hot', hotSearchesSchema),
  searchIndexStatus: () => call('GET', '/api/operator/search/index', searchIndexStatusSchema),

  /** Orders of the operator's pavilions; the buyer's identity comes masked. */
  listOrders: (query: OrderQuery) => call('GET', `/api/operator/orders${orderQueryString(query)}`, orderListSchema),
  getOrder: (id: string) => call('GET', `/api/operator/orders/${seg(id)}`, orderDetailSchema),
  paymentAnomalies: (status: AnomalyFilter) => call('GET', `/api/operator/payment-anomalies?status=${status}`, paymentAnomalyListSchema),
  resolvePaymentAnomaly: (id: string) => call('POST', `/api/operator/payment-anomalies/${seg(id)}/resolve`, paymentAnomalySchema),

  /** The fulfilment queue of the operator's pavilions; bonded (1210) orders leave the warehouse through these calls. */
  fulfilment: (state: FulfilmentState) => call('GET', `/api/operator/fulfilment?state=${state}`, fulfilmentListSchema),
  shipOrder: (id: string, body: BondedShipmentInput) => call('POST', `/api/operator/orders/${seg(id)}/shipment`, shipmentSchema, body),
  addTrackingEvents: (id: string, body: { events: TrackingEventInput[] }) => call('POST', `/api/operator/orders/${seg(id)}/tracking-events`, trackingEventsResultSchema, body),
  uploadWaybills: (file: Blob) => upload('/api/operator/fulfilment/shipments.csv', shipmentUploadResultSchema, file),
  /** Returns of the operator's pavilions (the after-sale queue): list by stage, approve, refuse with a reason, goods received. */
  listReturns: (stage: ReturnStage | undefined, late?: boolean) => {
    const query = new URLSearchParams({ ...(stage === undefined ? {} : { stage }), ...(late === undefined ? {} : { late: String(late) }) }).toString();
    return call('GET', `/api/operator/returns${query === '' ? '' : `?${query}`}`, returnListSchema);
  },
  approveReturn: (id: string) => call('POST', `/api/operator/returns/${seg(id)}/approve`, returnSchema, {}),
  refuseReturn: (id: string, reason: string) => call('POST', `/api/operator/returns/${seg(id)}/refuse`, returnSchema, { reason }),
  returnReceived: (id: string) => call('POST', `/api/operator/returns/${seg(id)}/received`, returnSchema, {}),
  /** The customs queue: declarations, receipts, corrections, resend, identity holds. */
  customsQueue: (status: CustomsFilter | null) => call('GET', `/api/operator/customs${status ? `?status=${status}` : ''}`, customsQueueSchema),
  customsDetail: (orderId: string) => call('GET', `/api/operator/customs/${seg(orderId)}`, customsDetailSchema),
  resendCustoms: (orderId: string, corrections: CustomsCorrections) => call('POST', `/api/operator/customs/${seg(orderId)}/resend`, customsDetailSchema, { corrections }),
  clearCustomsHold: (orderId: string) => call('POST', `/api/operator/customs/${seg(orderId)}/clear-hold`, customsDetailSchema),
  /** The background job console (platform admins only): each kind's queue and the latest jobs, filtered by kind and state. */
  jobs: (filter: { kind: string | null; state: JobState | null; limit: number }) => {
    const query = new URLSearchParams({ ...(filter.kind === null ? {} : { kind: filter.kind }), ...(filter.state === null ? {} : { state: filter.state }), limit: String(filter.limit) });
    return call('GET', `/api/admin/jobs?${query.toString()}`, jobOverviewSchema);
  },
  /** Puts a failed job back in its queue with a fresh set of attempts (409 INVALID_TRANSITION if it is not failed). */
  retryJob: (jobId: string) => call('POST', `/api/admin/jobs/${seg(jobId)}/retry`, jobSchema),
};
