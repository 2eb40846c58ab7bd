import type { Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * The keys exporters give new products in an import file (product_ref), remembered with the product
 * each one created, so importing the same file again updates those products instead of adding copies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_import_refs')
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull().defaultTo(nowDefault(db)))
    .addPrimaryKeyConstraint('product_import_refs_pk', ['exporter_id', 'ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_import_refs').execute();
}
