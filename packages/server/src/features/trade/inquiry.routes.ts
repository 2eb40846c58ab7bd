import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { Caller } from '../../platform/sessions.ts';
import { readUpload } from '../../platform/uploads.ts';
import { documentDownload, sendDocument } from '../exporters/index.ts';
import type { InquiryParty, InquiryService } from './inquiry.service.ts';
import type { TradeFileService } from './trade-files.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const fileUpload = (summary: string) => ({
  summary,
  consumes: ['multipart/form-data'],
  response: { ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
});

/** What differs between the two sides of a thread: the OpenAPI tag, who the caller speaks for, what a message may carry. */
interface ThreadSide {
  tags: string[];
  party: (caller: Caller | null) => InquiryParty;
  /** The side's endpoints: a message's body differs (an exporter's reply may carry the offer). */
  endpoints: typeof endpoints.trade | typeof endpoints.exporter;
  messageSummary: string;
}

/** The thread's routes, the same for both sides once the caller's side is known (its scope decides what it sees). */
function threadRoutes(app: ReturnType<typeof typed>, inquiries: InquiryService, side: ThreadSide): void {
  const { tags } = side;
  const party = (request: { caller: Caller | null }) => side.party(request.caller);

  route(app, side.endpoints.getInquiry, {
    schema: { tags, summary: 'An inquiry with its thread and read receipts', response: errorResponses },
  }, async (request) => inquiries.thread(party(request), request.params.id));

  route(app, side.endpoints.sendInquiryMessage, {
    schema: { tags, summary: side.messageSummary, response: { ...errorResponses, 409: errorBodySchema } },
  }, async (request, reply) => {
    const thread = await inquiries.post(request.caller, party(request), request.params.id, request.body);
    reply.code(201);
    return thread;
  });

  route(app, side.endpoints.readInquiry, {
    schema: { tags, summary: 'Mark the thread read up to now', response: errorResponses },
  }, async (request) => inquiries.markRead(party(request), request.params.id));

  route(app, side.endpoints.closeInquiry, {
    schema: { tags, summary: 'Close the inquiry', response: { ...errorResponses, 409: errorBodySchema } },
  }, async (request) => inquiries.close(party(request), request.params.id));

  route(app, side.endpoints.getInquiryFile, {
    schema: { tags, summary: 'Download a file attached to the thread', response: { 200: documentDownload, ...errorResponses } },
  }, async (request, reply) => sendDocument(reply, await inquiries.file(party(request), request.params.id, request.params.fileId)));
}

/** The importer's side: /api/trade. */
export function importerInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['trade'];

    route(app, endpoints.trade.uploadTradeFile, { schema: { tags, ...fileUpload('Upload an attachment for a message (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by content)') } }, async (request, reply) => {
      const owner = files.ownerOfCompany(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return files.upload(request.caller, owner, upload);
    });

    route(app, endpoints.trade.createInquiry, {
      schema: { tags, summary: 'Send an inquiry (询盘) to an exporter, about one of its products or in general', response: errorResponses },
    }, async (request, reply) => {
      const created = await inquiries.create(request.caller, request.body);
      reply.code(201);
      return created;
    });

    route(app, endpoints.trade.getInquiries, {
      schema: { tags, summary: "The company's inquiries, latest activity first", response: errorResponses },
    }, async (request) => ({ items: await inquiries.list(inquiries.companyParty(request.caller)) }));

    threadRoutes(app, inquiries, {
      tags,
      party: (caller) => inquiries.companyParty(caller),
      endpoints: endpoints.trade,
      messageSummary: 'Post a message to the thread',
    });
  };
}

/** The exporter's side: /api/exporter. */
export function exporterInquiryRoutes(inquiries: InquiryService, files: TradeFileService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];

    route(app, endpoints.exporter.uploadTradeFile, { schema: { tags, ...fileUpload('Upload an attachment for a reply (multipart `file`: PDF, JPEG or PNG up to 10 MB, checked by content)') } }, async (request, reply) => {
      const owner = files.ownerOfExporter(request.caller);
      const upload = await readUpload(request);
      reply.code(201);
      return files.upload(request.caller, owner, upload);
    });

    route(app, endpoints.exporter.getInquiries, {
      schema: { tags, summary: 'The inquiry inbox with each one\'s response timer and the exporter\'s response figures', response: errorResponses },
    }, async (request) => inquiries.exporterInbox(request.caller));

    threadRoutes(app, inquiries, {
      tags,
      party: (caller) => inquiries.exporterParty(caller),
      endpoints: endpoints.exporter,
      messageSummary: 'Reply in the thread (`quoted: true` when the reply carries the offer)',
    });
  };
}
