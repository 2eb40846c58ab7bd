import { parseMajor, parseRate, productContentSchema, type CurrencyCode } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { MediaService } from '../media/index.ts';
import { checkPublication, currenciesPricedIn, loadPublicationContext, seedPublishedProduct, seedWarehouse } from '../catalog/index.ts';
import { seedExporterApplication } from '../exporters/index.ts';
import { seedHsRates } from '../hs-rates/index.ts';
import { seedPavilionFeatures } from '../pavilions/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import { RateService, seedExchangeRates } from '../rates/index.ts';
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
    await seedHsRates(trx, demoHsRates.map((h) => ({ ...h, tariffRateBp: h.tariffRateBp ?? null })), now);
    await seedExchangeRates(
      trx,
      demoRates.map((r) => {
        const rateMicro = parseRate(r.rate);
        if (rateMicro === null) throw new Error(`demo rate ${r.currency} ${r.rate}`);
        return { currency: r.currency, rateMicro, effectiveDate: r.effectiveDate, source: r.source };
      }),
      now,
    );
    for (const e of demoExporters) {
      const id = options.exporterIds.get(e.member.email);
      if (!id) continue;
      await seedExporterApplication(trx, id, {
        address: e.address,
        contactName: e.member.displayName,
        contactEmail: e.member.email,
        contactPhone: e.contactPhone,
        registrationNumber: e.registrationNumber,
        gaccRegistrationNumber: e.gaccRegistrationNumber,
        manufacturerName: e.manufacturerName ?? null,
        manufacturerAddress: e.manufacturerAddress ?? null,
        submittedAt: now.toISOString(),
        reviewedAt: e.status === 'approved' ? now.toISOString() : null,
        categoryIds: e.categories,
      });
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
      const warehouse = { exporterId, createdAt: now.toISOString() };
      const origin = await seedWarehouse(trx, { ...warehouse, kind: 'origin', name: `${exporter?.tradingNameEn ?? 'Exporter'} warehouse`, city: exporter?.city ?? '', countryCode: exporter?.country ?? 'PK' });
      // Products with stock in China ship from a bonded warehouse of the exporter's too.
      const bonded = products.some((p) => p.variants.some((v) => v.bondedStock !== undefined))
        ? await seedWarehouse(trx, { ...warehouse, kind: 'bonded', name: 'Shanghai Waigaoqiao FTZ bonded warehouse', city: 'Shanghai', countryCode: 'CN' })
        : null;
      for (const p of products) {
        const picture = pictures.get(p) ?? '';
        const content = toContent(p, picture);
        const context = await loadPublicationContext(trx, { exporterId, content, today: chinaDate(now) });
        const issues = checkPublication(content, context);
        if (issues.length > 0) throw new Error(`demo product "${p.titleEn}" breaks publication rules: ${issues.map((i) => `${i.rule}@${i.field}`).join(', ')}`);
        const stock = p.variants.map((v) => [
          { warehouseId: origin, onHand: v.stock ?? 0 },
          ...(bonded && v.bondedStock !== undefined ? [{ warehouseId: bonded, onHand: v.bondedStock }] : []),
        ]);
        const publishedAt = new Date(now.getTime() - p.publishedDaysAgo * DAY - products.indexOf(p) * 60_000).toISOString();
        await seedPublishedProduct(trx, { exporterId, content, publishedAt, stock, salesCount: p.salesCount }, inForce);
      }
    });
  }

  // Each pavilion features its best sellers and the exporters behind them, as an operator would.
  const pavilions = await db.selectFrom('pavilions').select('id').execute();
  for (const pavilion of pavilions) {
    const top = await db.selectFrom('catalog_listings').select(['product_id', 'exporter_id']).where('pavilion_id', '=', pavilion.id).where('retail_eligible', '=', 1).orderBy('sales_count', 'desc').limit(6).execute();
    const exporters = [...new Set(top.map((t) => t.exporter_id))].slice(0, 4);
    if (top.length > 0) await seedPavilionFeatures(db, pavilion.id, { productIds: top.map((t) => t.product_id), exporterIds: exporters });
  }
}
