import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { afterFailure, DEFAULT_RETRY, describeError, nextPeriodStart, type Recurrence, type RetryPolicy } from './job.rules.ts';
import * as repo from './job.repository.ts';
import { currentWorker, holderIsGone } from './worker-identity.ts';

/** What a handler is given besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The attempts the job has in all: a handler that must record giving up does so when `attempt` reaches it. */
  maxAttempts: number;
  /** Aborted when the lease is lost (another process may take the job); `stop()` waits for running handlers instead. */
  signal: AbortSignal;
  /** Records how far the job is, readable from any process (`JobQueue.get`). */
  progress(value: unknown): Promise<void>;
}

/**
 * A kind of background work: a name, the schema of its payload and the handler. The handler must be
 * safe to run again after a crash (a job whose process dies mid-run is run again after its lease),
 * which the features get by finding their work from their own tables.
 */
export interface JobDefinition<P> {
  kind: string;
  payload: z.ZodType<P>;
  handler: (payload: P, ctx: JobContext) => Promise<unknown>;
  retry?: Partial<RetryPolicy>;
  /** How long a process holds a job before another may take it; renewed every third of it while the handler runs. */
  leaseMs?: number;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/**
 * What enqueuing needs of a kind: its name, payload schema and retry policy. A feature that makes
 * work for a kind inside its own transaction declares this beside its tables; the handler is bound
 * where the kind is registered (background-jobs.ts), with the same spec.
 */
export type JobSpec<P> = Pick<JobDefinition<P>, 'kind' | 'payload' | 'retry'>;

/**
 * Adds a job inside the caller's transaction without the queue at hand (a feature's repository
 * writing the row that needs the work): the job exists exactly when that row commits, so a crash
 * can neither lose the work nor leave a job for a row that never was. With a unique key nothing is
 * added while a pending job of the kind holds it (the answer is then null). The queue polls for it;
 * a caller that wants it run at once kicks the queue after its commit.
 */
export async function enqueueJob<P>(trx: Db | Trx, spec: JobSpec<P>, payload: P, options: { now: Date; runAt?: Date; uniqueKey?: string }): Promise<string | null> {
  const checked = spec.payload.parse(payload);
  return repo.insertJob(trx, {
    id: newId(),
    kind: spec.kind,
    payload: JSON.stringify(checked),
    uniqueKey: options.uniqueKey ?? null,
    runAt: (options.runAt ?? options.now).toISOString(),
    maxAttempts: { ...DEFAULT_RETRY, ...spec.retry }.maxAttempts,
    now: options.now.toISOString(),
  });
}

/** A recurring job: one job per period across every process sharing the database. */
export interface JobSchedule<P> {
  /** The schedule's name (also the unique key of its jobs, so at most one waits at a time). */
  name: string;
  job: JobDefinition<P>;
  payload: P;
  every: Recurrence;
  /** Enqueue one run when the queue starts too (work missed while the server was down). */
  runAtStart?: boolean;
}

export interface JobView {
  id: string;
  kind: string;
  state: repo.JobRow['state'];
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  progress: unknown;
  result: unknown;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface JobQueueOptions {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  /** How often the queue looks for due jobs and schedules when nothing kicks it. */
  pollMs?: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
}

const DEFAULT_LEASE_MS = 60_000;

/**
 * The durable job queue on the database, the same on SQLite and PostgreSQL. Jobs are rows; a
 * process leases due jobs, runs their handlers and records how each ended; failures wait and try
 * again with a doubling delay, and a job out of attempts stays as failed with its last error until an
 * operator retries it. Schedules enqueue one job per period whatever the number of processes.
 */
export class JobQueue {
  private readonly worker = currentWorker();
  readonly workerId = this.worker.id;
  /** When this process last looked for leases held by processes on its machine that are gone. */
  private lastLookForGone = Number.NEGATIVE_INFINITY;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  /** Kinds this process does not run (their switch is off): they can be enqueued, another process may run them. */
  private readonly off = new Set<string>();
  private readonly schedules = new Map<string, JobSchedule<unknown>>();
  private readonly running = new Set<Promise<void>>();
  /** The jobs this process is running, and their unique keys (`kind unique_key`). */
  private readonly busyIds = new Set<string>();
  private readonly busyKeys = new Set<string>();
  /** Schedules whose row is known to exist. */
  private readonly scheduled = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;

