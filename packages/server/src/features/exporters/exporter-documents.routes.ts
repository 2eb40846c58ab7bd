import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { documentIdParamsSchema, errorBodySchema, exporterDocumentListSchema, exporterDocumentSchema } from '@pavilion/contracts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import { documentTypes } from '../media/index.ts';
import { readUpload } from '../../platform/uploads.ts';
import { membersOnly } from './exporter-application.routes.ts';
import { attachmentDisposition } from './exporter-documents.rules.ts';
import type { DocumentFile, ExporterDocumentService } from './exporter-documents.service.ts';

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

    app.post('/documents', {
      schema: {
        tags,
        summary: 'Upload a compliance document (multipart: `file` as PDF, JPEG or PNG up to 10 MB; `kind`)',
        consumes: ['multipart/form-data'],
        response: { 201: exporterDocumentSchema, ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request, reply) => {
      documents.exporterOf(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return documents.upload(request.caller, upload);
    });

    app.get('/documents', {
      schema: { tags, summary: "The exporter's documents, newest first", response: { 200: exporterDocumentListSchema, ...errorResponses } },
    }, async (request) => ({ items: await documents.list(request.caller) }));

    app.get('/documents/:id/file', {
      schema: { tags, summary: 'Download one of the exporter\'s documents', params: documentIdParamsSchema, response: { 200: documentDownload, ...errorResponses } },
    }, async (request, reply) => sendDocument(reply, await documents.readOwn(request.caller, request.params.id)));

    app.delete('/documents/:id', {
      schema: {
        tags,
        summary: 'Delete a document (only while the application is pending or rejected)',
        params: documentIdParamsSchema,
        response: { 204: z.undefined(), ...errorResponses, 409: errorBodySchema },
      },
    }, async (request, reply) => {
      await documents.delete(request.caller, request.params.id);
      return reply.code(204).send();
    });
  };
}
