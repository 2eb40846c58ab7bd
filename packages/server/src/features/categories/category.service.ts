import type { CategoryCreateInput, CategoryNode, CategoryTreeNode, CategoryUpdateInput } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { deleteCategory, findCategories, findCategory, findCategoryUsage, insertCategory, nextPosition, updateCategory } from './category.repository.ts';
import { buildTree, categoryPath, isInUse, parentIssues, toCategoryNode } from './category.rules.ts';

const slugTaken = () => new AppError('ALREADY_EXISTS', { details: [{ field: 'body.slug', rule: 'unique', message: 'a category with this slug exists' }] });

/**
 * The category tree buyers browse and exporters file products under. It is platform-wide, so any
 * operator (whatever pavilion it runs) and admins maintain it.
 */
export class CategoryService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  async tree(): Promise<CategoryTreeNode[]> {
    return buildTree(await findCategories(this.db));
  }

  /** A new root or child of a root, at the end of its level; the slug becomes its id for good. */
  async create(caller: Caller | null, input: CategoryCreateInput): Promise<CategoryNode> {
    requireRole(caller, 'operator', 'admin');
    try {
      return await this.db.transaction().execute(async (trx) => {
        const parent = input.parentId === null ? undefined : await findCategory(trx, input.parentId);
        const issues = parentIssues(input.parentId, parent);
        if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
        if (await findCategory(trx, input.slug)) throw slugTaken();
        const row = {
          id: input.slug,
          parent_id: input.parentId,
          slug: input.slug,
          path: categoryPath(parent ?? null, input.slug),
          name_en: input.nameEn,
          name_zh: input.nameZh,
          // A child of a food branch is food unless said otherwise (Decree 248 registration applies to it).
          is_food: (input.isFood ?? parent?.is_food === 1) ? 1 : 0,
          position: await nextPosition(trx, input.parentId),
        };
        await insertCategory(trx, row);
        return toCategoryNode(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
  }

  /** Names, position among its siblings and the food flag; the slug (and so the id and path) never changes. */
  async update(caller: Caller | null, id: string, input: CategoryUpdateInput): Promise<CategoryNode> {
    requireRole(caller, 'operator', 'admin');
    return this.db.transaction().execute(async (trx) => {
      const existing = await findCategory(trx, id);
      if (!existing) throw notFound();
      const values = { name_en: input.nameEn, name_zh: input.nameZh, position: input.position, is_food: input.isFood ? 1 : 0 };
      await updateCategory(trx, id, values);
      return toCategoryNode({ ...existing, ...values });
    });
  }

  /** Only an unused category goes: no subcategory, no exporter filed under it, no product listed in it. */
  async remove(caller: Caller | null, id: string): Promise<void> {
    requireRole(caller, 'operator', 'admin');
    await this.db.transaction().execute(async (trx) => {
      if (!(await findCategory(trx, id))) throw notFound();
      const usage = await findCategoryUsage(trx, id);
      if (isInUse(usage)) throw new AppError('IN_USE', { details: usage });
      await deleteCategory(trx, id);
    });
  }
}
