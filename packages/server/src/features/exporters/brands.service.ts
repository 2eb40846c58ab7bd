import type { z } from 'zod';
import { countryCodeSchema, validationMessages as m, type Brand, type BrandInput, type storeBrandSchema, type storeExporterSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { toStoredMedia, type MediaService } from '../media/index.ts';
import { isPublic } from './exporter-review.rules.ts';

/** Brands with their logo's size: one query for any number. */
function selectBrands(db: Db | Trx) {
  return db
    .selectFrom('brands as b')
    .leftJoin('media as md', 'md.id', 'b.logo_media_id')
    .select(['b.id', 'b.exporter_id', 'b.name_en', 'b.name_zh', 'b.story_en', 'b.story_zh', 'b.created_at', 'b.updated_at', 'md.id as logo_id', 'md.width as logo_width', 'md.height as logo_height'])
    .orderBy('b.name_en')
    .orderBy('b.id');
}
type BrandRow = Awaited<ReturnType<ReturnType<typeof selectBrands>['execute']>>[number];

function toBrand(row: BrandRow): Brand {
  return {
    id: row.id,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    storyEn: row.story_en,
    storyZh: row.story_zh,
    logo: row.logo_id && row.logo_width !== null && row.logo_height !== null ? toStoredMedia({ id: row.logo_id, width: row.logo_width, height: row.logo_height }) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const publicBrand = (row: BrandRow) => {
  const { id, nameEn, nameZh, storyEn, storyZh, logo } = toBrand(row);
  return { id, nameEn, nameZh, storyEn, storyZh, logo };
};

const nameTaken = (): AppError => new AppError('ALREADY_EXISTS', { details: [{ field: 'body.nameEn', rule: 'duplicate' }] });

/**
 * An exporter's brands (names, logo, story) and the storefront's exporter and brand pages. Brands
 * may be prepared while the application is under review; buyers see them once it is approved.
 */
export class BrandService {
  private readonly db: Db;
  private readonly media: MediaService;
  private readonly clock: Clock;

  constructor(options: { db: Db; media: MediaService; clock: Clock }) {
    this.db = options.db;
    this.media = options.media;
    this.clock = options.clock;
  }

  async list(caller: Caller | null): Promise<Brand[]> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    return (await selectBrands(this.db).where('b.exporter_id', '=', exporterId).execute()).map(toBrand);
  }

  async create(caller: Caller | null, input: BrandInput): Promise<Brand> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    await this.checkInput(exporterId, input, null);
    const id = newId();
    const now = this.clock().toISOString();
    await this.db
      .insertInto('brands')
      .values({ id, exporter_id: exporterId, ...this.columns(input), created_at: now, updated_at: now })
      .execute()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? nameTaken() : error;
      });
    return this.getOwn(exporterId, id);
  }

  async update(caller: Caller | null, brandId: string, input: BrandInput): Promise<Brand> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    await this.getOwn(exporterId, brandId);
    await this.checkInput(exporterId, input, brandId);
    const result = await this.db
      .updateTable('brands')
      .set({ ...this.columns(input), updated_at: this.clock().toISOString() })
      .where('id', '=', brandId)
      .where('exporter_id', '=', exporterId)
      .executeTakeFirst()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? nameTaken() : error;
      });
    if (result.numUpdatedRows === 0n) throw notFound();
    return this.getOwn(exporterId, brandId);
  }

  /**
   * Deletes a brand. Products name their brand by id inside their revision content (no foreign
   * key): a product whose brand is gone shows no brand, and its next edit must pick another.
   */
  async remove(caller: Caller | null, brandId: string): Promise<void> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const result = await this.db.deleteFrom('brands').where('id', '=', brandId).where('exporter_id', '=', exporterId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound();
  }

  /** One of this exporter's brands, or null (products check their brand with it, inside their transaction). */
  async findOwned(db: Db | Trx, exporterId: string, brandId: string): Promise<Brand | null> {
    const row = await selectBrands(db).where('b.id', '=', brandId).where('b.exporter_id', '=', exporterId).executeTakeFirst();
    return row ? toBrand(row) : null;
  }

  /** An approved exporter's storefront page; any other status answers 404. */
  async getPublicExporter(exporterId: string): Promise<z.infer<typeof storeExporterSchema>> {
    const exporter = await this.db
      .selectFrom('exporters as e')
      .innerJoin('pavilions as p', 'p.id', 'e.pavilion_id')
      .select(['e.id', 'e.status', 'e.trading_name_en', 'e.trading_name_zh', 'e.country_code', 'e.city', 'e.story_en', 'e.story_zh', 'p.id as pavilion_id', 'p.slug as pavilion_slug', 'p.name_en as pavilion_name_en', 'p.name_zh as pavilion_name_zh'])
      .where('e.id', '=', exporterId)
      .executeTakeFirst();
    if (!exporter || !isPublic(exporter.status)) throw notFound();
    const brands = await selectBrands(this.db).where('b.exporter_id', '=', exporterId).execute();
    return {
      id: exporter.id,
      pavilion: { id: exporter.pavilion_id, slug: exporter.pavilion_slug, nameEn: exporter.pavilion_name_en, nameZh: exporter.pavilion_name_zh },
      tradingNameEn: exporter.trading_name_en,
      tradingNameZh: exporter.trading_name_zh,
      country: countryCodeSchema.parse(exporter.country_code),
      city: exporter.city,
      storyEn: exporter.story_en ?? '',
      storyZh: exporter.story_zh ?? '',
      brands: brands.map(publicBrand),
    };
  }

  /** A brand of an approved exporter; 404 otherwise. */
  async getPublicBrand(brandId: string): Promise<z.infer<typeof storeBrandSchema>> {
    const row = await selectBrands(this.db).where('b.id', '=', brandId).executeTakeFirst();
    if (!row) throw notFound();
    const exporter = await this.db
      .selectFrom('exporters')
      .select(['id', 'status', 'trading_name_en', 'trading_name_zh', 'country_code', 'city'])
      .where('id', '=', row.exporter_id)
      .executeTakeFirst();
    if (!exporter || !isPublic(exporter.status)) throw notFound();
    return {
      ...publicBrand(row),
      exporter: { id: exporter.id, tradingNameEn: exporter.trading_name_en, tradingNameZh: exporter.trading_name_zh, country: countryCodeSchema.parse(exporter.country_code), city: exporter.city },
    };
  }

  private async getOwn(exporterId: string, brandId: string): Promise<Brand> {
    const brand = await this.findOwned(this.db, exporterId, brandId);
    if (!brand) throw notFound();
    return brand;
  }

  /** The logo must be this exporter's upload; the English name is unique per exporter. */
  private async checkInput(exporterId: string, input: BrandInput, brandId: string | null): Promise<void> {
    if (input.logoMediaId) {
      await this.media.assertOwned(this.db, `exporter:${exporterId}`, [input.logoMediaId], 'body.logoMediaId').catch((error: unknown) => {
        // assertOwned names the image; ours says whose it must be, in both languages.
        if (error instanceof AppError) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.logoMediaId', rule: 'unknown_media', message: m.unknownLogo.en }] });
        throw error;
      });
    }
    let same = this.db.selectFrom('brands').select('id').where('exporter_id', '=', exporterId).where('name_en', '=', input.nameEn);
    if (brandId) same = same.where('id', '<>', brandId);
    if (await same.executeTakeFirst()) throw nameTaken();
  }

  private columns(input: BrandInput) {
    return {
      name_en: input.nameEn,
      name_zh: input.nameZh,
      story_en: sanitizeRichText(input.storyEn),
      story_zh: sanitizeRichText(input.storyZh),
      logo_media_id: input.logoMediaId,
    };
  }
}
