import type { Db, Trx } from '../../db/database.ts';

/** A stored image's row, as media urls are built from it. */
export interface MediaRecord {
  id: string;
  width: number;
  height: number;
}

export function findMediaByIds(db: Db | Trx, ids: readonly string[]): Promise<MediaRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('media').select(['id', 'width', 'height']).where('id', 'in', [...ids]).execute();
}

export async function findMediaOwner(db: Db | Trx, id: string): Promise<string | null> {
  const row = await db.selectFrom('media').select('owner').where('id', '=', id).executeTakeFirst();
  return row?.owner ?? null;
}
