import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CategoryService } from './category.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const withConflict = { ...errorResponses, 409: errorBodySchema } as const;

export function storeCategoryRoutes(categories: CategoryService) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.store.getCategories, {
      schema: { tags: ['store'], summary: 'The category tree: roots with their children, in order' },
    }, async () => ({ items: await categories.tree() }));
  };
}

export function operatorCategoryRoutes(categories: CategoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.operator.createCategory, {
      schema: { tags: ['operator'], summary: 'Add a category (a root, or a child of a root)', response: withConflict },
    }, async (request, reply) => reply.code(201).send(await categories.create(request.caller, request.body)));

    route(app, endpoints.operator.updateCategory, {
      schema: { tags: ['operator'], summary: 'Rename a category, move it among its siblings, mark it food', response: errorResponses },
    }, async (request) => categories.update(request.caller, request.params.id, request.body));

    route(app, endpoints.operator.deleteCategory, {
      schema: { tags: ['operator'], summary: 'Delete an unused category (409 IN_USE otherwise)', response: withConflict },
    }, async (request, reply) => {
      await categories.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
