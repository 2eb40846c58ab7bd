import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const buyersOnly = (buyer: number) => expectAll(403, { anonymous: 401, buyer });
const exportersOnly = (status: number) => expectAll(403, { anonymous: 401, exporter: status, otherExporter: status });
const staffOnly = (status: number) => expectAll(403, { anonymous: 401, operator: status, otherOperator: status, admin: status });

/**
 * Returns: buyers ask and send back their own (another's order or return is 404); exporters decide
 * on their orders' returns, operators on their pavilions' (admins all): a return outside the scope is 404.
 */
export const returnCases: MatrixCase[] = [
  // Not multipart: the role is checked first, then the body (415).
  { method: 'POST', url: '/api/store/returns/photos', expect: buyersOnly(415) },
  {
    method: 'POST',
    url: `/api/store/orders/${randomId}/returns`,
    route: '/api/store/orders/:id/returns',
    payload: { lines: [{ orderLineId: randomId, quantity: 1 }], reason: 'damaged', photoIds: [randomId] },
    expect: buyersOnly(404),
  },
  { method: 'GET', url: `/api/store/orders/${randomId}/returnable`, route: '/api/store/orders/:id/returnable', expect: buyersOnly(404) },
  { method: 'GET', url: '/api/store/returns', expect: buyersOnly(200) },
  { method: 'GET', url: `/api/store/returns/${randomId}`, route: '/api/store/returns/:id', expect: buyersOnly(404) },
  { method: 'POST', url: `/api/store/returns/${randomId}/shipment`, route: '/api/store/returns/:id/shipment', payload: { carrier: 'SF', trackingNumber: 'SF123456' }, expect: buyersOnly(404) },
  { method: 'GET', url: '/api/exporter/returns', expect: exportersOnly(200) },
  { method: 'POST', url: `/api/exporter/returns/${randomId}/approve`, route: '/api/exporter/returns/:id/approve', payload: {}, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/returns/${randomId}/refuse`, route: '/api/exporter/returns/:id/refuse', payload: { reason: 'not ours' }, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/returns/${randomId}/received`, route: '/api/exporter/returns/:id/received', payload: {}, expect: exportersOnly(404) },
  { method: 'GET', url: '/api/operator/returns', expect: staffOnly(200) },
  { method: 'POST', url: `/api/operator/returns/${randomId}/approve`, route: '/api/operator/returns/:id/approve', payload: {}, expect: staffOnly(404) },
  { method: 'POST', url: `/api/operator/returns/${randomId}/refuse`, route: '/api/operator/returns/:id/refuse', payload: { reason: 'not ours' }, expect: staffOnly(404) },
  { method: 'POST', url: `/api/operator/returns/${randomId}/received`, route: '/api/operator/returns/:id/received', payload: {}, expect: staffOnly(404) },
];
