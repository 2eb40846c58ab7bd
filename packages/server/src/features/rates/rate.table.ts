import type { CurrencyCode } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: rates. Exchange rates and the operator alerts about missing or stale rates are written by the rate service and
// rate-alerts.ts. (catalog/listing-prices.ts still resolves a missing-rate alert itself: it should call resolveRateAlert.)

export interface ExchangeRatesTable {
  id: string;
  currency: CurrencyCode;
  rate_micro: number;
  effective_date: string;
  source: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OperatorAlertsTable {
  id: string;
  kind: string;
  subject: string;
  message_en: string;
  message_zh: string;
  created_at: Timestamp;
  resolved_at: Nullable<string>;
}

export interface RateTables {
  exchange_rates: ExchangeRatesTable;
  operator_alerts: OperatorAlertsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const rateTableColumns = {
  exchange_rates: {
    id: 'not null', currency: 'not null', rate_micro: 'not null', effective_date: 'not null', source: 'not null', created_by: 'null',
    created_at: 'not null',
  },
  operator_alerts: {
    id: 'not null', kind: 'not null', subject: 'not null', message_en: 'not null', message_zh: 'not null', created_at: 'not null',
    resolved_at: 'null',
  },
} as const satisfies TableColumns<RateTables>;
