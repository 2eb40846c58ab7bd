import type { Generated } from 'kysely';
import type { ReturnReason, ReturnStatus } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: returns. Return requests, their lines and the quantity of each order line already returned or held are written by
// the returns service only.

export interface ReturnsTable {
  id: string;
  number: string;
  order_id: string;
  buyer_user_id: string;
  /** See returnReasons in the contracts. */
  reason: ReturnReason;
  description: Generated<string>;
  /** JSON array of media ids. */
  photo_ids: Generated<string>;
  status: ReturnStatus;
  decision_note: Generated<string>;
  decided_by: Nullable<string>;
  decided_at: Nullable<string>;
  carrier: Nullable<string>;
  tracking_number: Nullable<string>;
  shipped_at: Nullable<string>;
  received_by: Nullable<string>;
  received_at: Nullable<string>;
  refunded_at: Nullable<string>;
  goods_fen: number;
  tax_fen: number;
  freight_fen: number;
  refund_fen: number;
  quota_fen: number;
  requested_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReturnLinesTable {
  id: string;
  return_id: string;
  order_line_id: string;
  quantity: number;
  goods_fen: number;
  tax_fen: number;
  quota_fen: number;
}

export interface OrderLineReturnsTable {
  order_line_id: string;
  bought: number;
  held: Generated<number>;
}

export interface ReturnTables {
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  order_line_returns: OrderLineReturnsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const returnTableColumns = {
  returns: {
    id: 'not null', number: 'not null', order_id: 'not null', buyer_user_id: 'not null', reason: 'not null', description: 'not null',
    photo_ids: 'not null', status: 'not null', decision_note: 'not null', decided_by: 'null', decided_at: 'null', carrier: 'null',
    tracking_number: 'null', shipped_at: 'null', received_by: 'null', received_at: 'null', refunded_at: 'null', goods_fen: 'not null',
    tax_fen: 'not null', freight_fen: 'not null', refund_fen: 'not null', quota_fen: 'not null', requested_at: 'not null', updated_at: 'not null',
  },
  return_lines: {
    id: 'not null', return_id: 'not null', order_line_id: 'not null', quantity: 'not null', goods_fen: 'not null', tax_fen: 'not null',
    quota_fen: 'not null',
  },
  order_line_returns: {
    order_line_id: 'not null', bought: 'not null', held: 'not null',
  },
} as const satisfies TableColumns<ReturnTables>;
