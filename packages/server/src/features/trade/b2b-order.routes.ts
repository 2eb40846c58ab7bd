import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import type { B2bOrderService } from './b2b-order.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** A private download, always saved rather than shown. */
const proformaDownload = fileDownload('The proforma invoice (PDF), as an attachment', ['application/pdf']);
const sendPdf = (reply: FastifyReply, file: { fileName: string; bytes: Uint8Array }) =>
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(file.bytes));

const stepResponses = { ...errorResponses, 409: errorBodySchema };

/** The importer's B2B orders (mounted under /api/trade). */
export function importerB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];
    route(app, endpoints.trade.getOrders, {
      schema: { tags, summary: "The company's B2B orders (from accepted quotes), newest first", response: errorResponses },
    }, async (request) => ({ items: await orders.listForCompany(request.caller) }));
    route(app, endpoints.trade.getOrder, {
      schema: { tags, summary: 'One B2B order with its timeline and payments', response: errorResponses },
    }, async (request) => orders.get(request.caller, 'company', request.params.id));
    route(app, endpoints.trade.getOrderProformaPdf, {
      schema: { tags, summary: 'The proforma invoice as a bilingual PDF', response: { 200: proformaDownload, ...errorResponses } },
    }, async (request, reply) => sendPdf(reply, await orders.proforma(request.caller, 'company', request.params.id)));
    route(app, endpoints.trade.cancelOrder, {
      schema: { tags, summary: 'Cancel the order with a reason (only before the deposit is recorded)', response: stepResponses },
    }, async (request) => orders.cancel(request.caller, 'company', request.params.id, request.body.reason));
  };
}

/** The exporter's B2B orders and bank details (mounted under /api/exporter). */
export function exporterB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    route(app, endpoints.exporter.getBankDetails, {
      schema: { tags, summary: 'The bank account buyers pay into (printed on each new proforma invoice)', response: errorResponses },
    }, async (request) => orders.bankDetails(request.caller));
    route(app, endpoints.exporter.setBankDetails, {
      schema: { tags, summary: 'Enter or replace the bank details; invoices already issued keep theirs', response: errorResponses },
    }, async (request) => orders.setBankDetails(request.caller, request.body));
    route(app, endpoints.exporter.getB2bOrders, {
      schema: { tags, summary: "The exporter's B2B orders, newest first", response: errorResponses },
    }, async (request) => ({ items: await orders.listForExporter(request.caller) }));
    route(app, endpoints.exporter.getB2bOrder, {
      schema: { tags, summary: 'One B2B order with its timeline, payments and next steps', response: errorResponses },
    }, async (request) => orders.get(request.caller, 'exporter', request.params.id));
    route(app, endpoints.exporter.getB2bOrderProformaPdf, {
      schema: { tags, summary: 'The proforma invoice as a bilingual PDF', response: { 200: proformaDownload, ...errorResponses } },
    }, async (request, reply) => sendPdf(reply, await orders.proforma(request.caller, 'exporter', request.params.id)));
    route(app, endpoints.exporter.recordB2bOrderDeposit, {
      schema: { tags, summary: "Record the deposit received: the buyer's transfer reference and the amount due", response: stepResponses },
    }, async (request) => orders.recordPayment(request.caller, request.params.id, 'deposit', request.body));
    route(app, endpoints.exporter.startB2bOrderProduction, {
      schema: { tags, summary: 'Production has started', response: stepResponses },
    }, async (request) => orders.startProduction(request.caller, request.params.id, request.body.note));
    route(app, endpoints.exporter.shipB2bOrder, {
      schema: { tags, summary: 'Shipped: the B/L or AWB number and the carrier (and vessel)', response: stepResponses },
    }, async (request) => orders.ship(request.caller, request.params.id, request.body));
    route(app, endpoints.exporter.recordB2bOrderBalance, {
      schema: { tags, summary: "Record the balance received: the buyer's transfer reference and the amount due", response: stepResponses },
    }, async (request) => orders.recordPayment(request.caller, request.params.id, 'balance', request.body));
    route(app, endpoints.exporter.completeB2bOrder, {
      schema: { tags, summary: 'Complete the order once paid in full and shipped', response: stepResponses },
    }, async (request) => orders.complete(request.caller, request.params.id, request.body.note));
    route(app, endpoints.exporter.cancelB2bOrder, {
      schema: { tags, summary: 'Cancel the order with a reason (before shipment)', response: stepResponses },
    }, async (request) => orders.cancel(request.caller, 'exporter', request.params.id, request.body.reason));
  };
}

/** The operator's read-only view of its pavilions' B2B orders (mounted under /api/operator). */
export function operatorB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.operator.getB2bOrders, {
      schema: { tags: ['operator'], summary: "B2B orders of the operator's pavilions, newest first (read only)", response: errorResponses },
    }, async (request) => ({ items: await orders.listForOperator(request.caller) }));
  };
}
