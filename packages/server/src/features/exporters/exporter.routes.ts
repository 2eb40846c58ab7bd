import type { FastifyInstance } from 'fastify';
import { exporterProfileSchema } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { ExporterService } from './exporter.service.ts';

export function exporterRoutes(exporters: ExporterService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/profile', {
      schema: { tags: ['exporter'], summary: "The member's exporter, its pavilion and team", response: { 200: exporterProfileSchema, ...errorResponses } },
    }, async (request) => exporters.getOwnProfile(request.caller));
  };
}
