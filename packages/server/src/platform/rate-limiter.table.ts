import type { TableColumns } from '../db/column-types.ts';

// Owner: platform/rate-limiter.ts. Every limit is counted through it; nothing else writes this table.

export interface RateLimitCountersTable {
  key: string;
  window_start: number;
  hits: number;
}

export interface RateLimiterTables {
  rate_limit_counters: RateLimitCountersTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const rateLimiterTableColumns = {
  rate_limit_counters: {
    key: 'not null', window_start: 'not null', hits: 'not null',
  },
} as const satisfies TableColumns<RateLimiterTables>;
