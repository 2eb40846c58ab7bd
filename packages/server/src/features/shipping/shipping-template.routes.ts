import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { ShippingTemplateService } from './shipping-template.service.ts';
import { route } from '../../platform/endpoint-route.ts';


export function exporterShippingTemplateRoutes(templates: ShippingTemplateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    route(app, endpoints.exporter.getShippingTemplate, {
      schema: { tags, summary: "A warehouse's freight (first weight + each step, by province group, free above a goods value); the platform default until set", response: errorResponses },
    }, async (request) => templates.get(request.caller, request.params.id));
    route(app, endpoints.exporter.setShippingTemplate, {
      schema: { tags, summary: "Set a warehouse's freight template (quotes use it at once)", response: errorResponses },
    }, async (request) => templates.set(request.caller, request.params.id, request.body));
  };
}
