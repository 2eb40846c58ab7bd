import { toCnyFen, type CurrencyCode } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { bumpCatalogVersion } from './catalog-version.ts';
import { raiseMissingRateAlert, type RateInForce } from '../rates/index.ts';
import { availableByVariant, findProduct, findRevisions } from './product.repository.ts';
import { indexProducts } from '../search/index.ts';

/**
 * Rebuilds the storefront's listing row of one product from its live revision, or removes it when
 * the product is not on sale. Called inside the transaction that changed the product or its stock,
 * so buyers never see a listing (nor a search result) that disagrees with what was committed.
 */
export async function rebuildListing(trx: Trx, productId: string, rates: Map<CurrencyCode, RateInForce>): Promise<void> {
  await bumpCatalogVersion(trx);
  const product = await findProduct(trx, productId);
  if (!product || product.status !== 'published' || !product.live_revision_id) {
    await trx.deleteFrom('catalog_listings').where('product_id', '=', productId).execute();
    await indexProducts(trx, [productId]);
    return;
  }
  const live = (await findRevisions(trx, [product.live_revision_id])).get(product.live_revision_id);
  if (!live) throw new Error(`product ${productId} has no live revision ${product.live_revision_id}`);
  const c = live.content;
  const [exporter, category, hs, available] = await Promise.all([
    trx.selectFrom('exporters').select(['pavilion_id']).where('id', '=', product.exporter_id).executeTakeFirstOrThrow(),
    trx.selectFrom('categories').select(['path', 'parent_id']).where('id', '=', c.categoryId).executeTakeFirstOrThrow(),
    c.compliance.hsCode ? trx.selectFrom('hs_rates').select(['retail_eligible']).where('hs_code', '=', c.compliance.hsCode).executeTakeFirst() : undefined,
    availableByVariant(trx, c.variants.map((v) => v.id)),
  ]);
  const priceMin = Math.min(...c.variants.map((v) => v.priceMinor));
  const rate = rates.get(c.currency);
  if (!rate) await raiseMissingRateAlert(trx, c.currency, new Date().toISOString());
  const row = {
    exporter_id: product.exporter_id,
    pavilion_id: exporter.pavilion_id,
    brand_id: c.brandId,
    category_id: c.categoryId,
    category_path: category.path,
    category_root: category.parent_id ?? c.categoryId,
    title_en: c.titleEn,
    title_zh: c.titleZh,
    subtitle_en: c.subtitleEn,
    subtitle_zh: c.subtitleZh,
    cover_media_id: c.imageIds[0] ?? '',
    currency: c.currency,
    price_min_minor: priceMin,
    price_cny_min: rate ? toCnyFen(priceMin, c.currency, rate.rateMicro) : null,
    origin_country: c.compliance.originCountry,
    customs_modes: c.compliance.customsModes.join(','),
    retail_eligible: c.compliance.retailSale && hs?.retail_eligible === 1 ? 1 : 0,
    in_stock: [...available.values()].some((n) => n > 0) ? 1 : 0,
    published_at: product.published_at ?? new Date().toISOString(),
  };
  await trx
    .insertInto('catalog_listings')
    .values({ product_id: productId, ...row })
    .onConflict((oc) => oc.column('product_id').doUpdateSet(row))
    .execute();
  // Search follows in the same transaction: no result disagrees with what was committed.
  await indexProducts(trx, [productId]);
}

/**
 * Keeps the listings' "in stock" in step after units were reserved or released (orders), in the
 * caller's transaction. Only stock moves here, so the listing is not rebuilt: search reads the flag
 * from the listing itself.
 */
export async function refreshListingStock(trx: Trx, productIds: Iterable<string>): Promise<void> {
  for (const productId of new Set(productIds)) {
    const left = await trx
      .selectFrom('stock_levels as s')
      .innerJoin('variants as v', 'v.id', 's.variant_id')
      .select((eb) => eb.fn.sum<number>(eb('s.on_hand', '-', eb.ref('s.reserved'))).as('left'))
      .where('v.product_id', '=', productId)
      .where('v.status', '=', 'active')
      .executeTakeFirst();
    const inStock = Number(left?.left ?? 0) > 0 ? 1 : 0;
    await trx.updateTable('catalog_listings').set({ in_stock: inStock }).where('product_id', '=', productId).where('in_stock', '<>', inStock).execute();
  }
  await bumpCatalogVersion(trx);
}
