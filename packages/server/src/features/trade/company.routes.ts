import type { FastifyInstance } from 'fastify';
import { companyProfileSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CompanyService } from './company.service.ts';

export function tradeRoutes(companies: CompanyService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/company', {
      schema: { tags: ['trade'], summary: "The importer's company and its members", response: { 200: companyProfileSchema, ...errorResponses } },
    }, async (request) => companies.getOwnCompany(request.caller));
  };
}
