import type { FastifyInstance } from 'fastify';
import {
  errorBodySchema,
  exporterDocumentParamsSchema,
  exporterIdParamsSchema,
  exporterQueueQuerySchema,
  exporterQueueSchema,
  exporterReviewRequestSchema,
  exporterSuspendRequestSchema,
  operatorExporterSchema,
} from '@pavilion/contracts';
import { requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { documentDownload, sendDocument } from './exporter-documents.routes.ts';
import type { ExporterDocumentService } from './exporter-documents.service.ts';
import type { ExporterReviewService } from './exporter-review.service.ts';

export function operatorExporterRoutes(deps: { review: ExporterReviewService; documents: ExporterDocumentService }) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const { review, documents } = deps;
    const tags = ['operator'];
    fastify.addHook('preValidation', async (request) => {
      requireRole(request.caller, 'operator', 'admin');
    });
    const decided = { 200: operatorExporterSchema, ...errorResponses, 409: errorBodySchema };

    app.get('/exporters', {
      schema: { tags, summary: "The review queue of the caller's pavilions by status, oldest submission first", querystring: exporterQueueQuerySchema, response: { 200: exporterQueueSchema, ...errorResponses } },
    }, async (request) => review.queue(request.caller, request.query));

    app.get('/exporters/:id', {
      schema: { tags, summary: 'An exporter\'s application with its categories, documents and team', params: exporterIdParamsSchema, response: { 200: operatorExporterSchema, ...errorResponses } },
    }, async (request) => review.get(request.caller, request.params.id));

    app.get('/exporters/:id/documents/:docId/file', {
      schema: { tags, summary: "Download an exporter's document", params: exporterDocumentParamsSchema, response: { 200: documentDownload, ...errorResponses } },
    }, async (request, reply) => {
      const { id, docId } = request.params;
      return sendDocument(reply, await documents.readForOperator(request.caller, id, docId));
    });

    app.post('/exporters/:id/review', {
      schema: { tags, summary: 'Approve or reject (with the reason the exporter reads) a pending application', params: exporterIdParamsSchema, body: exporterReviewRequestSchema, response: decided },
    }, async (request) => review.review(request.caller, request.params.id, request.body));

    app.post('/exporters/:id/suspend', {
      schema: { tags, summary: 'Suspend an approved exporter (hidden from buyers), with the reason', params: exporterIdParamsSchema, body: exporterSuspendRequestSchema, response: decided },
    }, async (request) => review.suspend(request.caller, request.params.id, request.body.reason));

    app.post('/exporters/:id/reinstate', {
      schema: { tags, summary: 'Reinstate a suspended exporter', params: exporterIdParamsSchema, response: decided },
    }, async (request) => review.reinstate(request.caller, request.params.id));
  };
}
