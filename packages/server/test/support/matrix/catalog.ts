import type { Db } from '../../../src/db/database.ts';
import { demoExporters } from '../../../src/features/demo/demo-data.ts';
import { expectAll, type MatrixCase } from '../role-matrix.ts';

/** The n-th product ever published (oldest first) of the first demo exporter (Multani Blue, Pakistan). */
const product = (n: number, suffix = '') => async (db: Db) => {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('users as u', (join) => join.on('u.email', '=', demoExporters[0].member.email))
    .innerJoin('user_roles as r', (join) => join.onRef('r.user_id', '=', 'u.id').onRef('r.exporter_id', '=', 'p.exporter_id'))
    .select('p.id')
    .where('p.published_at', 'is not', null)
    .orderBy('p.published_at')
    .orderBy('p.id')
    .execute();
  const row = rows[n];
  if (!row) throw new Error(`no published demo product #${n} of ${demoExporters[0].member.email}`);
  return `/api/${suffix}${row.id}`;
};
const exporterProduct = (n: number, action = '') => async (db: Db) => `${(await product(n, 'exporter/products/')(db))}${action}`;
const operatorProduct = (n: number, action = '') => async (db: Db) => `${(await product(n, 'operator/products/')(db))}${action}`;

const content = {
  titleEn: 'Role matrix test item',
  titleZh: '权限矩阵测试',
  categoryId: 'pottery-ceramics',
  currency: 'PKR',
  variants: [{ sku: 'MATRIX-1', weightGrams: 100, priceMinor: 1000 }],
  compliance: { hsCode: '6913900000', originCountry: 'PK' },
};
const exportersOnly = (status: number, other = status, extra: Partial<Record<string, number>> = {}) =>
  expectAll(403, { anonymous: 401, exporter: status, otherExporter: other, ...extra });
const operatorsOnly = (status: number, other = status, admin = status) => expectAll(403, { anonymous: 401, operator: status, otherOperator: other, admin });
const randomId = '00000000-0000-4000-8000-000000000000';

/** Catalog routes: storefront, exporter products and stock, operator review and rates. */
export const catalogCases: MatrixCase[] = [
  { method: 'GET', url: '/api/store/products?limit=5', route: '/api/store/products', expect: expectAll(200) },
  { method: 'GET', url: product(0, 'store/products/'), route: '/api/store/products/:id', expect: expectAll(200) },
  // Not multipart: the role is checked first, then the body (415).
  { method: 'POST', url: '/api/exporter/media', expect: exportersOnly(415) },
  { method: 'GET', url: '/api/exporter/products', expect: exportersOnly(200) },
  { method: 'POST', url: '/api/exporter/products', payload: content, expect: exportersOnly(201) },
  { method: 'GET', url: exporterProduct(0), route: '/api/exporter/products/:id', expect: exportersOnly(200, 404) },
  { method: 'PUT', url: exporterProduct(0), route: '/api/exporter/products/:id', payload: { ...content, variants: [{ sku: 'MATRIX-2', weightGrams: 100, priceMinor: 1000 }] }, expect: exportersOnly(200, 404) },
  // The saved edit has no picture: the owner learns which rules fail; others learn nothing.
  { method: 'POST', url: exporterProduct(0, '/submit'), route: '/api/exporter/products/:id/submit', expect: exportersOnly(422, 404) },
  { method: 'POST', url: exporterProduct(1, '/unpublish'), route: '/api/exporter/products/:id/unpublish', expect: exportersOnly(200, 404) },
  { method: 'POST', url: exporterProduct(1, '/republish'), route: '/api/exporter/products/:id/republish', expect: exportersOnly(200, 404) },
  { method: 'POST', url: exporterProduct(1, '/archive'), route: '/api/exporter/products/:id/archive', expect: exportersOnly(409, 404) },
  { method: 'GET', url: '/api/exporter/warehouses', expect: exportersOnly(200) },
  { method: 'POST', url: '/api/exporter/warehouses', payload: { kind: 'origin', name: 'Second store', city: 'Multan', countryCode: 'PK' }, expect: exportersOnly(201) },
  { method: 'PUT', url: '/api/exporter/stock', payload: { variantId: randomId, warehouseId: randomId, onHand: 1 }, expect: exportersOnly(404) },
  { method: 'GET', url: '/api/operator/products/review', expect: operatorsOnly(200) },
  { method: 'GET', url: operatorProduct(2), route: '/api/operator/products/:id', expect: operatorsOnly(200, 404) },
  { method: 'POST', url: operatorProduct(2, '/approve'), route: '/api/operator/products/:id/approve', payload: { revisionId: randomId }, expect: operatorsOnly(409, 404) },
  { method: 'POST', url: operatorProduct(2, '/request-changes'), route: '/api/operator/products/:id/request-changes', payload: { revisionId: randomId, reasons: [{ field: 'titleZh', reason: '请补充' }] }, expect: operatorsOnly(409, 404) },
  // The operator takes it off sale; the admin, after, finds it already off.
  { method: 'POST', url: operatorProduct(2, '/unpublish'), route: '/api/operator/products/:id/unpublish', payload: { reason: 'Label photo missing' }, expect: operatorsOnly(200, 404, 409) },
  { method: 'GET', url: '/api/operator/rates', expect: operatorsOnly(200) },
  { method: 'GET', url: '/api/store/exchange-rates', expect: expectAll(200) },
  // Kina are priced in by Pacific exporters only: the Pakistan operator may not set them; the Pacific operator may, then the admin finds it entered.
  { method: 'POST', url: '/api/operator/rates', payload: { currency: 'PGK', rate: '1.9', effectiveDate: '2031-01-01', source: 'matrix' }, expect: operatorsOnly(403, 201, 409) },
];
