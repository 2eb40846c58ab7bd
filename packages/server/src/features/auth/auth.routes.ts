import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import type { Config } from '../../platform/config.ts';
import { requireCaller } from '../../platform/access.ts';
import { clearSessionCookie, errorResponses, setSessionCookie, typed } from '../../platform/http.ts';
import { revokeSession } from '../../platform/sessions.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthService, NewSession } from './auth.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function authRoutes(deps: { auth: AuthService; config: Config; db: Db; clock: Clock }) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const { auth, config } = deps;
    const tags = ['auth'];

    /** Cookie sessions get the cookie; token sessions get the token in the body. */
    const answer = (session: NewSession, transport: 'cookie' | 'token', reply: Parameters<typeof setSessionCookie>[0]) => {
      if (transport === 'cookie') {
        setSessionCookie(reply, config, session.token, session.expiresAt);
        return { user: session.me, expiresAt: session.expiresAt };
      }
      return { user: session.me, token: session.token, expiresAt: session.expiresAt };
    };

    route(app, endpoints.auth.login, {
      schema: { tags, summary: 'Sign in with email and password (staff, exporters, importers)', response: errorResponses },
    }, async (request, reply) => {
      const { email, password, session } = request.body;
      return answer(await auth.loginWithPassword({ email, password, transport: session, ip: request.ip }), session, reply);
    });

    route(app, endpoints.auth.requestOtp, {
      schema: { tags, summary: 'Send a one-time login code to a mainland mobile number', response: errorResponses },
    }, async (request, reply) => {
      reply.code(202);
      return auth.requestOtp({ phone: request.body.phone, ip: request.ip });
    });

    route(app, endpoints.auth.verifyOtp, {
      schema: { tags, summary: 'Sign in (or sign up as a buyer) with the one-time code', response: errorResponses },
    }, async (request, reply) => {
      const { phone, code, session } = request.body;
      return answer(await auth.verifyOtp({ phone, code, transport: session, ip: request.ip }), session, reply);
    });

    route(app, endpoints.auth.loginWechat, {
      schema: { tags, summary: 'Mini-program login: the wx.login() code, exchanged through jscode2session', response: { ...errorResponses, 502: errorBodySchema, 503: errorBodySchema } },
    }, async (request, reply) => {
      const { code, session } = request.body;
      return answer(await auth.loginWithWechat({ code, transport: session, ip: request.ip }), session, reply);
    });

    route(app, endpoints.auth.logout, {
      schema: { tags, summary: 'End this session (the cookie or the bearer token stops working)', response: errorResponses },
    }, async (request, reply) => {
      const caller = requireCaller(request.caller);
      await revokeSession(deps.db, caller.sessionId, deps.clock());
      if (caller.transport === 'cookie') clearSessionCookie(reply, config);
      return reply.code(204).send();
    });

    route(app, endpoints.auth.getMe, {
      schema: { tags, summary: 'The signed-in account and its roles', response: errorResponses },
    }, async (request) => auth.me(requireCaller(request.caller)));
  };
}
