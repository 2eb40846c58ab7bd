import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const importerOnly = (status: number) => expectAll(403, { anonymous: 401, importer: status });
const exportersOnly = (status: number) => expectAll(403, { anonymous: 401, exporter: status, otherExporter: status });
const operatorsOnly = (status: number) => expectAll(403, { anonymous: 401, operator: status, otherOperator: status, admin: status });

const bank = { accountName: 'Matrix Exports', bankName: 'Matrix Bank', swiftBic: 'MTRXPKKA', accountNumber: 'PK36SCBL0000001123456702', bankAddress: 'Karachi' };
const payment = { reference: 'TT-1', amountMinor: 100 };

/** B2B orders: the importer's company sees its own, the exporter its own, operators their pavilions' (read only). */
export const b2bOrderCases: MatrixCase[] = [
  { method: 'GET', url: '/api/trade/orders', expect: importerOnly(200) },
  { method: 'GET', url: `/api/trade/orders/${randomId}`, route: '/api/trade/orders/:id', expect: importerOnly(404) },
  { method: 'GET', url: `/api/trade/orders/${randomId}/proforma.pdf`, route: '/api/trade/orders/:id/proforma.pdf', expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/orders/${randomId}/cancel`, route: '/api/trade/orders/:id/cancel', payload: { reason: 'matrix' }, expect: importerOnly(404) },

  { method: 'GET', url: '/api/exporter/bank-details', expect: exportersOnly(200) },
  { method: 'PUT', url: '/api/exporter/bank-details', payload: bank, expect: exportersOnly(200) },
  { method: 'GET', url: '/api/exporter/b2b-orders', expect: exportersOnly(200) },
  { method: 'GET', url: `/api/exporter/b2b-orders/${randomId}`, route: '/api/exporter/b2b-orders/:id', expect: exportersOnly(404) },
  { method: 'GET', url: `/api/exporter/b2b-orders/${randomId}/proforma.pdf`, route: '/api/exporter/b2b-orders/:id/proforma.pdf', expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/deposit`, route: '/api/exporter/b2b-orders/:id/deposit', payload: payment, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/production`, route: '/api/exporter/b2b-orders/:id/production', payload: {}, expect: exportersOnly(404) },
  {
    method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/shipment`, route: '/api/exporter/b2b-orders/:id/shipment',
    payload: { documentKind: 'awb', documentNumber: '176-12345675', carrier: 'Fiji Airways' }, expect: exportersOnly(404),
  },
  { method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/balance`, route: '/api/exporter/b2b-orders/:id/balance', payload: payment, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/complete`, route: '/api/exporter/b2b-orders/:id/complete', payload: {}, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/b2b-orders/${randomId}/cancel`, route: '/api/exporter/b2b-orders/:id/cancel', payload: { reason: 'matrix' }, expect: exportersOnly(404) },

  { method: 'GET', url: '/api/operator/b2b-orders', expect: operatorsOnly(200) },
];
