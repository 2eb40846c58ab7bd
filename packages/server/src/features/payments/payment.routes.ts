import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, htmlPage, seeOther, typed } from '../../platform/http.ts';
import type { NotificationOutcome, PaymentService } from './payment.service.ts';
import { renderSandboxPage, sandboxMessages, sandboxRefusals } from './sandbox-page.ts';
import { route } from '../../platform/endpoint-route.ts';

/** WeChat Pay's answer to a callback it must retry: `{code: 'FAIL', message}` with a 4xx/5xx status. */
const wechatFailSchema = z.object({ code: z.literal('FAIL'), message: z.string() });
const callbackResponses = { 204: z.undefined(), 400: wechatFailSchema, 401: wechatFailSchema, 404: wechatFailSchema, 500: wechatFailSchema } as const;

function answerCallback(reply: FastifyReply, outcome: NotificationOutcome) {
  if (outcome.ok) return reply.code(204).send();
  return reply.code(outcome.status).send({ code: 'FAIL' as const, message: outcome.message });
}

/**
 * The providers' callbacks, at /api/payments. The body must reach the signature check byte for
 * byte, so within this plugin (and only here) every content type is read as a raw Buffer. WeChat
 * wants an answer within 5 seconds: the handling is one transaction, and refunds are sent later.
 */
export function paymentCallbackRoutes(payments: PaymentService) {
  return async function (fastify: FastifyInstance) {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    const app = typed(fastify);
    const tags = ['payments'];

    const callback = (handle: (headers: Record<string, string | string[] | undefined>, body: Buffer) => Promise<NotificationOutcome>) =>
      async (request: { headers: Record<string, string | string[] | undefined>; body: unknown; log: FastifyInstance['log'] }, reply: FastifyReply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        try {
          return answerCallback(reply, await handle(request.headers, body));
        } catch (err) {
          // Our fault (the database, say): WeChat retries, and nothing half-done was committed.
          request.log.error({ err }, 'payment callback failed');
          return reply.code(500).send({ code: 'FAIL' as const, message: 'internal error, please retry' });
        }
      };

    route(app, endpoints.payments.wechatNotify, {
      schema: { tags, summary: 'WeChat Pay payment notification (TRANSACTION.SUCCESS), signed and encrypted; answered 204, or {code: FAIL} so WeChat retries', response: callbackResponses },
    }, callback((headers, body) => payments.handleNotification('wechat', headers, body)));
    route(app, endpoints.payments.wechatRefundNotify, {
      schema: { tags, summary: 'WeChat Pay refund result notification (REFUND.SUCCESS / ABNORMAL / CLOSED)', response: callbackResponses },
    }, callback((headers, body) => payments.handleRefundNotification('wechat', headers, body)));
    if (payments.sandbox) {
      route(app, endpoints.payments.sandboxNotify, {
        schema: { tags, summary: "The sandbox's payment notification: signed like WeChat's (HMAC-SHA256 under a key derived from SECRET_KEY), handled by the same path", response: callbackResponses },
      }, callback((headers, body) => payments.handleNotification('sandbox', headers, body)));
    }
  };
}

const pageQuery = z.object({ result: z.enum(sandboxRefusals).optional() });

/**
 * The sandbox's checkout page (demos and development; not registered in production). A plain form:
 * posted as application/x-www-form-urlencoded, which this plugin alone parses (no dependency for
 * one field). A browser's post carries our Origin, which the app's CSRF check requires when a
 * session cookie comes with it.
 */
export function sandboxPaymentRoutes(payments: PaymentService) {
  return async function (fastify: FastifyInstance) {
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const app = typed(fastify);
    const tags = ['payments'];
    route(app, endpoints.payments.getSandboxPayPage, {
      schema: { tags, summary: 'The sandbox payment page (HTML, zh-CN and English): pay or fail a sandbox payment', querystring: pageQuery, response: { 200: htmlPage('The page') } },
    }, async (request, reply) => {
      const { payment, checkout } = await payments.sandboxView(request.params.outTradeNo);
      const html = renderSandboxPage({
        outTradeNo: payment.outTradeNo,
        amountFen: payment.amountFen,
        orderNumbers: checkout.orders.map((o) => o.number),
        state: payment.status,
        message: request.query.result ? sandboxMessages[request.query.result] : null,
        ordersUrl: `/orders?checkout=${encodeURIComponent(checkout.id)}`,
      });
      // The page's form posts back to us: with the app's usual no-referrer policy the browser would
      // send `Origin: null` and the CSRF check would refuse it; same-origin keeps the Origin.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'same-origin').send(html);
    });
    route(app, endpoints.payments.submitSandboxPay, {
      schema: { tags, summary: "The sandbox page's form: success sends a signed notification through the payment callback path; answers 303", response: { 303: seeOther } },
    }, async (request, reply) => {
      const outcome = await payments.sandboxPay(request.params.outTradeNo, request.body.result);
      if (outcome.ok) return reply.redirect(`/orders?checkout=${encodeURIComponent(outcome.checkoutId)}`, 303);
      return reply.redirect(`/api/payments/sandbox/pay/${encodeURIComponent(request.params.outTradeNo)}?result=${outcome.reason}`, 303);
    });
  };
}


/** The buyer pays (or pays again for) an unpaid checkout of theirs. */
export function storePaymentRoutes(payments: PaymentService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.payCheckout, {
      schema: {
        tags: ['store'],
        summary: "Pay an unpaid checkout of one's own: WeChat's wx.requestPayment parameters, or the sandbox page; reuses the open attempt when the method is the same",
        response: { ...errorResponses, 409: errorBodySchema, 502: errorBodySchema },
      },
    }, async (request) => payments.pay(request.caller, request.params.id, request.body.method));
  };
}


/** What operators must look at about payments, and marking it dealt with. */
export function operatorPaymentRoutes(payments: PaymentService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getPaymentAnomalies, {
      schema: { tags, summary: "Payment anomalies, newest first: unknown orders, other amounts, late payments and double payments refunded, refunds that failed (operators: their pavilions' orders)", response: errorResponses },
    }, async (request) => ({ items: await payments.listAnomalies(request.caller, request.query) }));
    route(app, endpoints.operator.resolvePaymentAnomaly, {
      schema: { tags, summary: 'Mark a payment anomaly as dealt with', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request) => payments.resolveAnomaly(request.caller, request.params.id));
  };
}
