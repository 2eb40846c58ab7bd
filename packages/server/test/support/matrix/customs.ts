import { expectAll, type MatrixCase } from '../role-matrix.ts';

const randomId = '00000000-0000-4000-8000-000000000000';
const staffOnly = (staff: number) => expectAll(403, { anonymous: 401, operator: staff, otherOperator: staff, admin: staff });

/** Customs: operators (their pavilions' orders) and admins; buyers and exporters never see the queue. */
export const customsCases: MatrixCase[] = [
  { method: 'GET', url: '/api/operator/customs', expect: staffOnly(200) },
  { method: 'GET', url: `/api/operator/customs/${randomId}`, route: '/api/operator/customs/:orderId', expect: staffOnly(404) },
  { method: 'POST', url: `/api/operator/customs/${randomId}/resend`, route: '/api/operator/customs/:orderId/resend', payload: {}, expect: staffOnly(404) },
  { method: 'POST', url: `/api/operator/customs/${randomId}/clear-hold`, route: '/api/operator/customs/:orderId/clear-hold', expect: staffOnly(404) },
];
