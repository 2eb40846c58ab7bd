import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  b2bCancelInputSchema,
  b2bNoteInputSchema,
  b2bOrderListSchema,
  b2bOrderSchema,
  b2bPaymentInputSchema,
  b2bShipmentInputSchema,
  bankDetailsInputSchema,
  errorBodySchema,
  exporterBankDetailsSchema,
  idParamsSchema,
} from '@pavilion/contracts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import type { B2bOrderService } from './b2b-order.service.ts';

/** A private download, always saved rather than shown. */
const proformaDownload = fileDownload('The proforma invoice (PDF), as an attachment', ['application/pdf']);
const sendPdf = (reply: FastifyReply, file: { fileName: string; bytes: Uint8Array }) =>
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(file.bytes));

const stepResponses = { 200: b2bOrderSchema, ...errorResponses, 409: errorBodySchema };

/** The importer's B2B orders (mounted under /api/trade). */
export function importerB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];
    app.get('/orders', {
      schema: { tags, summary: "The company's B2B orders (from accepted quotes), newest first", response: { 200: b2bOrderListSchema, ...errorResponses } },
    }, async (request) => ({ items: await orders.listForCompany(request.caller) }));
    app.get('/orders/:id', {
      schema: { tags, summary: 'One B2B order with its timeline and payments', params: idParamsSchema, response: { 200: b2bOrderSchema, ...errorResponses } },
    }, async (request) => orders.get(request.caller, 'company', request.params.id));
    app.get('/orders/:id/proforma.pdf', {
      schema: { tags, summary: 'The proforma invoice as a bilingual PDF', params: idParamsSchema, response: { 200: proformaDownload, ...errorResponses } },
    }, async (request, reply) => sendPdf(reply, await orders.proforma(request.caller, 'company', request.params.id)));
    app.post('/orders/:id/cancel', {
      schema: { tags, summary: 'Cancel the order with a reason (only before the deposit is recorded)', params: idParamsSchema, body: b2bCancelInputSchema, response: stepResponses },
    }, async (request) => orders.cancel(request.caller, 'company', request.params.id, request.body.reason));
  };
}

/** The exporter's B2B orders and bank details (mounted under /api/exporter). */
export function exporterB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    app.get('/bank-details', {
      schema: { tags, summary: 'The bank account buyers pay into (printed on each new proforma invoice)', response: { 200: exporterBankDetailsSchema, ...errorResponses } },
    }, async (request) => orders.bankDetails(request.caller));
    app.put('/bank-details', {
      schema: { tags, summary: 'Enter or replace the bank details; invoices already issued keep theirs', body: bankDetailsInputSchema, response: { 200: exporterBankDetailsSchema, ...errorResponses } },
    }, async (request) => orders.setBankDetails(request.caller, request.body));
    app.get('/b2b-orders', {
      schema: { tags, summary: "The exporter's B2B orders, newest first", response: { 200: b2bOrderListSchema, ...errorResponses } },
    }, async (request) => ({ items: await orders.listForExporter(request.caller) }));
    app.get('/b2b-orders/:id', {
      schema: { tags, summary: 'One B2B order with its timeline, payments and next steps', params: idParamsSchema, response: { 200: b2bOrderSchema, ...errorResponses } },
    }, async (request) => orders.get(request.caller, 'exporter', request.params.id));
    app.get('/b2b-orders/:id/proforma.pdf', {
      schema: { tags, summary: 'The proforma invoice as a bilingual PDF', params: idParamsSchema, response: { 200: proformaDownload, ...errorResponses } },
    }, async (request, reply) => sendPdf(reply, await orders.proforma(request.caller, 'exporter', request.params.id)));
    app.post('/b2b-orders/:id/deposit', {
      schema: { tags, summary: "Record the deposit received: the buyer's transfer reference and the amount due", params: idParamsSchema, body: b2bPaymentInputSchema, response: stepResponses },
    }, async (request) => orders.recordPayment(request.caller, request.params.id, 'deposit', request.body));
    app.post('/b2b-orders/:id/production', {
      schema: { tags, summary: 'Production has started', params: idParamsSchema, body: b2bNoteInputSchema, response: stepResponses },
    }, async (request) => orders.startProduction(request.caller, request.params.id, request.body.note));
    app.post('/b2b-orders/:id/shipment', {
      schema: { tags, summary: 'Shipped: the B/L or AWB number and the carrier (and vessel)', params: idParamsSchema, body: b2bShipmentInputSchema, response: stepResponses },
    }, async (request) => orders.ship(request.caller, request.params.id, request.body));
    app.post('/b2b-orders/:id/balance', {
      schema: { tags, summary: "Record the balance received: the buyer's transfer reference and the amount due", params: idParamsSchema, body: b2bPaymentInputSchema, response: stepResponses },
    }, async (request) => orders.recordPayment(request.caller, request.params.id, 'balance', request.body));
    app.post('/b2b-orders/:id/complete', {
      schema: { tags, summary: 'Complete the order once paid in full and shipped', params: idParamsSchema, body: b2bNoteInputSchema, response: stepResponses },
    }, async (request) => orders.complete(request.caller, request.params.id, request.body.note));
    app.post('/b2b-orders/:id/cancel', {
      schema: { tags, summary: 'Cancel the order with a reason (before shipment)', params: idParamsSchema, body: b2bCancelInputSchema, response: stepResponses },
    }, async (request) => orders.cancel(request.caller, 'exporter', request.params.id, request.body.reason));
  };
}

/** The operator's read-only view of its pavilions' B2B orders (mounted under /api/operator). */
export function operatorB2bOrderRoutes(orders: B2bOrderService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/b2b-orders', {
      schema: { tags: ['operator'], summary: "B2B orders of the operator's pavilions, newest first (read only)", response: { 200: b2bOrderListSchema, ...errorResponses } },
    }, async (request) => ({ items: await orders.listForOperator(request.caller) }));
  };
}
