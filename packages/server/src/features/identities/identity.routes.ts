import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { IdentityService } from './identity.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const tags = ['store'];

/** The buyer's real-name identities: consent first, then ID numbers in, masked forms out. */
export function storeIdentityRoutes(identities: IdentityService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.consentToIdentities, {
      schema: { tags, summary: 'Accept the consent text (this version) to the use of ID numbers for customs', response: errorResponses },
    }, async (request, reply) => reply.code(201).send(await identities.consent(request.caller, request.body.textVersion)));

    route(app, endpoints.store.getIdentities, {
      schema: { tags, summary: "The buyer's identities (masked) and the latest consent", response: errorResponses },
    }, async (request) => identities.list(request.caller));

    route(app, endpoints.store.createIdentity, {
      schema: { tags, summary: 'Save an identity (name and resident ID number); answers only masked forms. 409 CONSENT_REQUIRED without consent', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => reply.code(201).send(await identities.create(request.caller, request.body)));

    route(app, endpoints.store.deleteIdentity, {
      schema: { tags, summary: 'Delete an identity (orders keep their own copy)', response: errorResponses },
    }, async (request, reply) => {
      await identities.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
