import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CustomsOperatorActions, CustomsService } from './customs.service.ts';
import { route } from '../../platform/endpoint-route.ts';


/**
 * The operator's customs queue: where each paid order stands, what customs answered, corrections and
 * resends, holds. Resending and lifting a hold move the order too, so they go through `actions` (the
 * declare-to-customs workflow).
 */
export function operatorCustomsRoutes(customs: CustomsService, actions: CustomsOperatorActions) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getCustomsDeclarations, {
      schema: { tags, summary: "Paid cross-border orders of the operator's pavilions with their customs status, last receipt, validation errors by field and identity check; filter by status (pending, submitted, accepted, rejected, released, invalid, held)", response: errorResponses },
    }, async (request) => ({ items: await customs.queue(request.caller, request.query) }));
    route(app, endpoints.operator.getCustomsDeclaration, {
      schema: { tags, summary: 'One order: the messages sent (buyer masked), receipts, errors, the payment declaration, the corrections in force', response: errorResponses },
    }, async (request) => customs.detail(request.caller, request.params.orderId));
    route(app, endpoints.operator.resendCustomsDeclaration, {
      schema: {
        tags,
        summary: 'Correct the consignee or the lines (Chinese name, customs unit) and send the order message again: a change (appType 2) after a rejection, new (appType 1) when none left; 422 with the fields when it is still invalid',
        response: { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema },
      },
    }, async (request) => actions.resend(request.caller, request.params.orderId, request.body));
    route(app, endpoints.operator.clearCustomsHold, {
      schema: { tags, summary: 'Lift an identity-mismatch hold after checking with the buyer (a customs rejection is lifted by resending)', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request) => actions.clearHold(request.caller, request.params.orderId));
  };
}
