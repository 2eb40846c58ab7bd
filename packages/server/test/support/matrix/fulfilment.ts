import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const event = { at: '2026-12-01T10:00:00+08:00', status: 'in_transit', placeZh: '上海', textZh: '运输中' };

/**
 * Fulfilment: exporters ship their direct parcels, operators their pavilions' bonded ones (and the
 * waybill sheet, the carrier feed), buyers confirm receipt of their own orders. Bodies are valid,
 * so what answers is the role and the scope (an unknown order is 404 for those who may act).
 */
export const fulfilmentCases: MatrixCase[] = [
  { method: 'GET', url: '/api/exporter/fulfilment/orders', expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 }) },
  {
    method: 'POST', url: `/api/exporter/orders/${randomId}/shipment`, route: '/api/exporter/orders/:id/shipment',
    payload: { carrier: 'DHL', trackingNumber: '1234567890', weightGrams: 800 }, expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }),
  },
  {
    method: 'POST', url: `/api/exporter/orders/${randomId}/tracking-events`, route: '/api/exporter/orders/:id/tracking-events',
    payload: { events: [event] }, expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }),
  },
  { method: 'GET', url: '/api/operator/fulfilment', expect: expectAll(403, { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 }) },
  {
    method: 'POST', url: `/api/operator/orders/${randomId}/shipment`, route: '/api/operator/orders/:id/shipment',
    payload: { carrier: 'SF', trackingNumber: 'SF1234567890' }, expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }),
  },
  // Without a multipart body: those who may upload are told to send the file as multipart.
  { method: 'POST', url: '/api/operator/fulfilment/shipments.csv', expect: expectAll(403, { anonymous: 401, operator: 415, otherOperator: 415, admin: 415 }) },
  {
    method: 'POST', url: `/api/operator/orders/${randomId}/tracking-events`, route: '/api/operator/orders/:id/tracking-events',
    payload: { events: [event] }, expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }),
  },
  // A waybill no parcel has: those who may feed events are told which item is unknown.
  {
    method: 'POST', url: '/api/operator/fulfilment/tracking-events',
    payload: { items: [{ carrier: 'SF', trackingNumber: 'SF0000000000', events: [event] }] }, expect: expectAll(403, { anonymous: 401, operator: 400, otherOperator: 400, admin: 400 }),
  },
  { method: 'POST', url: `/api/store/orders/${randomId}/confirm-receipt`, route: '/api/store/orders/:id/confirm-receipt', expect: expectAll(403, { anonymous: 401, buyer: 404 }) },
];
