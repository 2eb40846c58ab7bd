import { randomUUID } from 'node:crypto';
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { isPostgres, nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Search: an inverted index of Pavilion's own tokens (Chinese words, character bigrams, English
 * stems), identical on both engines so SQLite and PostgreSQL rank the same catalog the same way;
 * the words Chinese is segmented with, synonyms, hot searches and the daily query log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);
  // Tables read by primary key only are clustered on it in SQLite (no separate rowid B-tree).
  const clustered = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`));
  // Prefix look-ups compare bytes on both engines (PostgreSQL's default collation would not).
  const bytewise = isPostgres(db) ? sql`text collate "C"` : 'text';

  // One row per distinct term of a listed product (by its document number, a small integer key);
  // `score` is the weight of the best field it is in.
  await clustered(
    db.schema
      .createTable('search_postings')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('doc', 'integer', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_postings_pk', ['term', 'doc']),
  ).execute();

  // How many products hold each term: typo and prefix expansion look terms up here.
  await clustered(
    db.schema
      .createTable('search_terms')
      .addColumn('term', bytewise, (c) => c.primaryKey())
      .addColumn('df', 'integer', (c) => c.notNull().check(sql`df > 0`)),
  ).execute();

  // The indexed state of each listed product: its terms (to remove them on the next change), the
  // text an exact phrase is looked for in, and the attributes only search filters on.
  await db.schema
    .createTable('search_documents')
    // SQLite's rowid, PostgreSQL's sequence: postings and keys refer to this number.
    .addColumn('doc', isPostgres(db) ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().unique().references('products.id').onDelete('cascade'))
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('phrase_text', 'text', (c) => c.notNull())
    .addColumn('suggest_keys', 'text', (c) => c.notNull())
    .addColumn('certifications', 'text', (c) => c.notNull().defaultTo(''))
    // The word-list epoch it was segmented with: an older one is re-indexed in the background.
    .addColumn('lexicon_epoch', 'integer', (c) => c.notNull())
    .addColumn('indexed_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('search_documents_epoch').on('search_documents').columns(['lexicon_epoch', 'doc']).execute();

  // Prefixes a buyer may type to reach a product (its title in Chinese, English, pinyin, initials, from each word).
  await clustered(
    db.schema
      .createTable('search_suggest_keys')
      .addColumn('key', bytewise, (c) => c.notNull())
      .addColumn('doc', 'integer', (c) => c.notNull())
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_suggest_keys_pk', ['key', 'doc']),
  ).execute();

  // Words Chinese text is segmented with: operators' own, and the catalog's (tags, brands, categories, exporters).
  await db.schema
    .createTable('search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('operator', 'catalog')`))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('search_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A JSON array of two or more words or phrases that mean the same (椰子油, coconut oil).
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('search_hot')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull().unique())
    .execute();

  // What buyers searched, per China day: counts, and how many of those found nothing.
  await db.schema
    .createTable('search_query_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('searches', 'integer', (c) => c.notNull())
    .addColumn('zero_results', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('search_query_days_pk', ['day', 'query'])
    .execute();

  // version: bumped whenever the word list or synonyms change (each server process reloads them);
  // epoch: bumped when operators change the word list, so documents segmented before are re-indexed.
  await db.schema
    .createTable('search_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('lexicon_version', 'integer', (c) => c.notNull())
    .addColumn('lexicon_epoch', 'integer', (c) => c.notNull())
    // Tells databases apart, so a process serving several keeps one word list for each.
    .addColumn('database_id', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('search_state').values({ id: 1, lexicon_version: 0, lexicon_epoch: 0, database_id: randomUUID() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['search_state', 'search_query_days', 'search_hot', 'search_synonyms', 'search_words', 'search_suggest_keys', 'search_documents', 'search_terms', 'search_postings']) {
    await db.schema.dropTable(table).execute();
  }
}
