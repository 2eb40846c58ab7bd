import type { Generated } from 'kysely';
import type { TableColumns } from '../../db/column-types.ts';

// Owner: categories. The category tree is edited through the category service only (migrations seed the base tree).

export interface CategoriesTable {
  id: string;
  parent_id: string | null;
  slug: string;
  path: string;
  name_en: string;
  name_zh: string;
  is_food: Generated<number>;
  position: Generated<number>;
}

export interface CategoryTables {
  categories: CategoriesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const categoryTableColumns = {
  categories: {
    id: 'not null', parent_id: 'null', slug: 'not null', path: 'not null', name_en: 'not null', name_zh: 'not null', is_food: 'not null',
    position: 'not null',
  },
} as const satisfies TableColumns<CategoryTables>;
