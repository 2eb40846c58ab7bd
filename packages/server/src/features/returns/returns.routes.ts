import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints, type Return } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { Caller } from '../../platform/sessions.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { ReturnService, StaffSide } from './returns.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const withBusiness = { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema } as const;

export function storeReturnRoutes(returns: ReturnService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];
    route(app, endpoints.store.uploadReturnPhoto, {
      schema: { tags, summary: 'Upload a photo for a return request (JPEG, PNG or WebP up to 10 MB; checked by content, EXIF removed)', consumes: ['multipart/form-data'], response: errorResponses },
    }, async (request, reply) => {
      const photo = await returns.uploadPhoto(request.caller, async () => (await readUpload(request)).bytes);
      return reply.code(201).send(photo);
    });
    route(app, endpoints.store.getOrderReturnable, {
      schema: { tags, summary: 'What can be returned of an order: each line with the units left, and the last day to ask', response: errorResponses },
    }, async (request) => returns.returnable(request.caller, request.params.id));
    route(app, endpoints.store.requestReturn, {
      schema: { tags, summary: 'Ask to return lines of a delivered order (within 30 days of customs release), with a reason and photos', response: withBusiness },
    }, async (request, reply) => reply.code(201).send(await returns.request(request.caller, request.params.id, request.body)));
    route(app, endpoints.store.getReturns, {
      schema: { tags, summary: "The buyer's returns, newest first", response: errorResponses },
    }, async (request) => ({ items: await returns.buyerReturns(request.caller, request.query.stage) }));
    route(app, endpoints.store.getReturn, {
      schema: { tags, summary: 'A return: lines, amounts, decision, parcel, refund', response: errorResponses },
    }, async (request) => returns.buyerReturn(request.caller, request.params.id));
    route(app, endpoints.store.shipReturn, {
      schema: { tags, summary: 'The parcel going back: carrier and tracking number (after approval; correctable while in transit)', response: withBusiness },
    }, async (request) => returns.shipBack(request.caller, request.params.id, request.body));
  };
}

/** The same queue and actions for exporters (their orders) and operators (their pavilions). */
/** The goods are back: the refund-return workflow (allowance restored, refund owed). */
type ReceiveReturn = (caller: Caller | null, side: StaffSide, id: string, note: string) => Promise<Return>;

export function staffReturnRoutes(returns: ReturnService, side: StaffSide, receive: ReceiveReturn) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = [side];
    const staff = endpoints[side];
    const whose = side === 'exporter' ? "the exporter's orders" : "the operator's pavilions";
    route(app, staff.getReturns, {
      schema: { tags, summary: `Returns of ${whose} (the after-sale queue), with stage, age and whether late (goods back after the 45th day: no tax refund); filter by stage and late`, response: errorResponses },
    }, async (request) => ({ items: await returns.staffReturns(request.caller, side, request.query) }));
    route(app, staff.approveReturn, {
      schema: { tags, summary: 'Approve a requested return: the buyer sends the goods back', response: withBusiness },
    }, async (request) => returns.approve(request.caller, side, request.params.id, request.body?.note ?? ''));
    route(app, staff.refuseReturn, {
      schema: { tags, summary: 'Refuse a requested return, with the reason the buyer sees', response: withBusiness },
    }, async (request) => returns.refuse(request.caller, side, request.params.id, request.body.reason));
    route(app, staff.receiveReturn, {
      schema: { tags, summary: 'The goods are back: the refund (goods, tax, freight if the whole order) is sent and the yearly allowance restored', response: withBusiness },
    }, async (request) => receive(request.caller, side, request.params.id, request.body?.note ?? ''));
  };
}
