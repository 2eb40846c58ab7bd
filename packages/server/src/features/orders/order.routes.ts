import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema, endpoints, type PlacedCheckout, type PlaceOrderInput } from '@pavilion/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CheckoutService } from './checkout.service.ts';
import type { OrderService } from './order.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** Places a checkout (the place-checkout workflow: orders, cart, payment, listings). */
type PlaceCheckout = (caller: Caller | null, idempotencyKey: string, input: PlaceOrderInput) => Promise<PlacedCheckout>;

const withBusiness = { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema } as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export function storeOrderRoutes(checkout: CheckoutService, orders: OrderService, placeCheckout: PlaceCheckout) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];
    route(app, endpoints.store.quoteCheckout, {
      schema: { tags, summary: 'What the buyer will pay, per shipment (exporter × warehouse × customs mode): goods at the rate in force, freight, CBEC tax, totals, the risk notice; limits enforced', response: withBusiness },
    }, async (request) => checkout.quote(request.caller, request.body));
    route(app, endpoints.store.createOrder, {
      schema: {
        tags,
        summary: 'Place the orders of a checkout (one per shipment, one payment); header Idempotency-Key: the same key and body give the same orders, another body 409',
        headers: z.object({ 'idempotency-key': z.string().regex(IDEMPOTENCY_KEY, { message: 'must be 8–128 letters, digits, - or _' }) }).loose(),
        response: withBusiness,
      },
    }, async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string') throw new AppError('VALIDATION_FAILED', { details: [{ field: 'headers.idempotency-key', rule: 'required', message: 'is required' }] });
      return reply.code(201).send(await placeCheckout(request.caller, key, request.body));
    });
    route(app, endpoints.store.getOrders, {
      schema: { tags, summary: "The buyer's orders, newest first", response: errorResponses },
    }, async (request) => ({ items: await orders.buyerOrders(request.caller, request.query) }));
    route(app, endpoints.store.getOrder, {
      schema: { tags, summary: 'An order with its lines, amounts, rates used and timeline', response: errorResponses },
    }, async (request) => orders.buyerOrder(request.caller, request.params.id));
    route(app, endpoints.store.cancelOrder, {
      schema: { tags, summary: 'Cancel an unpaid order: its stock is released', response: withBusiness },
    }, async (request) => orders.cancel(request.caller, request.params.id));
  };
}

export function exporterOrderRoutes(orders: OrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.exporter.getOrders, {
      schema: { tags: ['exporter'], summary: "The exporter's orders (no buyer ID numbers), filtered by status, China dates and number", response: errorResponses },
    }, async (request) => ({ items: await orders.exporterOrders(request.caller, request.query) }));
    route(app, endpoints.exporter.getOrder, {
      schema: { tags: ['exporter'], summary: 'An order of the exporter: lines, amounts, consignee, timeline', response: errorResponses },
    }, async (request) => orders.exporterOrder(request.caller, request.params.id));
  };
}

export function operatorOrderRoutes(orders: OrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.operator.getOrders, {
      schema: { tags: ['operator'], summary: "Orders of the operator's pavilions, filtered by status, China dates and number", response: errorResponses },
    }, async (request) => ({ items: await orders.operatorOrders(request.caller, request.query) }));
    route(app, endpoints.operator.getOrder, {
      schema: { tags: ['operator'], summary: 'An order of one of the pavilions (identity masked)', response: errorResponses },
    }, async (request) => orders.operatorOrder(request.caller, request.params.id));
  };
}
