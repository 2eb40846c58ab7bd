import { validationMessages as m, type CategoryNode, type CategoryTreeNode, type ValidationIssue } from '@pavilion/contracts';

/** A category row as the rules need it. */
export interface CategoryRow {
  id: string;
  parent_id: string | null;
  slug: string;
  path: string;
  name_en: string;
  name_zh: string;
  is_food: number;
  position: number;
}

/**
 * The tree has two levels: a new category is a root or the child of a root. Two levels are what
 * the storefront's menus show and what exporters pick from; a deeper tree would need a new menu.
 */
export function parentIssues(parentId: string | null, parent: Pick<CategoryRow, 'parent_id'> | undefined): ValidationIssue[] {
  if (parentId === null) return [];
  if (!parent) return [{ field: 'body.parentId', rule: 'unknown_category', message: m.unknownCategory.en }];
  if (parent.parent_id !== null) return [{ field: 'body.parentId', rule: 'parent_not_root', message: m.parentNotRoot.en }];
  return [];
}

/** "food-beverages/honey/": the parent's path and the slug, so a subtree is a range of paths. */
export const categoryPath = (parent: Pick<CategoryRow, 'path'> | null, slug: string): string => `${parent?.path ?? ''}${slug}/`;

/** What keeps a category from being deleted: its children, the exporters and the listings filed under it. */
export interface CategoryUsage {
  children: number;
  exporters: number;
  products: number;
}
export const isInUse = (usage: CategoryUsage): boolean => usage.children > 0 || usage.exporters > 0 || usage.products > 0;

export function toCategoryNode(row: CategoryRow): CategoryNode {
  return {
    id: row.id,
    slug: row.slug,
    parentId: row.parent_id,
    path: row.path,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    isFood: row.is_food === 1,
    position: row.position,
  };
}

const byPosition = (a: CategoryRow, b: CategoryRow): number => a.position - b.position || a.slug.localeCompare(b.slug);

/** Roots in position order, each with its children in position order (ties by slug). */
export function buildTree(rows: CategoryRow[]): CategoryTreeNode[] {
  return rows
    .filter((r) => r.parent_id === null)
    .sort(byPosition)
    .map((root) => ({
      ...toCategoryNode(root),
      children: rows.filter((r) => r.parent_id === root.id).sort(byPosition).map(toCategoryNode),
    }));
}
