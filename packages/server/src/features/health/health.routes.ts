import type { FastifyInstance } from 'fastify';
import { healthSchema } from '@pavilion/contracts';
import type { Database } from '../../db/database.ts';
import { typed } from '../../platform/http.ts';

export function healthRoutes(options: { database: Database; version: string }) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/health', {
      schema: { tags: ['health'], summary: 'Liveness and database reachability (503 when the database cannot be reached)', response: { 200: healthSchema, 503: healthSchema } },
    }, async (_request, reply) => {
      const up = await options.database.ping();
      reply.code(up ? 200 : 503).header('cache-control', 'no-store');
      return { status: up ? ('ok' as const) : ('unavailable' as const), database: options.database.dialect, version: options.version };
    });
  };
}
