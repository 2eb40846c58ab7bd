import { expectAll, type MatrixCase } from '../role-matrix.ts';

const staff = { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 } as const;

/** Search: open to everyone on the storefront; its upkeep is for any operator and admins (platform-wide). */
export const searchCases: MatrixCase[] = [
  { method: 'GET', url: '/api/store/search?q=%E8%93%9D%E9%99%B6', route: '/api/store/search', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/search/suggest?q=ye', route: '/api/store/search/suggest', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/search/hot', expect: expectAll(200) },
  { method: 'GET', url: '/api/operator/search/zero-results', expect: expectAll(403, staff) },
  { method: 'GET', url: '/api/operator/search/words', expect: expectAll(403, staff) },
  // Invalid bodies on purpose: the role is checked first, and nothing changes.
  { method: 'POST', url: '/api/operator/search/words', payload: { word: '' }, expect: expectAll(400) },
  { method: 'DELETE', url: '/api/operator/search/words/%E6%B1%A4%E5%8A%A0', route: '/api/operator/search/words/:word', expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }) },
  { method: 'GET', url: '/api/operator/search/synonyms', expect: expectAll(403, staff) },
  { method: 'POST', url: '/api/operator/search/synonyms', payload: { terms: ['x'] }, expect: expectAll(400) },
  { method: 'DELETE', url: '/api/operator/search/synonyms/7a1c2a64-7a1b-4c54-9a55-2f1d1f0c0a11', route: '/api/operator/search/synonyms/:id', expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }) },
  { method: 'GET', url: '/api/operator/search/hot', expect: expectAll(403, staff) },
  { method: 'PUT', url: '/api/operator/search/hot', payload: { items: 'not a list' }, expect: expectAll(400) },
  { method: 'GET', url: '/api/operator/search/index', expect: expectAll(403, staff) },
];
