import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { listDivisions, type AddressService } from './address.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const tags = ['store'];

/** The buyer's address book, and the division picker (public: the dataset is public). */
export function storeAddressRoutes(addresses: AddressService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.getDivisions, {
      schema: { tags, summary: 'Divisions of mainland China for the address picker: provinces, or the children of `parent`', response: errorResponses },
    }, async (request, reply) => {
      const items = listDivisions(request.query.parent);
      // The 2023 dataset ships with the server: it changes with a release, not during the day.
      reply.header('cache-control', 'public, max-age=86400');
      return { items };
    });

    route(app, endpoints.store.getAddresses, {
      schema: { tags, summary: "The buyer's addresses, the default first", response: errorResponses },
    }, async (request) => ({ items: await addresses.list(request.caller) }));

    route(app, endpoints.store.createAddress, {
      schema: { tags, summary: 'Add an address (the first one is the default)', response: errorResponses },
    }, async (request, reply) => reply.code(201).send(await addresses.create(request.caller, request.body)));

    route(app, endpoints.store.updateAddress, {
      schema: { tags, summary: 'Replace an address; isDefault true makes it the default', response: errorResponses },
    }, async (request) => addresses.update(request.caller, request.params.id, request.body));

    route(app, endpoints.store.deleteAddress, {
      schema: { tags, summary: 'Delete an address (the newest left becomes the default)', response: errorResponses },
    }, async (request, reply) => {
      await addresses.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
