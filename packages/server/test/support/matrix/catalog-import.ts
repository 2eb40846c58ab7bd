import { expectAll, type MatrixCase } from '../role-matrix.ts';

const exportersOnly = (status: number, other = status) => expectAll(403, { anonymous: 401, exporter: status, otherExporter: other });
const randomId = '00000000-0000-4000-8000-000000000000';

/** Bulk import and export of an exporter's products. */
export const catalogImportCases: MatrixCase[] = [
  { method: 'GET', url: '/api/exporter/catalog/template?format=csv', route: '/api/exporter/catalog/template', expect: exportersOnly(200) },
  { method: 'GET', url: '/api/exporter/catalog/export?format=csv', route: '/api/exporter/catalog/export', expect: exportersOnly(200) },
  // Not multipart: the role is checked first, then the body (415).
  { method: 'POST', url: '/api/exporter/catalog/import', expect: exportersOnly(415) },
  // Jobs live in memory and are scoped to their exporter: catalog-import.api.test.ts shows another exporter gets 404 for a real one.
  { method: 'GET', url: `/api/exporter/catalog/import/${randomId}`, route: '/api/exporter/catalog/import/:jobId', expect: exportersOnly(404) },
];
