import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { customsDetailSchema, customsQueueQuerySchema, customsQueueSchema, customsResendInputSchema, errorBodySchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CustomsService } from './customs.service.ts';

const orderParams = z.object({ orderId: z.uuid() });

/** The operator's customs queue: where each paid order stands, what customs answered, corrections and resends, holds. */
export function operatorCustomsRoutes(customs: CustomsService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    app.get('/customs', {
      schema: { tags, summary: "Paid cross-border orders of the operator's pavilions with their customs status, last receipt, validation errors by field and identity check; filter by status (pending, submitted, accepted, rejected, released, invalid, held)", querystring: customsQueueQuerySchema, response: { 200: customsQueueSchema, ...errorResponses } },
    }, async (request) => ({ items: await customs.queue(request.caller, request.query) }));
    app.get('/customs/:orderId', {
      schema: { tags, summary: 'One order: the messages sent (buyer masked), receipts, errors, the payment declaration, the corrections in force', params: orderParams, response: { 200: customsDetailSchema, ...errorResponses } },
    }, async (request) => customs.detail(request.caller, request.params.orderId));
    app.post('/customs/:orderId/resend', {
      schema: {
        tags,
        summary: 'Correct the consignee or the lines (Chinese name, customs unit) and send the order message again: a change (appType 2) after a rejection, new (appType 1) when none left; 422 with the fields when it is still invalid',
        params: orderParams,
        body: customsResendInputSchema,
        response: { 200: customsDetailSchema, ...errorResponses, 409: errorBodySchema, 422: errorBodySchema },
      },
    }, async (request) => customs.resend(request.caller, request.params.orderId, request.body));
    app.post('/customs/:orderId/clear-hold', {
      schema: { tags, summary: 'Lift an identity-mismatch hold after checking with the buyer (a customs rejection is lifted by resending)', params: orderParams, response: { 200: customsDetailSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request) => customs.clearHold(request.caller, request.params.orderId));
  };
}
