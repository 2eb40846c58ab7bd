import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { membersOnly } from './exporter-application.routes.ts';
import type { BrandService } from './brands.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function exporterBrandRoutes(brands: BrandService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    fastify.addHook('preValidation', membersOnly);

    route(app, endpoints.exporter.getBrands, {
      schema: { tags, summary: "The exporter's brands", response: errorResponses },
    }, async (request) => ({ items: await brands.list(request.caller) }));

    route(app, endpoints.exporter.createBrand, {
      schema: { tags, summary: 'Create a brand (the story is sanitized; the logo must be an image this exporter uploaded)', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return brands.create(request.caller, request.body);
    });

    route(app, endpoints.exporter.updateBrand, {
      schema: { tags, summary: 'Replace a brand', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request) => brands.update(request.caller, request.params.id, request.body));

    route(app, endpoints.exporter.deleteBrand, {
      schema: { tags, summary: 'Delete a brand', response: errorResponses },
    }, async (request, reply) => {
      await brands.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}

/** The storefront's exporter and brand pages: approved exporters only. */
export function storeExporterRoutes(brands: BrandService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];

    route(app, endpoints.store.getExporter, {
      schema: { tags, summary: 'An approved exporter with its story and brands', response: errorResponses },
    }, async (request) => brands.getPublicExporter(request.params.id));

    route(app, endpoints.store.getBrand, {
      schema: { tags, summary: 'A brand of an approved exporter', response: errorResponses },
    }, async (request) => brands.getPublicBrand(request.params.id));
  };
}