  private readonly options: JobQueueOptions;

  constructor(options: JobQueueOptions) {
    this.options = options;
  }

  /** Makes a kind known; with `enabled: false` this process neither runs its jobs nor ticks its schedules. */
  register<P>(definition: JobDefinition<P>, options: { enabled?: boolean } = {}): JobDefinition<P> {
    if (this.definitions.has(definition.kind)) throw new Error(`job kind ${definition.kind} is registered twice`);
    this.definitions.set(definition.kind, definition as JobDefinition<unknown>);
    if (options.enabled === false) this.off.add(definition.kind);
    return definition;
  }

  schedule<P>(schedule: JobSchedule<P>, options: { enabled?: boolean } = {}): void {
    if (this.schedules.has(schedule.name)) throw new Error(`schedule ${schedule.name} is registered twice`);
    if (!this.definitions.has(schedule.job.kind)) this.register(schedule.job, options);
    if (options.enabled !== false) this.schedules.set(schedule.name, schedule as JobSchedule<unknown>);
  }

  get database(): Db {
    return this.options.db;
  }

  now(): Date {
    return this.options.clock();
  }

  kinds(): string[] {
    return [...this.definitions.keys()];
  }

  /** Whether this process runs jobs of a kind. */
  runs(kind: string): boolean {
    return this.definitions.has(kind) && !this.off.has(kind);
  }

  /**
   * Adds a job (inside the caller's transaction when one is given, so the job exists exactly when the
   * change that made it commits). With a unique key nothing is added while a pending job of the kind
   * holds that key: the answer is then null. The payload is checked against the kind's schema.
   */
  async enqueue<P>(job: JobDefinition<P>, payload: P, options: { trx?: Trx; runAt?: Date; uniqueKey?: string } = {}): Promise<string | null> {
    const definition = this.definitions.get(job.kind);
    if (!definition) throw new Error(`job kind ${job.kind} is not registered`);
    const now = this.options.clock();
    const id = await enqueueJob(options.trx ?? this.options.db, definition, payload, { now, ...(options.runAt ? { runAt: options.runAt } : {}), ...(options.uniqueKey !== undefined ? { uniqueKey: options.uniqueKey } : {}) });
    // A job for now is run soon by this process, without waiting for the next poll.
    if (id && !options.trx && (!options.runAt || options.runAt <= now)) this.kick();
    return id;
  }

  /**
   * Runs a sweep (a kind whose payload is empty) soon, after a commit that made work for it: one
   * pending job at most, whatever the number of triggers. Kinds this process does not run are left
   * to their schedule.
   */
  triggerSweep(kind: string): void {
    const definition = this.definitions.get(kind);
    if (!definition || this.off.has(kind)) return;
    this.enqueue(definition, {}, { uniqueKey: kind }).catch((err: unknown) => this.options.log.warn({ err, kind }, 'could not trigger a job; its schedule will run it'));
  }

  /**
   * Of these unique keys, those a job of the kind holds that is waiting, running, or failed for good
   * (a sweep that finds work in its tables hands an item to a job only when none has it, so a dead
   * job stays dead until an operator retries it).
   */
  async keysWithJobs<P>(job: JobSpec<P>, uniqueKeys: readonly string[]): Promise<Set<string>> {
    return repo.findKeysWithJobs(this.options.db, { kind: job.kind, uniqueKeys, states: ['pending', 'running', 'failed'] });
  }

  /** Whether a job of this kind with this unique key is waiting or running (under a live lease or not). */
  async hasActive<P>(job: JobDefinition<P>, uniqueKey: string): Promise<boolean> {
    return repo.hasActiveJob(this.options.db, { kind: job.kind, uniqueKey });
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = await repo.findJob(this.options.db, id);
    return row ? toView(row) : undefined;
  }

