import type { Generated } from 'kysely';
import type { CurrencyCode, StatementLineKind, StatementStatus } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: settlement. Commission rates and the exporters' monthly statements are written by the settlement service only.

/** A pavilion's commission rate from a time on (basis points); the latest one started before an order's placement applies to it. */
export interface PavilionCommissionRatesTable {
  id: string;
  pavilion_id: string;
  rate_bp: number;
  effective_from: string;
  created_by: Nullable<string>;
  created_at: Timestamp;
}

/** An exporter's statement for a China-time month in one currency; an issued one never changes. */
export interface SettlementStatementsTable {
  id: string;
  exporter_id: string;
  pavilion_id: string;
  month: string;
  currency: CurrencyCode;
  status: StatementStatus;
  line_count: number;
  goods_fen: number;
  commission_fen: number;
  share_fen: number;
  share_minor: number;
  generated_at: string;
  issued_at: Nullable<string>;
  created_at: Timestamp;
}

export interface SettlementLinesTable {
  id: string;
  statement_id: string;
  position: number;
  kind: StatementLineKind;
  item_key: string;
  order_id: string;
  order_line_id: string;
  order_number: string;
  line_no: number;
  sku: string;
  description_en: string;
  description_zh: string;
  quantity: number;
  goods_fen: number;
  commission_bp: number;
  commission_fen: number;
  share_fen: number;
  rate_micro: number;
  rate_date: string;
  share_minor: number;
  occurred_at: string;
  issued: Generated<number>;
}

export interface SettlementTables {
  pavilion_commission_rates: PavilionCommissionRatesTable;
  settlement_statements: SettlementStatementsTable;
  settlement_lines: SettlementLinesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const settlementTableColumns = {
  pavilion_commission_rates: {
    id: 'not null', pavilion_id: 'not null', rate_bp: 'not null', effective_from: 'not null', created_by: 'null', created_at: 'not null',
  },
  settlement_statements: {
    id: 'not null', exporter_id: 'not null', pavilion_id: 'not null', month: 'not null', currency: 'not null', status: 'not null',
    line_count: 'not null', goods_fen: 'not null', commission_fen: 'not null', share_fen: 'not null', share_minor: 'not null',
    generated_at: 'not null', issued_at: 'null', created_at: 'not null',
  },
  settlement_lines: {
    id: 'not null', statement_id: 'not null', position: 'not null', kind: 'not null', item_key: 'not null', order_id: 'not null',
    order_line_id: 'not null', order_number: 'not null', line_no: 'not null', sku: 'not null', description_en: 'not null', description_zh: 'not null',
    quantity: 'not null', goods_fen: 'not null', commission_bp: 'not null', commission_fen: 'not null', share_fen: 'not null', rate_micro: 'not null',
    rate_date: 'not null', share_minor: 'not null', occurred_at: 'not null', issued: 'not null',
  },
} as const satisfies TableColumns<SettlementTables>;
