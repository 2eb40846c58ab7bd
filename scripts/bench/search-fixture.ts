/**
 * A large bilingual catalog for the search benchmark, and the queries buyers would type against it.
 *
 * Everything is made from the demo catalog's own words (its tags in pairs, titles, subtitles,
 * description sentences, place names), recombined with a seeded generator, so word frequencies look
 * like a real catalog's: category words and description phrases are common, brands (made up from
 * syllables of the islands' and Pakistan's place names) and place + product combinations are rare.
 * Rows go straight into the tables, as catalog-fixture.ts does, in batches of 500.
 */
import { randomUUID } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { parseMajor, storedProductContentSchema, type CountryCode } from '@pavilion/contracts';
import type { Insertable } from 'kysely';
import type { Db } from '../../packages/server/src/db/database.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';
import { MediaService } from '../../packages/server/src/features/media/media.service.ts';
import { drawDemoPicture } from '../../packages/server/src/features/demo/demo-art.ts';
import { demoHsRates, demoProducts } from '../../packages/server/src/features/demo/demo-catalog-data.ts';
import type { DemoProduct } from '../../packages/server/src/features/demo/demo-catalog.types.ts';
import { demoExporters } from '../../packages/server/src/features/demo/demo-data.ts';
import type { FileStore } from '../../packages/server/src/platform/file-store.ts';

// ——— Seeded randomness ———

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Random, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Random, p: number) => rng() < p;
function pick<T>(rng: Random, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by Zipf's law over the list's order (s = 1): the first items are common, the tail rare. */
function zipf<T>(rng: Random, items: readonly T[], s = 1): T {
  let total = 0;
  for (let k = 1; k <= items.length; k++) total += 1 / k ** s;
  let r = rng() * total;
  for (let k = 1; k <= items.length; k++) {
    r -= 1 / k ** s;
    if (r <= 0) return items[k - 1] as T;
  }
  return items[items.length - 1] as T;
}

// ——— Vocabulary, taken from the demo catalog ———

export interface Term {
  zh: string;
  en: string;
}

const han = /\p{Script=Han}/u;

/** Demo tags come mostly as English then Chinese ("vase", "花瓶"): pair them; strays stay alone. */
function pairTags(tags: readonly string[]): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? '';
    const next = tags[i + 1];
    if (!han.test(tag) && next !== undefined && han.test(next)) {
      out.push({ en: tag, zh: next });
      i++;
    }
  }
  return out;
}

