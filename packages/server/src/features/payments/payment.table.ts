import type { PaymentAnomalyKind, PaymentMethod } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: payments. Payments, refunds and the anomalies found in provider callbacks are written by payments (the checkout
// still inserts the pending payment in its own transaction; customs resolves an identity-mismatch anomaly itself).

export interface PaymentsTable {
  id: string;
  checkout_id: string;
  provider: PaymentMethod;
  out_trade_no: string;
  amount_fen: number;
  status: 'pending' | 'paid' | 'closed';
  transaction_id: Nullable<string>;
  paid_at: Nullable<string>;
  created_at: Timestamp;
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  order_id: Nullable<string>;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: 'requested' | 'processing' | 'succeeded' | 'failed';
  created_at: Timestamp;
  completed_at: Nullable<string>;
  /** The return this refund pays (returns migration); null for a refund of a late or double payment. */
  return_id: Nullable<string>;
}

export interface PaymentAnomaliesTable {
  id: string;
  kind: PaymentAnomalyKind;
  provider: string;
  reference: string;
  details: string;
  created_at: Timestamp;
  resolved_at: Nullable<string>;
}

export interface PaymentTables {
  payments: PaymentsTable;
  refunds: RefundsTable;
  payment_anomalies: PaymentAnomaliesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const paymentTableColumns = {
  payments: {
    id: 'not null', checkout_id: 'not null', provider: 'not null', out_trade_no: 'not null', amount_fen: 'not null', status: 'not null',
    transaction_id: 'null', paid_at: 'null', created_at: 'not null',
  },
  refunds: {
    id: 'not null', payment_id: 'not null', order_id: 'null', out_refund_no: 'not null', amount_fen: 'not null', reason: 'not null',
    status: 'not null', created_at: 'not null', completed_at: 'null', return_id: 'null',
  },
  payment_anomalies: {
    id: 'not null', kind: 'not null', provider: 'not null', reference: 'not null', details: 'not null', created_at: 'not null', resolved_at: 'null',
  },
} as const satisfies TableColumns<PaymentTables>;
