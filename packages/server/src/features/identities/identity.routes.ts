import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema, identityConsentInputSchema, identityConsentSchema, identityInputSchema, identityListSchema, identitySchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { IdentityService } from './identity.service.ts';

const tags = ['store'];
const idParams = z.object({ id: z.uuid() });

/** The buyer's real-name identities: consent first, then ID numbers in, masked forms out. */
export function storeIdentityRoutes(identities: IdentityService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.post('/identities/consent', {
      schema: { tags, summary: 'Accept the consent text (this version) to the use of ID numbers for customs', body: identityConsentInputSchema, response: { 201: identityConsentSchema, ...errorResponses } },
    }, async (request, reply) => reply.code(201).send(await identities.consent(request.caller, request.body.textVersion)));

    app.get('/identities', {
      schema: { tags, summary: "The buyer's identities (masked) and the latest consent", response: { 200: identityListSchema, ...errorResponses } },
    }, async (request) => identities.list(request.caller));

    app.post('/identities', {
      schema: { tags, summary: 'Save an identity (name and resident ID number); answers only masked forms. 409 CONSENT_REQUIRED without consent', body: identityInputSchema, response: { 201: identitySchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => reply.code(201).send(await identities.create(request.caller, request.body)));

    app.delete('/identities/:id', {
      schema: { tags, summary: 'Delete an identity (orders keep their own copy)', params: idParams, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await identities.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
