import type { Db, Trx } from '../../db/database.ts';

/**
 * Marks the storefront's data as changed, in the caller's transaction. Every change to listings,
 * prices or stock calls it (rebuildListing does), so a cached page of an older version is never
 * served after the change is committed.
 */
export async function bumpCatalogVersion(db: Db | Trx): Promise<void> {
  await db.updateTable('catalog_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

export async function readCatalogVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}
