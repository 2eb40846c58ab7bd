import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';

/** Checkout and orders: buyers their own, exporters theirs, operators their pavilions'. */
export const orderCases: MatrixCase[] = [
  // Invalid bodies on purpose: the schema answers first, and nothing is placed.
  { method: 'POST', url: '/api/store/checkout/quote', payload: { lines: [] }, expect: expectAll(400) },
  { method: 'POST', url: '/api/store/orders', payload: { lines: [] }, expect: expectAll(400) },
  { method: 'GET', url: '/api/store/orders', expect: expectAll(403, { anonymous: 401, buyer: 200 }) },
  { method: 'GET', url: `/api/store/orders/${randomId}`, route: '/api/store/orders/:id', expect: expectAll(403, { anonymous: 401, buyer: 404 }) },
  { method: 'POST', url: `/api/store/orders/${randomId}/cancel`, route: '/api/store/orders/:id/cancel', expect: expectAll(403, { anonymous: 401, buyer: 404 }) },
  { method: 'GET', url: '/api/exporter/orders', expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 }) },
  { method: 'GET', url: `/api/exporter/orders/${randomId}`, route: '/api/exporter/orders/:id', expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }) },
  { method: 'GET', url: `/api/exporter/warehouses/${randomId}/shipping-template`, route: '/api/exporter/warehouses/:id/shipping-template', expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }) },
  { method: 'PUT', url: `/api/exporter/warehouses/${randomId}/shipping-template`, route: '/api/exporter/warehouses/:id/shipping-template', payload: { rates: {} }, expect: expectAll(400) },
  { method: 'GET', url: '/api/operator/orders', expect: expectAll(403, { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 }) },
  { method: 'GET', url: `/api/operator/orders/${randomId}`, route: '/api/operator/orders/:id', expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }) },
];
