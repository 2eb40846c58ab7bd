import type { FastifyInstance } from 'fastify';
import {
  acceptedQuoteSchema,
  acceptQuoteBodySchema,
  acceptQuoteParamsSchema,
  errorBodySchema,
  exporterQuoteSchema,
  exporterRfqListSchema,
  exporterRfqSchema,
  idParamsSchema,
  quoteComparisonQuerySchema,
  quoteComparisonSchema,
  quoteInputSchema,
  rfqCreateSchema,
  rfqListSchema,
  rfqSchema,
} from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { RfqService } from './rfq.service.ts';

/** The importer's side: /api/trade. */
export function importerRfqRoutes(rfqs: RfqService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];

    app.post('/rfqs', {
      schema: { tags, summary: 'Post a request for quotation to one pavilion or all; matching exporters are notified', body: rfqCreateSchema, response: { 201: rfqSchema, ...errorResponses } },
    }, async (request, reply) => {
      const created = await rfqs.create(request.caller, request.body);
      reply.code(201);
      return created;
    });

    app.get('/rfqs', {
      schema: { tags, summary: "The company's RFQs, newest first", response: { 200: rfqListSchema, ...errorResponses } },
    }, async (request) => ({ items: await rfqs.listOwn(request.caller) }));

    app.get('/rfqs/:id', {
      schema: { tags, summary: 'One of the company\'s RFQs', params: idParamsSchema, response: { 200: rfqSchema, ...errorResponses } },
    }, async (request) => rfqs.getOwn(request.caller, request.params.id));

    app.get('/rfqs/:id/quotes', {
      schema: {
        tags,
        summary: 'The quotes side by side: unit price at `quantity` (default: the RFQ\'s) in CNY fen at today\'s rate, cheapest first',
        params: idParamsSchema,
        querystring: quoteComparisonQuerySchema,
        response: { 200: quoteComparisonSchema, ...errorResponses },
      },
    }, async (request) => rfqs.compare(request.caller, request.params.id, request.query.quantity));

    app.post('/rfqs/:id/quotes/:quoteId/accept', {
      schema: {
        tags,
        summary: 'Accept one quote (as a sample or a bulk order, at a quantity): the RFQ closes, the other quotes are not chosen, and the B2B order is issued with its proforma invoice',
        params: acceptQuoteParamsSchema,
        body: acceptQuoteBodySchema.nullish(),
        response: { 200: acceptedQuoteSchema, ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => rfqs.accept(request.caller, request.params.id, request.params.quoteId, acceptQuoteBodySchema.parse(request.body ?? {})));

    app.post('/rfqs/:id/cancel', {
      schema: { tags, summary: 'Withdraw the RFQ (not once a quote is accepted)', params: idParamsSchema, response: { 200: rfqSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request) => rfqs.cancel(request.caller, request.params.id));
  };
}

/** The exporter's side: /api/exporter. */
export function exporterRfqRoutes(rfqs: RfqService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];

    app.get('/rfqs', {
      schema: { tags, summary: 'The RFQ board: requests matched to this exporter (its categories and pavilion), with its own quote', response: { 200: exporterRfqListSchema, ...errorResponses } },
    }, async (request) => ({ items: await rfqs.board(request.caller) }));

    app.get('/rfqs/:id', {
      schema: { tags, summary: 'One matched RFQ with the exporter\'s quote and its revisions', params: idParamsSchema, response: { 200: exporterRfqSchema, ...errorResponses } },
    }, async (request) => rfqs.getForExporter(request.caller, request.params.id));

    app.put('/rfqs/:id/quote', {
      schema: {
        tags,
        summary: 'Submit the quote, or revise it until the deadline (one per exporter; every revision kept)',
        params: idParamsSchema,
        body: quoteInputSchema,
        response: { 200: exporterQuoteSchema, 201: exporterQuoteSchema, ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      const { quote, created } = await rfqs.submitQuote(request.caller, request.params.id, request.body);
      reply.code(created ? 201 : 200);
      return quote;
    });
  };
}
