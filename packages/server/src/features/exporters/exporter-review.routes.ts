import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { documentDownload, sendDocument } from './exporter-documents.routes.ts';
import type { ExporterDocumentService } from './exporter-documents.service.ts';
import type { ExporterReviewService } from './exporter-review.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function operatorExporterRoutes(deps: { review: ExporterReviewService; documents: ExporterDocumentService }) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const { review, documents } = deps;
    const tags = ['operator'];
    fastify.addHook('preValidation', async (request) => {
      requireRole(request.caller, 'operator', 'admin');
    });
    const decided = { ...errorResponses, 409: errorBodySchema };

    route(app, endpoints.operator.getExporters, {
      schema: { tags, summary: "The review queue of the caller's pavilions by status, oldest submission first", response: errorResponses },
    }, async (request) => review.queue(request.caller, request.query));

    route(app, endpoints.operator.getExporter, {
      schema: { tags, summary: 'An exporter\'s application with its categories, documents and team', response: errorResponses },
    }, async (request) => review.get(request.caller, request.params.id));

    route(app, endpoints.operator.getExporterDocumentFile, {
      schema: { tags, summary: "Download an exporter's document", response: { 200: documentDownload, ...errorResponses } },
    }, async (request, reply) => {
      const { id, docId } = request.params;
      return sendDocument(reply, await documents.readForOperator(request.caller, id, docId));
    });

    route(app, endpoints.operator.reviewExporter, {
      schema: { tags, summary: 'Approve or reject (with the reason the exporter reads) a pending application', response: decided },
    }, async (request) => review.review(request.caller, request.params.id, request.body));

    route(app, endpoints.operator.suspendExporter, {
      schema: { tags, summary: 'Suspend an approved exporter (hidden from buyers), with the reason', response: decided },
    }, async (request) => review.suspend(request.caller, request.params.id, request.body.reason));

    route(app, endpoints.operator.reinstateExporter, {
      schema: { tags, summary: 'Reinstate a suspended exporter', response: decided },
    }, async (request) => review.reinstate(request.caller, request.params.id));
  };
}
