import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  errorBodySchema, imageSchema, returnableSchema, returnApproveInputSchema, returnListQuerySchema, returnListSchema, returnReceivedInputSchema, returnRefuseInputSchema, returnRequestInputSchema,
  returnSchema, returnShipmentInputSchema, type Return,
} from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { Caller } from '../../platform/sessions.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { ReturnService, StaffSide } from './returns.service.ts';

const idParams = z.object({ id: z.uuid() });
const withBusiness = { ...errorResponses, 409: errorBodySchema, 422: errorBodySchema } as const;

export function storeReturnRoutes(returns: ReturnService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];
    app.post('/returns/photos', {
      schema: { tags, summary: 'Upload a photo for a return request (JPEG, PNG or WebP up to 10 MB; checked by content, EXIF removed)', consumes: ['multipart/form-data'], response: { 201: imageSchema, ...errorResponses } },
    }, async (request, reply) => {
      const photo = await returns.uploadPhoto(request.caller, async () => (await readUpload(request)).bytes);
      return reply.code(201).send(photo);
    });
    app.get('/orders/:id/returnable', {
      schema: { tags, summary: 'What can be returned of an order: each line with the units left, and the last day to ask', params: idParams, response: { 200: returnableSchema, ...errorResponses } },
    }, async (request) => returns.returnable(request.caller, request.params.id));
    app.post('/orders/:id/returns', {
      schema: { tags, summary: 'Ask to return lines of a delivered order (within 30 days of customs release), with a reason and photos', params: idParams, body: returnRequestInputSchema, response: { 201: returnSchema, ...withBusiness } },
    }, async (request, reply) => reply.code(201).send(await returns.request(request.caller, request.params.id, request.body)));
    app.get('/returns', {
      schema: { tags, summary: "The buyer's returns, newest first", querystring: returnListQuerySchema, response: { 200: returnListSchema, ...errorResponses } },
    }, async (request) => ({ items: await returns.buyerReturns(request.caller, request.query.stage) }));
    app.get('/returns/:id', {
      schema: { tags, summary: 'A return: lines, amounts, decision, parcel, refund', params: idParams, response: { 200: returnSchema, ...errorResponses } },
    }, async (request) => returns.buyerReturn(request.caller, request.params.id));
    app.post('/returns/:id/shipment', {
      schema: { tags, summary: 'The parcel going back: carrier and tracking number (after approval; correctable while in transit)', params: idParams, body: returnShipmentInputSchema, response: { 200: returnSchema, ...withBusiness } },
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
    const whose = side === 'exporter' ? "the exporter's orders" : "the operator's pavilions";
    app.get('/returns', {
      schema: { tags, summary: `Returns of ${whose} (the after-sale queue), with stage, age and whether late (goods back after the 45th day: no tax refund); filter by stage and late`, querystring: returnListQuerySchema, response: { 200: returnListSchema, ...errorResponses } },
    }, async (request) => ({ items: await returns.staffReturns(request.caller, side, request.query) }));
    app.post('/returns/:id/approve', {
      schema: { tags, summary: 'Approve a requested return: the buyer sends the goods back', params: idParams, body: returnApproveInputSchema.nullish(), response: { 200: returnSchema, ...withBusiness } },
    }, async (request) => returns.approve(request.caller, side, request.params.id, request.body?.note ?? ''));
    app.post('/returns/:id/refuse', {
      schema: { tags, summary: 'Refuse a requested return, with the reason the buyer sees', params: idParams, body: returnRefuseInputSchema, response: { 200: returnSchema, ...withBusiness } },
    }, async (request) => returns.refuse(request.caller, side, request.params.id, request.body.reason));
    app.post('/returns/:id/received', {
      schema: { tags, summary: 'The goods are back: the refund (goods, tax, freight if the whole order) is sent and the yearly allowance restored', params: idParams, body: returnReceivedInputSchema.nullish(), response: { 200: returnSchema, ...withBusiness } },
    }, async (request) => receive(request.caller, side, request.params.id, request.body?.note ?? ''));
  };
}