/** Place names of the demo catalog, by country (the pinyin of these is what buyers type too). */
export const places: Array<Term & { country: CountryCode }> = [
  { zh: '木尔坦', en: 'Multan', country: 'PK' }, { zh: '哈拉', en: 'Hala', country: 'PK' }, { zh: '信德', en: 'Sindh', country: 'PK' },
  { zh: '锡亚尔科特', en: 'Sialkot', country: 'PK' }, { zh: '罕萨', en: 'Hunza', country: 'PK' }, { zh: '吉尔吉特', en: 'Gilgit', country: 'PK' },
  { zh: '喀喇昆仑', en: 'Karakoram', country: 'PK' }, { zh: '白沙瓦', en: 'Peshawar', country: 'PK' }, { zh: '喜马拉雅', en: 'Himalayan', country: 'PK' },
  { zh: '凯乌拉', en: 'Khewra', country: 'PK' }, { zh: '斯瓦特', en: 'Swat', country: 'PK' }, { zh: '卡拉姆', en: 'Kalam', country: 'PK' },
  { zh: '吉德拉尔', en: 'Chitral', country: 'PK' }, { zh: '俾路支', en: 'Balochistan', country: 'PK' }, { zh: '卡拉奇', en: 'Karachi', country: 'PK' },
  { zh: '拉合尔', en: 'Lahore', country: 'PK' }, { zh: '旁遮普', en: 'Punjab', country: 'PK' }, { zh: '明戈拉', en: 'Mingora', country: 'PK' },
  { zh: '乌奇谢里夫', en: 'Uch Sharif', country: 'PK' }, { zh: '巴基斯坦', en: 'Pakistan', country: 'PK' },
  { zh: '斐济', en: 'Fiji', country: 'FJ' }, { zh: '楠迪', en: 'Nadi', country: 'FJ' }, { zh: '萨武萨武', en: 'Savusavu', country: 'FJ' },
  { zh: '塔韦乌尼', en: 'Taveuni', country: 'FJ' }, { zh: '劳托卡', en: 'Lautoka', country: 'FJ' },
  { zh: '萨摩亚', en: 'Samoa', country: 'WS' }, { zh: '萨瓦伊', en: "Savai'i", country: 'WS' }, { zh: '阿皮亚', en: 'Apia', country: 'WS' },
  { zh: '乌波卢岛', en: 'Upolu', country: 'WS' }, { zh: '萨莱洛洛加', en: 'Salelologa', country: 'WS' },
  { zh: '汤加', en: 'Tonga', country: 'TO' }, { zh: '瓦瓦乌', en: "Vava'u", country: 'TO' }, { zh: '努库阿洛法', en: "Nuku'alofa", country: 'TO' },
  { zh: '内亚夫', en: 'Neiafu', country: 'TO' }, { zh: '科洛福欧', en: "Kolofo'ou", country: 'TO' },
  { zh: '瓦努阿图', en: 'Vanuatu', country: 'VU' }, { zh: '塔纳岛', en: 'Tanna', country: 'VU' }, { zh: '维拉港', en: 'Port Vila', country: 'VU' },
  { zh: '桑托岛', en: 'Santo', country: 'VU' },
  { zh: '巴新', en: 'PNG', country: 'PG' }, { zh: '戈罗卡', en: 'Goroka', country: 'PG' }, { zh: '瓦吉山谷', en: 'Wahgi Valley', country: 'PG' },
  { zh: '凯南图', en: 'Kainantu', country: 'PG' }, { zh: '钦布', en: 'Simbu', country: 'PG' }, { zh: '东高地', en: 'Eastern Highlands', country: 'PG' },
];

/** Words the demo titles and descriptions put before a product, most common first. */
export const modifiers: Term[] = [
  { zh: '手工', en: 'handmade' }, { zh: '天然', en: 'natural' }, { zh: '有机', en: 'organic' }, { zh: '传统', en: 'traditional' },
  { zh: '手绘', en: 'hand-painted' }, { zh: '精品', en: 'premium' }, { zh: '经典', en: 'classic' }, { zh: '纯', en: 'pure' },
  { zh: '冷压', en: 'cold-pressed' }, { zh: '复古', en: 'vintage' }, { zh: '高山', en: 'mountain' }, { zh: '野生', en: 'wild' },
  { zh: '日晒', en: 'sun-dried' }, { zh: '限量', en: 'limited' }, { zh: '小批量', en: 'small-batch' }, { zh: '单一产地', en: 'single-origin' },
  { zh: '手工雕刻', en: 'hand-carved' }, { zh: '古法', en: 'heritage' },
];

const packs: Term[] = [
  { zh: '（2只装）', en: ', set of 2' }, { zh: '礼盒装', en: ', gift box' }, { zh: '（500克）', en: ', 500 g' }, { zh: '（3件套）', en: ', set of 3' },
  { zh: '（250克）', en: ', 250 g' }, { zh: '家庭装', en: ', family pack' }, { zh: '（1公斤）', en: ', 1 kg' }, { zh: '旅行装', en: ', travel size' },
];

