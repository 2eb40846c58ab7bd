import type { FastifyInstance, FastifyReply } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import type { SettlementService, StatementFile } from './settlement.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const statementDownload = fileDownload('The statement (XLSX or PDF, as asked), as an attachment', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf']);

/** A private download, always saved rather than shown. */
const sendFile = (reply: FastifyReply, file: StatementFile) =>
  reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'private, no-store').send(Buffer.from(file.bytes));

/** The exporter's statements (mounted under /api/exporter). */
export function exporterSettlementRoutes(settlement: SettlementService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];
    route(app, endpoints.exporter.getStatements, {
      schema: { tags, summary: "The exporter's monthly statements, newest first; the current month's is a draft, brought up to date on each call", response: errorResponses },
    }, async (request) => ({ items: await settlement.exporterStatements(request.caller, request.query) }));
    route(app, endpoints.exporter.getStatement, {
      schema: { tags, summary: 'A statement with its lines: goods, commission and share per order line, converted at the order\'s own rate', response: errorResponses },
    }, async (request) => settlement.exporterStatement(request.caller, request.params.id));
    route(app, endpoints.exporter.downloadStatement, {
      schema: { tags, summary: 'The statement as an XLSX workbook or a bilingual PDF (?format=xlsx|pdf)', response: { 200: statementDownload, ...errorResponses } },
    }, async (request, reply) => sendFile(reply, await settlement.exporterFile(request.caller, request.params.id, request.query.format)));
  };
}

/** Statements of the operator's pavilions and the pavilions' commission rates (mounted under /api/operator). */
export function operatorSettlementRoutes(settlement: SettlementService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getStatements, {
      schema: { tags, summary: "Statements of the operator's pavilions, by exporter and month (naming an exporter brings its current draft up to date)", response: errorResponses },
    }, async (request) => ({ items: await settlement.operatorStatements(request.caller, request.query) }));
    route(app, endpoints.operator.getStatement, {
      schema: { tags, summary: 'A statement of one of the pavilions, with its lines', response: errorResponses },
    }, async (request) => settlement.operatorStatement(request.caller, request.params.id));
    route(app, endpoints.operator.downloadStatement, {
      schema: { tags, summary: 'The statement as an XLSX workbook or a bilingual PDF (?format=xlsx|pdf)', response: { 200: statementDownload, ...errorResponses } },
    }, async (request, reply) => sendFile(reply, await settlement.operatorFile(request.caller, request.params.id, request.query.format)));
    route(app, endpoints.operator.getPavilionCommission, {
      schema: { tags, summary: "The pavilion's commission rate in force and every rate set before", response: errorResponses },
    }, async (request) => settlement.commission(request.caller, request.params.id));
    route(app, endpoints.operator.setPavilionCommission, {
      schema: { tags, summary: 'Set the commission rate (basis points, 0–5000) for orders placed from now on; earlier orders keep theirs', response: errorResponses },
    }, async (request) => settlement.setCommission(request.caller, request.params.id, request.body));
  };
}
