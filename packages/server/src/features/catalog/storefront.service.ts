import { z } from 'zod';
import { formatRate, listingPageSchema, productPageSchema, toCnyFen, type ListingCard, type listingQuerySchema, type ProductPage } from '@pavilion/contracts';
import { PageCache } from './page-cache.ts';
import type { Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { CatalogListingsTable } from './catalog.table.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findImages } from '../media/index.ts';
import { mediaUrl } from '../media/index.ts';
import type { RateService } from '../rates/index.ts';
import { availableByVariant, findRevisions } from './product.repository.ts';
import { stockState, unavailableReason } from './product.rules.ts';

type ListingQuery = z.infer<typeof listingQuerySchema>;

const cursorSchema = z.tuple([z.union([z.string(), z.number(), z.null()]), z.string()]);
const encodeCursor = (value: string | number | null, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION_FAILED', { details: [{ field: 'querystring.cursor', rule: 'invalid_format', message: 'is not a cursor this server gave' }] });
  }
}


type CardRow = Pick<Selectable<CatalogListingsTable>, 'product_id' | 'title_en' | 'title_zh' | 'subtitle_en' | 'subtitle_zh' | 'cover_media_id' | 'currency' | 'price_min_minor' | 'price_cny_min' | 'origin_country' | 'retail_eligible' | 'in_stock' | 'published_at'> & { exporter_id: string; trading_name_en: string; trading_name_zh: string };

/** A listing row as the card buyers see in a list. */
export function toListingCard(r: CardRow): ListingCard {
  return {
    id: r.product_id,
    titleEn: r.title_en,
    titleZh: r.title_zh,
    subtitleEn: r.subtitle_en,
    subtitleZh: r.subtitle_zh,
    cover: { thumb: mediaUrl(r.cover_media_id, 'thumb'), display: mediaUrl(r.cover_media_id, 'display') },
    price: { cnyFen: r.price_cny_min, origin: { amount: r.price_min_minor, currency: r.currency } },
    originCountry: r.origin_country as ListingCard['originCountry'],
    exporter: { id: r.exporter_id, nameEn: r.trading_name_en, nameZh: r.trading_name_zh },
    inStock: r.in_stock === 1,
    available: r.retail_eligible === 1 && r.price_cny_min !== null,
    publishedAt: r.published_at,
  };
}

/** Listing cards of these products, in the order given (those no longer listed are left out). */
export async function findListingCards(db: Db, productIds: string[]): Promise<ListingCard[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_listings as l')
    .innerJoin('exporters as e', 'e.id', 'l.exporter_id')
    .select([...CARD_COLUMNS])
    .where('l.product_id', 'in', productIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.product_id, toListingCard(r)]));
  return productIds.flatMap((id) => byId.get(id) ?? []);
}

const CARD_COLUMNS = [
  'l.product_id', 'l.title_en', 'l.title_zh', 'l.subtitle_en', 'l.subtitle_zh', 'l.cover_media_id', 'l.currency', 'l.price_min_minor',
  'l.price_cny_min', 'l.origin_country', 'l.retail_eligible', 'l.in_stock', 'l.published_at', 'e.id as exporter_id', 'e.trading_name_en', 'e.trading_name_zh',
] as const;

/** What buyers see: listings from the read model, product pages from the live revision. */
export class StorefrontService {
  private readonly db: Db;
  private readonly rates: RateService;
  private readonly cache: PageCache;

  constructor(options: { db: Db; rates: RateService; cacheEntries?: number }) {
    this.db = options.db;
    this.rates = options.rates;
    this.cache = new PageCache({ db: options.db, maxEntries: options.cacheEntries ?? 0 });
  }

  listJson(query: ListingQuery): Promise<string> {
    return this.cache.json(`list:${JSON.stringify(query)}`, this.rates.today(), listingPageSchema, () => this.list(query));
  }

  productPageJson(productId: string): Promise<string> {
    return this.cache.json(`product:${productId}`, this.rates.today(), productPageSchema, () => this.productPage(productId));
  }

  /**
   * One page of listing cards, keyset-paginated for endless scroll. One query whatever the page
   * size or filters (filters by slug resolve in sub-queries), served by the listing indexes.
   */
  async list(query: ListingQuery): Promise<z.infer<typeof listingPageSchema>> {
    // A category filter names a root (its whole subtree) or a leaf: looked up first, so each is an index equality.
    const category = query.category
      ? await this.db.selectFrom('categories').select(['id', 'parent_id as parentId']).where('id', '=', query.category).executeTakeFirst()
      : null;
    if (query.category && !category) return { items: [], nextCursor: null };
    const rows = await this.listingQuery(query, category ?? null).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const cursorValue = (r: (typeof rows)[number]) => (query.sort === 'newest' ? r.published_at : query.sort === 'popular' ? r.sales_count : r.price_cny_min);
    return {
      items: page.map(toListingCard),
      nextCursor: rows.length > query.limit && last ? encodeCursor(cursorValue(last), last.product_id) : null,
    };
  }

