import type { CurrencyCode, StoredProductContent } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';

/** A variant as checkout sees it: its live price, taxes, stock per warehouse and whether it may be sold. */
export interface PurchasableVariant {
  variantId: string;
  productId: string;
  sku: string;
  titleZh: string;
  titleEn: string;
  optionValues: string[];
  weightGrams: number;
  priceMinor: number;
  currency: CurrencyCode;
  exporter: { id: string; nameZh: string; nameEn: string; pavilionId: string };
  hsCode: string;
  vatRateBp: number;
  consumptionTaxRateBp: number;
  /** MFN tariff of the HS code, charged only under the general regime; null when the table has none yet. */
  tariffRateBp: number | null;
  /** The exporter declared one unit an indivisible good (not a set or multipack): the single-item exception may apply. */
  indivisible: boolean;
  customsModes: Array<'9610' | '1210'>;
  /** Why it cannot be sold at all now (before stock); null when it can. */
  problem: 'unpublished' | 'no_exchange_rate' | 'not_retail_eligible' | null;
  warehouses: Array<{ id: string; kind: 'origin' | 'bonded'; name: string; city: string; available: number }>;
}

/**
 * Variants as checkout sees them: the live revision's titles, price and compliance, the HS rates,
 * and what each warehouse can still sell (on hand less reserved). What the catalog says about a
 * variant for buying lives here, so orders never read the catalog's tables themselves.
 */
export async function findPurchasableVariants(db: Db | Trx, variantIds: string[]): Promise<Map<string, PurchasableVariant>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('exporters as e', 'e.id', 'v.exporter_id')
    .select(['v.id', 'v.product_id', 'v.sku', 'v.status as variant_status', 'v.live_price_minor', 'v.live_currency', 'v.live_weight_grams', 'p.status', 'p.live_revision_id', 'e.id as exporter_id', 'e.trading_name_zh', 'e.trading_name_en', 'e.pavilion_id', 'e.status as exporter_status'])
    .where('v.id', 'in', ids)
    .execute();
  // Stored content was validated by the contract when written; checkout reads it on every placement, so it is not parsed again.
  const liveIds = [...new Set(rows.flatMap((r) => (r.live_revision_id ? [r.live_revision_id] : [])))];
  const revisionRows = liveIds.length > 0 ? await db.selectFrom('product_revisions').select(['id', 'content']).where('id', 'in', liveIds).execute() : [];
  const revisions = new Map(revisionRows.map((r) => [r.id, { content: JSON.parse(r.content) as StoredProductContent }]));
  const hsCodes = [...new Set([...revisions.values()].map((r) => r.content.compliance.hsCode).filter(Boolean))];
  const [hs, stock] = await Promise.all([
    hsCodes.length > 0 ? db.selectFrom('hs_rates').select(['hs_code', 'vat_rate_bp', 'consumption_tax_rate_bp', 'tariff_rate_bp', 'retail_eligible', 'retail_modes']).where('hs_code', 'in', hsCodes).execute() : [],
    db
      .selectFrom('stock_levels as s')
      .innerJoin('warehouses as w', 'w.id', 's.warehouse_id')
      .select(['s.variant_id', 's.warehouse_id', 's.on_hand', 's.reserved', 'w.kind', 'w.name', 'w.city'])
      .where('s.variant_id', 'in', ids)
      .execute(),
  ]);
  const hsByCode = new Map(hs.map((h) => [h.hs_code, h]));
  const result = new Map<string, PurchasableVariant>();
  for (const row of rows) {
    const live = row.live_revision_id ? revisions.get(row.live_revision_id) : undefined;
    const content = live?.content;
    const variant = content?.variants.find((v) => v.id === row.id);
    const rate = content ? hsByCode.get(content.compliance.hsCode) : undefined;
    const listed = row.status === 'published' && row.exporter_status === 'approved' && row.variant_status === 'active' && row.live_price_minor !== null && content && variant;
    const modes = (content?.compliance.customsModes ?? []).filter((m) => rate?.retail_modes === 'both' || m === '1210');
    result.set(row.id, {
      variantId: row.id,
      productId: row.product_id,
      sku: row.sku,
      titleZh: content?.titleZh ?? '',
      titleEn: content?.titleEn ?? '',
      optionValues: variant?.optionValues ?? [],
      weightGrams: row.live_weight_grams ?? variant?.weightGrams ?? 0,
      priceMinor: row.live_price_minor ?? 0,
      currency: row.live_currency ?? content?.currency ?? 'CNY',
      exporter: { id: row.exporter_id, nameZh: row.trading_name_zh, nameEn: row.trading_name_en, pavilionId: row.pavilion_id },
      hsCode: content?.compliance.hsCode ?? '',
      vatRateBp: rate?.vat_rate_bp ?? 0,
      consumptionTaxRateBp: rate?.consumption_tax_rate_bp ?? 0,
      tariffRateBp: rate?.tariff_rate_bp ?? null,
      // Content written before the declaration existed has none: not indivisible (see the contract).
      indivisible: content?.compliance.indivisible === true,
      customsModes: modes,
      problem: !listed ? 'unpublished' : !content.compliance.retailSale || rate?.retail_eligible !== 1 || modes.length === 0 ? 'not_retail_eligible' : null,
      warehouses: stock
        .filter((s) => s.variant_id === row.id)
        .map((s) => ({ id: s.warehouse_id, kind: s.kind, name: s.name, city: s.city, available: s.on_hand - s.reserved })),
    });
  }
  return result;
}
