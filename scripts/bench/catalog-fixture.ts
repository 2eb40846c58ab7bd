/**
 * Builds a large catalog straight into the database (published products with live revisions,
 * variants, stock and listing rows), for benchmarks. Products are made from a few templates with
 * varied names, categories, prices and dates; covers reuse a handful of generated pictures.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../packages/server/src/db/database.ts';
import { MediaService } from '../../packages/server/src/features/media/media.service.ts';
import { drawDemoPicture } from '../../packages/server/src/features/demo/demo-art.ts';
import type { FileStore } from '../../packages/server/src/platform/file-store.ts';

const templates = [
  { en: 'Blue pottery vase', zh: '蓝陶花瓶', category: 'pottery-ceramics', path: 'handicrafts/pottery-ceramics/', currency: 'PKR', price: 450000, hs: '6913900000' },
  { en: 'Ajrak cotton shawl', zh: '阿吉拉克棉披肩', category: 'traditional-prints', path: 'textiles-apparel/traditional-prints/', currency: 'PKR', price: 320000, hs: '6214900090' },
  { en: 'Hand-stitched football', zh: '手工缝制足球', category: 'balls', path: 'sports-goods/balls/', currency: 'PKR', price: 650000, hs: '9506620000' },
  { en: 'Virgin coconut oil', zh: '初榨椰子油', category: 'coconut-products', path: 'food-beverages/coconut-products/', currency: 'FJD', price: 2450, hs: '1513110000' },
  { en: 'Tanna roasted coffee', zh: '塔纳烘焙咖啡豆', category: 'coffee', path: 'coffee-tea/coffee/', currency: 'VUV', price: 1850, hs: '0901210000' },
  { en: 'Black pearl pendant', zh: '黑珍珠吊坠', category: 'pearls', path: 'jewellery/pearls/', currency: 'FJD', price: 38900, hs: '7113119000' },
] as const;
const places = ['Multan', 'Hala', 'Sialkot', 'Hunza', 'Nadi', 'Savusavu', 'Tanna', 'Goroka', 'Apia', "Nuku'alofa"];
const placesZh = ['木尔坦', '哈拉', '锡亚尔科特', '罕萨', '楠迪', '萨武萨武', '塔纳', '戈罗卡', '阿皮亚', '努库阿洛法'];

export async function buildLargeCatalog(db: Db, options: { files: FileStore; count: number; onProgress?: (done: number) => void }): Promise<void> {
  const exporters = await db.selectFrom('exporters').select(['id', 'pavilion_id']).where('status', '=', 'approved').execute();
  if (exporters.length === 0) throw new Error('seed the demo accounts first');
  const media = new MediaService({ db, files: options.files });
  const covers: string[] = [];
  for (let i = 0; i < 12; i++) {
    const exporter = exporters[i % exporters.length];
    const png = await drawDemoPicture({ background: `#${(0x203040 + i * 0x0a0b0c).toString(16).slice(-6)}`, accent: '#f0e6d2', motif: 'vase', caption: `Bench ${i}` });
    covers.push((await media.storeImage(`exporter:${exporter?.id}`, png)).id);
  }
  for (const h of new Set(templates.map((t) => t.hs))) {
    await db.insertInto('hs_rates').values({ hs_code: h, description_en: h, description_zh: h, vat_rate_bp: 1300, consumption_tax_rate_bp: 0, retail_eligible: 1, retail_modes: 'both', updated_at: new Date().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
  }
  const now = Date.now();
  const batch = 500;
  for (let start = 0; start < options.count; start += batch) {
    await db.transaction().execute(async (trx) => {
      const products = [];
      const revisions = [];
      const variants = [];
      const listings = [];
      for (let i = start; i < Math.min(options.count, start + batch); i++) {
        const t = templates[i % templates.length]!;
        const exporter = exporters[i % exporters.length]!;
        const place = i % places.length;
        const productId = randomUUID();
        const revisionId = randomUUID();
        const variantId = randomUUID();
        const price = t.price + ((i * 7919) % 1000) * (t.currency === 'VUV' ? 1 : 10);
        const published = new Date(now - (i % 50_000) * 60_000).toISOString();
        const titleEn = `${t.en} from ${places[place]} No. ${i}`;
        const titleZh = `${placesZh[place]}${t.zh} ${i}号`;
        const cover = covers[i % covers.length]!;
        const content = {
          titleEn, titleZh, subtitleEn: '', subtitleZh: '', descriptionEn: '', descriptionZh: '', originStoryEn: '', originStoryZh: '',
          categoryId: t.category, brandId: null, tags: [], imageIds: [cover], currency: t.currency, options: [],
          variants: [{ id: variantId, sku: `B-${i}`, barcode: '', weightGrams: 500, priceMinor: price, optionValues: [] }],
          b2b: { moq: 10, tiers: [], samplePriceMinor: null, leadTimeDays: 20, incoterms: ['FOB'] },
          compliance: { hsCode: t.hs, retailSale: true, customsModes: ['9610'], originCountry: 'PK', certifications: [] },
          eLabel: { nameZh: t.zh, ingredientsZh: '', originZh: '原产地', netContentZh: '1 件', shelfLifeZh: '', storageZh: '', importerZh: '' },
        };
        products.push({ id: productId, exporter_id: exporter.id, status: 'published' as const, live_revision_id: revisionId, working_revision_id: null, created_at: published, updated_at: published, published_at: published });
        revisions.push({ id: revisionId, product_id: productId, number: 1, content: JSON.stringify(content), state: 'approved' as const, review_reasons: null, created_at: published, updated_at: published, submitted_at: published, reviewed_at: published, reviewed_by: null });
        variants.push({ id: variantId, product_id: productId, exporter_id: exporter.id, sku: `B-${i}`, status: 'active' as const, live_price_minor: price, live_currency: t.currency, live_weight_grams: 500, position: 0, created_at: published });
        listings.push({
          product_id: productId, exporter_id: exporter.id, pavilion_id: exporter.pavilion_id, brand_id: null, category_id: t.category, category_path: t.path, category_root: t.path.split('/')[0] ?? t.category,
          title_en: titleEn, title_zh: titleZh, subtitle_en: '', subtitle_zh: '', cover_media_id: cover, currency: t.currency, price_min_minor: price,
          price_cny_min: null, origin_country: 'PK', customs_modes: '9610', retail_eligible: 1, in_stock: i % 7 === 0 ? 0 : 1, sales_count: (i * 31) % 2000, published_at: published,
        });
      }
      await trx.insertInto('products').values(products).execute();
      await trx.insertInto('product_revisions').values(revisions).execute();
      await trx.insertInto('variants').values(variants).execute();
      await trx.insertInto('catalog_listings').values(listings).execute();
    });
    options.onProgress?.(Math.min(options.count, start + batch));
  }
}
