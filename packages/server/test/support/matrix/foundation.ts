import { expectAll, type MatrixCase } from '../role-matrix.ts';

/** The foundation's routes. */
export const foundationCases: MatrixCase[] = [
  { method: 'GET', url: '/api/health', expect: expectAll(200) },
  { method: 'GET', url: '/api/auth/me', expect: expectAll(200, { anonymous: 401 }) },
  { method: 'GET', url: '/api/store/pavilions', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/pavilions/pacific', route: '/api/store/pavilions/:slug', expect: expectAll(200) },
  { method: 'GET', url: '/api/trade/company', expect: expectAll(403, { anonymous: 401, importer: 200 }) },
  { method: 'GET', url: '/api/exporter/profile', expect: expectAll(403, { anonymous: 401, exporter: 200, otherExporter: 200 }) },
  { method: 'GET', url: '/api/operator/pavilions', expect: expectAll(403, { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 }) },
  { method: 'GET', url: '/api/admin/users', expect: expectAll(403, { anonymous: 401, admin: 200 }) },
  { method: 'GET', url: '/api/admin/jobs', expect: expectAll(403, { anonymous: 401, admin: 200 }) },
  // No such job: the admin is answered 404, everyone else is refused before the lookup.
  { method: 'POST', url: '/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry', route: '/api/admin/jobs/:jobId/retry', expect: expectAll(403, { anonymous: 401, admin: 404 }) },
  // Sign-in routes are open to everyone; these bodies are invalid on purpose, so nothing is created.
  { method: 'POST', url: '/api/auth/login', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/otp/request', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/otp/verify', payload: {}, expect: expectAll(400) },
  { method: 'POST', url: '/api/auth/wechat/login', payload: {}, expect: expectAll(400) },
  // Last: every signed-in actor ends its session; the anonymous caller has none to end.
  { method: 'POST', url: '/api/auth/logout', expect: expectAll(204, { anonymous: 401 }) },
];

