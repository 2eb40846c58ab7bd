import type { Generated } from 'kysely';
import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: addresses. A buyer's address book is changed through the address service only.

export interface AddressesTable {
  id: string;
  user_id: string;
  name: string;
  phone: string;
  province_code: string;
  city_code: string;
  district_code: string;
  province_name: string;
  city_name: string;
  district_name: string;
  street: string;
  is_default: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AddressTables {
  addresses: AddressesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const addressTableColumns = {
  addresses: {
    id: 'not null', user_id: 'not null', name: 'not null', phone: 'not null', province_code: 'not null', city_code: 'not null',
    district_code: 'not null', province_name: 'not null', city_name: 'not null', district_name: 'not null', street: 'not null',
    is_default: 'not null', created_at: 'not null', updated_at: 'not null',
  },
} as const satisfies TableColumns<AddressTables>;
