import type { Db, Trx } from '../../db/database.ts';
import type { CategoryRow, CategoryUsage } from './category.rules.ts';

const columns = ['id', 'parent_id', 'slug', 'path', 'name_en', 'name_zh', 'is_food', 'position'] as const;

export function findCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').select(columns).execute();
}

export function findCategory(db: Db, id: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The position after the last sibling: a new category goes to the end of its level. */
export async function nextPosition(db: Db, parentId: string | null): Promise<number> {
  const siblings = db.selectFrom('categories').select((eb) => eb.fn.max('position').as('last'));
  const row = await (parentId === null ? siblings.where('parent_id', 'is', null) : siblings.where('parent_id', '=', parentId)).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertCategory(trx: Trx, row: CategoryRow): Promise<void> {
  await trx.insertInto('categories').values(row).execute();
}

export async function updateCategory(trx: Trx, id: string, values: Pick<CategoryRow, 'name_en' | 'name_zh' | 'position' | 'is_food'>): Promise<void> {
  await trx.updateTable('categories').set(values).where('id', '=', id).execute();
}

export async function deleteCategory(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('categories').where('id', '=', id).execute();
}

/** Subcategories, exporters filed under it and storefront listings in it. */
export async function findCategoryUsage(db: Db, id: string): Promise<CategoryUsage> {
  const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);
  const [children, exporters, products] = await Promise.all([
    db.selectFrom('categories').select((eb) => eb.fn.countAll().as('n')).where('parent_id', '=', id).executeTakeFirst(),
    db.selectFrom('exporter_categories').select((eb) => eb.fn.countAll().as('n')).where('category_id', '=', id).executeTakeFirst(),
    db.selectFrom('catalog_listings').select((eb) => eb.fn.countAll().as('n')).where('category_id', '=', id).executeTakeFirst(),
  ]);
  return { children: count(children), exporters: count(exporters), products: count(products) };
}
