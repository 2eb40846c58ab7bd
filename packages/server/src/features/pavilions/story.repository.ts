import type { Db, Trx } from '../../db/database.ts';
import type { PavilionStoriesTable } from './pavilion.table.ts';
import type { Insertable, Updateable } from 'kysely';

/** A story row with its cover image's size (null without a cover). */
export function findStories(db: Db, filter: { pavilionId: string; status?: 'draft' | 'published'; id?: string; slug?: string }) {
  let query = db
    .selectFrom('pavilion_stories as s')
    .leftJoin('media as m', 'm.id', 's.cover_media_id')
    .select([
      's.id', 's.pavilion_id', 's.slug', 's.title_en', 's.title_zh', 's.summary_en', 's.summary_zh', 's.body_en', 's.body_zh',
      's.cover_media_id', 's.status', 's.position', 's.published_at', 's.created_at', 's.updated_at',
      'm.width as cover_width', 'm.height as cover_height',
    ])
    .where('s.pavilion_id', '=', filter.pavilionId)
    .orderBy('s.position')
    .orderBy('s.published_at', 'desc')
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id');
  if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.id) query = query.where('s.id', '=', filter.id);
  if (filter.slug) query = query.where('s.slug', '=', filter.slug);
  return query.execute();
}
export type StoryRecord = Awaited<ReturnType<typeof findStories>>[number];

export async function findStoryById(db: Db, pavilionId: string, id: string): Promise<StoryRecord | undefined> {
  const [story] = await findStories(db, { pavilionId, id });
  return story;
}

/** Whether another story of this pavilion already uses the slug. */
export async function isSlugTaken(db: Db, pavilionId: string, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('pavilion_stories').select('id').where('pavilion_id', '=', pavilionId).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertStory(trx: Trx, row: Insertable<PavilionStoriesTable>): Promise<void> {
  await trx.insertInto('pavilion_stories').values(row).execute();
}

export async function updateStory(trx: Trx, id: string, values: Updateable<PavilionStoriesTable>): Promise<void> {
  await trx.updateTable('pavilion_stories').set(values).where('id', '=', id).execute();
}

export async function deleteStory(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('pavilion_stories').where('id', '=', id).execute();
}
