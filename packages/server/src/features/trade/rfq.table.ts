import type { ColumnType } from 'kysely';
import type { CurrencyCode, Incoterm, QuoteStatus, RfqStatus, TradeUnit } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: trade (rfq.service.ts). Requests for quotation, the exporters matched to them, their quotes and the record of
// "deadline near" notices sent are written there only.

export interface RfqsTable {
  id: string;
  company_id: string;
  created_by: string | null;
  pavilion_id: string | null;
  category_id: string;
  description_zh: string;
  description_en: string;
  quantity: number;
  unit: TradeUnit;
  target_price_minor: number | null;
  target_currency: CurrencyCode | null;
  incoterm: Incoterm;
  destination_port: string;
  deadline: string;
  /** JSON array of certification types. */
  certifications: string;
  status: ColumnType<RfqStatus, RfqStatus | undefined, RfqStatus>;
  accepted_quote_id: Nullable<string>;
  closed_at: Nullable<string>;
  created_at: string;
}

export interface RfqMatchesTable {
  rfq_id: string;
  exporter_id: string;
  created_at: string;
}

export interface QuotesTable {
  id: string;
  rfq_id: string;
  exporter_id: string;
  revision: number;
  currency: CurrencyCode;
  /** JSON array of { minQuantity, unitPriceMinor }. */
  tiers: string;
  incoterm: Incoterm;
  port: string;
  lead_time_days: number;
  valid_until: string;
  tt_deposit_percent: number | null;
  letter_of_credit: number;
  sample_available: number;
  sample_price_minor: number | null;
  notes: string;
  status: ColumnType<QuoteStatus, QuoteStatus | undefined, QuoteStatus>;
  submitted_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuoteRevisionsTable {
  quote_id: string;
  revision: number;
  content: string;
  submitted_by: string | null;
  created_at: string;
}

/** One row per RFQ whose "deadline near" notice was written: its primary key makes the notice once only. */
export interface RfqDeadlineNoticesTable {
  rfq_id: string;
  created_at: Timestamp;
}

export interface RfqTables {
  rfqs: RfqsTable;
  rfq_matches: RfqMatchesTable;
  quotes: QuotesTable;
  quote_revisions: QuoteRevisionsTable;
  rfq_deadline_notices: RfqDeadlineNoticesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const rfqTableColumns = {
  rfqs: {
    id: 'not null', company_id: 'not null', created_by: 'null', pavilion_id: 'null', category_id: 'not null', description_zh: 'not null',
    description_en: 'not null', quantity: 'not null', unit: 'not null', target_price_minor: 'null', target_currency: 'null', incoterm: 'not null',
    destination_port: 'not null', deadline: 'not null', certifications: 'not null', status: 'not null', accepted_quote_id: 'null', closed_at: 'null',
    created_at: 'not null',
  },
  rfq_matches: {
    rfq_id: 'not null', exporter_id: 'not null', created_at: 'not null',
  },
  quotes: {
    id: 'not null', rfq_id: 'not null', exporter_id: 'not null', revision: 'not null', currency: 'not null', tiers: 'not null', incoterm: 'not null',
    port: 'not null', lead_time_days: 'not null', valid_until: 'not null', tt_deposit_percent: 'null', letter_of_credit: 'not null',
    sample_available: 'not null', sample_price_minor: 'null', notes: 'not null', status: 'not null', submitted_by: 'null', created_at: 'not null',
    updated_at: 'not null',
  },
  quote_revisions: {
    quote_id: 'not null', revision: 'not null', content: 'not null', submitted_by: 'null', created_at: 'not null',
  },
  rfq_deadline_notices: {
    rfq_id: 'not null', created_at: 'not null',
  },
} as const satisfies TableColumns<RfqTables>;
