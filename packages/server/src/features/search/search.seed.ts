import type { Db } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { bumpLexiconVersion } from './search-index.ts';

/**
 * Writes the synonym groups and the operators' hot searches a seed (the demo) starts with, as
 * operators would enter them, without their checks: synonyms apply to queries only, so the word
 * list's version moves on once, with no re-index.
 */
export async function seedSearchSetup(db: Db, setup: { synonyms: string[][]; hotSearches: string[] }): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if (setup.synonyms.length > 0) {
      await trx.insertInto('search_synonyms').values(setup.synonyms.map((terms) => ({ id: newId(), terms: JSON.stringify(terms), created_by: null, created_at: now }))).execute();
    }
    if (setup.hotSearches.length > 0) await trx.insertInto('search_hot').values(setup.hotSearches.map((text, position) => ({ text, position }))).execute();
    await bumpLexiconVersion(trx, { epoch: false });
  });
}
