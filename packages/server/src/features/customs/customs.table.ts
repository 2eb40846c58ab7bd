import type { Generated } from 'kysely';
import type { declarationStatuses, identityChecks } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: customs. Declarations, the files waiting to go to the customs single window, the receipts it sends back, operator
// corrections and the payment declarations (the payer check customs runs against the order) are written by customs only.

export interface CustomsDeclarationsTable {
  id: string;
  order_id: string;
  guid: string;
  app_type: '1' | '2';
  status: (typeof declarationStatuses)[number];
  /** JSON: the message input without the clear buyer name and ID number. */
  snapshot: string;
  /** The message with the buyer's name and ID number masked. */
  message_xml: string;
  /** JSON: the validation problems ({field, rule, message}). */
  errors: Generated<string>;
  return_status: Nullable<string>;
  return_info: Nullable<string>;
  created_by: Nullable<string>;
  created_at: Timestamp;
  sent_at: Nullable<string>;
  updated_at: Timestamp;
}

export interface CustomsOutboxTable {
  id: string;
  declaration_id: string;
  file_name: string;
  /** Who is handing it over, until when (a conditional update takes it; a holder known gone is taken over). */
  claimed_by: Nullable<string>;
  claimed_until: Nullable<string>;
  created_at: Timestamp;
  sent_at: Nullable<string>;
}

export interface CustomsReceiptsTable {
  id: string;
  guid: string;
  declaration_id: Nullable<string>;
  order_no: string;
  return_status: string;
  return_time: string;
  return_info: string;
  raw: string;
  file_name: string;
  received_at: Timestamp;
}

export interface CustomsCorrectionsTable {
  order_id: string;
  data: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PaymentDeclarationsTable {
  id: string;
  order_id: string;
  provider: string;
  state: string;
  identity_check: (typeof identityChecks)[number];
  answer: string;
  declared_at: Timestamp;
}

export interface CustomsTables {
  customs_declarations: CustomsDeclarationsTable;
  customs_outbox: CustomsOutboxTable;
  customs_receipts: CustomsReceiptsTable;
  customs_corrections: CustomsCorrectionsTable;
  payment_declarations: PaymentDeclarationsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const customsTableColumns = {
  customs_declarations: {
    id: 'not null', order_id: 'not null', guid: 'not null', app_type: 'not null', status: 'not null', snapshot: 'not null', message_xml: 'not null',
    errors: 'not null', return_status: 'null', return_info: 'null', created_by: 'null', created_at: 'not null', sent_at: 'null',
    updated_at: 'not null',
  },
  customs_outbox: {
    id: 'not null', declaration_id: 'not null', file_name: 'not null', claimed_by: 'null', claimed_until: 'null', created_at: 'not null',
    sent_at: 'null',
  },
  customs_receipts: {
    id: 'not null', guid: 'not null', declaration_id: 'null', order_no: 'not null', return_status: 'not null', return_time: 'not null',
    return_info: 'not null', raw: 'not null', file_name: 'not null', received_at: 'not null',
  },
  customs_corrections: {
    order_id: 'not null', data: 'not null', updated_by: 'not null', updated_at: 'not null',
  },
  payment_declarations: {
    id: 'not null', order_id: 'not null', provider: 'not null', state: 'not null', identity_check: 'not null', answer: 'not null',
    declared_at: 'not null',
  },
} as const satisfies TableColumns<CustomsTables>;
