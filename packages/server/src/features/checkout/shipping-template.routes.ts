import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { freightTemplateSchema, shippingTemplateSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { ShippingTemplateService } from './shipping-template.service.ts';

const params = z.object({ id: z.uuid() });

export function exporterShippingTemplateRoutes(templates: ShippingTemplateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    app.get('/warehouses/:id/shipping-template', {
      schema: { tags, summary: "A warehouse's freight (first weight + each step, by province group, free above a goods value); the platform default until set", params, response: { 200: shippingTemplateSchema, ...errorResponses } },
    }, async (request) => templates.get(request.caller, request.params.id));
    app.put('/warehouses/:id/shipping-template', {
      schema: { tags, summary: "Set a warehouse's freight template (quotes use it at once)", params, body: freightTemplateSchema, response: { 200: shippingTemplateSchema, ...errorResponses } },
    }, async (request) => templates.set(request.caller, request.params.id, request.body));
  };
}
