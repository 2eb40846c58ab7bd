import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { requireRole } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import { errorResponses, setSessionCookie, typed } from '../../platform/http.ts';
import type { SessionTransport } from '../../platform/sessions.ts';
import type { NewSession } from '../auth/index.ts';
import type { ExporterApplicationService } from './exporter-application.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** Members only, checked before the body is validated: a stranger gets 401/403, not a list of field errors. */
export const membersOnly = async (request: FastifyRequest): Promise<void> => {
  requireRole(request.caller, 'exporter_member');
};

/** Answers a new session as /api/auth/login does: the cookie, or the token in the body. */
export function answerSession(reply: FastifyReply, config: Pick<Config, 'cookieSecure'>, session: NewSession, transport: SessionTransport) {
  if (transport === 'cookie') {
    setSessionCookie(reply, config, session.token, session.expiresAt);
    return { user: session.me, expiresAt: session.expiresAt };
  }
  return { user: session.me, token: session.token, expiresAt: session.expiresAt };
}

export function exporterApplicationRoutes(deps: { applications: ExporterApplicationService; config: Config }) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const { applications } = deps;
    const tags = ['exporter'];

    route(app, endpoints.exporter.createApplication, {
      schema: {
        tags,
        summary: "Apply to a pavilion: creates the applicant's account and the exporter (pending review), and signs in",
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      const session = await applications.apply(request.body, request.ip);
      reply.code(201);
      return answerSession(reply, deps.config, session, request.body.session);
    });

    route(app, endpoints.exporter.getApplication, {
      preValidation: membersOnly,
      schema: { tags, summary: 'The application with its status and, when rejected or suspended, the reason', response: errorResponses },
    }, async (request) => applications.getOwn(request.caller));

    route(app, endpoints.exporter.setApplication, {
      preValidation: membersOnly,
      schema: {
        tags,
        summary: 'Edit the application: a rejected one is resubmitted; once approved only contact, address and story change',
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => applications.update(request.caller, request.body));
  };
}
