import type { FastifyInstance } from 'fastify';
import { healthSchema, type Health, endpoints } from '@pavilion/contracts';
import type { Database } from '../../db/database.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { typed } from '../../platform/http.ts';
import { route } from '../../platform/endpoint-route.ts';
import { databaseWritable } from '../../platform/database-check.ts';

export function healthRoutes(options: { database: Database; files: FileStore; version: string }) {
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.platform.getHealth, {
      schema: { tags: ['health'], summary: 'Liveness: the database reachable and writable, the file store writable (503 naming what is not)', response: { 503: healthSchema } },
    }, async (_request, reply) => {
      const problems: NonNullable<Health['problems']> = [];
      if (!(await options.database.ping())) problems.push('database_unreachable');
      else if (!(await databaseWritable(options.database))) problems.push('database_unwritable');
      if (!(await options.files.probe().then(() => true, () => false))) problems.push('files_unwritable');
      reply.code(problems.length === 0 ? 200 : 503).header('cache-control', 'no-store');
      const health: Health = { status: problems.length === 0 ? 'ok' : 'unavailable', database: options.database.dialect, version: options.version };
      return problems.length === 0 ? health : { ...health, problems };
    });
  };
}
