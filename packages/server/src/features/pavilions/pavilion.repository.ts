import type { Db } from '../../db/database.ts';
import type { ExporterStatus } from '../../db/schema.ts';

export interface PavilionRecord {
  id: string;
  slug: string;
  name_en: string;
  name_zh: string;
  tagline_en: string;
  tagline_zh: string;
  intro_en: string;
  intro_zh: string;
  countries: string[];
  exporter_count: number;
}

/** Pavilions with their countries and count of approved exporters: three queries whatever the count. */
export async function findPavilions(db: Db, filter: { ids?: string[]; slug?: string } = {}): Promise<PavilionRecord[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('pavilions')
    .select(['id', 'slug', 'name_en', 'name_zh', 'tagline_en', 'tagline_zh', 'intro_en', 'intro_zh'])
    .orderBy('position')
    .orderBy('slug');
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.slug) query = query.where('slug', '=', filter.slug);
  const pavilions = await query.execute();
  if (pavilions.length === 0) return [];

  const ids = pavilions.map((p) => p.id);
  const [countries, counts] = await Promise.all([
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
  ]);
  return pavilions.map((p) => ({
    ...p,
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