  /** Starts polling (and the schedules); `runAtStart` schedules enqueue their catch-up run now. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    // A database that is down at start must not stop the server: the catch-up runs are skipped, the schedules are set up on the first tick that reaches it.
    for (const s of this.schedules.values()) {
      if (s.runAtStart) await this.enqueue(s.job, s.payload, { uniqueKey: s.name }).catch((err: unknown) => this.options.log.error({ err, job: s.job.kind }, 'could not enqueue a job at start'));
    }
    this.arm(0);
  }

  /** Looks for work now (after a commit that made some). */
  kick(): void {
    if (!this.started || this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.arm(0);
  }

  /** Stops taking jobs and waits for the running ones; their leases are released by finishing them. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  /**
   * For tests and commands: enqueues due schedules, then runs due jobs one after another until none
   * is due. Returns how many jobs ran.
   */
  async runDue(options: { limit?: number } = {}): Promise<number> {
    let ran = 0;
    const limit = options.limit ?? 1_000;
    await this.tickSchedules();
    while (ran < limit) {
      const [job] = await this.claim(1);
      if (!job) break;
      await this.run(job);
      ran += 1;
    }
    return ran;
  }

  /** Enqueues the job of every schedule whose period has come, once across all processes. */
  async tickSchedules(): Promise<void> {
    if (this.schedules.size === 0) return;
    const now = this.options.clock();
    for (const s of this.schedules.values()) {
      if (this.scheduled.has(s.name)) continue;
      await repo.ensureSchedule(this.options.db, { name: s.name, nextRunAt: nextPeriodStart(s.every, now).toISOString(), now: now.toISOString() });
      this.scheduled.add(s.name);
    }
    const due = await repo.findDueSchedules(this.options.db, { names: [...this.schedules.keys()], now: now.toISOString() });
    for (const row of due) {
      const s = this.schedules.get(row.name);
      if (!s) continue;
      await this.options.db.transaction().execute(async (trx) => {
        const won = await repo.advanceSchedule(trx, { name: s.name, seen: row.next_run_at, next: nextPeriodStart(s.every, now).toISOString(), now: now.toISOString() });
        if (won) await this.enqueue(s.job, s.payload, { trx, uniqueKey: s.name });
      });
    }
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.loop = this.pollOnce()
        .catch((err: unknown) => this.options.log.error({ err }, 'job queue poll failed'))
        .finally(() => {
          this.loop = null;
          const again = this.again;
          this.again = false;
          this.arm(again ? 0 : (this.options.pollMs ?? 1_000));
        });
    }, delayMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    await this.tickSchedules();
    const free = (this.options.concurrency ?? 2) - this.running.size;
    if (free <= 0) return;
    const jobs = await this.claim(free);
    for (const job of jobs) {
      const p: Promise<void> = this.run(job).finally(() => {
        this.running.delete(p);
        this.kick();
      });
      this.running.add(p);
    }
  }

  private async claim(limit: number): Promise<repo.JobRow[]> {
    const kinds = this.kinds().filter((k) => !this.off.has(k));
    if (kinds.length === 0) return [];
    // The longest lease of the kinds asked for; each job's own lease is set right after it is taken.
    const now = this.options.clock();
    await this.takeOverFromGoneProcesses(now);
    const lease = Math.max(...kinds.map((k) => this.definitions.get(k)?.leaseMs ?? DEFAULT_LEASE_MS));
    const claimed = await repo.claimJobs(this.options.db, {
      kinds, workerId: this.workerId, now: now.toISOString(), lockedUntil: new Date(now.getTime() + lease).toISOString(), limit,
      busy: { ids: [...this.busyIds], keys: [...this.busyKeys] },
    });
    // Two jobs with one unique key taken in the same claim: the second waits for the next one.
    const taken: repo.JobRow[] = [];
    for (const job of claimed) {
      if (job.unique_key !== null && taken.some((t) => t.unique_key === job.unique_key)) {
        await repo.finishJob(this.options.db, { id: job.id, workerId: this.workerId, now: now.toISOString(), state: 'pending', error: 'deferred: another job with its key ran', runAt: now.toISOString() });
        continue;
      }
      taken.push(job);
    }
    return taken;
  }

