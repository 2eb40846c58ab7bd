import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const importerOnly = (status: number) => expectAll(403, { anonymous: 401, importer: status });
const exportersOnly = (status: number) => expectAll(403, { anonymous: 401, exporter: status, otherExporter: status });
const operatorsOnly = (status: number) => expectAll(403, { anonymous: 401, operator: status, otherOperator: status, admin: status });

const quote = { currency: 'CNY', tiers: [{ minQuantity: 1, unitPriceMinor: 100 }], incoterm: 'FOB', port: 'Karachi', leadTimeDays: 10, validUntil: '2099-01-01', ttDepositPercent: 30, letterOfCredit: false, sampleAvailable: false };

/** The trade bridge: importers their company's threads and RFQs, exporters what reached them, operators the figures. */
export const tradeCases: MatrixCase[] = [
  // The city it already has: the owner's edit changes nothing visible.
  { method: 'PATCH', url: '/api/trade/company', payload: { city: '上海' }, expect: importerOnly(200) },
  // Not multipart: the role is checked before the upload is read.
  { method: 'POST', url: '/api/trade/files', payload: {}, expect: importerOnly(415) },
  { method: 'POST', url: '/api/trade/inquiries', payload: {}, expect: expectAll(400) },
  { method: 'GET', url: '/api/trade/inquiries', expect: importerOnly(200) },
  { method: 'GET', url: `/api/trade/inquiries/${randomId}`, route: '/api/trade/inquiries/:id', expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/inquiries/${randomId}/messages`, route: '/api/trade/inquiries/:id/messages', payload: { body: 'hello' }, expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/inquiries/${randomId}/read`, route: '/api/trade/inquiries/:id/read', expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/inquiries/${randomId}/close`, route: '/api/trade/inquiries/:id/close', expect: importerOnly(404) },
  { method: 'GET', url: `/api/trade/inquiries/${randomId}/files/${randomId}`, route: '/api/trade/inquiries/:id/files/:fileId', expect: importerOnly(404) },
  { method: 'POST', url: '/api/trade/rfqs', payload: {}, expect: expectAll(400) },
  { method: 'GET', url: '/api/trade/rfqs', expect: importerOnly(200) },
  { method: 'GET', url: `/api/trade/rfqs/${randomId}`, route: '/api/trade/rfqs/:id', expect: importerOnly(404) },
  { method: 'GET', url: `/api/trade/rfqs/${randomId}/quotes?quantity=10`, route: '/api/trade/rfqs/:id/quotes', expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/rfqs/${randomId}/quotes/${randomId}/accept`, route: '/api/trade/rfqs/:id/quotes/:quoteId/accept', expect: importerOnly(404) },
  { method: 'POST', url: `/api/trade/rfqs/${randomId}/cancel`, route: '/api/trade/rfqs/:id/cancel', expect: importerOnly(404) },

  { method: 'POST', url: '/api/exporter/trade-files', payload: {}, expect: exportersOnly(415) },
  { method: 'GET', url: '/api/exporter/inquiries', expect: exportersOnly(200) },
  { method: 'GET', url: `/api/exporter/inquiries/${randomId}`, route: '/api/exporter/inquiries/:id', expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/inquiries/${randomId}/messages`, route: '/api/exporter/inquiries/:id/messages', payload: { body: 'hello' }, expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/inquiries/${randomId}/read`, route: '/api/exporter/inquiries/:id/read', expect: exportersOnly(404) },
  { method: 'POST', url: `/api/exporter/inquiries/${randomId}/close`, route: '/api/exporter/inquiries/:id/close', expect: exportersOnly(404) },
  { method: 'GET', url: `/api/exporter/inquiries/${randomId}/files/${randomId}`, route: '/api/exporter/inquiries/:id/files/:fileId', expect: exportersOnly(404) },
  { method: 'GET', url: '/api/exporter/rfqs', expect: exportersOnly(200) },
  { method: 'GET', url: `/api/exporter/rfqs/${randomId}`, route: '/api/exporter/rfqs/:id', expect: exportersOnly(404) },
  { method: 'PUT', url: `/api/exporter/rfqs/${randomId}/quote`, route: '/api/exporter/rfqs/:id/quote', payload: quote, expect: exportersOnly(404) },

  { method: 'GET', url: '/api/operator/companies', expect: operatorsOnly(200) },
  { method: 'POST', url: `/api/operator/companies/${randomId}/verify`, route: '/api/operator/companies/:id/verify', expect: operatorsOnly(404) },
  { method: 'GET', url: '/api/operator/trade/figures', expect: operatorsOnly(200) },
];
