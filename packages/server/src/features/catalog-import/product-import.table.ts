import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: catalog-import. The references an import file gave its products are kept by the import service only.

/** The key an import file gave a new product (product_ref), so importing the file again updates it. */
export interface ProductImportRefsTable {
  exporter_id: string;
  ref: string;
  product_id: string;
  created_at: Timestamp;
}

export interface ProductImportTables {
  product_import_refs: ProductImportRefsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const productImportTableColumns = {
  product_import_refs: {
    exporter_id: 'not null', ref: 'not null', product_id: 'not null', created_at: 'not null',
  },
} as const satisfies TableColumns<ProductImportTables>;
