import { z } from 'zod';
import { singleLineText } from './text.ts';
import { slugSchema } from './pavilions.ts';
import { validationMessages as m } from './validation.ts';

/**
 * The category tree: two levels (roots and their children). Ids are the slugs, so imports and
 * links can name a category; `path` ("food-beverages/honey/") makes a subtree a range of paths.
 */
export const categoryNodeSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    parentId: z.string().nullable(),
    path: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    /** Food: products need the manufacturer's GACC registration (Decree 248) to be published. */
    isFood: z.boolean(),
    position: z.number().int(),
  })
  .meta({ id: 'Category' });
export type CategoryNode = z.infer<typeof categoryNodeSchema>;

export const categoryTreeNodeSchema = categoryNodeSchema.extend({ children: z.array(categoryNodeSchema) }).meta({ id: 'CategoryTreeNode' });
export type CategoryTreeNode = z.infer<typeof categoryTreeNodeSchema>;

/** Roots in position order, each with its children in position order. */
export const categoryTreeSchema = z.object({ items: z.array(categoryTreeNodeSchema) });

const name = (max: number) => singleLineText(max).min(1, { message: m.required.en });

export const categoryCreateSchema = z
  .object({
    /** Becomes the id; it cannot be changed afterwards. */
    slug: slugSchema,
    nameEn: name(80),
    nameZh: name(40),
    /** A top-level category, or null for a new top-level one. */
    parentId: z.string().max(64).nullable().default(null),
    /** Defaults to the parent's flag (false for a new root). */
    isFood: z.boolean().optional(),
  })
  .strict();
export type CategoryCreateInput = z.output<typeof categoryCreateSchema>;

export const categoryUpdateSchema = z
  .object({
    nameEn: name(80),
    nameZh: name(40),
    position: z.number().int().min(0).max(10_000),
    isFood: z.boolean(),
  })
  .strict();
export type CategoryUpdateInput = z.output<typeof categoryUpdateSchema>;

export const categoryIdParamsSchema = z.object({ id: slugSchema });
