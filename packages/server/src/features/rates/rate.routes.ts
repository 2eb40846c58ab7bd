import type { FastifyInstance } from 'fastify';
import { exchangeRateInputSchema, exchangeRateOverviewSchema, exchangeRateSchema, ratesInForceSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { errorBodySchema } from '@pavilion/contracts';
import type { RateService } from './rate.service.ts';

export function operatorRateRoutes(rates: RateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/rates', {
      schema: { tags: ['operator'], summary: 'Exchange rates in force, their history, and open alerts', response: { 200: exchangeRateOverviewSchema, ...errorResponses } },
    }, async (request) => rates.overview(request.caller));
    app.post('/rates', {
      schema: { tags: ['operator'], summary: 'Enter a rate to CNY with its effective date and source', body: exchangeRateInputSchema, response: { 201: exchangeRateSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return rates.addRate(request.caller, request.body);
    });
  };
}

export function storeRateRoutes(rates: RateService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/exchange-rates', {
      schema: { tags: ['store'], summary: 'The exchange rates to CNY in force today (China time), with their source', response: { 200: ratesInForceSchema } },
    }, async () => rates.publicRatesInForce());
  };
}
