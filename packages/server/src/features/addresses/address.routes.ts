import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addressInputSchema, addressListSchema, addressSchema, chinaDivisionCodeSchema, divisionListSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { listDivisions, type AddressService } from './address.service.ts';

const tags = ['store'];
const idParams = z.object({ id: z.uuid() });

/** The buyer's address book, and the division picker (public: the dataset is public). */
export function storeAddressRoutes(addresses: AddressService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/divisions', {
      schema: { tags, summary: 'Divisions of mainland China for the address picker: provinces, or the children of `parent`', querystring: z.object({ parent: chinaDivisionCodeSchema.optional() }).strict(), response: { 200: divisionListSchema, ...errorResponses } },
    }, async (request, reply) => {
      const items = listDivisions(request.query.parent);
      // The 2023 dataset ships with the server: it changes with a release, not during the day.
      reply.header('cache-control', 'public, max-age=86400');
      return { items };
    });

    app.get('/addresses', {
      schema: { tags, summary: "The buyer's addresses, the default first", response: { 200: addressListSchema, ...errorResponses } },
    }, async (request) => ({ items: await addresses.list(request.caller) }));

    app.post('/addresses', {
      schema: { tags, summary: 'Add an address (the first one is the default)', body: addressInputSchema, response: { 201: addressSchema, ...errorResponses } },
    }, async (request, reply) => reply.code(201).send(await addresses.create(request.caller, request.body)));

    app.put('/addresses/:id', {
      schema: { tags, summary: 'Replace an address; isDefault true makes it the default', params: idParams, body: addressInputSchema, response: { 200: addressSchema, ...errorResponses } },
    }, async (request) => addresses.update(request.caller, request.params.id, request.body));

    app.delete('/addresses/:id', {
      schema: { tags, summary: 'Delete an address (the newest left becomes the default)', params: idParams, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await addresses.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
