import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: cart. A buyer's cart is changed through the cart service only.

export interface CartsTable {
  id: string;
  owner: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CartLinesTable {
  cart_id: string;
  variant_id: string;
  quantity: number;
  added_at: Timestamp;
}

export interface CartTables {
  carts: CartsTable;
  cart_lines: CartLinesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const cartTableColumns = {
  carts: {
    id: 'not null', owner: 'not null', created_at: 'not null', updated_at: 'not null',
  },
  cart_lines: {
    cart_id: 'not null', variant_id: 'not null', quantity: 'not null', added_at: 'not null',
  },
} as const satisfies TableColumns<CartTables>;
