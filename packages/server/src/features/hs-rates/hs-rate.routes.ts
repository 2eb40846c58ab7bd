import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hsCodeParamsSchema, hsRateInputSchema, hsRateListQuerySchema, hsRateListSchema, hsRateSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { HsRateService } from './hs-rate.service.ts';

export function operatorHsRateRoutes(hsRates: HsRateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/hs-rates', {
      schema: { tags: ['operator'], summary: 'The HS rate table (q: a code prefix or words of the description)', querystring: hsRateListQuerySchema, response: { 200: hsRateListSchema, ...errorResponses } },
    }, async (request) => hsRates.list(request.caller, request.query));

    app.put('/hs-rates/:hsCode', {
      schema: { tags: ['operator'], summary: "Create or replace one HS code's rates (basis points: 1300 = 13%)", params: hsCodeParamsSchema, body: hsRateInputSchema, response: { 200: hsRateSchema, ...errorResponses } },
    }, async (request) => hsRates.upsert(request.caller, request.params.hsCode, request.body));

    app.delete('/hs-rates/:hsCode', {
      schema: { tags: ['operator'], summary: 'Remove an HS code from the table', params: hsCodeParamsSchema, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await hsRates.remove(request.caller, request.params.hsCode);
      return reply.code(204).send();
    });
  };
}
