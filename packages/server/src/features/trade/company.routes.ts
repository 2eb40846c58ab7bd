import type { FastifyInstance } from 'fastify';
import { buyerCompanySchema, companyProfileSchema, companyUpdateSchema, errorBodySchema, idParamsSchema, operatorCompanyListSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { CompanyService } from './company.service.ts';

export function companyRoutes(companies: CompanyService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/company', {
      schema: { tags: ['trade'], summary: "The importer's company and its members", response: { 200: companyProfileSchema, ...errorResponses } },
    }, async (request) => companies.getOwnCompany(request.caller));

    app.patch('/company', {
      schema: {
        tags: ['trade'],
        summary: "The owner edits the company's registration (name, address, unified social credit code); a changed name or code ends its verification",
        body: companyUpdateSchema,
        response: { 200: companyProfileSchema, ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => companies.updateOwnCompany(request.caller, request.body));
  };
}

export function operatorCompanyRoutes(companies: CompanyService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    app.get('/companies', {
      schema: { tags, summary: 'Importer companies, unverified first', response: { 200: operatorCompanyListSchema, ...errorResponses } },
    }, async (request) => ({ items: await companies.listForOperator(request.caller) }));

    app.post('/companies/:id/verify', {
      schema: {
        tags,
        summary: "Mark a company verified (its credit code checked against the national register)",
        params: idParamsSchema,
        response: { 200: buyerCompanySchema, ...errorResponses, 409: errorBodySchema },
      },
    }, async (request) => companies.verify(request.caller, request.params.id));
  };
}
