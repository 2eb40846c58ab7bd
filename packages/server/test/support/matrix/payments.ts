import { expectAll, type MatrixCase } from '../role-matrix.ts';

const staff = { anonymous: 401, operator: 200, otherOperator: 200, admin: 200 } as const;
const noSuchPayment = 'PV20261123NOSUCHPAYMNT';
const noSuchId = '7a1c2a64-7a1b-4c54-9a55-2f1d1f0c0a12';

/**
 * Payments: the providers' callbacks answer by signature, not by role (unsigned is 401 for
 * everyone, a bearer token changes nothing); the sandbox page is by payment number; paying a
 * checkout is for buyers, their own only; anomalies for operators (their pavilions) and admins.
 */
export const paymentCases: MatrixCase[] = [
  // WeChat Pay is not configured in the matrix's app: its callbacks answer 404 (in WeChat's format) to everyone.
  { method: 'POST', url: '/api/payments/wechat/notify', expect: expectAll(404) },
  { method: 'POST', url: '/api/payments/wechat/refund-notify', expect: expectAll(404) },
  { method: 'POST', url: '/api/payments/sandbox/notify', expect: expectAll(401) },
  { method: 'GET', url: `/api/payments/sandbox/pay/${noSuchPayment}`, route: '/api/payments/sandbox/pay/:outTradeNo', expect: expectAll(404) },
  { method: 'POST', url: `/api/payments/sandbox/pay/${noSuchPayment}`, route: '/api/payments/sandbox/pay/:outTradeNo', payload: { result: 'fail' }, expect: expectAll(404) },
  { method: 'POST', url: `/api/store/checkouts/${noSuchId}/pay`, route: '/api/store/checkouts/:id/pay', payload: { method: 'sandbox' }, expect: expectAll(403, { anonymous: 401, buyer: 404 }) },
  { method: 'GET', url: '/api/operator/payment-anomalies', expect: expectAll(403, staff) },
  { method: 'POST', url: `/api/operator/payment-anomalies/${noSuchId}/resolve`, route: '/api/operator/payment-anomalies/:id/resolve', expect: expectAll(403, { anonymous: 401, operator: 404, otherOperator: 404, admin: 404 }) },
];
