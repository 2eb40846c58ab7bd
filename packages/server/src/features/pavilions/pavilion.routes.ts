import type { FastifyInstance } from 'fastify';
import { operatorPavilionListSchema, pavilionDetailSchema, pavilionListSchema, pavilionSlugParamsSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { PavilionService } from './pavilion.service.ts';

export function storePavilionRoutes(pavilions: PavilionService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/pavilions', {
      schema: { tags: ['store'], summary: 'All pavilions', response: { 200: pavilionListSchema } },
    }, async () => ({ items: await pavilions.listPublic() }));

    app.get('/pavilions/:slug', {
      schema: { tags: ['store'], summary: 'A pavilion with its approved exporters', params: pavilionSlugParamsSchema, response: { 200: pavilionDetailSchema, ...errorResponses } },
    }, async (request) => pavilions.getPublic(request.params.slug));
  };
}

export function operatorPavilionRoutes(pavilions: PavilionService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/pavilions', {
      schema: { tags: ['operator'], summary: 'The pavilions this operator runs, with their exporters', response: { 200: operatorPavilionListSchema, ...errorResponses } },
    }, async (request) => ({ items: await pavilions.listForOperator(request.caller) }));
  };
}
