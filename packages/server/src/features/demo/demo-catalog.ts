import { parseMajor, parseRate, productContentSchema, type CurrencyCode } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { newId } from '../../platform/ids.ts';
import { MediaService } from '../media/index.ts';
import { rebuildListing } from '../catalog/index.ts';
import { loadPublicationContext } from '../catalog/index.ts';
import { suggestedFoodMark } from '../hs-rates/index.ts';
import { checkPublication } from '../catalog/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import { RateService } from '../rates/index.ts';
import { currenciesPricedIn } from '../catalog/index.ts';
import { drawDemoPicture } from './demo-art.ts';
import { demoHsRates, demoProducts, demoRates } from './demo-catalog-data.ts';
import type { DemoProduct } from './demo-catalog.types.ts';
import { demoExporters } from './demo-data.ts';

const DAY = 86_400_000;

function major(text: string, currency: CurrencyCode, where: string): number {
  const amount = parseMajor(text, currency);
  if (amount === null) throw new Error(`demo data: ${where} "${text}" is not a ${currency} amount`);
  return amount;
}

/** A demo product as the content an exporter would have saved. */
function toContent(p: DemoProduct, imageId: string) {
  const where = `${p.titleEn}`;
  return productContentSchema.parse({
    titleEn: p.titleEn,
    titleZh: p.titleZh,
    subtitleEn: p.subtitleEn,
    subtitleZh: p.subtitleZh,
    descriptionEn: p.descriptionEn.map((para) => `<p>${para}</p>`).join(''),
    descriptionZh: p.descriptionZh.map((para) => `<p>${para}</p>`).join(''),
    originStoryEn: p.originStoryEn,
    originStoryZh: p.originStoryZh,
    categoryId: p.category,
    brandId: null,
    tags: p.tags,
    imageIds: [imageId],
    currency: p.currency,
    options: p.options ?? [],
    variants: p.variants.map((v) => ({
      sku: v.sku,
      barcode: v.barcode ?? '',
      weightGrams: v.weightGrams,
      priceMinor: major(v.price, p.currency, `${where} ${v.sku}`),
      optionValues: v.optionValues ?? [],
    })),
    b2b: {
      moq: p.b2b.moq,
      tiers: p.b2b.tiers.map((t) => ({ minQuantity: t.minQuantity, priceMinor: major(t.price, p.currency, `${where} tier`) })),
      samplePriceMinor: p.b2b.samplePrice === null ? null : major(p.b2b.samplePrice, p.currency, `${where} sample`),
      leadTimeDays: p.b2b.leadTimeDays,
      incoterms: p.b2b.incoterms,
    },
    compliance: {
      hsCode: p.hsCode,
      retailSale: p.retailSale ?? true,
      customsModes: p.customsModes,
      indivisible: p.indivisible ?? false,
      originCountry: p.originCountry,
      certifications: (p.certifications ?? []).map((c) => ({ ...c, documentId: null })),
    },
    eLabel: p.eLabel,
  });
}

/**
 * The demo catalog: HS rates, exchange rates, exporters' application details, warehouses, and
 * every demo product published with a generated picture and stock. Each product must pass the
 * same publication rules an operator's approval checks; the seed stops if one does not.
 */
