import { toCnyFen, type CurrencyCode } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { RateInForce } from '../rates/index.ts';
import { findRevisions } from './product.repository.ts';
import { unavailableReason } from './product.rules.ts';
import { findPurchasableVariants, type PurchasableVariant } from './purchasable.ts';

/** Why a variant cannot be bought now, whatever the quantity; the first that applies. */
export type VariantUnavailableReason = 'unpublished' | 'no_exchange_rate' | 'not_retail_eligible' | 'out_of_stock';

/** A variant as the cart shows it: what checkout sees, priced in yuan at the given rates. */
export interface PricedVariant extends PurchasableVariant {
  /** The live revision's first image (the cover), null when it has none. */
  coverMediaId: string | null;
  /** The rate that made yuan of the price; null when the currency has none in force. */
  rate: RateInForce | null;
  /** One unit in yuan fen (the catalog's rounding), null without a rate. */
  unitFen: number | null;
  /**
   * The most units one warehouse the variant may ship from can still sell: a line ships whole from
   * one warehouse (bonded for 1210, origin for 9610), so more than this cannot be bought at once.
   */
  available: number;
  reason: VariantUnavailableReason | null;
}

/**
 * The variants' yuan prices and availability, for the cart and the quote: one answer for "can this
 * be bought, at what price", so they never disagree. Rates are given (RateService.ratesInForce in
 * the caller's transaction) so a quote can record exactly the rates it used. Variants that do not
 * exist are absent from the map; removed or unlisted ones are there with reason 'unpublished'.
 */
export async function priceVariants(db: Db | Trx, rates: ReadonlyMap<CurrencyCode, RateInForce>, variantIds: readonly string[]): Promise<Map<string, PricedVariant>> {
  const purchasable = await findPurchasableVariants(db, [...variantIds]);
  const covers = await findCovers(db, [...new Set([...purchasable.values()].map((v) => v.productId))]);
  const priced = new Map<string, PricedVariant>();
  for (const [id, variant] of purchasable) {
    priced.set(id, priceVariant(variant, rates.get(variant.currency) ?? null, covers.get(variant.productId) ?? null));
  }
  return priced;
}

/** Pure: one variant priced at a rate (or none), with its reason. */
export function priceVariant(variant: PurchasableVariant, rate: RateInForce | null, coverMediaId: string | null): PricedVariant {
  const available = Math.max(
    0,
    ...variant.warehouses.filter((w) => variant.customsModes.includes(w.kind === 'bonded' ? '1210' : '9610')).map((w) => w.available),
  );
  const reason =
    variant.problem === 'unpublished'
      ? 'unpublished'
      : unavailableReason({ hasRate: rate !== null && variant.problem !== 'no_exchange_rate', retailEligible: variant.problem !== 'not_retail_eligible', inStock: available > 0 });
  return {
    ...variant,
    coverMediaId,
    rate,
    unitFen: rate ? toCnyFen(variant.priceMinor, variant.currency, rate.rateMicro) : null,
    available,
    reason,
  };
}

/** The cover image of each product's live revision. */
async function findCovers(db: Db | Trx, productIds: string[]): Promise<Map<string, string | null>> {
  if (productIds.length === 0) return new Map();
  const products = await db.selectFrom('products').select(['id', 'live_revision_id']).where('id', 'in', productIds).execute();
  const revisions = await findRevisions(db, products.map((p) => p.live_revision_id));
  return new Map(products.map((p) => [p.id, (p.live_revision_id ? revisions.get(p.live_revision_id)?.content.imageIds[0] : undefined) ?? null]));
}
