import { z } from 'zod';
import { sandboxPayFormSchema } from '../payments.ts';
import { endpoint } from './endpoint.ts';

const outTradeNoParams = z.object({ outTradeNo: z.string().min(1).max(64) });

/** Payment providers: every endpoint, by name. */
export const paymentsEndpoints = {
  wechatNotify: endpoint({ method: 'POST', path: '/api/payments/wechat/notify', response: {  } }),
  wechatRefundNotify: endpoint({ method: 'POST', path: '/api/payments/wechat/refund-notify', response: {  } }),
  sandboxNotify: endpoint({ method: 'POST', path: '/api/payments/sandbox/notify', response: {  } }),
  getSandboxPayPage: endpoint({ method: 'GET', path: '/api/payments/sandbox/pay/:outTradeNo', params: outTradeNoParams, response: {  } }),
  submitSandboxPay: endpoint({ method: 'POST', path: '/api/payments/sandbox/pay/:outTradeNo', params: outTradeNoParams, body: sandboxPayFormSchema, response: {  } }),
} as const;
