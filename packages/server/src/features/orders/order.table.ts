import type { Generated } from 'kysely';
import type { CurrencyCode, CustomsStatus, OrderHold, OrderStatus, PaymentMethod, customsModes } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: orders. Checkouts, orders, their lines and timeline, and the annual cross-border quota each identity has used
// (consumed when an order is placed, given back when it is cancelled or refunded) are written by orders.
// Other features should move an order or append a timeline event through orders (customs and returns still write
// orders.customs_status/hold and order_events themselves).

export interface CheckoutsTable {
  id: string;
  buyer_user_id: string;
  idempotency_key: string;
  request_hash: string;
  total_fen: number;
  provider: PaymentMethod;
  created_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  number: string;
  checkout_id: string;
  buyer_user_id: string;
  exporter_id: string;
  pavilion_id: string;
  warehouse_id: string;
  customs_mode: (typeof customsModes)[number];
  status: OrderStatus;
  regime: 'cbec' | 'general';
  identity_id: Nullable<string>;
  identity_name_masked: string;
  identity_id_number_masked: string;
  identity_name_sealed: string;
  identity_id_number_sealed: string;
  identity_hash: string;
  quota_year: number;
  quota_fen: number;
  consignee: string;
  goods_fen: number;
  freight_fen: number;
  tax_fen: number;
  /** The parts of tax_fen (null on orders placed before they were stored). */
  tariff_fen: Nullable<number>;
  consumption_tax_fen: Nullable<number>;
  vat_fen: Nullable<number>;
  total_fen: number;
  risk_notice_version: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: string;
  paid_at: Nullable<string>;
  cancelled_at: Nullable<string>;
  /** See customsStatuses in the contracts. */
  customs_status: Generated<CustomsStatus>;
  /** See orderHolds in the contracts; null when nothing holds the order. */
  hold: Nullable<OrderHold>;
  released_at: Nullable<string>;
  shipped_at: Nullable<string>;
  delivered_at: Nullable<string>;
  completed_at: Nullable<string>;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  variant_id: string;
  sku: string;
  title_zh: string;
  title_en: string;
  option_values: string;
  quantity: number;
  weight_grams: number;
  unit_price_minor: number;
  currency: CurrencyCode;
  rate_micro: number;
  rate_date: string;
  rate_source: string;
  unit_fen: number;
  goods_fen: number;
  freight_fen: number;
  tax_fen: number;
  /** The parts of tax_fen (null on lines placed before they were stored). */
  tariff_fen: Nullable<number>;
  consumption_tax_fen: Nullable<number>;
  vat_fen: Nullable<number>;
  hs_code: string;
  vat_rate_bp: number;
  consumption_tax_rate_bp: number;
  tariff_rate_bp: Nullable<number>;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  /** An order status, or a customs or return event shown in the same timeline. */
  status: string;
  at: string;
  note: Generated<string>;
}

export interface IdentityQuotasTable {
  id_hash: string;
  year: number;
  used_fen: number;
}

export interface OrderTables {
  checkouts: CheckoutsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  identity_quotas: IdentityQuotasTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const orderTableColumns = {
  checkouts: {
    id: 'not null', buyer_user_id: 'not null', idempotency_key: 'not null', request_hash: 'not null', total_fen: 'not null', provider: 'not null',
    created_at: 'not null',
  },
  orders: {
    id: 'not null', number: 'not null', checkout_id: 'not null', buyer_user_id: 'not null', exporter_id: 'not null', pavilion_id: 'not null',
    warehouse_id: 'not null', customs_mode: 'not null', status: 'not null', regime: 'not null', identity_id: 'null', identity_name_masked: 'not null',
    identity_id_number_masked: 'not null', identity_name_sealed: 'not null', identity_id_number_sealed: 'not null', identity_hash: 'not null',
    quota_year: 'not null', quota_fen: 'not null', consignee: 'not null', goods_fen: 'not null', freight_fen: 'not null', tax_fen: 'not null',
    tariff_fen: 'null', consumption_tax_fen: 'null', vat_fen: 'null', total_fen: 'not null', risk_notice_version: 'not null', created_at: 'not null',
    updated_at: 'not null', expires_at: 'not null', paid_at: 'null', cancelled_at: 'null', customs_status: 'not null', hold: 'null',
    released_at: 'null', shipped_at: 'null', delivered_at: 'null', completed_at: 'null',
  },
  order_lines: {
    id: 'not null', order_id: 'not null', line_no: 'not null', product_id: 'not null', variant_id: 'not null', sku: 'not null', title_zh: 'not null',
    title_en: 'not null', option_values: 'not null', quantity: 'not null', weight_grams: 'not null', unit_price_minor: 'not null',
    currency: 'not null', rate_micro: 'not null', rate_date: 'not null', rate_source: 'not null', unit_fen: 'not null', goods_fen: 'not null',
    freight_fen: 'not null', tax_fen: 'not null', tariff_fen: 'null', consumption_tax_fen: 'null', vat_fen: 'null', hs_code: 'not null',
    vat_rate_bp: 'not null', consumption_tax_rate_bp: 'not null', tariff_rate_bp: 'null',
  },
  order_events: {
    id: 'not null', order_id: 'not null', status: 'not null', at: 'not null', note: 'not null',
  },
  identity_quotas: {
    id_hash: 'not null', year: 'not null', used_fen: 'not null',
  },
} as const satisfies TableColumns<OrderTables>;
