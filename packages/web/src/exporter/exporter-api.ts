import { type ReturnStage, endpoints } from '@pavilion/contracts';
import type { z } from 'zod';
import type {
  exporterDocumentSchema,
  exporterProductListSchema,
  imageSchema, warehouseSchema, exporterProductSchema} from '@pavilion/contracts';
import { type BrandInput, type DocumentKind, type SheetFormat, type ExporterApplicationUpdate, type ProductContent, type stockUpdateSchema, type warehouseInputSchema, type DirectShipmentInput, type FulfilmentState, type TrackingEventInput } from '@pavilion/contracts';
import { orderQueryParams, type OrderQuery } from '../console/orders/order-query.ts';
import { api, hrefOf, uploadTo } from '../api/client.ts';

export type ExporterProduct = z.output<typeof exporterProductSchema>;
export type ExporterProductList = z.output<typeof exporterProductListSchema>;
export type ExporterProductListItem = ExporterProductList['items'][number];
export type ProductImage = z.output<typeof imageSchema>;
export type ExporterDocument = z.output<typeof exporterDocumentSchema>;
export type Warehouse = z.output<typeof warehouseSchema>;
export type WarehouseInput = z.output<typeof warehouseInputSchema>;
export type StockUpdate = z.output<typeof stockUpdateSchema>;


/** The exporter console's calls: its own application, documents, brands, products, stock and orders. */
export const exporterApi = {
  ratesInForce: () => api(endpoints.store.getExchangeRates),
  getApplication: () => api(endpoints.exporter.getApplication),
  updateApplication: (body: ExporterApplicationUpdate) => api(endpoints.exporter.setApplication, { body: body }),

  listDocuments: () => api(endpoints.exporter.getDocuments),
  uploadDocument: (file: Blob, kind: DocumentKind) => uploadTo(endpoints.exporter.uploadDocument, file, { fields: { kind } }),
  deleteDocument: (id: string) => api(endpoints.exporter.deleteDocument, { params: { id } }),
  documentFileUrl: (id: string) => hrefOf(endpoints.exporter.getDocumentFile, { params: { id } }),

  uploadImage: (file: Blob) => uploadTo(endpoints.exporter.uploadMedia, file),

  listBrands: () => api(endpoints.exporter.getBrands),
  createBrand: (body: BrandInput) => api(endpoints.exporter.createBrand, { body: body }),
  updateBrand: (id: string, body: BrandInput) => api(endpoints.exporter.updateBrand, { params: { id }, body: body }),
  deleteBrand: (id: string) => api(endpoints.exporter.deleteBrand, { params: { id } }),

  listProducts: () => api(endpoints.exporter.getProducts),
  getProduct: (id: string) => api(endpoints.exporter.getProduct, { params: { id } }),
  createProduct: (body: ProductContent) => api(endpoints.exporter.createProduct, { body: body }),
  saveProduct: (id: string, body: ProductContent) => api(endpoints.exporter.updateProduct, { params: { id }, body: body }),
  submitProduct: (id: string) => api(endpoints.exporter.submitProduct, { params: { id } }),
  changeProductStatus: (id: string, action: 'unpublish' | 'republish' | 'archive') =>
    api({ unpublish: endpoints.exporter.unpublishProduct, republish: endpoints.exporter.republishProduct, archive: endpoints.exporter.archiveProduct }[action], { params: { id } }),

  listWarehouses: () => api(endpoints.exporter.getWarehouses),
  createWarehouse: (body: WarehouseInput) => api(endpoints.exporter.createWarehouse, { body: body }),
  setStock: (body: StockUpdate) => api(endpoints.exporter.setStock, { body: body }),

  catalogTemplateUrl: (format: SheetFormat) => hrefOf(endpoints.exporter.getCatalogTemplate, { query: { format } }),
  catalogExportUrl: (format: SheetFormat) => hrefOf(endpoints.exporter.exportCatalog, { query: { format } }),
  /** Starts an import (answered 202 with a job to poll). */
  importCatalog: (file: Blob) => uploadTo(endpoints.exporter.importCatalog, file),
  getImportJob: (jobId: string) => api(endpoints.exporter.getCatalogImportJob, { params: { jobId } }),

  /** The exporter's orders: consignee and address to ship, never the buyer's identity. */
  listOrders: (query: OrderQuery) => api(endpoints.exporter.getOrders, { query: orderQueryParams(query) }),
  getOrder: (id: string) => api(endpoints.exporter.getOrder, { params: { id } }),

  /** Orders by shipping state; direct (9610) parcels are shipped here, bonded ones by the pavilion's warehouse. */
  fulfilmentOrders: (state: FulfilmentState) => api(endpoints.exporter.getFulfilmentOrders, { query: { state } }),
  shipOrder: (id: string, body: DirectShipmentInput) => api(endpoints.exporter.shipOrder, { params: { id }, body: body }),
  addTrackingEvents: (id: string, body: { events: TrackingEventInput[] }) => api(endpoints.exporter.addTrackingEvent, { params: { id }, body: body }),
  /** Returns of the exporter's orders: list by stage, approve, refuse with a reason, goods received. */
  listReturns: (stage: ReturnStage | undefined, late?: boolean) =>
    api(endpoints.exporter.getReturns, { query: { stage, late: late === undefined ? undefined : late ? 'true' : 'false' } }),
  approveReturn: (id: string) => api(endpoints.exporter.approveReturn, { params: { id }, body: {} }),
  refuseReturn: (id: string, reason: string) => api(endpoints.exporter.refuseReturn, { params: { id }, body: { reason } }),
  returnReceived: (id: string) => api(endpoints.exporter.receiveReturn, { params: { id }, body: {} }),
};
