import type { FastifyInstance } from 'fastify';
import type { jobListQuerySchema} from '@pavilion/contracts';
import { errorBodySchema, type Job, type JobOverview, type JobState, endpoints } from '@pavilion/contracts';
import type { z } from 'zod';
import { requireRole } from '../access.ts';
import { errorResponses, typed } from '../http.ts';
import { AppError, notFound } from '../errors.ts';
import type { Caller } from '../sessions.ts';
import type { JobQueue } from './job-queue.ts';
import * as repo from './job.repository.ts';
import { route } from '../endpoint-route.ts';

/** What platform admins see of the background work: each kind's queue, recent jobs (failed ones with their errors), and a retry. */
export class JobConsole {
  private readonly queue: JobQueue;

  constructor(queue: JobQueue) {
    this.queue = queue;
  }

  async overview(caller: Caller | null, query: z.infer<typeof jobListQuerySchema>): Promise<JobOverview> {
    requireRole(caller, 'admin');
    const db = this.queue.database;
    const counts = await repo.countJobsByKindAndState(db);
    const kinds = [...new Set([...this.queue.kinds(), ...counts.map((c) => c.kind)])].sort();
    const queues = kinds.map((kind) => {
      const of = (state: JobState) => counts.find((c) => c.kind === kind && c.state === state)?.count ?? 0;
      return { kind, runsHere: this.queue.runs(kind), pending: of('pending'), running: of('running'), done: of('done'), failed: of('failed') };
    });
    const rows = await repo.findJobs(db, { limit: query.limit, ...(query.kind ? { kind: query.kind } : {}), ...(query.state ? { state: query.state } : {}) });
    return { queues, jobs: rows.map(toJob) };
  }

  /** A failed job goes back to its queue with a fresh set of attempts. */
  async retry(caller: Caller | null, jobId: string): Promise<Job> {
    requireRole(caller, 'admin');
    const db = this.queue.database;
    const job = await repo.findJob(db, jobId);
    if (!job) throw notFound();
    if (job.state !== 'failed' || !(await repo.requeueFailedJob(db, { id: jobId, now: this.queue.now().toISOString() }))) {
      throw new AppError('INVALID_TRANSITION', { details: { state: job.state, action: 'retry' } });
    }
    this.queue.kick();
    return toJob((await repo.findJob(db, jobId))!);
  }
}

function toJob(row: repo.JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** Mounted under /api/admin. */
export function jobConsoleRoutes(console: JobConsole) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['admin'];
    route(app, endpoints.admin.getJobs, {
      schema: { tags, summary: 'Background jobs: every kind with its counts by state, and the latest jobs (filter by kind or state; failed ones carry their last error)', response: errorResponses },
    }, async (request) => console.overview(request.caller, request.query));
    route(app, endpoints.admin.retryJob, {
      schema: { tags, summary: 'Put a failed job back in its queue with a fresh set of attempts', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request) => console.retry(request.caller, request.params.jobId));
  };
}
