import { sql } from 'kysely';
import { isPostgres, type Db, type Trx } from '../../db/database.ts';
import type { JobState } from './job.table.ts';

/** The job system's queries: every write of the jobs and job_schedules tables is here. */

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  unique_key: string | null;
  state: JobState;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  progress: string | null;
  result: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Adds a job; with a unique key, nothing is added while a pending job of that kind holds the key (null then). */
export async function insertJob(
  db: Db | Trx,
  job: { id: string; kind: string; payload: string; uniqueKey: string | null; runAt: string; maxAttempts: number; now: string },
): Promise<string | null> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      payload: job.payload,
      unique_key: job.uniqueKey,
      state: 'pending',
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
      created_at: job.now,
      updated_at: job.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * Leases up to `limit` jobs of the given kinds to `workerId` until `lockedUntil`: due pending ones,
 * and running ones whose lease ran out (their process died). A job whose unique key another live
 * lease holds waits. One statement; on PostgreSQL the rows are locked with SKIP LOCKED so two
 * processes never lease the same job, on SQLite the single writer gives the same.
 */
export async function claimJobs(
  db: Db,
  input: { kinds: string[]; workerId: string; now: string; lockedUntil: string; limit: number; busy?: { ids: string[]; keys: string[] } },
): Promise<JobRow[]> {
  if (input.kinds.length === 0 || input.limit <= 0) return [];
  const kinds = sql.join(input.kinds.map((k) => sql`${k}`));
  // What this process is running already is never taken again by it, even when its lease ran out
  // while the process was too busy to renew it: one run of a job, or of a unique key, at a time here.
  const notBusyIds = input.busy?.ids.length ? sql`and j.id not in (${sql.join(input.busy.ids.map((id) => sql`${id}`))})` : sql``;
  const notBusyKeys = input.busy?.keys.length ? sql`and (j.unique_key is null or j.unique_key not in (${sql.join(input.busy.keys.map((k) => sql`${k}`))}))` : sql``;
  const due = sql`
    select j.id from jobs j
    where j.kind in (${kinds})
      and ((j.state = 'pending' and j.run_at <= ${input.now}) or (j.state = 'running' and j.locked_until < ${input.now}))
      and (j.unique_key is null or not exists (
        select 1 from jobs r
        where r.kind = j.kind and r.unique_key = j.unique_key and r.id <> j.id and r.state = 'running' and r.locked_until >= ${input.now}))
      ${notBusyIds} ${notBusyKeys}
    order by j.run_at, j.id
    limit ${input.limit}`;
  const set = sql`state = 'running', locked_by = ${input.workerId}, locked_until = ${input.lockedUntil}, attempts = attempts + 1, updated_at = ${input.now}`;
  const result = isPostgres(db)
    ? await sql<JobRow>`with due as (${due} for update of j skip locked) update jobs set ${set} from due where jobs.id = due.id returning jobs.*`.execute(db)
    : await sql<JobRow>`update jobs set ${set} where id in (${due}) returning *`.execute(db);
  return result.rows.map(normalise);
}

