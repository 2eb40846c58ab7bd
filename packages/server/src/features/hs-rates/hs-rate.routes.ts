import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { requireRole } from '../../platform/access.ts';
import { errorResponses, typed } from '../../platform/http.ts';
import { sendSheet } from '../../platform/sheets/sheet-download.ts';
import { sheetContentTypes } from '../../platform/sheets/sheet-file.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { HsRateService } from './hs-rate.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function operatorHsRateRoutes(hsRates: HsRateService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const { 404: _notFound, ...refusals } = errorResponses;
    route(app, endpoints.operator.getHsRates, {
      schema: { tags: ['operator'], summary: 'The HS rate table (q: a code prefix or words of the description)', response: errorResponses },
    }, async (request) => hsRates.list(request.caller, request.query));

    route(app, endpoints.operator.exportHsRates, {
      schema: {
        tags: ['operator'],
        summary: 'The whole HS rate table as XLSX or CSV (format, default xlsx): every column, rates as percentages (13, 9.5), an empty tariff = not entered',
        response: {
          200: {
            description: 'The table, as an attachment',
            content: {
              [sheetContentTypes.xlsx]: { schema: z.string().meta({ format: 'binary' }) },
              [sheetContentTypes.csv]: { schema: z.string().meta({ format: 'binary' }) },
            },
          },
          ...refusals,
        },
      },
    }, async (request, reply) => sendSheet(reply, await hsRates.exportSheet(request.caller, request.query.format)));

    route(app, endpoints.operator.importHsRates, {
      schema: {
        tags: ['operator'],
        summary:
          'Import the HS rate table from an XLSX or CSV file in the export\'s format (multipart `file`, 10 MB, type told by content). All or nothing: ' +
          'any problem answers 400 with details naming "row N, column X" and the rule, and nothing is written; a valid file adds or replaces each code it lists, codes not in it are left alone',
        consumes: ['multipart/form-data'],
        response: { ...refusals, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request) => {
      // Refused before the file is read: only operators and admins send one.
      requireRole(request.caller, 'operator', 'admin');
      const upload = await readUpload(request);
      return hsRates.importSheet(request.caller, upload);
    });

    route(app, endpoints.operator.updateHsRate, {
      schema: { tags: ['operator'], summary: "Create or replace one HS code's rates (basis points: 1300 = 13%)", response: errorResponses },
    }, async (request) => hsRates.upsert(request.caller, request.params.hsCode, request.body));

    route(app, endpoints.operator.deleteHsRate, {
      schema: { tags: ['operator'], summary: 'Remove an HS code from the table', response: errorResponses },
    }, async (request, reply) => {
      await hsRates.remove(request.caller, request.params.hsCode);
      return reply.code(204).send();
    });
  };
}
