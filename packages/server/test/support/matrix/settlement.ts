import type { Db } from '../../../src/db/database.ts';
import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const pakistan = async (db: Db) => (await db.selectFrom('pavilions').select('id').where('slug', '=', 'pakistan').executeTakeFirstOrThrow()).id;
const staff = { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 } as const;

/** Statements: exporters their own, operators their pavilions'; commission rates by the pavilion's operators. */
export const settlementCases: MatrixCase[] = [
  { method: 'GET', url: '/api/exporter/statements', expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 }) },
  { method: 'GET', url: `/api/exporter/statements/${randomId}`, route: '/api/exporter/statements/:id', expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }) },
  { method: 'GET', url: `/api/exporter/statements/${randomId}/download?format=pdf`, route: '/api/exporter/statements/:id/download', expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 404 }) },
  { method: 'GET', url: '/api/operator/statements', expect: expectAll(403, staff) },
  { method: 'GET', url: `/api/operator/statements/${randomId}`, route: '/api/operator/statements/:id', expect: expectAll(403, { ...staff, operator: 404, otherOperator: 404, admin: 404 }) },
  { method: 'GET', url: `/api/operator/statements/${randomId}/download?format=xlsx`, route: '/api/operator/statements/:id/download', expect: expectAll(403, { ...staff, operator: 404, otherOperator: 404, admin: 404 }) },
  { method: 'GET', url: async (db) => `/api/operator/pavilions/${await pakistan(db)}/commission`, route: '/api/operator/pavilions/:id/commission', expect: expectAll(403, { ...staff, otherOperator: 404 }) },
  { method: 'PUT', url: async (db) => `/api/operator/pavilions/${await pakistan(db)}/commission`, route: '/api/operator/pavilions/:id/commission', payload: { rateBp: 800 }, expect: expectAll(403, { ...staff, otherOperator: 404 }) },
];
