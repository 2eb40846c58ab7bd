import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { brandIdParamsSchema, brandInputSchema, brandListSchema, brandSchema, errorBodySchema, exporterIdParamsSchema, storeBrandSchema, storeExporterSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { membersOnly } from './exporter-application.routes.ts';
import type { BrandService } from './brands.service.ts';

export function exporterBrandRoutes(brands: BrandService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    fastify.addHook('preValidation', membersOnly);

    app.get('/brands', {
      schema: { tags, summary: "The exporter's brands", response: { 200: brandListSchema, ...errorResponses } },
    }, async (request) => ({ items: await brands.list(request.caller) }));

    app.post('/brands', {
      schema: { tags, summary: 'Create a brand (the story is sanitized; the logo must be an image this exporter uploaded)', body: brandInputSchema, response: { 201: brandSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return brands.create(request.caller, request.body);
    });

    app.put('/brands/:id', {
      schema: { tags, summary: 'Replace a brand', params: brandIdParamsSchema, body: brandInputSchema, response: { 200: brandSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request) => brands.update(request.caller, request.params.id, request.body));

    app.delete('/brands/:id', {
      schema: { tags, summary: 'Delete a brand', params: brandIdParamsSchema, response: { 204: z.undefined(), ...errorResponses } },
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

    app.get('/exporters/:id', {
      schema: { tags, summary: 'An approved exporter with its story and brands', params: exporterIdParamsSchema, response: { 200: storeExporterSchema, ...errorResponses } },
    }, async (request) => brands.getPublicExporter(request.params.id));

    app.get('/brands/:id', {
      schema: { tags, summary: 'A brand of an approved exporter', params: brandIdParamsSchema, response: { 200: storeBrandSchema, ...errorResponses } },
    }, async (request) => brands.getPublicBrand(request.params.id));
  };
}
