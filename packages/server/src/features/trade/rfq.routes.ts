import type { FastifyInstance } from 'fastify';
import { acceptQuoteBodySchema, errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { RfqService } from './rfq.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** The importer's side: /api/trade. */
export function importerRfqRoutes(rfqs: RfqService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];

    route(app, endpoints.trade.createRfq, {
      schema: { tags, summary: 'Post a request for quotation to one pavilion or all; matching exporters are notified', response: errorResponses },
    }, async (request, reply) => {
      const created = await rfqs.create(request.caller, request.body);
      reply.code(201);
      return created;
    });

    route(app, endpoints.trade.getRfqs, {
      schema: { tags, summary: "The company's RFQs, newest first", response: errorResponses },
    }, async (request) => ({ items: await rfqs.listOwn(request.caller) }));

    route(app, endpoints.trade.getRfq, {
      schema: { tags, summary: 'One of the company\'s RFQs', response: errorResponses },
    }, async (request) => rfqs.getOwn(request.caller, request.params.id));

    route(app, endpoints.trade.getRfqQuotes, {
      schema: {
        tags,
        summary: 'The quotes side by side: unit price at `quantity` (default: the RFQ\'s) in CNY fen at today\'s rate, cheapest first',
        response: errorResponses,
      },
    }, async (request) => rfqs.compare(request.caller, request.params.id, request.query.quantity));

    route(app, endpoints.trade.acceptRfqQuote, {
      schema: {
        tags,
        summary: 'Accept one quote (as a sample or a bulk order, at a quantity): the RFQ closes, the other quotes are not chosen, and the B2B order is issued with its proforma invoice',
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => rfqs.accept(request.caller, request.params.id, request.params.quoteId, acceptQuoteBodySchema.parse(request.body ?? {})));

    route(app, endpoints.trade.cancelRfq, {
      schema: { tags, summary: 'Withdraw the RFQ (not once a quote is accepted)', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request) => rfqs.cancel(request.caller, request.params.id));
  };
}

/** The exporter's side: /api/exporter. */
export function exporterRfqRoutes(rfqs: RfqService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];

    route(app, endpoints.exporter.getRfqs, {
      schema: { tags, summary: 'The RFQ board: requests matched to this exporter (its categories and pavilion), with its own quote', response: errorResponses },
    }, async (request) => ({ items: await rfqs.board(request.caller) }));

    route(app, endpoints.exporter.getRfq, {
      schema: { tags, summary: 'One matched RFQ with the exporter\'s quote and its revisions', response: errorResponses },
    }, async (request) => rfqs.getForExporter(request.caller, request.params.id));

    route(app, endpoints.exporter.setRfqQuote, {
      schema: {
        tags,
        summary: 'Submit the quote, or revise it until the deadline (one per exporter; every revision kept)',
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      const { quote, created } = await rfqs.submitQuote(request.caller, request.params.id, request.body);
      reply.code(created ? 201 : 200);
      return quote;
    });
  };
}
