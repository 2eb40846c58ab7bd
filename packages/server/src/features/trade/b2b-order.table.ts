import type { ColumnType, Generated } from 'kysely';
import type { B2bOrderKind, B2bOrderStatus, B2bPaymentKind, B2bPaymentTerms, CurrencyCode, Incoterm, TradeSide, transportDocumentKinds } from '@pavilion/contracts';
import type { Nullable, TableColumns } from '../../db/column-types.ts';

// Owner: trade (b2b-order.service.ts). B2B orders, their steps and payments, and the bank details an exporter prints on its
// proforma invoices are written there only.

export interface B2bOrdersTable {
  id: string;
  number: string;
  company_id: string;
  exporter_id: string;
  pavilion_id: string;
  rfq_id: string;
  quote_id: string;
  quote_revision: number;
  kind: B2bOrderKind;
  currency: CurrencyCode;
  /** JSON array of the order's lines (b2bOrderLineSchema). */
  lines: string;
  total_minor: number;
  payment_terms: B2bPaymentTerms;
  deposit_percent: number | null;
  deposit_minor: number;
  balance_minor: number;
  incoterm: Incoterm;
  port: string;
  destination_port: string;
  valid_until: string;
  /** JSON (b2bPartiesSchema). */
  parties: string;
  /** JSON (bankDetailsSchema) or null. */
  bank_details: string | null;
  status: ColumnType<B2bOrderStatus, B2bOrderStatus | undefined, B2bOrderStatus>;
  transport_document_kind: Nullable<(typeof transportDocumentKinds)[number]>;
  transport_document_number: Nullable<string>;
  carrier: Nullable<string>;
  vessel: Nullable<string>;
  cancellation_reason: Nullable<string>;
  cancelled_by: Nullable<TradeSide>;
  accepted_by: string | null;
  issued_at: string;
  updated_at: string;
}

export interface B2bOrderEventsTable {
  id: string;
  order_id: string;
  position: number;
  action: string;
  status: B2bOrderStatus;
  side: TradeSide;
  actor_id: string | null;
  note: Generated<string>;
  created_at: string;
}

export interface B2bOrderPaymentsTable {
  id: string;
  order_id: string;
  kind: B2bPaymentKind;
  amount_minor: number;
  reference: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface ExporterBankDetailsTable {
  exporter_id: string;
  account_name: string;
  bank_name: string;
  swift_bic: string;
  account_number: string;
  bank_address: string;
  updated_by: string | null;
  updated_at: string;
}

export interface B2bOrderTables {
  b2b_orders: B2bOrdersTable;
  b2b_order_events: B2bOrderEventsTable;
  b2b_order_payments: B2bOrderPaymentsTable;
  exporter_bank_details: ExporterBankDetailsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const b2bOrderTableColumns = {
  b2b_orders: {
    id: 'not null', number: 'not null', company_id: 'not null', exporter_id: 'not null', pavilion_id: 'not null', rfq_id: 'not null',
    quote_id: 'not null', quote_revision: 'not null', kind: 'not null', currency: 'not null', lines: 'not null', total_minor: 'not null',
    payment_terms: 'not null', deposit_percent: 'null', deposit_minor: 'not null', balance_minor: 'not null', incoterm: 'not null', port: 'not null',
    destination_port: 'not null', valid_until: 'not null', parties: 'not null', bank_details: 'null', status: 'not null',
    transport_document_kind: 'null', transport_document_number: 'null', carrier: 'null', vessel: 'null', cancellation_reason: 'null',
    cancelled_by: 'null', accepted_by: 'null', issued_at: 'not null', updated_at: 'not null',
  },
  b2b_order_events: {
    id: 'not null', order_id: 'not null', position: 'not null', action: 'not null', status: 'not null', side: 'not null', actor_id: 'null',
    note: 'not null', created_at: 'not null',
  },
  b2b_order_payments: {
    id: 'not null', order_id: 'not null', kind: 'not null', amount_minor: 'not null', reference: 'not null', recorded_by: 'null',
    recorded_at: 'not null',
  },
  exporter_bank_details: {
    exporter_id: 'not null', account_name: 'not null', bank_name: 'not null', swift_bic: 'not null', account_number: 'not null',
    bank_address: 'not null', updated_by: 'null', updated_at: 'not null',
  },
} as const satisfies TableColumns<B2bOrderTables>;