  /** The listing's one query (a page and one row more, to know whether another page follows). */
  listingQuery(query: ListingQuery, category: { id: string; parentId: string | null } | null) {
    const sortColumn = query.sort === 'newest' ? 'l.published_at' : query.sort === 'popular' ? 'l.sales_count' : 'l.price_cny_min';
    const direction = query.sort === 'price_asc' ? 'asc' : 'desc';
    let q = this.db
      .selectFrom('catalog_listings as l')
      .innerJoin('exporters as e', 'e.id', 'l.exporter_id')
      .select([...CARD_COLUMNS, 'l.sales_count']);
    if (query.pavilion) {
      const slug = query.pavilion;
      q = q.where('l.pavilion_id', '=', (eb) => eb.selectFrom('pavilions').select('id').where('slug', '=', slug));
    }
    if (category) q = category.parentId === null ? q.where('l.category_root', '=', category.id) : q.where('l.category_id', '=', category.id);
    if (query.exporter) q = q.where('l.exporter_id', '=', query.exporter);
    if (query.brand) q = q.where('l.brand_id', '=', query.brand);
    if (query.country) q = q.where('l.origin_country', '=', query.country);
    if (query.ids) q = q.where('l.product_id', 'in', query.ids.split(',').slice(0, 60));
    if (query.sort === 'price_asc' || query.sort === 'price_desc') q = q.where('l.price_cny_min', 'is not', null);
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor);
      const cmp = direction === 'asc' ? '>' : '<';
      q = q.where((eb) => eb(eb.refTuple(sortColumn, 'l.product_id'), cmp, eb.tuple(value as string, id)));
    }
    return q.orderBy(sortColumn, direction).orderBy('l.product_id', direction).limit(query.limit + 1);
  }

  /** A published product as buyers see it, priced in yuan at the rate in force today. */
  async productPage(productId: string): Promise<ProductPage> {
    const { db } = this;
    const row = await db
      .selectFrom('products as p')
      .innerJoin('exporters as e', 'e.id', 'p.exporter_id')
      .innerJoin('pavilions as pv', 'pv.id', 'e.pavilion_id')
      .select(['p.id', 'p.status', 'p.live_revision_id', 'p.published_at', 'e.id as exporter_id', 'e.trading_name_en', 'e.trading_name_zh', 'e.country_code', 'e.city', 'e.status as exporter_status', 'pv.id as pavilion_id', 'pv.slug', 'pv.name_en', 'pv.name_zh'])
      .where('p.id', '=', productId)
      .executeTakeFirst();
    if (!row || row.status !== 'published' || !row.live_revision_id || row.exporter_status !== 'approved') throw notFound();
    const live = (await findRevisions(db, [row.live_revision_id])).get(row.live_revision_id);
    if (!live) throw notFound();
    const c = live.content;
    const [images, category, brand, hs, available, rates] = await Promise.all([
      findImages(db, c.imageIds),
      db.selectFrom('categories as c').leftJoin('categories as parent', 'parent.id', 'c.parent_id').select(['c.id', 'c.name_en', 'c.name_zh', 'parent.id as parent_id', 'parent.name_en as parent_en', 'parent.name_zh as parent_zh']).where('c.id', '=', c.categoryId).executeTakeFirstOrThrow(),
      c.brandId ? db.selectFrom('brands').select(['id', 'name_en', 'name_zh']).where('id', '=', c.brandId).executeTakeFirst() : undefined,
      c.compliance.hsCode ? db.selectFrom('hs_rates').select(['retail_eligible']).where('hs_code', '=', c.compliance.hsCode).executeTakeFirst() : undefined,
      availableByVariant(db, c.variants.map((v) => v.id)),
      this.rates.ratesInForce(),
    ]);
    const rate = rates.get(c.currency);
    const price = (amount: number) => ({ cnyFen: rate ? toCnyFen(amount, c.currency, rate.rateMicro) : null, origin: { amount, currency: c.currency } });
    const variants = c.variants.map((v) => {
      const left = available.get(v.id) ?? 0;
      return { id: v.id, sku: v.sku, optionValues: v.optionValues, weightGrams: v.weightGrams, price: price(v.priceMinor), stock: stockState(left) };
    });
    const retailEligible = c.compliance.retailSale && hs?.retail_eligible === 1;
    const inStock = variants.some((v) => v.stock !== 'out_of_stock');
    const reason = unavailableReason({ hasRate: rate !== undefined, retailEligible, inStock });
    const { variants: _v, imageIds: _i, ...content } = c;
    return {
      id: row.id,
      content,
      images,
      variants,
      exchangeRate: rate && c.currency !== 'CNY' ? { currency: c.currency, rate: formatRate(rate.rateMicro), effectiveDate: rate.effectiveDate, source: rate.source } : null,
      available: reason === null,
      unavailableReason: reason,
      b2bTiers: c.b2b.tiers.map((t) => ({ minQuantity: t.minQuantity, price: price(t.priceMinor) })),
      category: {
        id: category.id,
        nameEn: category.name_en,
        nameZh: category.name_zh,
        path: [
          ...(category.parent_id && category.parent_en && category.parent_zh ? [{ id: category.parent_id, nameEn: category.parent_en, nameZh: category.parent_zh }] : []),
          { id: category.id, nameEn: category.name_en, nameZh: category.name_zh },
        ],
      },
      exporter: { id: row.exporter_id, nameEn: row.trading_name_en, nameZh: row.trading_name_zh, country: row.country_code as ProductPage['exporter']['country'], city: row.city },
      brand: brand ? { id: brand.id, nameEn: brand.name_en, nameZh: brand.name_zh } : null,
      pavilion: { id: row.pavilion_id, slug: row.slug, nameEn: row.name_en, nameZh: row.name_zh },
      publishedAt: row.published_at ?? '',
    };
  }
}
