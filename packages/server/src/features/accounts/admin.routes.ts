import type { FastifyInstance } from 'fastify';
import { adminUserListQuerySchema, adminUserListSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { AccountService } from './account.service.ts';

export function adminRoutes(accounts: AccountService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/users', {
      schema: { tags: ['admin'], summary: 'Every account with its roles (platform admins)', querystring: adminUserListQuerySchema, response: { 200: adminUserListSchema, ...errorResponses } },
    }, async (request) => accounts.listUsers(request.caller, request.query));
  };
}
