import type { NotificationKind } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: notifications. Another feature records what someone must hear of by calling `notify` (notify.ts) in its own
// transaction; the delivery job makes notifications of each event and marks it delivered.

export interface NotificationEventsTable {
  id: string;
  kind: NotificationKind;
  subject_id: string;
  /** The parties the event concerns: the kind's rule (notification.rules.ts) says which of them receive it. */
  company_id: string | null;
  exporter_id: string | null;
  user_id: Nullable<string>;
  pavilion_id: Nullable<string>;
  created_at: Timestamp;
  delivered_at: Nullable<string>;
}

export interface NotificationEventTables {
  notification_events: NotificationEventsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const notificationEventTableColumns = {
  notification_events: {
    id: 'not null', kind: 'not null', subject_id: 'not null', company_id: 'null', exporter_id: 'null', user_id: 'null', pavilion_id: 'null',
    created_at: 'not null', delivered_at: 'null',
  },
} as const satisfies TableColumns<NotificationEventTables>;
