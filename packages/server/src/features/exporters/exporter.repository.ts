import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { ExporterStatus } from '@pavilion/contracts';
import { ancestorPaths } from './exporter-application.rules.ts';

/** An exporter with everything its application holds, and its pavilion's names. */
export function findApplicationRow(db: Db | Trx, exporterId: string) {
  return db
    .selectFrom('exporters as e')
    .innerJoin('pavilions as p', 'p.id', 'e.pavilion_id')
    .selectAll('e')
    .select(['p.slug as pavilion_slug', 'p.name_en as pavilion_name_en', 'p.name_zh as pavilion_name_zh'])
    .where('e.id', '=', exporterId)
    .executeTakeFirst();
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationRow>>>;

export async function findPavilionCountries(db: Db | Trx, pavilionId: string): Promise<string[]> {
  const rows = await db.selectFrom('pavilion_countries').select('country_code').where('pavilion_id', '=', pavilionId).orderBy('position').execute();
  return rows.map((r) => r.country_code);
}

export interface CategoryRow {
  id: string;
  path: string;
  name_en: string;
  name_zh: string;
  /** The category or the one above it is food. */
  is_food: boolean;
}

/** Categories by id, each marked food when it or an ancestor is (one query for the rows, one for the flags). */
export async function findCategories(db: Db | Trx, ids: string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('categories').select(['id', 'path', 'name_en', 'name_zh', 'position']).where('id', 'in', ids).orderBy('path').execute();
  const paths = [...new Set(rows.flatMap((r) => ancestorPaths(r.path)))];
  const food = paths.length === 0
    ? []
    : await db.selectFrom('categories').select('path').where('path', 'in', paths).where('is_food', '=', 1).execute();
  const foodPaths = new Set(food.map((f) => f.path));
  return rows.map((r) => ({ id: r.id, path: r.path, name_en: r.name_en, name_zh: r.name_zh, is_food: ancestorPaths(r.path).some((p) => foodPaths.has(p)) }));
}

export async function findExporterCategoryIds(db: Db | Trx, exporterId: string): Promise<string[]> {
  const rows = await db.selectFrom('exporter_categories').select('category_id').where('exporter_id', '=', exporterId).execute();
  return rows.map((r) => r.category_id);
}

export async function replaceExporterCategories(trx: Trx, exporterId: string, categoryIds: string[]): Promise<void> {
  await trx.deleteFrom('exporter_categories').where('exporter_id', '=', exporterId).execute();
  if (categoryIds.length > 0) {
    await trx.insertInto('exporter_categories').values(categoryIds.map((category_id) => ({ exporter_id: exporterId, category_id }))).execute();
  }
}

export function findMembers(db: Db | Trx, exporterId: string) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name', 'u.email'])
    .where('r.role', '=', 'exporter_member')
    .where('r.exporter_id', '=', exporterId)
    .orderBy('u.display_name')
    .execute();
}

/** The review queue: oldest submission first (rows from before submissions were dated count from their creation). */
export async function findQueue(db: Db, filter: { pavilionIds: string[] | 'all'; status: ExporterStatus; page: number; pageSize: number }) {
  if (filter.pavilionIds !== 'all' && filter.pavilionIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('exporters as e').innerJoin('pavilions as p', 'p.id', 'e.pavilion_id').where('e.status', '=', filter.status);
  if (filter.pavilionIds !== 'all') base = base.where('e.pavilion_id', 'in', filter.pavilionIds);
  const [rows, total] = await Promise.all([
    base
      .select([
        'e.id', 'e.pavilion_id', 'e.legal_name', 'e.trading_name_en', 'e.trading_name_zh', 'e.country_code', 'e.city', 'e.status',
        'e.submitted_at', 'e.reviewed_at', 'e.review_reason', 'p.slug as pavilion_slug', 'p.name_en as pavilion_name_en', 'p.name_zh as pavilion_name_zh',
      ])
      .orderBy(sql`coalesce(e.submitted_at, e.created_at)`)
      .orderBy('e.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Whether the exporter is suspended (read-only for its members). */
export async function isExporterSuspended(db: Db | Trx, exporterId: string): Promise<boolean> {
  const row = await db.selectFrom('exporters').select('status').where('id', '=', exporterId).executeTakeFirst();
  return row?.status === 'suspended';
}