export async function seedDemoCatalog(db: Db, options: { files: FileStore; exporterIds: Map<string, string>; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const media = new MediaService({ db, files: options.files });
  const rates = new RateService({ db, clock: () => now, pricedCurrencies: (filter) => currenciesPricedIn(db, filter) });

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hs_rates')
      .values(demoHsRates.map((h) => ({ hs_code: h.hsCode, description_en: h.descriptionEn, description_zh: h.descriptionZh, vat_rate_bp: h.vatRateBp, consumption_tax_rate_bp: h.consumptionTaxRateBp, tariff_rate_bp: h.tariffRateBp ?? null, retail_eligible: h.retailEligible ? 1 : 0, retail_modes: h.retailModes, updated_at: now.toISOString() })))
      .execute();
    // The food mark by the code's default (chapters 01–24 less the headings not eaten, edible salt).
    const food = demoHsRates.filter((h) => suggestedFoodMark(h.hsCode)).map((h) => h.hsCode);
    if (food.length > 0) await trx.updateTable('hs_rates').set({ is_food: 1 }).where('hs_code', 'in', food).execute();
    await trx
      .insertInto('exchange_rates')
      .values(demoRates.map((r) => {
        const rateMicro = parseRate(r.rate);
        if (rateMicro === null) throw new Error(`demo rate ${r.currency} ${r.rate}`);
        return { id: newId(), currency: r.currency, rate_micro: rateMicro, effective_date: r.effectiveDate, source: r.source, created_by: null, created_at: now.toISOString() };
      }))
      .execute();
    for (const e of demoExporters) {
      const id = options.exporterIds.get(e.member.email);
      if (!id) continue;
      await trx
        .updateTable('exporters')
        .set({
          address: e.address,
          contact_name: e.member.displayName,
          contact_email: e.member.email,
          registration_number: e.registrationNumber,
          gacc_registration_number: e.gaccRegistrationNumber,
          contact_phone: e.contactPhone,
          manufacturer_name: e.manufacturerName ?? null,
          manufacturer_address: e.manufacturerAddress ?? null,
          submitted_at: now.toISOString(),
          reviewed_at: e.status === 'approved' ? now.toISOString() : null,
        })
        .where('id', '=', id)
        .execute();
      if (e.categories.length > 0) {
        await trx.insertInto('exporter_categories').values(e.categories.map((category_id: string) => ({ exporter_id: id, category_id }))).execute();
      }
    }
  });

  // Pictures first (sharp runs outside any transaction), then each exporter's products in one transaction.
  const pictures = new Map<DemoProduct, string>();
  for (const p of demoProducts) {
    const exporterId = options.exporterIds.get(p.exporter);
    if (!exporterId) throw new Error(`demo product ${p.titleEn}: no exporter ${p.exporter}`);
    const png = await drawDemoPicture({ ...p.art, caption: p.titleEn });
    pictures.set(p, (await media.storeImage(`exporter:${exporterId}`, png)).id);
  }

  const inForce = await rates.ratesInForce(db, chinaDate(now));
  const byExporter = new Map<string, DemoProduct[]>();
  for (const p of demoProducts) byExporter.set(p.exporter, [...(byExporter.get(p.exporter) ?? []), p]);
  for (const [email, products] of byExporter) {
    const exporterId = options.exporterIds.get(email) ?? '';
    const exporter = demoExporters.find((e) => e.member.email === email);
    await db.transaction().execute(async (trx) => {
      const origin = newId();
      await trx.insertInto('warehouses').values({ id: origin, exporter_id: exporterId, kind: 'origin', name: `${exporter?.tradingNameEn ?? 'Exporter'} warehouse`, city: exporter?.city ?? '', country_code: exporter?.country ?? 'PK', created_at: now.toISOString() }).execute();
      let bonded: string | null = null;
      for (const p of products) {
        const picture = pictures.get(p) ?? '';
        const content = toContent(p, picture);
        const context = await loadPublicationContext(trx, { exporterId, content, today: chinaDate(now) });
        const issues = checkPublication(content, context);
        if (issues.length > 0) throw new Error(`demo product "${p.titleEn}" breaks publication rules: ${issues.map((i) => `${i.rule}@${i.field}`).join(', ')}`);

        const productId = newId();
        const revisionId = newId();
        const publishedAt = new Date(now.getTime() - p.publishedDaysAgo * DAY - products.indexOf(p) * 60_000).toISOString();
        const variants = content.variants.map((v) => ({ ...v, id: newId() }));
        await trx.insertInto('products').values({ id: productId, exporter_id: exporterId, status: 'published', live_revision_id: revisionId, working_revision_id: null, created_at: publishedAt, updated_at: publishedAt, published_at: publishedAt }).execute();
        await trx
          .insertInto('product_revisions')
          .values({ id: revisionId, product_id: productId, number: 1, content: JSON.stringify({ ...content, variants }), state: 'approved', review_reasons: null, created_at: publishedAt, updated_at: publishedAt, submitted_at: publishedAt, reviewed_at: publishedAt, reviewed_by: null })
          .execute();
        for (const [position, v] of variants.entries()) {
          const demo = p.variants[position];
          await trx.insertInto('variants').values({ id: v.id, product_id: productId, exporter_id: exporterId, sku: v.sku, status: 'active', live_price_minor: v.priceMinor, live_currency: content.currency, live_weight_grams: v.weightGrams, position, created_at: publishedAt }).execute();
          await trx.insertInto('stock_levels').values({ variant_id: v.id, warehouse_id: origin, on_hand: demo?.stock ?? 0, reserved: 0, updated_at: publishedAt }).execute();
          if (demo?.bondedStock !== undefined) {
            if (!bonded) {
              bonded = newId();
              await trx.insertInto('warehouses').values({ id: bonded, exporter_id: exporterId, kind: 'bonded', name: 'Shanghai Waigaoqiao FTZ bonded warehouse', city: 'Shanghai', country_code: 'CN', created_at: now.toISOString() }).execute();
            }
            await trx.insertInto('stock_levels').values({ variant_id: v.id, warehouse_id: bonded, on_hand: demo.bondedStock, reserved: 0, updated_at: publishedAt }).execute();
          }
        }
        await rebuildListing(trx, productId, inForce);
        await trx.updateTable('catalog_listings').set({ sales_count: p.salesCount }).where('product_id', '=', productId).execute();
      }
    });
  }

  // Each pavilion features its best sellers and the exporters behind them, as an operator would.
  const pavilions = await db.selectFrom('pavilions').select('id').execute();
  for (const pavilion of pavilions) {
    const top = await db.selectFrom('catalog_listings').select(['product_id', 'exporter_id']).where('pavilion_id', '=', pavilion.id).where('retail_eligible', '=', 1).orderBy('sales_count', 'desc').limit(6).execute();
    const exporters = [...new Set(top.map((t) => t.exporter_id))].slice(0, 4);
    const features = [
      ...top.map((t, position) => ({ pavilion_id: pavilion.id, kind: 'product' as const, target_id: t.product_id, position })),
      ...exporters.map((target_id, position) => ({ pavilion_id: pavilion.id, kind: 'exporter' as const, target_id, position })),
    ];
    if (features.length > 0) await db.insertInto('pavilion_features').values(features).execute();
  }
}
