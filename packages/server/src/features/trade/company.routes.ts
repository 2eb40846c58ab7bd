import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CompanyService } from './company.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function companyRoutes(companies: CompanyService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.trade.getCompany, {
      schema: { tags: ['trade'], summary: "The importer's company and its members", response: errorResponses },
    }, async (request) => companies.getOwnCompany(request.caller));

    route(app, endpoints.trade.updateCompany, {
      schema: {
        tags: ['trade'],
        summary: "The owner edits the company's registration (name, address, unified social credit code); a changed name or code ends its verification",
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => companies.updateOwnCompany(request.caller, request.body));
  };
}

export function operatorCompanyRoutes(companies: CompanyService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getCompanies, {
      schema: { tags, summary: 'Importer companies, unverified first', response: errorResponses },
    }, async (request) => ({ items: await companies.listForOperator(request.caller) }));

    route(app, endpoints.operator.verifyCompany, {
      schema: {
        tags,
        summary: "Mark a company verified (its credit code checked against the national register)",
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => companies.verify(request.caller, request.params.id));
  };
}
