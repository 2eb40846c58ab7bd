import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  approveBodySchema, errorBodySchema, exporterProductListSchema, exporterProductSchema, imageSchema, listingPageSchema, listingQuerySchema,
  productContentSchema, productPageSchema, productReasonBodySchema, productStatuses, requestChangesBodySchema, stockUpdateSchema,
  warehouseInputSchema, warehouseSchema,
} from '@pavilion/contracts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { MediaService } from '../media/index.ts';
import type { ProductReviewService } from './product-review.service.ts';
import { operatorProductSchema, reviewQueueSchema } from './product-review.service.ts';
import type { ProductService } from './product.service.ts';
import type { StockService } from './stock.service.ts';
import type { StorefrontService } from './storefront.service.ts';

const idParams = z.object({ id: z.uuid() });
const JSON_UTF8 = 'application/json; charset=utf-8';
const withConflicts = { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema };

export function storeCatalogRoutes(storefront: StorefrontService) {
  return async function (fastify: FastifyInstance) {
    // Answers are JSON text from the page cache, checked against their schema when cached, so these
    // two routes send text (the plain instance: the schemas document and validate the input).
    fastify.get('/products', {
      schema: { tags: ['store'], summary: 'Listing cards: filter by pavilion, category (with its subtree), exporter, brand, country; endless scroll by cursor', querystring: listingQuerySchema, response: { 200: listingPageSchema, ...errorResponses } },
    }, async (request, reply) => reply.type(JSON_UTF8).send(await storefront.listJson(listingQuerySchema.parse(request.query))));
    fastify.get('/products/:id', {
      schema: { tags: ['store'], summary: 'A published product, priced in yuan at the rate in force', params: idParams, response: { 200: productPageSchema, ...errorResponses } },
    }, async (request, reply) => reply.type(JSON_UTF8).send(await storefront.productPageJson(idParams.parse(request.params).id)));
  };
}

export function exporterCatalogRoutes(deps: { products: ProductService; stock: StockService; media: MediaService }) {
  const { products, stock, media } = deps;
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    app.post('/media', {
      schema: { tags, summary: 'Upload an image (JPEG, PNG or WebP up to 10 MB; checked by content, EXIF removed, resized to WebP)', consumes: ['multipart/form-data'], response: { 201: imageSchema, ...errorResponses } },
    }, async (request, reply) => {
      const exporterId = exporterScope(requireRole(request.caller, 'exporter_member'));
      const upload = await readUpload(request);
      reply.code(201);
      return media.storeImage(`exporter:${exporterId}`, upload.bytes, 'file');
    });
    app.get('/products', {
      schema: { tags, summary: "The exporter's products", querystring: z.object({ status: z.enum(productStatuses).optional() }), response: { 200: exporterProductListSchema, ...errorResponses } },
    }, async (request) => products.list(request.caller, request.query.status));
    app.post('/products', {
      schema: { tags, summary: 'Create a product (a draft)', body: productContentSchema, response: { 201: exporterProductSchema, ...withConflicts } },
    }, async (request, reply) => {
      reply.code(201);
      return products.create(request.caller, request.body);
    });
    app.get('/products/:id', {
      schema: { tags, summary: 'A product: live and working content, review state and reasons, publication rules, stock', params: idParams, response: { 200: exporterProductSchema, ...errorResponses } },
    }, async (request) => products.get(request.caller, request.params.id));
    app.put('/products/:id', {
      schema: { tags, summary: 'Save the content being edited (a live product stays on sale unchanged until the edit is approved)', params: idParams, body: productContentSchema, response: { 200: exporterProductSchema, ...withConflicts } },
    }, async (request) => products.save(request.caller, request.params.id, request.body));
    app.post('/products/:id/submit', {
      schema: { tags, summary: 'Send the working content to review (422 lists each failed publication rule)', params: idParams, response: { 200: exporterProductSchema, ...withConflicts } },
    }, async (request) => products.submit(request.caller, request.params.id));
    for (const action of ['unpublish', 'republish', 'archive'] as const) {
      app.post(`/products/:id/${action}`, {
        schema: { tags, summary: `${action[0]?.toUpperCase()}${action.slice(1)} a product`, params: idParams, response: { 200: exporterProductSchema, ...withConflicts } },
      }, async (request) => products.changeStatus(request.caller, request.params.id, action));
    }
    app.get('/warehouses', {
      schema: { tags, summary: "The exporter's warehouses", response: { 200: z.object({ items: z.array(warehouseSchema) }), ...errorResponses } },
    }, async (request) => ({ items: await stock.listWarehouses(request.caller) }));
    app.post('/warehouses', {
      schema: { tags, summary: 'Add an origin or bonded warehouse', body: warehouseInputSchema, response: { 201: warehouseSchema, ...errorResponses } },
    }, async (request, reply) => {
      reply.code(201);
      return stock.createWarehouse(request.caller, request.body);
    });
    app.put('/stock', {
      schema: { tags, summary: 'Set the units on hand of a variant in a warehouse', body: stockUpdateSchema, response: { 200: z.object({ variantId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() }), ...errorResponses } },
    }, async (request) => stock.setStock(request.caller, request.body));
  };
}

export function operatorCatalogRoutes(review: ProductReviewService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    app.get('/products/review', {
      schema: { tags, summary: "Products and edits waiting for review in the caller's pavilions, oldest first", response: { 200: reviewQueueSchema, ...errorResponses } },
    }, async (request) => review.queue(request.caller));
    app.get('/products/:id', {
      schema: { tags, summary: 'A product with its live and submitted content, the compliance checklist and HS rates', params: idParams, response: { 200: operatorProductSchema, ...errorResponses } },
    }, async (request) => review.get(request.caller, request.params.id));
    app.post('/products/:id/approve', {
      schema: { tags, summary: 'Approve the submitted revision: it goes live', params: idParams, body: approveBodySchema, response: { 200: operatorProductSchema, ...withConflicts } },
    }, async (request) => review.approve(request.caller, request.params.id, request.body.revisionId));
    app.post('/products/:id/request-changes', {
      schema: { tags, summary: 'Send the submitted revision back with a reason per field', params: idParams, body: requestChangesBodySchema, response: { 200: operatorProductSchema, ...withConflicts } },
    }, async (request) => review.requestChanges(request.caller, request.params.id, request.body.revisionId, request.body.reasons));
    app.post('/products/:id/unpublish', {
      schema: { tags, summary: 'Take a product off sale, with a reason', params: idParams, body: productReasonBodySchema, response: { 200: operatorProductSchema, ...withConflicts } },
    }, async (request) => review.unpublish(request.caller, request.params.id, request.body.reason));
  };
}
