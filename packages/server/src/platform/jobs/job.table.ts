import type { ColumnType, Generated } from 'kysely';
import type { TableColumns } from '../../db/column-types.ts';

type Timestamp = ColumnType<string, string | undefined, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** pending: waits for its run_at; running: leased by one process; done; failed: out of attempts (dead letter). */
export type JobState = 'pending' | 'running' | 'done' | 'failed';

/** The job system's own tables: nothing outside platform/jobs writes them. */
export interface JobsTable {
  id: string;
  kind: string;
  /** JSON of the payload, checked against the kind's schema when enqueued and again when run. */
  payload: string;
  unique_key: Nullable<string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: Nullable<string>;
  locked_until: Nullable<string>;
  progress: Nullable<string>;
  result: Nullable<string>;
  last_error: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Nullable<string>;
}

export interface JobSchedulesTable {
  name: string;
  next_run_at: string;
  last_run_at: Nullable<string>;
  updated_at: Timestamp;
}

export interface JobTables {
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const jobTableColumns = {
  jobs: {
    id: 'not null', kind: 'not null', payload: 'not null', unique_key: 'null', state: 'not null', run_at: 'not null', attempts: 'not null',
    max_attempts: 'not null', locked_by: 'null', locked_until: 'null', progress: 'null', result: 'null', last_error: 'null', created_at: 'not null',
    updated_at: 'not null', finished_at: 'null',
  },
  job_schedules: {
    name: 'not null', next_run_at: 'not null', last_run_at: 'null', updated_at: 'not null',
  },
} as const satisfies TableColumns<JobTables>;
