import type { ColumnType, Generated } from 'kysely';
import type { CurrencyCode, ProductStatus, revisionStates } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: catalog. Products, their revisions and variants, warehouses, stock and the published listing are written by the
// catalog services. Stock moves from orders and fulfilment should go through stock.service.ts (checkout, order holds and
// shipping still update stock_levels themselves inside their own transactions).

export type RevisionState = (typeof revisionStates)[number];

export interface WarehousesTable {
  id: string;
  exporter_id: string;
  kind: 'origin' | 'bonded';
  name: string;
  city: string;
  country_code: string;
  created_at: Timestamp;
}

export interface ProductsTable {
  id: string;
  exporter_id: string;
  status: ProductStatus;
  live_revision_id: Nullable<string>;
  working_revision_id: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Nullable<string>;
}

export interface ProductRevisionsTable {
  id: string;
  product_id: string;
  number: number;
  content: string;
  state: RevisionState;
  review_reasons: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Nullable<string>;
  reviewed_at: Nullable<string>;
  reviewed_by: Nullable<string>;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  exporter_id: string;
  sku: string;
  status: ColumnType<'active' | 'removed', 'active' | 'removed' | undefined, 'active' | 'removed'>;
  live_price_minor: Nullable<number>;
  live_currency: Nullable<CurrencyCode>;
  live_weight_grams: Nullable<number>;
  position: Generated<number>;
  created_at: Timestamp;
}

export interface StockLevelsTable {
  variant_id: string;
  warehouse_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  updated_at: Timestamp;
}

export interface CatalogListingsTable {
  product_id: string;
  exporter_id: string;
  pavilion_id: string;
  brand_id: string | null;
  category_id: string;
  category_path: string;
  category_root: string;
  title_en: string;
  title_zh: string;
  subtitle_en: string;
  subtitle_zh: string;
  cover_media_id: string;
  currency: CurrencyCode;
  price_min_minor: number;
  price_cny_min: number | null;
  origin_country: string;
  customs_modes: string;
  retail_eligible: number;
  in_stock: Generated<number>;
  sales_count: Generated<number>;
  published_at: string;
}

export interface CatalogStateTable {
  id: number;
  version: number;
}

export interface CatalogTables {
  warehouses: WarehousesTable;
  products: ProductsTable;
  product_revisions: ProductRevisionsTable;
  variants: VariantsTable;
  stock_levels: StockLevelsTable;
  catalog_listings: CatalogListingsTable;
  catalog_state: CatalogStateTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const catalogTableColumns = {
  warehouses: {
    id: 'not null', exporter_id: 'not null', kind: 'not null', name: 'not null', city: 'not null', country_code: 'not null', created_at: 'not null',
  },
  products: {
    id: 'not null', exporter_id: 'not null', status: 'not null', live_revision_id: 'null', working_revision_id: 'null', created_at: 'not null',
    updated_at: 'not null', published_at: 'null',
  },
  product_revisions: {
    id: 'not null', product_id: 'not null', number: 'not null', content: 'not null', state: 'not null', review_reasons: 'null',
    created_at: 'not null', updated_at: 'not null', submitted_at: 'null', reviewed_at: 'null', reviewed_by: 'null',
  },
  variants: {
    id: 'not null', product_id: 'not null', exporter_id: 'not null', sku: 'not null', status: 'not null', live_price_minor: 'null',
    live_currency: 'null', live_weight_grams: 'null', position: 'not null', created_at: 'not null',
  },
  stock_levels: {
    variant_id: 'not null', warehouse_id: 'not null', on_hand: 'not null', reserved: 'not null', updated_at: 'not null',
  },
  catalog_listings: {
    product_id: 'not null', exporter_id: 'not null', pavilion_id: 'not null', brand_id: 'null', category_id: 'not null', category_path: 'not null',
    category_root: 'not null', title_en: 'not null', title_zh: 'not null', subtitle_en: 'not null', subtitle_zh: 'not null',
    cover_media_id: 'not null', currency: 'not null', price_min_minor: 'not null', price_cny_min: 'null', origin_country: 'not null',
    customs_modes: 'not null', retail_eligible: 'not null', in_stock: 'not null', sales_count: 'not null', published_at: 'not null',
  },
  catalog_state: {
    id: 'not null', version: 'not null',
  },
} as const satisfies TableColumns<CatalogTables>;
