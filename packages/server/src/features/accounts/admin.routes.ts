import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { AccountService } from './account.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function adminRoutes(accounts: AccountService) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.admin.getUsers, {
      schema: { tags: ['admin'], summary: 'Every account with its roles (platform admins)', response: errorResponses },
    }, async (request) => accounts.listUsers(request.caller, request.query));
  };
}