/** Latin syllables of the place names with the characters Chinese writes them with: brands are made of these. */
const syllables: Array<[string, string]> = [
  ['ka', '卡'], ['la', '拉'], ['sa', '萨'], ['ta', '塔'], ['na', '纳'], ['va', '瓦'], ['mu', '穆'], ['ha', '哈'], ['lo', '洛'], ['vi', '维'],
  ['to', '托'], ['fi', '菲'], ['ri', '里'], ['ko', '科'], ['ba', '巴'], ['si', '西'], ['ma', '马'], ['no', '诺'], ['tu', '图'], ['pa', '帕'],
  ['mo', '莫'], ['ni', '尼'], ['le', '莱'], ['ru', '鲁'], ['ke', '克'], ['da', '达'], ['ge', '格'], ['hu', '胡'], ['so', '索'], ['lu', '卢'],
  ['fa', '法'], ['me', '梅'], ['bu', '布'], ['ti', '蒂'], ['ra', '拉'], ['za', '扎'], ['go', '戈'], ['ne', '内'], ['ki', '基'], ['po', '波'],
];
const brandSuffixes: Term[] = [
  { zh: '工坊', en: 'Workshop' }, { zh: '庄园', en: 'Estate' }, { zh: '合作社', en: 'Co-op' }, { zh: '农场', en: 'Farm' },
  { zh: '手作', en: 'Handmade' }, { zh: '', en: '' }, { zh: '之家', en: 'House' }, { zh: '山谷', en: 'Valley' },
];

interface CategoryVocabulary {
  terms: Term[];
  sentencesZh: string[];
  sentencesEn: string[];
  templates: DemoProduct[];
}

/** Per product line (an exporter's products in one category), so a Fiji pearl never borrows Pakistan's words. */
const lineOf = (p: DemoProduct) => `${p.category}|${p.exporter}`;

function buildVocabulary(): Map<string, CategoryVocabulary> {
  const byLine = new Map<string, CategoryVocabulary>();
  for (const p of demoProducts) {
    const v = byLine.get(lineOf(p)) ?? { terms: [], sentencesZh: [], sentencesEn: [], templates: [] };
    v.templates.push(p);
    for (const t of pairTags(p.tags)) if (!v.terms.some((x) => x.zh === t.zh)) v.terms.push(t);
    for (const para of p.descriptionZh) v.sentencesZh.push(...(para.match(/[^。！？]+[。！？]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 4));
    for (const para of p.descriptionEn) v.sentencesEn.push(...para.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 10));
    byLine.set(lineOf(p), v);
  }
  return byLine;
}

export const vocabulary = buildVocabulary();
/** Every tag pair of the catalog. */
export const allTerms: Term[] = [...new Map([...vocabulary.values()].flatMap((v) => v.terms).map((t) => [t.zh, t])).values()];
const hsRetail = new Map(demoHsRates.map((h) => [h.hsCode, h.retailEligible]));

/** The product word of a demo product: its first tag pair (vase, football, dried apricots…), or its title. */
function headOf(p: DemoProduct): Term {
  return pairTags(p.tags)[0] ?? { zh: p.titleZh, en: p.titleEn };
}

/** Brand names: the same seed gives the same names in the same order, whatever the count (queries name the first ones). */
export function makeBrands(count: number, rng: Random = seededRandom(4242)): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  while (out.length < count) {
    const n = chance(rng, 0.7) ? 2 : 3;
    let en = '';
    let zh = '';
    for (let k = 0; k < n; k++) {
      const [l, h] = pick(rng, syllables);
      en += l;
      zh += h;
    }
    if (seen.has(en)) continue;
    seen.add(en);
    const suffix = pick(rng, brandSuffixes);
    out.push({ en: `${en[0]?.toUpperCase()}${en.slice(1)}${suffix.en ? ` ${suffix.en}` : ''}`, zh: `${zh}${suffix.zh}` });
  }
  return out;
}

