import { returnListSchema, returnSchema, type ReturnStage } from '@pavilion/contracts';
import { z } from 'zod';
import {
  brandListSchema,
  brandSchema,
  exporterApplicationSchema,
  exporterDocumentListSchema,
  exporterDocumentSchema,
  exporterProductListSchema,
  exporterProductSchema,
  imageSchema,
  importJobSchema,
  orderDetailSchema,
  orderListSchema,
  ratesInForceSchema,
  warehouseSchema,
  type BrandInput,
  type DocumentKind,
  type SheetFormat,
  type ExporterApplicationUpdate,
  type ProductContent,
  type stockUpdateSchema,
  type warehouseInputSchema,
  fulfilmentListSchema,
  shipmentSchema,
  trackingEventsResultSchema,
  type DirectShipmentInput,
  type FulfilmentState,
  type TrackingEventInput,
} from '@pavilion/contracts';
import { call, callNoContent, seg, upload } from '../console/console-api.ts';
import { orderQueryString, type OrderQuery } from '../console/orders/order-query.ts';

export type ExporterProduct = z.output<typeof exporterProductSchema>;
export type ExporterProductList = z.output<typeof exporterProductListSchema>;
export type ExporterProductListItem = ExporterProductList['items'][number];
export type ProductImage = z.output<typeof imageSchema>;
export type ExporterDocument = z.output<typeof exporterDocumentSchema>;
export type Warehouse = z.output<typeof warehouseSchema>;
export type WarehouseInput = z.output<typeof warehouseInputSchema>;
export type StockUpdate = z.output<typeof stockUpdateSchema>;

const warehouseListSchema = z.object({ items: z.array(warehouseSchema) });
const stockRowSchema = z.object({ variantId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() });

/** The exporter console's calls: its own application, documents, brands, products, stock and orders. */
export const exporterApi = {
  ratesInForce: () => call('GET', '/api/store/exchange-rates', ratesInForceSchema),
  getApplication: () => call('GET', '/api/exporter/application', exporterApplicationSchema),
  updateApplication: (body: ExporterApplicationUpdate) => call('PUT', '/api/exporter/application', exporterApplicationSchema, body),

  listDocuments: () => call('GET', '/api/exporter/documents', exporterDocumentListSchema),
  uploadDocument: (file: Blob, kind: DocumentKind) => upload('/api/exporter/documents', exporterDocumentSchema, file, { kind }),
  deleteDocument: (id: string) => callNoContent('DELETE', `/api/exporter/documents/${seg(id)}`),
  documentFileUrl: (id: string) => `/api/exporter/documents/${seg(id)}/file`,

  uploadImage: (file: Blob) => upload('/api/exporter/media', imageSchema, file),

  listBrands: () => call('GET', '/api/exporter/brands', brandListSchema),
  createBrand: (body: BrandInput) => call('POST', '/api/exporter/brands', brandSchema, body),
  updateBrand: (id: string, body: BrandInput) => call('PUT', `/api/exporter/brands/${seg(id)}`, brandSchema, body),
  deleteBrand: (id: string) => callNoContent('DELETE', `/api/exporter/brands/${seg(id)}`),

  listProducts: () => call('GET', '/api/exporter/products', exporterProductListSchema),
  getProduct: (id: string) => call('GET', `/api/exporter/products/${seg(id)}`, exporterProductSchema),
  createProduct: (body: ProductContent) => call('POST', '/api/exporter/products', exporterProductSchema, body),
  saveProduct: (id: string, body: ProductContent) => call('PUT', `/api/exporter/products/${seg(id)}`, exporterProductSchema, body),
  submitProduct: (id: string) => call('POST', `/api/exporter/products/${seg(id)}/submit`, exporterProductSchema),
  changeProductStatus: (id: string, action: 'unpublish' | 'republish' | 'archive') =>
    call('POST', `/api/exporter/products/${seg(id)}/${action}`, exporterProductSchema),

  listWarehouses: () => call('GET', '/api/exporter/warehouses', warehouseListSchema),
  createWarehouse: (body: WarehouseInput) => call('POST', '/api/exporter/warehouses', warehouseSchema, body),
  setStock: (body: StockUpdate) => call('PUT', '/api/exporter/stock', stockRowSchema, body),

  catalogTemplateUrl: (format: SheetFormat) => `/api/exporter/catalog/template?format=${format}`,
  catalogExportUrl: (format: SheetFormat) => `/api/exporter/catalog/export?format=${format}`,
  /** Starts an import (answered 202 with a job to poll). */
  importCatalog: (file: Blob) => upload('/api/exporter/catalog/import', importJobSchema, file),
  getImportJob: (jobId: string) => call('GET', `/api/exporter/catalog/import/${seg(jobId)}`, importJobSchema),

  /** The exporter's orders: consignee and address to ship, never the buyer's identity. */
  listOrders: (query: OrderQuery) => call('GET', `/api/exporter/orders${orderQueryString(query)}`, orderListSchema),
  getOrder: (id: string) => call('GET', `/api/exporter/orders/${seg(id)}`, orderDetailSchema),

  /** Orders by shipping state; direct (9610) parcels are shipped here, bonded ones by the pavilion's warehouse. */
  fulfilmentOrders: (state: FulfilmentState) => call('GET', `/api/exporter/fulfilment/orders?state=${state}`, fulfilmentListSchema),
  shipOrder: (id: string, body: DirectShipmentInput) => call('POST', `/api/exporter/orders/${seg(id)}/shipment`, shipmentSchema, body),
  addTrackingEvents: (id: string, body: { events: TrackingEventInput[] }) => call('POST', `/api/exporter/orders/${seg(id)}/tracking-events`, trackingEventsResultSchema, body),
  /** Returns of the exporter's orders: list by stage, approve, refuse with a reason, goods received. */
  listReturns: (stage: ReturnStage | undefined, late?: boolean) => {
    const query = new URLSearchParams({ ...(stage === undefined ? {} : { stage }), ...(late === undefined ? {} : { late: String(late) }) }).toString();
    return call('GET', `/api/exporter/returns${query === '' ? '' : `?${query}`}`, returnListSchema);
  },
  approveReturn: (id: string) => call('POST', `/api/exporter/returns/${seg(id)}/approve`, returnSchema, {}),
  refuseReturn: (id: string, reason: string) => call('POST', `/api/exporter/returns/${seg(id)}/refuse`, returnSchema, { reason }),
  returnReceived: (id: string) => call('POST', `/api/exporter/returns/${seg(id)}/received`, returnSchema, {}),
};
