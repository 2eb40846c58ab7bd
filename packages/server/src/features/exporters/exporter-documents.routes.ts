import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import { documentTypes } from '../media/index.ts';
import { readUpload } from '../../platform/uploads.ts';
import { membersOnly } from './exporter-application.routes.ts';
import { attachmentDisposition } from './exporter-documents.rules.ts';
import type { DocumentFile, ExporterDocumentService } from './exporter-documents.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** A stored document or attachment: its bytes, with the type found from its content when it was uploaded. */
export const documentDownload = fileDownload('The file (PDF, JPEG or PNG), as an attachment', documentTypes);

/** A private download: never cached by a shared cache or kept by the browser, always saved rather than shown. */
export function sendDocument(reply: FastifyReply, file: DocumentFile) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

export function exporterDocumentRoutes(documents: ExporterDocumentService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    fastify.addHook('preValidation', membersOnly);

    route(app, endpoints.exporter.uploadDocument, {
      schema: {
        tags,
        summary: 'Upload a compliance document (multipart: `file` as PDF, JPEG or PNG up to 10 MB; `kind`)',
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request, reply) => {
      documents.exporterOf(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return documents.upload(request.caller, upload);
    });

    route(app, endpoints.exporter.getDocuments, {
      schema: { tags, summary: "The exporter's documents, newest first", response: errorResponses },
    }, async (request) => ({ items: await documents.list(request.caller) }));

    route(app, endpoints.exporter.getDocumentFile, {
      schema: { tags, summary: 'Download one of the exporter\'s documents', response: { 200: documentDownload, ...errorResponses } },
    }, async (request, reply) => sendDocument(reply, await documents.readOwn(request.caller, request.params.id)));

    route(app, endpoints.exporter.deleteDocument, {
      schema: {
        tags,
        summary: 'Delete a document (only while the application is pending or rejected)',
        response: { ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      await documents.delete(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
