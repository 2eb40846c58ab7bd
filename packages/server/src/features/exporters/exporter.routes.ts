import type { FastifyInstance } from 'fastify';
import { endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { ExporterService } from './exporter.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export function exporterRoutes(exporters: ExporterService) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.exporter.getProfile, {
      schema: { tags: ['exporter'], summary: "The member's exporter, its pavilion and team", response: errorResponses },
    }, async (request) => exporters.getOwnProfile(request.caller));
  };
}
