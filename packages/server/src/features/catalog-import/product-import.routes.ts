import type { FastifyInstance } from 'fastify';
import { errorBodySchema, localeFromAcceptLanguage, localizeIssue, type ImportJob, type Locale, endpoints } from '@pavilion/contracts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { errorResponses, fileDownload, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import { sendSheet } from '../../platform/sheets/sheet-download.ts';
import { sheetContentTypes } from '../../platform/sheets/sheet-file.ts';
import type { ProductImportJobs } from './product-import-jobs.ts';
import type { ProductImportService } from './product-import.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const sheetDownload = (what: string) => fileDownload(`${what} as an XLSX workbook or a UTF-8 CSV file (?format=xlsx|csv), as an attachment`, Object.values(sheetContentTypes));

/** Row problems in the reader's language (Accept-Language), as the other validation answers are. */
const localized = (job: ImportJob, locale: Locale): ImportJob =>
  job.errors ? { ...job, errors: job.errors.map((issue) => ({ ...issue, message: localizeIssue(issue, locale) })) } : job;

/** Bulk import and export of the exporter's products (mounted under /api/exporter). */
export function productImportRoutes(imports: ProductImportService, jobs: ProductImportJobs) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['exporter'];

    route(app, endpoints.exporter.getCatalogTemplate, {
      schema: { tags, summary: 'The product spreadsheet template (XLSX or CSV): bilingual headers, a hints row, an example product', response: { 200: sheetDownload('The template'), ...errorResponses } },
    }, async (request, reply) => sendSheet(reply, await imports.templateFor(request.caller, request.query.format)));

    route(app, endpoints.exporter.exportCatalog, {
      schema: { tags, summary: "All the exporter's products (not archived) in the template's format: working content if any, else live", response: { 200: sheetDownload('The products'), ...errorResponses } },
    }, async (request, reply) => sendSheet(reply, await imports.exportFor(request.caller, request.query.format)));

    route(app, endpoints.exporter.importCatalog, {
      schema: {
        tags,
        summary: 'Import products from an XLSX or CSV file (multipart `file`, 10 MB, type told by content): answers a job to poll; all or nothing',
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request, reply) => {
      exporterScope(requireRole(request.caller, 'exporter_member'));
      const upload = await readUpload(request);
      const job = await jobs.startImport(request.caller, upload);
      reply.code(202).header('location', `${request.url.replace(/\/$/, '')}/${job.jobId}`);
      return job;
    });

    route(app, endpoints.exporter.getCatalogImportJob, {
      schema: { tags, summary: "An import's progress, then its result or every problem by row and column (kept an hour after it ends)", response: errorResponses },
    }, async (request) => localized(await jobs.getJob(request.caller, request.params.jobId), localeFromAcceptLanguage(request.headers['accept-language'])));
  };
}
