import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: trade (company.service.ts). Importing companies are created and verified there (a seed writes its own through company.seed.ts).

export interface BuyerCompaniesTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  city: string;
  created_at: Timestamp;
  credit_code: Nullable<string>;
  address: Nullable<string>;
  verified_at: Nullable<string>;
  verified_by: Nullable<string>;
}

export interface CompanyTables {
  buyer_companies: BuyerCompaniesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const companyTableColumns = {
  buyer_companies: {
    id: 'not null', name_zh: 'not null', name_en: 'null', city: 'not null', created_at: 'not null', credit_code: 'null', address: 'null',
    verified_at: 'null', verified_by: 'null',
  },
} as const satisfies TableColumns<CompanyTables>;
