import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  errorBodySchema,
  invitationAcceptRequestSchema,
  invitationCreatedSchema,
  invitationCreateRequestSchema,
  invitationIdParamsSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationTokenParamsSchema,
  sessionResponseSchema,
} from '@pavilion/contracts';
import type { Config } from '../../platform/config.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { answerSession, membersOnly } from './exporter-application.routes.ts';
import type { InvitationService } from './invitations.service.ts';

export function exporterInvitationRoutes(invitations: InvitationService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    fastify.addHook('preValidation', membersOnly);

    app.post('/invitations', {
      schema: { tags, summary: 'Invite a team member by email (approved exporters): the answer carries the link, once', body: invitationCreateRequestSchema, response: { 201: invitationCreatedSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      reply.code(201);
      return invitations.create(request.caller, request.body.email);
    });

    app.get('/invitations', {
      schema: { tags, summary: 'Open invitations (not accepted, not expired)', response: { 200: invitationListSchema, ...errorResponses } },
    }, async (request) => ({ items: await invitations.list(request.caller) }));

    app.delete('/invitations/:id', {
      schema: { tags, summary: 'Revoke an open invitation', params: invitationIdParamsSchema, response: { 204: z.undefined(), ...errorResponses } },
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

    app.get('/invitations/:token', {
      logLevel,
      schema: { tags, summary: 'What an invitation link leads to (404 when unknown, expired, used or revoked)', params: invitationTokenParamsSchema, response: { 200: invitationPreviewSchema, ...errorResponses } },
    }, async (request) => deps.invitations.preview(request.params.token));

    app.post('/invitations/:token/accept', {
      logLevel,
      schema: {
        tags,
        summary: "Accept an invitation: creates the member's account with the invited email and signs in",
        params: invitationTokenParamsSchema,
        body: invitationAcceptRequestSchema,
        response: { 200: sessionResponseSchema, ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      const session = await deps.invitations.accept(request.params.token, request.body);
      return answerSession(reply, deps.config, session, request.body.session);
    });
  };
}