/** Sentences of a category until the text is long enough (Chinese in characters, English in words). */
function sentences(rng: Random, pool: readonly string[], min: number, max: number, size: (s: string) => number, extra: string | null): string[] {
  const chosen: string[] = [];
  let length = 0;
  if (extra) {
    chosen.push(extra);
    length += size(extra);
  }
  for (let tries = 0; tries < 12 && length < min; tries++) {
    const s = pick(rng, pool);
    if (chosen.includes(s) || (length > 0 && length + size(s) > max)) continue;
    chosen.push(s);
    length += size(s);
  }
  return chosen;
}
const words = (s: string) => s.split(/\s+/).length;

// ——— The catalog ———

export interface SearchCatalogOptions {
  files: FileStore;
  count: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

/**
 * Inserts `count` published products with brands, variants, stock in an origin warehouse and
 * listing rows (yuan prices are left to refreshListingPrices, as the server does at start).
 * Needs the demo accounts (seedDemo) and the base categories.
 */
export async function buildSearchCatalog(db: Db, options: SearchCatalogOptions): Promise<void> {
  const rng = seededRandom(options.seed ?? 20261123);
  const exporterRows = await db.selectFrom('exporters').select(['id', 'pavilion_id', 'trading_name_en', 'city']).where('status', '=', 'approved').execute();
  const exporterByEmail = new Map<string, { id: string; pavilion_id: string; city: string }>();
  for (const e of demoExporters) {
    const row = exporterRows.find((r) => r.trading_name_en === e.tradingNameEn);
    if (row) exporterByEmail.set(e.member.email, row);
  }
  if (exporterByEmail.size === 0) throw new Error('seed the demo accounts first');
  // Shuffled, so which categories come out large (Zipf over the templates) does not follow the demo's order.
  const templates = demoProducts.filter((p) => exporterByEmail.has(p.exporter)).map((p) => [rng(), p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const categories = new Map((await db.selectFrom('categories').select(['id', 'path', 'parent_id']).execute()).map((c) => [c.id, c]));
  const now = new Date();
  const created = now.toISOString();

  for (const h of demoHsRates) {
    await db
      .insertInto('hs_rates')
      .values({ hs_code: h.hsCode, description_en: h.descriptionEn, description_zh: h.descriptionZh, vat_rate_bp: h.vatRateBp, consumption_tax_rate_bp: h.consumptionTaxRateBp, retail_eligible: h.retailEligible ? 1 : 0, retail_modes: h.retailModes, updated_at: created })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // One origin warehouse and a few covers per exporter; brands: about one per 100 products.
  const media = new MediaService({ db, files: options.files });
  const warehouse = new Map<string, string>();
  const covers = new Map<string, string[]>();
  for (const [email, e] of exporterByEmail) {
    const id = randomUUID();
    warehouse.set(e.id, id);
    await db.insertInto('warehouses').values({ id, exporter_id: e.id, kind: 'origin', name: `Bench warehouse ${email}`, city: e.city, country_code: demoExporters.find((d) => d.member.email === email)?.country ?? 'PK', created_at: created }).execute();
    const ids: string[] = [];
    for (let k = 0; k < 2; k++) {
      const png = await drawDemoPicture({ background: `#${int(rng, 0x101010, 0xc0c0c0).toString(16)}`, accent: '#f0e6d2', motif: 'jar', caption: `${email} ${k}` });
      ids.push((await media.storeImage(`exporter:${e.id}`, png)).id);
    }
    covers.set(e.id, ids);
  }
  const brandTerms = makeBrands(Math.min(2000, Math.max(40, Math.round(options.count / 100))));
  const brands = new Map<string, Array<Term & { id: string }>>();
  const exporterIds = [...exporterByEmail.values()].map((e) => e.id);
  await db
    .insertInto('brands')
    .values(
      brandTerms.map((b, k) => {
        const exporterId = exporterIds[k % exporterIds.length] ?? '';
        const id = randomUUID();
        brands.set(exporterId, [...(brands.get(exporterId) ?? []), { ...b, id }]);
        return { id, exporter_id: exporterId, name_en: b.en, name_zh: b.zh, created_at: created, updated_at: created };
      }),
    )
    .execute();

  const batch = 500;
  for (let start = 0; start < options.count; start += batch) {
    const products: Array<Insertable<DB['products']>> = [];
    const revisions: Array<Insertable<DB['product_revisions']>> = [];
    const variantRows: Array<Insertable<DB['variants']>> = [];
    const stock: Array<Insertable<DB['stock_levels']>> = [];
    const listings: Array<Insertable<DB['catalog_listings']>> = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      // Categories are uneven in size, as in a real catalog: coffee and honey large, kava small.
      const t = zipf(rng, templates, 0.7);
      const exporter = exporterByEmail.get(t.exporter);
      const category = categories.get(t.category);
      const v = vocabulary.get(lineOf(t));
      if (!exporter || !category || !v) throw new Error(`template ${t.titleEn}: exporter or category missing`);
      const head = headOf(t);
      const localPlaces = places.filter((p) => p.country === t.originCountry);
      const place = chance(rng, 0.4) ? zipf(rng, localPlaces) : null;
      const brandPool = brands.get(exporter.id) ?? [];
      const brand = brandPool.length > 0 && chance(rng, 0.7) ? zipf(rng, brandPool, 0.5) : null;
      const brandInTitle = brand !== null && chance(rng, 0.35);
      const modifier = chance(rng, 0.5) ? zipf(rng, modifiers) : null;
      const extra = chance(rng, 0.6) ? zipf(rng, v.terms) : null;
      const pack = chance(rng, 0.2) ? zipf(rng, packs) : null;

      let titleZh: string;
      let titleEn: string;
      if (chance(rng, 0.3)) {
        // The demo's own title, sometimes under a brand.
        titleZh = `${brandInTitle ? brand?.zh : ''}${t.titleZh}`;
        titleEn = `${brandInTitle ? `${brand?.en} ` : ''}${t.titleEn}`;
      } else {
        const core = extra && extra.zh !== head.zh ? [extra, head] : [head];
        titleZh = [brandInTitle ? brand?.zh : '', place?.zh ?? '', modifier?.zh ?? '', ...core.map((c) => c.zh), pack?.zh ?? ''].join('');
        const en = [brandInTitle ? brand?.en : '', modifier?.en ?? '', ...core.map((c) => c.en)].filter(Boolean).join(' ');
        titleEn = `${en[0]?.toUpperCase()}${en.slice(1)}${place ? ` from ${place.en}` : ''}${pack?.en ?? ''}`;
      }
      const sub = pick(rng, v.templates);
      const madeZh = place || brand ? `${place?.zh ?? ''}${brand?.zh ?? ''}出品的${modifier?.zh ?? ''}${head.zh}。` : null;
      const madeEn = place || brand ? `Made${brand ? ` by ${brand.en}` : ''}${place ? ` in ${place.en}` : ''}: ${modifier ? `${modifier.en} ` : ''}${head.en}.` : null;
      const descriptionZh = sentences(rng, v.sentencesZh, 60, 125, (s) => s.length, madeZh);
      const descriptionEn = sentences(rng, v.sentencesEn, 30, 62, words, madeEn);
      const tagSet = new Set([head.zh, head.en, ...(place ? [place.zh] : [])]);
      for (let k = int(rng, 1, 4); k > 0; k--) {
        const term = zipf(rng, v.terms);
        tagSet.add(term.zh);
        if (chance(rng, 0.6)) tagSet.add(term.en);
      }

      const productId = randomUUID();
      const revisionId = randomUUID();
      const priceFactor = 0.5 + rng() * 1.5;
      const useOptions = (t.options?.length ?? 0) > 0 && chance(rng, 0.5);
      const inStock = chance(rng, 0.85);
      const variants = (useOptions ? t.variants : t.variants.slice(0, 1)).map((dv, k) => ({
        id: randomUUID(),
        sku: `S${i}-${k}`,
        barcode: '',
        weightGrams: dv.weightGrams,
        priceMinor: Math.max(1, Math.round((parseMajor(dv.price, t.currency) ?? 100) * priceFactor)),
        optionValues: useOptions ? (dv.optionValues ?? []) : [],
      }));
      const certifications = [...(t.certifications ?? []).map((c) => ({ ...c, documentId: null }))];
      for (const [type, p] of [['organic', 0.08], ['gacc', 0.05], ['fair_trade', 0.03]] as const) {
        if (chance(rng, p) && !certifications.some((c) => c.type === type)) certifications.push({ type, number: `B-${type}-${i}`, issuer: 'Bench certifier', expiresOn: null, documentId: null });
      }
      const modeRoll = rng();
      const customsModes = modeRoll < 0.85 ? t.customsModes : modeRoll < 0.95 ? (['9610', '1210'] as const) : (['1210'] as const);
      const cover = pick(rng, covers.get(exporter.id) ?? []);
      const published = new Date(now.getTime() - Math.floor(rng() * 730 * 86_400_000)).toISOString();
      const content = {
        titleEn: titleEn.slice(0, 120),
        titleZh: titleZh.slice(0, 60),
        subtitleEn: sub.subtitleEn,
        subtitleZh: sub.subtitleZh,
        descriptionEn: `<p>${descriptionEn.join(' ')}</p>`,
        descriptionZh: `<p>${descriptionZh.join('')}</p>`,
        originStoryEn: chance(rng, 0.3) ? t.originStoryEn : '',
        originStoryZh: chance(rng, 0.3) ? t.originStoryZh : '',
        categoryId: t.category,
        brandId: brand?.id ?? null,
        tags: [...tagSet].filter((tag) => tag.length <= 30).slice(0, 20),
        imageIds: [cover],
        currency: t.currency,
        options: useOptions ? (t.options ?? []) : [],
        variants,
        b2b: { moq: t.b2b.moq, tiers: [], samplePriceMinor: null, leadTimeDays: t.b2b.leadTimeDays, incoterms: t.b2b.incoterms },
        compliance: { hsCode: t.hsCode, retailSale: t.retailSale ?? true, customsModes: [...customsModes], originCountry: t.originCountry, certifications },
        eLabel: { nameZh: t.eLabel.nameZh, ingredientsZh: t.eLabel.ingredientsZh ?? '', originZh: t.eLabel.originZh, netContentZh: t.eLabel.netContentZh, shelfLifeZh: t.eLabel.shelfLifeZh ?? '', storageZh: t.eLabel.storageZh ?? '', importerZh: t.eLabel.importerZh ?? '' },
      };
      // A sample of rows goes through the contract, so the generator cannot drift from it unnoticed.
      if (i % 97 === 0) storedProductContentSchema.parse(content);
      const priceMin = Math.min(...variants.map((x) => x.priceMinor));
      products.push({ id: productId, exporter_id: exporter.id, status: 'published' as const, live_revision_id: revisionId, working_revision_id: null, created_at: published, updated_at: published, published_at: published });
      revisions.push({ id: revisionId, product_id: productId, number: 1, content: JSON.stringify(content), state: 'approved' as const, review_reasons: null, created_at: published, updated_at: published, submitted_at: published, reviewed_at: published, reviewed_by: null });
      for (const [position, x] of variants.entries()) {
        variantRows.push({ id: x.id, product_id: productId, exporter_id: exporter.id, sku: x.sku, status: 'active' as const, live_price_minor: x.priceMinor, live_currency: t.currency, live_weight_grams: x.weightGrams, position, created_at: published });
        stock.push({ variant_id: x.id, warehouse_id: warehouse.get(exporter.id) ?? '', on_hand: inStock ? int(rng, 1, 500) : 0, reserved: 0, updated_at: published });
      }
      listings.push({
        product_id: productId, exporter_id: exporter.id, pavilion_id: exporter.pavilion_id, brand_id: brand?.id ?? null, category_id: t.category, category_path: category.path, category_root: category.parent_id ?? t.category,
        title_en: content.titleEn, title_zh: content.titleZh, subtitle_en: content.subtitleEn, subtitle_zh: content.subtitleZh, cover_media_id: cover, currency: t.currency, price_min_minor: priceMin,
        price_cny_min: null, origin_country: t.originCountry, customs_modes: customsModes.join(','), retail_eligible: (t.retailSale ?? true) && hsRetail.get(t.hsCode) === true ? 1 : 0,
        in_stock: inStock ? 1 : 0, sales_count: Math.floor(3000 * rng() ** 4), published_at: published,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('products').values(products).execute();
      await trx.insertInto('product_revisions').values(revisions).execute();
      await trx.insertInto('variants').values(variantRows).execute();
      await trx.insertInto('stock_levels').values(stock).execute();
      await trx.insertInto('catalog_listings').values(listings).execute();
    });
    options.onProgress?.(Math.min(options.count, start + batch));
  }
}

// ——— Queries ———

export interface BenchQuery {
  /** What the buyer typed. */
  q: string;
  /** Extra query string after q (filters, sort), '' for none. */
  filters: string;
  kind: string;
}

const pinyinOf = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }).filter((s) => /^[a-z]+$/.test(s));
const initialsOf = (zh: string) => pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');

/** Nouns of the demo titles, for plural queries (scarf → scarves is the irregular one). */
const nouns = ['vase', 'plate', 'tile', 'mug', 'lamp', 'shawl', 'scarf', 'football', 'glove', 'sandal', 'apricot', 'walnut', 'mulberry', 'bean', 'pearl', 'earring', 'necklace', 'ring', 'coaster', 'bowl', 'soap', 'chip', 'nib', 'capsule', 'root', 'bag', 'cushion', 'runner', 'block', 'box', 'stole', 'cap', 'pendant', 'ball', 'chappal'];
function plural(word: string): string {
  if (word === 'scarf') return 'scarves';
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** One typing mistake in a word of five letters or more: a letter dropped, doubled, swapped or replaced by its neighbour on the keyboard. */
function typo(rng: Random, word: string): string {
  const at = int(rng, 1, word.length - 2);
  const neighbours: Record<string, string> = { a: 's', s: 'a', e: 'r', r: 'e', i: 'o', o: 'i', n: 'm', m: 'n', t: 'y', l: 'k', c: 'v', u: 'y', h: 'j', d: 'f', p: 'o', k: 'l', g: 'h', b: 'v', v: 'b', f: 'g', w: 'e', y: 't' };
  switch (int(rng, 0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    default:
      return word.slice(0, at) + (neighbours[word[at] ?? ''] ?? 'e') + word.slice(at + 1);
  }
}

/** Things nobody sells on Pavilion (and noise), so some queries find nothing. */
const misses = ['笔记本电脑', '手机壳', '量子计算机', '电动牙刷', '自行车轮胎', '机械键盘', '扫地机器人', 'laptop', 'iphone charger', 'snowboard', 'winter tyres', 'graphics card', 'lawn mower', 'xqzvbt', 'qwrtpl zzk', 'hjkfdsa'];
const countries: CountryCode[] = ['PK', 'FJ', 'WS', 'TO', 'VU', 'PG'];
const filterSets = ['&country=FJ', '&sort=price_asc', '&in_stock=true', '&price_min=50&price_max=500', '&country=PK&sort=best_selling', '&in_stock=true&sort=price_desc'];

/** `count` queries of mixed kinds from the catalog's vocabulary, the same for the same seed. */
export function buildQueries(count: number, seed = 7): BenchQuery[] {
  const rng = seededRandom(seed);
  const zhWords = [...allTerms.map((t) => t.zh), ...modifiers.map((m) => m.zh)].filter((w) => han.test(w) && w.length >= 2);
  const enWords = [...new Set(allTerms.flatMap((t) => t.en.toLowerCase().split(/\s+/)).filter((w) => /^[a-z]{3,}$/.test(w)))];
  const enPhrases = allTerms.map((t) => t.en).filter((e) => /^[A-Za-z-]+ [A-Za-z-]+$/.test(e));
  const longWords = enWords.filter((w) => w.length >= 5);
  const brands = makeBrands(200);
  const lines = [...vocabulary.values()];
  const line = () => {
    const v = pick(rng, lines);
    const t = pick(rng, v.templates);
    return { head: headOf(t), term: zipf(rng, v.terms), place: pick(rng, places.filter((p) => p.country === t.originCountry)) };
  };
  const kinds: Array<[string, number, () => string]> = [
    ['zh word', 14, () => zipf(rng, zhWords, 0.7)],
    ['zh phrase', 9, () => {
      // Mostly words that go together in the catalog (a place of the line's country or a modifier, and a word of the line); some that do not.
      const l = line();
      const a = chance(rng, 0.5) ? l.place.zh : zipf(rng, modifiers).zh;
      return `${a}${chance(rng, 0.5) ? ' ' : ''}${chance(rng, 0.8) ? l.term.zh : pick(rng, allTerms).zh}`;
    }],
    ['place', 7, () => (chance(rng, 0.6) ? pick(rng, places).zh : pick(rng, places).en)],
    ['pinyin full', 6, () => pinyinOf(chance(rng, 0.3) ? pick(rng, places).zh : zipf(rng, zhWords, 0.7)).join('')],
    ['pinyin spaced', 4, () => pinyinOf(chance(rng, 0.3) ? pick(rng, places).zh : zipf(rng, zhWords, 0.7)).join(' ')],
    ['pinyin initials', 4, () => initialsOf(chance(rng, 0.3) ? pick(rng, places).zh : zipf(rng, zhWords, 0.7))],
    ['en word', 12, () => zipf(rng, enWords, 0.7)],
    ['en two words', 10, () => (chance(rng, 0.6) ? pick(rng, enPhrases) : `${zipf(rng, modifiers).en} ${line().head.en}`).toLowerCase()],
    ['en plural', 5, () => plural(pick(rng, nouns))],
    ['en typo', 7, () => typo(rng, pick(rng, longWords))],
    ['mixed zh+en', 5, () => {
      const l = line();
      return chance(rng, 0.5) ? `${l.place.zh} ${l.head.en}` : `${l.place.en} ${l.term.zh}`;
    }],
    ['brand', 4, () => {
      const b = zipf(rng, brands);
      return chance(rng, 0.5) ? b.zh : b.en.toLowerCase();
    }],
    ['no match', 5, () => pick(rng, misses)],
  ];
  const total = kinds.reduce((s, k) => s + k[1], 0);
  const out: BenchQuery[] = [];
  while (out.length < count) {
    let r = rng() * total;
    const [kind, , make] = kinds.find((k) => (r -= k[1]) <= 0) ?? kinds[0]!;
    const q = make().trim().slice(0, 100);
    if (!q) continue;
    const filtered = chance(rng, 0.2);
    const filters = filtered ? (chance(rng, 0.3) ? `&country=${pick(rng, countries)}` : pick(rng, filterSets)) : '';
    out.push({ q, filters, kind: filtered ? `${kind} +filter` : kind });
  }
  return out;
}

/** The first 1–4 characters of queries, as a buyer sees suggestions while typing (Chinese: 1–2). */
export function buildPrefixes(queries: readonly BenchQuery[], count: number, seed = 11): string[] {
  const rng = seededRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    const q = pick(rng, queries).q;
    const max = han.test(q[0] ?? '') ? Math.min(2, q.length) : Math.min(4, q.length);
    const prefix = q.slice(0, int(rng, 1, max)).trim();
    if (prefix) out.push(prefix);
  }
  return out;
}
