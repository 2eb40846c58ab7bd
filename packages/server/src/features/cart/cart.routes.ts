import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cartLineInputSchema, cartLineUpdateSchema, cartSchema, cartMergeInputSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CartService } from './cart.service.ts';

const tags = ['store'];
const variantParams = z.object({ variantId: z.uuid() });

/** A guest's cart token travels in this header (answered once as `guestToken`). */
const cartToken = (request: FastifyRequest): string | undefined => {
  const value = request.headers['x-cart-token'];
  return typeof value === 'string' ? value : undefined;
};

/** The cart: a signed-in buyer's, or a guest's behind `x-cart-token`. Staff accounts have none (403). */
export function storeCartRoutes(carts: CartService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/cart', {
      schema: { tags, summary: "The cart, priced in yuan today; lines that cannot be bought say why", response: { 200: cartSchema, ...errorResponses } },
    }, async (request) => carts.get(request.caller, cartToken(request)));

    app.post('/cart/lines', {
      schema: { tags, summary: "Add units of a variant (to the line's quantity, at most 999); a guest's first add answers guestToken", body: cartLineInputSchema, response: { 200: cartSchema, ...errorResponses } },
    }, async (request) => carts.addLine(request.caller, cartToken(request), request.ip, request.body));

    app.put('/cart/lines/:variantId', {
      schema: { tags, summary: "Set a line's quantity (0 removes it)", params: variantParams, body: cartLineUpdateSchema, response: { 200: cartSchema, ...errorResponses } },
    }, async (request) => carts.setQuantity(request.caller, cartToken(request), request.params.variantId, request.body.quantity));

    app.delete('/cart/lines/:variantId', {
      schema: { tags, summary: 'Remove a line', params: variantParams, response: { 200: cartSchema, ...errorResponses } },
    }, async (request) => carts.removeLine(request.caller, cartToken(request), request.params.variantId));

    app.post('/cart/merge', {
      schema: { tags, summary: "After sign-in: move a guest cart's lines into the buyer's cart (quantities add up) and delete it", body: cartMergeInputSchema, response: { 200: cartSchema, ...errorResponses } },
    }, async (request) => carts.merge(request.caller, request.body.guestToken));
  };
}
