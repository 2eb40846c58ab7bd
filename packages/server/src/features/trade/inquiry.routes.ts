import type { FastifyInstance } from 'fastify';
import {
  errorBodySchema,
  exporterInquiryInboxSchema,
  exporterReplySchema,
  idParamsSchema,
  inquiryCreateSchema,
  inquiryFileParamsSchema,
  inquiryListSchema,
  inquiryMessageCreateSchema,
  inquirySummarySchema,
  inquiryThreadSchema,
  tradeFileSchema,
} from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import { sendDocument } from '../exporters/exporter-documents.routes.ts';
import type { InquiryService } from './inquiry.service.ts';
import type { TradeFileService } from './trade-files.service.ts';

const fileUpload = (summary: string) => ({
  summary,
  consumes: ['multipart/form-data'],
  response: { 201: tradeFileSchema, ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
});

/** The importer's side: /api/trade. */
export function importerInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];
    const party = (request: { caller: Parameters<InquiryService['companyParty']>[0] }) => inquiries.companyParty(request.caller);

    app.post('/files', { schema: { tags, ...fileUpload('Upload an attachment for a message (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by content)') } }, async (request, reply) => {
      const owner = files.ownerOfCompany(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return files.upload(request.caller, owner, upload);
    });

    app.post('/inquiries', {
      schema: { tags, summary: 'Send an inquiry (询盘) to an exporter, about one of its products or in general', body: inquiryCreateSchema, response: { 201: inquirySummarySchema, ...errorResponses } },
    }, async (request, reply) => {
      const created = await inquiries.create(request.caller, request.body);
      reply.code(201);
      return created;
    });

    app.get('/inquiries', {
      schema: { tags, summary: "The company's inquiries, latest activity first", response: { 200: inquiryListSchema, ...errorResponses } },
    }, async (request) => ({ items: await inquiries.list(party(request)) }));

    app.get('/inquiries/:id', {
      schema: { tags, summary: 'An inquiry with its thread and read receipts', params: idParamsSchema, response: { 200: inquiryThreadSchema, ...errorResponses } },
    }, async (request) => inquiries.thread(party(request), request.params.id));

    app.post('/inquiries/:id/messages', {
      schema: { tags, summary: 'Post a message to the thread', params: idParamsSchema, body: inquiryMessageCreateSchema, response: { 201: inquiryThreadSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      const thread = await inquiries.post(request.caller, party(request), request.params.id, request.body);
      reply.code(201);
      return thread;
    });

    app.post('/inquiries/:id/read', {
      schema: { tags, summary: 'Mark the thread read up to now', params: idParamsSchema, response: { 200: inquiryThreadSchema, ...errorResponses } },
    }, async (request) => inquiries.markRead(party(request), request.params.id));

    app.post('/inquiries/:id/close', {
      schema: { tags, summary: 'Close the inquiry', params: idParamsSchema, response: { 200: inquirySummarySchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request) => inquiries.close(party(request), request.params.id));

    app.get('/inquiries/:id/files/:fileId', {
      schema: { tags, summary: 'Download a file attached to the thread', params: inquiryFileParamsSchema, response: errorResponses },
    }, async (request, reply) => sendDocument(reply, await inquiries.file(party(request), request.params.id, request.params.fileId)));
  };
}

/** The exporter's side: /api/exporter. */
export function exporterInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    const party = (request: { caller: Parameters<InquiryService['exporterParty']>[0] }) => inquiries.exporterParty(request.caller);

    app.post('/trade-files', { schema: { tags, ...fileUpload('Upload an attachment for a reply (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by content)') } }, async (request, reply) => {
      const owner = files.ownerOfExporter(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return files.upload(request.caller, owner, upload);
    });

    app.get('/inquiries', {
      schema: { tags, summary: 'The inquiry inbox with each one\'s response timer and the exporter\'s response figures', response: { 200: exporterInquiryInboxSchema, ...errorResponses } },
    }, async (request) => inquiries.exporterInbox(request.caller));

    app.get('/inquiries/:id', {
      schema: { tags, summary: 'An inquiry with its thread and read receipts', params: idParamsSchema, response: { 200: inquiryThreadSchema, ...errorResponses } },
    }, async (request) => inquiries.thread(party(request), request.params.id));

    app.post('/inquiries/:id/messages', {
      schema: { tags, summary: 'Reply in the thread (`quoted: true` when the reply carries the offer)', params: idParamsSchema, body: exporterReplySchema, response: { 201: inquiryThreadSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => {
      const thread = await inquiries.post(request.caller, party(request), request.params.id, request.body);
      reply.code(201);
      return thread;
    });

    app.post('/inquiries/:id/read', {
      schema: { tags, summary: 'Mark the thread read up to now', params: idParamsSchema, response: { 200: inquiryThreadSchema, ...errorResponses } },
    }, async (request) => inquiries.markRead(party(request), request.params.id));

    app.post('/inquiries/:id/close', {
      schema: { tags, summary: 'Close the inquiry', params: idParamsSchema, response: { 200: inquirySummarySchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request) => inquiries.close(party(request), request.params.id));

    app.get('/inquiries/:id/files/:fileId', {
      schema: { tags, summary: 'Download a file attached to the thread', params: inquiryFileParamsSchema, response: errorResponses },
    }, async (request, reply) => sendDocument(reply, await inquiries.file(party(request), request.params.id, request.params.fileId)));
  };
}
