import type { Db } from '../../../src/db/database.ts';
import { newId } from '../../../src/platform/ids.ts';
import { demoExporters } from '../../../src/features/demo/demo-data.ts';
import { expectAll, type MatrixCase } from '../role-matrix.ts';

/**
 * Exporter onboarding, documents, review, invitations and brands. Writes are sent in a state where
 * they cannot succeed (a transition that does not apply, an invalid body, an unknown id), so the
 * demo data stays as it is for the cases after them; the few that do write make their own rows.
 */

const exporterId = async (db: Db, tradingNameEn: string): Promise<string> =>
  (await db.selectFrom('exporters').select('id').where('trading_name_en', '=', tradingNameEn).executeTakeFirstOrThrow()).id;

/** A brand made directly in the database for one demo exporter. */
async function brandOf(db: Db, tradingNameEn: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.insertInto('brands').values({ id, exporter_id: await exporterId(db, tradingNameEn), name_en: `Matrix brand ${id}`, name_zh: '矩阵品牌', created_at: now, updated_at: now }).execute();
  return id;
}

/** A demo exporter of the Pakistan pavilion still awaiting review. */
const pendingPk = demoExporters.find((e) => e.pavilion === 'pakistan' && e.status === 'pending')?.tradingNameEn ?? 'no pending demo exporter';

const unknownId = '00000000-0000-4000-8000-000000000000';
const members = expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 });
const membersGet = (status: number) => expectAll(403, { anonymous: 401, exporter: status, otherExporter: status });
const operators = (status: number, other = status) => expectAll(403, { anonymous: 401, operator: status, otherOperator: other, admin: status });
const brandBody = { nameEn: 'Matrix Brand', nameZh: '矩阵', storyEn: '<p>story</p>', storyZh: '', logoMediaId: null };

export const exporterCases: MatrixCase[] = [
  // Applying is open to anyone; an empty body creates nothing.
  { method: 'POST', url: '/api/exporter/applications', payload: {}, expect: expectAll(400) },
  { method: 'GET', url: '/api/exporter/application', expect: members },
  { method: 'PUT', url: '/api/exporter/application', payload: {}, expect: membersGet(400) },

  // Documents: without a multipart body the upload is refused (415); unknown ids answer 404.
  { method: 'POST', url: '/api/exporter/documents', expect: membersGet(415) },
  { method: 'GET', url: '/api/exporter/documents', expect: members },
  { method: 'GET', url: `/api/exporter/documents/${unknownId}/file`, route: '/api/exporter/documents/:id/file', expect: membersGet(404) },
  { method: 'DELETE', url: `/api/exporter/documents/${unknownId}`, route: '/api/exporter/documents/:id', expect: membersGet(404) },

  // Review: the Pacific operator never sees a Pakistan exporter (404).
  { method: 'GET', url: '/api/operator/exporters', expect: operators(200) },
  {
    method: 'GET',
    url: async (db) => `/api/operator/exporters/${await exporterId(db, 'Multani Blue')}`,
    route: '/api/operator/exporters/:id',
    expect: operators(200, 404),
  },
  {
    method: 'GET',
    url: async (db) => `/api/operator/exporters/${await exporterId(db, 'Multani Blue')}/documents/${unknownId}/file`,
    route: '/api/operator/exporters/:id/documents/:docId/file',
    expect: operators(404),
  },
  // Multani Blue is approved: approving again, or reinstating it, does not apply (409).
  {
    method: 'POST',
    url: async (db) => `/api/operator/exporters/${await exporterId(db, 'Multani Blue')}/review`,
    route: '/api/operator/exporters/:id/review',
    payload: { decision: 'approve' },
    expect: operators(409, 404),
  },
  {
    method: 'POST',
    url: async (db) => `/api/operator/exporters/${await exporterId(db, 'Multani Blue')}/reinstate`,
    route: '/api/operator/exporters/:id/reinstate',
    expect: operators(409, 404),
  },
  // A pending exporter cannot be suspended.
  {
    method: 'POST',
    url: async (db) => `/api/operator/exporters/${await exporterId(db, pendingPk)}/suspend`,
    route: '/api/operator/exporters/:id/suspend',
    payload: { reason: 'Matrix check: not applicable to a pending exporter' },
    expect: operators(409, 404),
  },

  // Invitations: an invalid email creates nothing; unknown ids and tokens answer 404 to everyone.
  { method: 'POST', url: '/api/exporter/invitations', payload: { email: 'not an email' }, expect: membersGet(400) },
  { method: 'GET', url: '/api/exporter/invitations', expect: members },
  { method: 'DELETE', url: `/api/exporter/invitations/${unknownId}`, route: '/api/exporter/invitations/:id', expect: membersGet(404) },
  { method: 'GET', url: `/api/auth/invitations/${'x'.repeat(43)}`, route: '/api/auth/invitations/:token', expect: expectAll(404) },
  {
    method: 'POST',
    url: `/api/auth/invitations/${'x'.repeat(43)}/accept`,
    route: '/api/auth/invitations/:token/accept',
    payload: { displayName: 'Nobody', password: 'long-enough-password' },
    expect: expectAll(404),
  },

  // Brands: each exporter edits its own only.
  { method: 'GET', url: '/api/exporter/brands', expect: members },
  { method: 'POST', url: '/api/exporter/brands', payload: {}, expect: membersGet(400) },
  {
    method: 'PUT',
    url: async (db) => `/api/exporter/brands/${await brandOf(db, 'Multani Blue')}`,
    route: '/api/exporter/brands/:id',
    payload: brandBody,
    expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 404 }),
  },
  {
    method: 'DELETE',
    url: async (db) => `/api/exporter/brands/${await brandOf(db, 'Bula Coconut')}`,
    route: '/api/exporter/brands/:id',
    expect: expectAll(403, { anonymous: 401, exporter: 404, otherExporter: 204 }),
  },

  // Storefront: approved exporters and their brands, to everyone; a pending one to no one.
  { method: 'GET', url: async (db) => `/api/store/exporters/${await exporterId(db, 'Multani Blue')}`, route: '/api/store/exporters/:id', expect: expectAll(200) },
  { method: 'GET', url: async (db) => `/api/store/exporters/${await exporterId(db, pendingPk)}`, route: '/api/store/exporters/:id', expect: expectAll(404) },
  { method: 'GET', url: async (db) => `/api/store/brands/${await brandOf(db, 'Bula Coconut')}`, route: '/api/store/brands/:id', expect: expectAll(200) },
  { method: 'GET', url: async (db) => `/api/store/brands/${await brandOf(db, pendingPk)}`, route: '/api/store/brands/:id', expect: expectAll(404) },
];
