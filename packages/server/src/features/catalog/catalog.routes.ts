import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema, listingQuerySchema, endpoints } from '@pavilion/contracts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { MediaService } from '../media/index.ts';
import type { ProductReviewService } from './product-review.service.ts';
import type { ProductService } from './product.service.ts';
import type { StockService } from './stock.service.ts';
import type { StorefrontSearch } from './storefront-search.ts';
import type { StorefrontService } from './storefront.service.ts';
import { route, urlOf } from '../../platform/endpoint-route.ts';

const idParams = z.object({ id: z.uuid() });
const JSON_UTF8 = 'application/json; charset=utf-8';
const withConflicts = { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema };

export function storeCatalogRoutes(deps: { storefront: StorefrontService; search: StorefrontSearch }) {
  const { storefront, search } = deps;
  return async function (fastify: FastifyInstance) {
    // Answers are JSON text from the page cache, checked against their schema when cached, so these
    // two routes send text (the plain instance: the schemas document and validate the input).
    const { getProducts, getProduct } = endpoints.store;
    fastify.route({
      method: getProducts.method,
      url: urlOf(fastify, getProducts),
      schema: { tags: ['store'], summary: 'Listing cards: filter by pavilion, category (with its subtree), exporter, brand, country; endless scroll by cursor', querystring: getProducts.query, response: { ...getProducts.response, ...errorResponses } },
      handler: async (request, reply) => reply.type(JSON_UTF8).send(await storefront.listJson(listingQuerySchema.parse(request.query))),
    });
    fastify.route({
      method: getProduct.method,
      url: urlOf(fastify, getProduct),
      schema: { tags: ['store'], summary: 'A published product, priced in yuan at the rate in force', params: getProduct.params, response: { ...getProduct.response, ...errorResponses } },
      handler: async (request, reply) => reply.type(JSON_UTF8).send(await storefront.productPageJson(idParams.parse(request.params).id)),
    });
    route(typed(fastify), endpoints.store.search, {
      schema: {
        tags: ['store'],
        summary: 'Search products in Chinese, pinyin or English, with filters, facet counts, sorting and highlighted titles',
        response: errorResponses,
      },
    }, async (request) => search.search(request.query));
  };
}

export function exporterCatalogRoutes(deps: { products: ProductService; stock: StockService; media: MediaService }) {
  const { products, stock, media } = deps;
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    route(app, endpoints.exporter.uploadMedia, {
      schema: { tags, summary: 'Upload an image (JPEG, PNG or WebP up to 10 MB; checked by content, EXIF removed, resized to WebP)', consumes: ['multipart/form-data'], response: errorResponses },
    }, async (request, reply) => {
      const exporterId = exporterScope(requireRole(request.caller, 'exporter_member'));
      const upload = await readUpload(request);
      reply.code(201);
      return media.storeImage(`exporter:${exporterId}`, upload.bytes, 'file');
    });
    route(app, endpoints.exporter.getProducts, {
      schema: { tags, summary: "The exporter's products", response: errorResponses },
    }, async (request) => products.list(request.caller, request.query.status));
    route(app, endpoints.exporter.createProduct, {
      schema: { tags, summary: 'Create a product (a draft)', response: withConflicts },
    }, async (request, reply) => {
      reply.code(201);
      return products.create(request.caller, request.body);
    });
    route(app, endpoints.exporter.getProduct, {
      schema: { tags, summary: 'A product: live and working content, review state and reasons, publication rules, stock', response: errorResponses },
    }, async (request) => products.get(request.caller, request.params.id));
    route(app, endpoints.exporter.updateProduct, {
      schema: { tags, summary: 'Save the content being edited (a live product stays on sale unchanged until the edit is approved)', response: withConflicts },
    }, async (request) => products.save(request.caller, request.params.id, request.body));
    route(app, endpoints.exporter.submitProduct, {
      schema: { tags, summary: 'Send the working content to review (422 lists each failed publication rule)', response: withConflicts },
    }, async (request) => products.submit(request.caller, request.params.id));
    const statusChanges = [
      ['unpublish', endpoints.exporter.unpublishProduct],
      ['republish', endpoints.exporter.republishProduct],
      ['archive', endpoints.exporter.archiveProduct],
    ] as const;
    for (const [action, endpoint] of statusChanges) {
      route(app, endpoint, {
        schema: { tags, summary: `${action[0]?.toUpperCase()}${action.slice(1)} a product`, response: withConflicts },
      }, async (request) => products.changeStatus(request.caller, request.params.id, action));
    }
    route(app, endpoints.exporter.getWarehouses, {
      schema: { tags, summary: "The exporter's warehouses", response: errorResponses },
    }, async (request) => ({ items: await stock.listWarehouses(request.caller) }));
    route(app, endpoints.exporter.createWarehouse, {
      schema: { tags, summary: 'Add an origin or bonded warehouse', response: errorResponses },
    }, async (request, reply) => {
      reply.code(201);
      return stock.createWarehouse(request.caller, request.body);
    });
    route(app, endpoints.exporter.setStock, {
      schema: { tags, summary: 'Set the units on hand of a variant in a warehouse', response: errorResponses },
    }, async (request) => stock.setStock(request.caller, request.body));
  };
}

export function operatorCatalogRoutes(review: ProductReviewService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getProductReviewQueue, {
      schema: { tags, summary: "Products and edits waiting for review in the caller's pavilions, oldest first", response: errorResponses },
    }, async (request) => review.queue(request.caller));
    route(app, endpoints.operator.getProduct, {
      schema: { tags, summary: 'A product with its live and submitted content, the compliance checklist and HS rates', response: errorResponses },
    }, async (request) => review.get(request.caller, request.params.id));
    route(app, endpoints.operator.approveProduct, {
      schema: { tags, summary: 'Approve the submitted revision: it goes live', response: withConflicts },
    }, async (request) => review.approve(request.caller, request.params.id, request.body.revisionId));
    route(app, endpoints.operator.requestProductChanges, {
      schema: { tags, summary: 'Send the submitted revision back with a reason per field', response: withConflicts },
    }, async (request) => review.requestChanges(request.caller, request.params.id, request.body.revisionId, request.body.reasons));
    route(app, endpoints.operator.unpublishProduct, {
      schema: { tags, summary: 'Take a product off sale, with a reason', response: withConflicts },
    }, async (request) => review.unpublish(request.caller, request.params.id, request.body.reason));
  };
}
