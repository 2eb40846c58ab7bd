import type { FastifyInstance } from 'fastify';
import { healthSchema, type Health, endpoints } from '@pavilion/contracts';
import type { Database } from '../../db/database.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { typed } from '../../platform/http.ts';
import { route } from '../../platform/endpoint-route.ts';

/**
 * A committed write the health check makes each time: a database that answers but cannot write
 * (full disk, read-only) is as unusable as one that is down. The platform's counter table takes
 * it, under a key no limit uses.
 */
async function databaseWritable(database: Database): Promise<boolean> {
  try {
    await database.db
      .insertInto('rate_limit_counters')
      .values({ key: 'health:write-probe', window_start: 0, hits: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: 1 }))
      .execute();
    return true;
  } catch {
    return false;
  }
}

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