  /**
   * A process killed on this machine (a crash, an OOM kill, a deploy) leaves its jobs leased; their
   * leases are ended as soon as this process sees their holder is gone, so its work resumes at once
   * instead of after the lease (a customs sweep would otherwise wait up to its lease after each
   * restart). Looked at every few seconds: the running jobs are few.
   */
  private async takeOverFromGoneProcesses(now: Date): Promise<void> {
    if (this.worker.machine === null || now.getTime() - this.lastLookForGone < 2_000) return;
    this.lastLookForGone = now.getTime();
    const held = await repo.findLiveLeases(this.options.db, { now: now.toISOString() });
    for (const job of held) {
      if (job.locked_by === null || !holderIsGone(job.locked_by, this.worker)) continue;
      if (await repo.endLease(this.options.db, { id: job.id, lockedBy: job.locked_by, now: now.toISOString() })) {
        this.options.log.info({ job: job.id, kind: job.kind, holder: job.locked_by }, 'took over a job whose process is gone');
      }
    }
  }

  private async run(job: repo.JobRow): Promise<void> {
    const definition = this.definitions.get(job.kind);
    const { db, clock, log } = this.options;
    if (!definition) return;
    const leaseMs = definition.leaseMs ?? DEFAULT_LEASE_MS;
    this.busyIds.add(job.id);
    if (job.unique_key !== null) this.busyKeys.add(job.unique_key);
    const lost = new AbortController();
    const renew = setInterval(() => {
      repo
        .renewLease(db, { id: job.id, workerId: this.workerId, lockedUntil: new Date(clock().getTime() + leaseMs).toISOString() })
        .then((held) => {
          if (!held) lost.abort(new Error('the job lease was lost'));
        })
        .catch((err: unknown) => log.warn({ err, job: job.id }, 'could not renew a job lease'));
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    renew.unref();
    const ctx: JobContext = {
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      signal: lost.signal,
      progress: async (value) => {
        await repo.saveProgress(db, { id: job.id, workerId: this.workerId, progress: JSON.stringify(value), now: clock().toISOString() });
      },
    };
    try {
      await repo.renewLease(db, { id: job.id, workerId: this.workerId, lockedUntil: new Date(clock().getTime() + leaseMs).toISOString() });
      const payload = definition.payload.parse(JSON.parse(job.payload));
      const result = await definition.handler(payload, ctx);
      const finished = await repo.finishJob(db, { id: job.id, workerId: this.workerId, now: clock().toISOString(), state: 'done', result: result === undefined ? null : JSON.stringify(result) });
      if (!finished) log.warn({ job: job.id, kind: job.kind }, 'a job finished after its lease was lost');
    } catch (err) {
      const policy = retryPolicy(definition);
      const outcome = afterFailure({ attempts: job.attempts, maxAttempts: job.max_attempts, now: clock(), policy });
      const error = describeError(err);
      const now = clock().toISOString();
      await repo
        .finishJob(db, outcome.state === 'failed' ? { id: job.id, workerId: this.workerId, now, state: 'failed', error } : { id: job.id, workerId: this.workerId, now, state: 'pending', error, runAt: outcome.runAt.toISOString() })
        .catch((e: unknown) => log.error({ err: e, job: job.id }, 'could not record a job failure'));
      log[outcome.state === 'failed' ? 'error' : 'warn']({ err, job: job.id, kind: job.kind, attempt: job.attempts }, outcome.state === 'failed' ? 'job failed for good' : 'job failed, will retry');
    } finally {
      clearInterval(renew);
      this.busyIds.delete(job.id);
      if (job.unique_key !== null) this.busyKeys.delete(job.unique_key);
    }
  }
}

function retryPolicy(definition: JobDefinition<unknown>): RetryPolicy {
  return { ...DEFAULT_RETRY, ...definition.retry };
}

export function toView(row: repo.JobRow): JobView {
  const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    payload: parse(row.payload),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    progress: parse(row.progress),
    result: parse(row.result),
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The durable job queue, for the tests and commands that run background work by hand. */
    jobs: JobQueue;
  }
}
