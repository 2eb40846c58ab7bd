import type { Db, Trx } from '../../db/database.ts';
import { findMediaByIds, type MediaRecord } from '../media/index.ts';
import type { ExporterStatus } from '@pavilion/contracts';

export interface PavilionRecord {
  id: string;
  slug: string;
  name_en: string;
  name_zh: string;
  tagline_en: string;
  tagline_zh: string;
  intro_en: string;
  intro_zh: string;
  hero_media_id: string | null;
  hero: MediaRecord | null;
  countries: string[];
  exporter_count: number;
}

/** Pavilions with their countries, hero image and count of approved exporters: four queries whatever the count. */
export async function findPavilions(db: Db, filter: { ids?: string[]; slug?: string } = {}): Promise<PavilionRecord[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('pavilions')
    .select(['id', 'slug', 'name_en', 'name_zh', 'tagline_en', 'tagline_zh', 'intro_en', 'intro_zh', 'hero_media_id'])
    .orderBy('position')
    .orderBy('slug');
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.slug) query = query.where('slug', '=', filter.slug);
  const pavilions = await query.execute();
  if (pavilions.length === 0) return [];

  const ids = pavilions.map((p) => p.id);
  const heroIds = pavilions.flatMap((p) => (p.hero_media_id ? [p.hero_media_id] : []));
  const [countries, counts, heroes] = await Promise.all([
    db
      .selectFrom('pavilion_countries')
      .select(['pavilion_id', 'country_code'])
      .where('pavilion_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('exporters')
      .select(['pavilion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pavilion_id', 'in', ids)
      .where('status', '=', 'approved')
      .groupBy('pavilion_id')
      .execute(),
    findMediaByIds(db, heroIds),
  ]);
  return pavilions.map((p) => ({
    ...p,
    hero: heroes.find((m) => m.id === p.hero_media_id) ?? null,
    countries: countries.filter((c) => c.pavilion_id === p.id).map((c) => c.country_code),
    exporter_count: Number(counts.find((c) => c.pavilion_id === p.id)?.n ?? 0),
  }));
}

export function findExporters(db: Db, filter: { pavilionIds: string[]; statuses?: ExporterStatus[] }) {
  if (filter.pavilionIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('exporters')
    .select(['id', 'pavilion_id', 'legal_name', 'trading_name_en', 'trading_name_zh', 'country_code', 'city', 'status'])
    .where('pavilion_id', 'in', filter.pavilionIds)
    .orderBy('trading_name_en');
  if (filter.statuses) query = query.where('status', 'in', filter.statuses);
  return query.execute();
}

export type ExporterRecord = Awaited<ReturnType<typeof findExporters>>[number];

export function findExporterById(db: Db, id: string): Promise<ExporterRecord | undefined> {
  return db
    .selectFrom('exporters')
    .select(['id', 'pavilion_id', 'legal_name', 'trading_name_en', 'trading_name_zh', 'country_code', 'city', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}


export async function updatePavilionContent(
  trx: Trx,
  id: string,
  values: { name_en: string; name_zh: string; tagline_en: string; tagline_zh: string; intro_en: string; intro_zh: string; hero_media_id: string | null; updated_at: string },
): Promise<void> {
  await trx.updateTable('pavilions').set(values).where('id', '=', id).execute();
}

export interface FeatureIds {
  exporterIds: string[];
  productIds: string[];
}

/**
 * The featured exporters and products in the operator's order. `visibleOnly` keeps the ones a buyer
 * may see today: exporters still approved in this pavilion, products still listed in it.
 */
export async function findFeatures(db: Db, pavilionId: string, options: { visibleOnly: boolean }): Promise<FeatureIds> {
  let exporters = db
    .selectFrom('pavilion_features as f')
    .select('f.target_id')
    .where('f.pavilion_id', '=', pavilionId)
    .where('f.kind', '=', 'exporter')
    .orderBy('f.position');
  let products = db
    .selectFrom('pavilion_features as f')
    .select('f.target_id')
    .where('f.pavilion_id', '=', pavilionId)
    .where('f.kind', '=', 'product')
    .orderBy('f.position');
  if (options.visibleOnly) {
    exporters = exporters.where((eb) =>
      eb.exists(
        eb.selectFrom('exporters as e').select('e.id').whereRef('e.id', '=', 'f.target_id').whereRef('e.pavilion_id', '=', 'f.pavilion_id').where('e.status', '=', 'approved'),
      ),
    );
    products = products.where((eb) =>
      eb.exists(eb.selectFrom('catalog_listings as l').select('l.product_id').whereRef('l.product_id', '=', 'f.target_id').whereRef('l.pavilion_id', '=', 'f.pavilion_id')),
    );
  }
  const [e, p] = await Promise.all([exporters.execute(), products.execute()]);
  return { exporterIds: e.map((r) => r.target_id), productIds: p.map((r) => r.target_id) };
}

/** Of these ids, the approved exporters of this pavilion. */
export async function findApprovedExporterIds(db: Db, pavilionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('exporters').select('id').where('pavilion_id', '=', pavilionId).where('status', '=', 'approved').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these ids, the products listed (published) in this pavilion: the storefront's read model says so. */
export async function findListedProductIds(db: Db, pavilionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('catalog_listings').select('product_id').where('pavilion_id', '=', pavilionId).where('product_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.product_id));
}

export async function replaceFeatures(trx: Trx, pavilionId: string, features: FeatureIds): Promise<void> {
  await trx.deleteFrom('pavilion_features').where('pavilion_id', '=', pavilionId).execute();
  const rows = [
    ...features.exporterIds.map((target_id, position) => ({ pavilion_id: pavilionId, kind: 'exporter' as const, target_id, position })),
    ...features.productIds.map((target_id, position) => ({ pavilion_id: pavilionId, kind: 'product' as const, target_id, position })),
  ];
  if (rows.length > 0) await trx.insertInto('pavilion_features').values(rows).execute();
}
