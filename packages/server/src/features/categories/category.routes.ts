import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { categoryCreateSchema, categoryIdParamsSchema, categoryNodeSchema, categoryTreeSchema, categoryUpdateSchema, errorBodySchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CategoryService } from './category.service.ts';

const withConflict = { ...errorResponses, 409: errorBodySchema } as const;

export function storeCategoryRoutes(categories: CategoryService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/categories', {
      schema: { tags: ['store'], summary: 'The category tree: roots with their children, in order', response: { 200: categoryTreeSchema } },
    }, async () => ({ items: await categories.tree() }));
  };
}

export function operatorCategoryRoutes(categories: CategoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.post('/categories', {
      schema: { tags: ['operator'], summary: 'Add a category (a root, or a child of a root)', body: categoryCreateSchema, response: { 201: categoryNodeSchema, ...withConflict } },
    }, async (request, reply) => reply.code(201).send(await categories.create(request.caller, request.body)));

    app.put('/categories/:id', {
      schema: { tags: ['operator'], summary: 'Rename a category, move it among its siblings, mark it food', params: categoryIdParamsSchema, body: categoryUpdateSchema, response: { 200: categoryNodeSchema, ...errorResponses } },
    }, async (request) => categories.update(request.caller, request.params.id, request.body));

    app.delete('/categories/:id', {
      schema: { tags: ['operator'], summary: 'Delete an unused category (409 IN_USE otherwise)', params: categoryIdParamsSchema, response: { 204: z.undefined(), ...withConflict } },
    }, async (request, reply) => {
      await categories.remove(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
