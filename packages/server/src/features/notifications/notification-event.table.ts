import type { NotificationKind } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: trade. What a party must act on is recorded by trade; notifications reads the events and marks them delivered
// (delivered_at), which is the one column it writes.

export interface TradeEventsTable {
  id: string;
  kind: NotificationKind;
  subject_id: string;
  company_id: string | null;
  exporter_id: string | null;
  created_at: Timestamp;
  delivered_at: Nullable<string>;
}

export interface TradeEventTables {
  trade_events: TradeEventsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const tradeEventTableColumns = {
  trade_events: {
    id: 'not null', kind: 'not null', subject_id: 'not null', company_id: 'null', exporter_id: 'null', created_at: 'not null', delivered_at: 'null',
  },
} as const satisfies TableColumns<TradeEventTables>;