/** Keeps a lease alive while its handler runs; false when the lease was lost (another process took the job). */
export async function renewLease(db: Db, input: { id: string; workerId: string; lockedUntil: string }): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: input.lockedUntil })
    .where('id', '=', input.id)
    .where('locked_by', '=', input.workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Running jobs whose lease has not run out, and who holds them. */
export async function findLiveLeases(db: Db, input: { now: string }): Promise<Array<{ id: string; kind: string; locked_by: string | null }>> {
  return db.selectFrom('jobs').select(['id', 'kind', 'locked_by']).where('state', '=', 'running').where('locked_until', '>=', input.now).execute();
}

/** Ends the lease of a holder known to be gone (only if that holder still has it), so the next claim takes the job. */
export async function endLease(db: Db, input: { id: string; lockedBy: string; now: string }): Promise<boolean> {
  const expired = new Date(new Date(input.now).getTime() - 1).toISOString();
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: expired })
    .where('id', '=', input.id)
    .where('locked_by', '=', input.lockedBy)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveProgress(db: Db, input: { id: string; workerId: string; progress: string; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ progress: input.progress, updated_at: input.now })
    .where('id', '=', input.id)
    .where('locked_by', '=', input.workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a leased job (done, failed for good, or pending again for a later attempt); false when the lease had been lost. */
export async function finishJob(
  db: Db,
  input: { id: string; workerId: string; now: string } & (
    | { state: 'done'; result: string | null }
    | { state: 'failed'; error: string }
    | { state: 'pending'; error: string; runAt: string }
  ),
): Promise<boolean> {
  const base = { locked_by: null, locked_until: null, updated_at: input.now };
  const values =
    input.state === 'done'
      ? { ...base, state: 'done' as const, result: input.result, finished_at: input.now }
      : input.state === 'failed'
        ? { ...base, state: 'failed' as const, last_error: input.error, finished_at: input.now }
        : { ...base, state: 'pending' as const, last_error: input.error, run_at: input.runAt };
  try {
    const r = await db
      .updateTable('jobs')
      .set(values)
      .where('id', '=', input.id)
      .where('locked_by', '=', input.workerId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  } catch (err) {
    // Back to pending while another pending job holds the unique key: that one will do the work.
    if (input.state === 'pending' && isUniqueClash(err)) {
      await finishJob(db, { id: input.id, workerId: input.workerId, now: input.now, state: 'done', result: JSON.stringify({ supersededBy: 'pending job with the same key' }) });
      return true;
    }
    throw err;
  }
}

function isUniqueClash(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : null;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function hasActiveJob(db: Db, input: { kind: string; uniqueKey: string }): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('id').where('kind', '=', input.kind).where('unique_key', '=', input.uniqueKey).where('state', 'in', ['pending', 'running']).executeTakeFirst();
  return row !== undefined;
}

export async function findKeysWithJobs(db: Db, input: { kind: string; uniqueKeys: readonly string[]; states: JobState[] }): Promise<Set<string>> {
  if (input.uniqueKeys.length === 0) return new Set();
  const rows = await db.selectFrom('jobs').select('unique_key').where('kind', '=', input.kind).where('unique_key', 'in', [...input.uniqueKeys]).where('state', 'in', input.states).execute();
  return new Set(rows.flatMap((r) => (r.unique_key === null ? [] : [r.unique_key])));
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? normalise(row as JobRow) : undefined;
}

export async function findJobs(db: Db, filter: { kind?: string; state?: JobState; limit: number; before?: string }): Promise<JobRow[]> {
  let q = db.selectFrom('jobs').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.before) q = q.where('updated_at', '<', filter.before);
  return (await q.execute()).map((r) => normalise(r as JobRow));
}

export async function countJobsByKindAndState(db: Db): Promise<{ kind: string; state: JobState; count: number }[]> {
  const rows = await db.selectFrom('jobs').select(['kind', 'state', (eb) => eb.fn.countAll<number>().as('count')]).groupBy(['kind', 'state']).execute();
  return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.count) }));
}

/** A failed job goes back to the queue with a fresh set of attempts (an operator's retry). */
export async function requeueFailedJob(db: Db, input: { id: string; now: string }): Promise<boolean> {
  try {
    const r = await db
      .updateTable('jobs')
      .set({ state: 'pending', attempts: 0, run_at: input.now, finished_at: null, updated_at: input.now })
      .where('id', '=', input.id)
      .where('state', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  } catch (err) {
    if (isUniqueClash(err)) return false;
    throw err;
  }
}

/** Finished jobs older than `before` are deleted (done ones; dead ones are kept until retried or `deadBefore`). */
export async function deleteFinishedJobs(db: Db, input: { doneBefore: string; deadBefore: string }): Promise<number> {
  const done = await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', input.doneBefore).executeTakeFirst();
  const dead = await db.deleteFrom('jobs').where('state', '=', 'failed').where('finished_at', '<', input.deadBefore).executeTakeFirst();
  return Number(done.numDeletedRows) + Number(dead.numDeletedRows);
}

export async function ensureSchedule(db: Db, input: { name: string; nextRunAt: string; now: string }): Promise<void> {
  await db
    .insertInto('job_schedules')
    .values({ name: input.name, next_run_at: input.nextRunAt, updated_at: input.now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function findDueSchedules(db: Db, input: { names: string[]; now: string }): Promise<{ name: string; next_run_at: string }[]> {
  if (input.names.length === 0) return [];
  return db.selectFrom('job_schedules').select(['name', 'next_run_at']).where('name', 'in', input.names).where('next_run_at', '<=', input.now).execute();
}

/**
 * Moves a schedule from the period it was seen in to the next one: true for the one process whose
 * update found it unchanged (compare and set), which then enqueues the period's job in the same transaction.
 */
export async function advanceSchedule(trx: Trx, input: { name: string; seen: string; next: string; now: string }): Promise<boolean> {
  const r = await trx
    .updateTable('job_schedules')
    .set({ next_run_at: input.next, last_run_at: input.now, updated_at: input.now })
    .where('name', '=', input.name)
    .where('next_run_at', '=', input.seen)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Timestamps read through raw SQL come back as Date objects on some paths; the app speaks ISO strings. */
function normalise(row: JobRow): JobRow {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
  return {
    ...row,
    run_at: iso(row.run_at) as string,
    locked_until: iso(row.locked_until),
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
    finished_at: iso(row.finished_at),
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
  };
}
