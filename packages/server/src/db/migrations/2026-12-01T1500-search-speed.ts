import { sql, type Kysely } from 'kysely';
import { isPostgres, timestampType } from '../migration-helpers.ts';

/**
 * Search at 100,000 products: what filters, sorts and tie-breaks read of a match (stock, price,
 * sales, country, category, pavilion, modes, certificates, the title a phrase is looked for in)
 * sits in one narrow row per indexed document, so a query matching half the catalog reads small
 * rows by integer key instead of joining each match to its listing. Triggers keep the listing's
 * columns in step inside whatever transaction changes the listing (restocking, a price refresh,
 * sales), so no code path can leave search behind what was committed. Existing indexes are
 * converted: the rows are filled from the documents and their listings, nothing is re-analysed.
 */

/** The listing columns copied, by the same name on both tables. */
const MIRRORED = ['pavilion_id', 'origin_country', 'category_id', 'category_root', 'price_cny_min', 'customs_modes', 'retail_eligible', 'in_stock', 'sales_count', 'published_at'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_listings')
    // SQLite's rowid alias (a read by this key is one B-tree descent); the same number as the document's.
    .addColumn('doc', 'integer', (c) => c.primaryKey().references('search_documents.doc').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().unique())
    // The normalised titles an exact phrase is looked for in.
    .addColumn('phrase_text', 'text', (c) => c.notNull())
    // ",halal,organic," (commas around each, for a LIKE filter).
    .addColumn('certifications', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pavilion_id', 'text', (c) => c.notNull())
    .addColumn('origin_country', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('category_root', 'text', (c) => c.notNull())
    .addColumn('price_cny_min', 'bigint')
    .addColumn('customs_modes', 'text', (c) => c.notNull())
    .addColumn('retail_eligible', 'integer', (c) => c.notNull())
    .addColumn('in_stock', 'integer', (c) => c.notNull())
    .addColumn('sales_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', timestampType(db), (c) => c.notNull())
    .execute();

  await sql
    .raw(
      `insert into search_listings (doc, product_id, phrase_text, certifications, ${MIRRORED.join(', ')})
       select d.doc, d.product_id, d.phrase_text, d.certifications, ${MIRRORED.map((c) => `l.${c}`).join(', ')}
       from search_documents d inner join catalog_listings l on l.product_id = d.product_id`,
    )
    .execute(db);
  await db.schema.alterTable('search_documents').dropColumn('phrase_text').execute();
  await db.schema.alterTable('search_documents').dropColumn('certifications').execute();

  const assignments = (row: string) => MIRRORED.map((c) => `${c} = ${row}.${c}`).join(', ');
  if (isPostgres(db)) {
    await sql
      .raw(
        `create function search_listings_follow() returns trigger language plpgsql as $$
         begin
           if tg_op = 'DELETE' then
             delete from search_listings where product_id = old.product_id;
           else
             update search_listings set ${assignments('new')} where product_id = new.product_id;
           end if;
           return null;
         end $$`,
      )
      .execute(db);
    await sql.raw(`create trigger search_listings_follow after update or delete on catalog_listings for each row execute function search_listings_follow()`).execute(db);
  } else {
    await sql
      .raw(`create trigger search_listings_follow_update after update on catalog_listings for each row begin update search_listings set ${assignments('new')} where product_id = new.product_id; end`)
      .execute(db);
    await sql.raw(`create trigger search_listings_follow_delete after delete on catalog_listings for each row begin delete from search_listings where product_id = old.product_id; end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('drop trigger search_listings_follow on catalog_listings').execute(db);
    await sql.raw('drop function search_listings_follow()').execute(db);
  } else {
    await sql.raw('drop trigger search_listings_follow_update').execute(db);
    await sql.raw('drop trigger search_listings_follow_delete').execute(db);
  }
  await db.schema.alterTable('search_documents').addColumn('phrase_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('search_documents').addColumn('certifications', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql
    .raw(
      `update search_documents set phrase_text = (select s.phrase_text from search_listings s where s.doc = search_documents.doc),
         certifications = (select s.certifications from search_listings s where s.doc = search_documents.doc)
       where exists (select 1 from search_listings s where s.doc = search_documents.doc)`,
    )
    .execute(db);
  await db.schema.dropTable('search_listings').execute();
}
