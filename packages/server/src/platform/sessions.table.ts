import type { TableColumns, Timestamp } from '../db/column-types.ts';

// Owner: platform/sessions.ts. Signing in and out anywhere goes through it; nothing else writes this table.

export interface SessionsTable {
  id: string;
  user_id: string;
  transport: 'cookie' | 'token';
  created_at: Timestamp;
  expires_at: string;
  revoked_at: string | null;
}

export interface SessionTables {
  sessions: SessionsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const sessionTableColumns = {
  sessions: {
    id: 'not null', user_id: 'not null', transport: 'not null', created_at: 'not null', expires_at: 'not null', revoked_at: 'null',
  },
} as const satisfies TableColumns<SessionTables>;
