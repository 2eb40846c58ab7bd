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
import type { Caller } from '../../platform/sessions.ts';
import { readUpload } from '../../platform/uploads.ts';
import { documentDownload, sendDocument } from '../exporters/index.ts';
import type { InquiryParty, InquiryService } from './inquiry.service.ts';
import type { TradeFileService } from './trade-files.service.ts';

const fileUpload = (summary: string) => ({
  summary,
  consumes: ['multipart/form-data'],
  response: { 201: tradeFileSchema, ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
});

/** What differs between the two sides of a thread: the OpenAPI tag, who the caller speaks for, what a message may carry. */
interface ThreadSide {
  tags: string[];
  party: (caller: Caller | null) => InquiryParty;
  message: { summary: string; body: typeof inquiryMessageCreateSchema | typeof exporterReplySchema };
}

/** The thread's routes, the same for both sides once the caller's side is known (its scope decides what it sees). */
function threadRoutes(app: ReturnType<typeof typed>, inquiries: InquiryService, side: ThreadSide): void {
  const { tags } = side;
  const party = (request: { caller: Caller | null }) => side.party(request.caller);

  app.get('/inquiries/:id', {
    schema: { tags, summary: 'An inquiry with its thread and read receipts', params: idParamsSchema, response: { 200: inquiryThreadSchema, ...errorResponses } },
  }, async (request) => inquiries.thread(party(request), request.params.id));

  app.post('/inquiries/:id/messages', {
    schema: { tags, summary: side.message.summary, params: idParamsSchema, body: side.message.body, response: { 201: inquiryThreadSchema, ...errorResponses, 409: errorBodySchema } },
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
    schema: { tags, summary: 'Download a file attached to the thread', params: inquiryFileParamsSchema, response: { 200: documentDownload, ...errorResponses } },
  }, async (request, reply) => sendDocument(reply, await inquiries.file(party(request), request.params.id, request.params.fileId)));
}

/** The importer's side: /api/trade. */
export function importerInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];

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
    }, async (request) => ({ items: await inquiries.list(inquiries.companyParty(request.caller)) }));

    threadRoutes(app, inquiries, {
      tags,
      party: (caller) => inquiries.companyParty(caller),
      message: { summary: 'Post a message to the thread', body: inquiryMessageCreateSchema },
    });
  };
}

/** The exporter's side: /api/exporter. */
export function exporterInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];

    app.post('/trade-files', { schema: { tags, ...fileUpload('Upload an attachment for a reply (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by content)') } }, async (request, reply) => {
      const owner = files.ownerOfExporter(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return files.upload(request.caller, owner, upload);
    });

    app.get('/inquiries', {
      schema: { tags, summary: 'The inquiry inbox with each one\'s response timer and the exporter\'s response figures', response: { 200: exporterInquiryInboxSchema, ...errorResponses } },
    }, async (request) => inquiries.exporterInbox(request.caller));

    threadRoutes(app, inquiries, {
      tags,
      party: (caller) => inquiries.exporterParty(caller),
      message: { summary: 'Reply in the thread (`quoted: true` when the reply carries the offer)', body: exporterReplySchema },
    });
  };
}
