import type { CurrencyCode, ProductContent } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { RateInForce } from '../rates/index.ts';
import { rebuildListing } from './catalog-listing.ts';

// Seeding: rows a seed (the demo) has decided, written the way this feature writes them, without
// the caller checks and the review of the services (a seed runs with no one signed in). Whether a
// seeded product meets the publication rules is the seed's to check (checkPublication).

/** Adds a warehouse of an exporter in the caller's transaction; returns its id. */
export async function seedWarehouse(trx: Trx, warehouse: { exporterId: string; kind: 'origin' | 'bonded'; name: string; city: string; countryCode: string; createdAt: string }): Promise<string> {
  const id = newId();
  await trx
    .insertInto('warehouses')
    .values({ id, exporter_id: warehouse.exporterId, kind: warehouse.kind, name: warehouse.name, city: warehouse.city, country_code: warehouse.countryCode, created_at: warehouse.createdAt })
    .execute();
  return id;
}

/** A product on sale since `publishedAt`, with its stock and how many it sold. */
export interface SeedProduct {
  exporterId: string;
  content: ProductContent;
  publishedAt: string;
  /** The units on hand of each variant, in the content's order, by warehouse. */
  stock: Array<Array<{ warehouseId: string; onHand: number }>>;
  salesCount: number;
}

/**
 * Writes a product as if submitted and approved at `publishedAt`: its one revision live, its
 * variants and their stock, then its listing (and search index) built as an approval builds it and
 * its sales count set, in the caller's transaction. Variants and stock go in one statement each.
 * Returns the product's id.
 */
export async function seedPublishedProduct(trx: Trx, product: SeedProduct, rates: Map<CurrencyCode, RateInForce>): Promise<string> {
  const { exporterId, content, publishedAt } = product;
  const productId = newId();
  const revisionId = newId();
  const variants = content.variants.map((v) => ({ ...v, id: newId() }));
  await trx.insertInto('products').values({ id: productId, exporter_id: exporterId, status: 'published', live_revision_id: revisionId, working_revision_id: null, created_at: publishedAt, updated_at: publishedAt, published_at: publishedAt }).execute();
  await trx
    .insertInto('product_revisions')
    .values({ id: revisionId, product_id: productId, number: 1, content: JSON.stringify({ ...content, variants }), state: 'approved', review_reasons: null, created_at: publishedAt, updated_at: publishedAt, submitted_at: publishedAt, reviewed_at: publishedAt, reviewed_by: null })
    .execute();
  if (variants.length > 0) {
    await trx
      .insertInto('variants')
      .values(variants.map((v, position) => ({ id: v.id, product_id: productId, exporter_id: exporterId, sku: v.sku, status: 'active' as const, live_price_minor: v.priceMinor, live_currency: content.currency, live_weight_grams: v.weightGrams, position, created_at: publishedAt })))
      .execute();
  }
  const stock = variants.flatMap((v, position) => (product.stock[position] ?? []).map((s) => ({ variant_id: v.id, warehouse_id: s.warehouseId, on_hand: s.onHand, reserved: 0, updated_at: publishedAt })));
  if (stock.length > 0) await trx.insertInto('stock_levels').values(stock).execute();
  await rebuildListing(trx, productId, rates);
  await trx.updateTable('catalog_listings').set({ sales_count: product.salesCount }).where('product_id', '=', productId).execute();
  return productId;
}
