import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { errorBodySchema } from '@pavilion/contracts';
import type { RateService } from './rate.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function operatorRateRoutes(rates: RateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.operator.getRates, {
      schema: { tags: ['operator'], summary: 'Exchange rates in force, their history, and open alerts', response: errorResponses },
    }, async (request) => rates.overview(request.caller));
    route(app, endpoints.operator.createRate, {
      schema: { tags: ['operator'], summary: 'Enter a rate to CNY with its effective date and source', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return rates.addRate(request.caller, request.body);
    });
  };
}

export function storeRateRoutes(rates: RateService) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.store.getExchangeRates, {
      schema: { tags: ['store'], summary: 'The exchange rates to CNY in force today (China time), with their source' },
    }, async () => rates.publicRatesInForce());
  };
}
