import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { OrderService } from '../orders/index.ts';
import type { FulfilmentService } from './fulfilment.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const withConflict = { ...errorResponses, 409: errorBodySchema } as const;

/** Exporters: the orders to ship from abroad (9610), their parcels and tracking (mounted under /api/exporter). */
export function exporterFulfilmentRoutes(fulfilment: FulfilmentService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    route(app, endpoints.exporter.getFulfilmentOrders, {
      schema: { tags, summary: "The exporter's orders by shipping state (to_ship: paid, declared, not held; waiting; shipped; delivered; completed), longest waiting first", response: errorResponses },
    }, async (request) => ({ items: await fulfilment.exporterQueue(request.caller, request.query) }));
    route(app, endpoints.exporter.shipOrder, {
      schema: { tags, summary: 'Ship a direct (9610) order: carrier, tracking number, weight; the stock leaves the origin warehouse; the same waybill again changes nothing', response: withConflict },
    }, async (request, reply) => reply.code(201).send(await fulfilment.shipAsExporter(request.caller, request.params.id, request.body)));
    route(app, endpoints.exporter.addTrackingEvent, {
      schema: { tags, summary: "Add the carrier's tracking events of a direct parcel (in time order; a repeat is stored once; 'delivered' delivers the order)", response: withConflict },
    }, async (request) => fulfilment.exporterEvents(request.caller, request.params.id, request.body.events));
  };
}

/** Operators: the fulfilment queue of their pavilions, bonded shipments, the waybill sheet, tracking (mounted under /api/operator). */
export function operatorFulfilmentRoutes(fulfilment: FulfilmentService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getFulfilment, {
      schema: { tags, summary: 'The fulfilment queue: to ship (released bonded orders, declared direct ones), waiting, shipped, delivered, completed, with their age', response: errorResponses },
    }, async (request) => ({ items: await fulfilment.operatorQueue(request.caller, request.query) }));
    route(app, endpoints.operator.shipOrder, {
      schema: { tags, summary: "Enter the bonded warehouse's waybill of a released 1210 order (or a direct order's): the stock leaves the warehouse; the same waybill again changes nothing", response: withConflict },
    }, async (request, reply) => reply.code(201).send(await fulfilment.shipAsOperator(request.caller, request.params.id, request.body)));
    route(app, endpoints.operator.importShipmentsCsv, {
      schema: {
        tags,
        summary: 'Ship many orders from a CSV or XLSX sheet (multipart `file`: order number, carrier, tracking number): checked row by row, all or nothing; a line already shipped with the same waybill is left as it is',
        consumes: ['multipart/form-data'],
        response: { ...withConflict, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request) => {
      requireRole(request.caller, 'operator', 'admin');
      return fulfilment.uploadWaybills(request.caller, await readUpload(request));
    });
    route(app, endpoints.operator.addTrackingEvent, {
      schema: { tags, summary: "Add tracking events of an order's parcel (in time order; a repeat is stored once; 'delivered' delivers the order)", response: withConflict },
    }, async (request) => fulfilment.operatorEvents(request.caller, request.params.id, request.body.events));
    route(app, endpoints.operator.importTrackingEvents, {
      schema: { tags, summary: "A carrier feed: events of many parcels by carrier and waybill, all or nothing", response: withConflict },
    }, async (request) => fulfilment.feed(request.caller, request.body));
  };
}

/** Buyers: confirm receipt (mounted under /api/store). */
export function storeFulfilmentRoutes(fulfilment: FulfilmentService, orders: OrderService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.confirmOrderReceipt, {
      schema: { tags: ['store'], summary: 'The buyer confirms receipt: the order completes (otherwise it does 7 days after delivery)', response: withConflict },
    }, async (request) => {
      await fulfilment.confirmReceipt(request.caller, request.params.id);
      return orders.buyerOrder(request.caller, request.params.id);
    });
  };
}
