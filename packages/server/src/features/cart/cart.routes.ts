import type { FastifyInstance, FastifyRequest } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CartService } from './cart.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const tags = ['store'];

/** A guest's cart token travels in this header (answered once as `guestToken`). */
const cartToken = (request: FastifyRequest): string | undefined => {
  const value = request.headers['x-cart-token'];
  return typeof value === 'string' ? value : undefined;
};

/** The cart: a signed-in buyer's, or a guest's behind `x-cart-token`. Staff accounts have none (403). */
export function storeCartRoutes(carts: CartService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.getCart, {
      schema: { tags, summary: "The cart, priced in yuan today; lines that cannot be bought say why", response: errorResponses },
    }, async (request) => carts.get(request.caller, cartToken(request)));

    route(app, endpoints.store.addCartLine, {
      schema: { tags, summary: "Add units of a variant (to the line's quantity, at most 999); a guest's first add answers guestToken", response: errorResponses },
    }, async (request) => carts.addLine(request.caller, cartToken(request), request.ip, request.body));

    route(app, endpoints.store.setCartLineQuantity, {
      schema: { tags, summary: "Set a line's quantity (0 removes it)", response: errorResponses },
    }, async (request) => carts.setQuantity(request.caller, cartToken(request), request.params.variantId, request.body.quantity));

    route(app, endpoints.store.removeCartLine, {
      schema: { tags, summary: 'Remove a line', response: errorResponses },
    }, async (request) => carts.removeLine(request.caller, cartToken(request), request.params.variantId));

    route(app, endpoints.store.mergeCart, {
      schema: { tags, summary: "After sign-in: move a guest cart's lines into the buyer's cart (quantities add up) and delete it", response: errorResponses },
    }, async (request) => carts.merge(request.caller, request.body.guestToken));
  };
}
