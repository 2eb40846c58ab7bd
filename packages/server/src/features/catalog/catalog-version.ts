import type { CompiledQuery } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

/**
 * Marks the storefront's data as changed, in the caller's transaction. Every change to listings,
 * prices or stock calls it (rebuildListing does), so a cached page of an older version is never
 * served after the change is committed.
 */
export async function bumpCatalogVersion(db: Db | Trx): Promise<void> {
  await db.updateTable('catalog_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/** Reads the version on every storefront request: the query is compiled once, per database. */
const compiledReads = new WeakMap<Db, CompiledQuery<{ version: number }>>();

export async function readCatalogVersion(db: Db): Promise<number> {
  let compiled = compiledReads.get(db);
  if (!compiled) {
    compiled = db.selectFrom('catalog_state').select('version').where('id', '=', 1).compile();
    compiledReads.set(db, compiled);
  }
  const { rows } = await db.executeQuery(compiled);
  const row = rows[0];
  if (!row) throw new Error('catalog_state has no row');
  return Number(row.version);
}
