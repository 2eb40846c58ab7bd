import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import type { Config } from '../../platform/config.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { answerSession, membersOnly } from './exporter-application.routes.ts';
import type { InvitationService } from './invitations.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function exporterInvitationRoutes(invitations: InvitationService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    fastify.addHook('preValidation', membersOnly);

    route(app, endpoints.exporter.createInvitation, {
      schema: { tags, summary: 'Invite a team member by email (approved exporters): the answer carries the link, once', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return invitations.create(request.caller, request.body.email);
    });

    route(app, endpoints.exporter.getInvitations, {
      schema: { tags, summary: 'Open invitations (not accepted, not expired)', response: errorResponses },
    }, async (request) => ({ items: await invitations.list(request.caller) }));

    route(app, endpoints.exporter.deleteInvitation, {
      schema: { tags, summary: 'Revoke an open invitation', response: errorResponses },
    }, async (request, reply) => {
      await invitations.revoke(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}

/** The invitee's side, under /api/auth: no session needed, the token is the credential. */
export function invitationAuthRoutes(deps: { invitations: InvitationService; config: Config }) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['auth'];
    // The token in these URLs is a credential: below warn, Fastify would log each request's URL.
    const logLevel = 'warn';

    route(app, endpoints.auth.getInvitation, {
      logLevel,
      schema: { tags, summary: 'What an invitation link leads to (404 when unknown, expired, used or revoked)', response: errorResponses },
    }, async (request) => deps.invitations.preview(request.params.token));

    route(app, endpoints.auth.acceptInvitation, {
      logLevel,
      schema: {
        tags,
        summary: "Accept an invitation: creates the member's account with the invited email and signs in",
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      const session = await deps.invitations.accept(request.params.token, request.body);
      return answerSession(reply, deps.config, session, request.body.session);
    });
  };
}
