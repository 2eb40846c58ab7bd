import type { ColumnType } from 'kysely';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: promotions. Flash-sale slots, their items (a variant's price and stock pool), each buyer's
// units per item and each order's take are written by the promotions feature only.

/** taken: on an order; returned: given back when the order was cancelled, expired unpaid or refunded. */
export type FlashSaleTakeStatus = 'taken' | 'returned';

export interface FlashSaleSlotsTable {
  id: string;
  campaign_id: string;
  starts_at: string;
  ends_at: string;
  created_at: Timestamp;
}

export interface FlashSaleItemsTable {
  id: string;
  slot_id: string;
  variant_id: string;
  warehouse_id: string;
  price_fen: number;
  stock_total: number;
  sold: ColumnType<number, number | undefined, number>;
  per_buyer_limit: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface FlashSaleBuyersTable {
  item_id: string;
  user_id: string;
  quantity: number;
}

export interface FlashSaleTakesTable {
  id: string;
  item_id: string;
  user_id: string;
  order_id: string;
  quantity: number;
  status: ColumnType<FlashSaleTakeStatus, FlashSaleTakeStatus | undefined, FlashSaleTakeStatus>;
  taken_at: string;
  returned_at: Nullable<string>;
}

export interface FlashSaleTables {
  flash_sale_slots: FlashSaleSlotsTable;
  flash_sale_items: FlashSaleItemsTable;
  flash_sale_buyers: FlashSaleBuyersTable;
  flash_sale_takes: FlashSaleTakesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const flashSaleTableColumns = {
  flash_sale_slots: { id: 'not null', campaign_id: 'not null', starts_at: 'not null', ends_at: 'not null', created_at: 'not null' },
  flash_sale_items: {
    id: 'not null', slot_id: 'not null', variant_id: 'not null', warehouse_id: 'not null', price_fen: 'not null', stock_total: 'not null', sold: 'not null',
    per_buyer_limit: 'not null', created_at: 'not null',
  },
  flash_sale_buyers: { item_id: 'not null', user_id: 'not null', quantity: 'not null' },
  flash_sale_takes: {
    id: 'not null', item_id: 'not null', user_id: 'not null', order_id: 'not null', quantity: 'not null', status: 'not null', taken_at: 'not null', returned_at: 'null',
  },
} as const satisfies TableColumns<FlashSaleTables>;
