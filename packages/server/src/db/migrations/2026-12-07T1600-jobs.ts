import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * The durable job system: one row per job (its kind, validated payload, when it may run, its
 * attempts and lease, and how it ended), and one row per recurring schedule holding when its next
 * period starts. A lease (`locked_by`, `locked_until`) keeps a job to one process at a time; a
 * process that dies mid-run loses it when the lease runs out, and another takes the job again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // "At most one pending job of this kind with this key".
    .addColumn('unique_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('run_at', ts, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', ts)
    .addColumn('progress', 'text')
    .addColumn('result', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('finished_at', ts)
    .execute();
  // What a runner looks for: due pending jobs, and running ones whose lease ran out.
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_kind_state').on('jobs').columns(['kind', 'state']).execute();
  await sql`create unique index jobs_unique_pending on jobs (kind, unique_key) where state = 'pending' and unique_key is not null`.execute(db);

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', ts, (c) => c.notNull())
    .addColumn('last_run_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
