import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers.ts';

/**
 * Suggest-as-you-type at 100,000 products: a prefix is answered from the suggestion keys alone,
 * without reading each matching key's listing. For that, every key row must belong to a listed
 * product and carry the listing's weight as it is now, not as it was when the product was
 * indexed (orders take the last unit out of stock, and sales grow, without re-indexing). Triggers
 * on search_listings keep both true inside whatever transaction changes the listing: a new stock
 * flag or sales count rewrites the product's key weights, a listing leaving search takes its keys
 * with it. An index by document makes those writes cheap. The weight is the one the indexer
 * writes: min(sales, 999,999), plus 1,000,000 in stock.
 *
 * Brands are suggested in name order, the first two that match: a covering index in that order
 * lets the scan stop at the second match instead of checking every matching brand for listings.
 */

const weightOf = (row: string, pg: boolean) =>
  `${pg ? 'least' : 'min'}(${row}.sales_count, 999999) + case when ${row}.in_stock = 1 then 1000000 else 0 end`;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.createIndex('search_suggest_keys_doc').on('search_suggest_keys').column('doc').execute();
  await db.schema.createIndex('brands_name_en').on('brands').columns(['name_en', 'name_zh', 'id']).execute();

  // Existing indexes are brought to the same state: keys of documents no longer listed go, weights are the listings' own.
  await sql`delete from search_suggest_keys where not exists (select 1 from search_listings s where s.doc = search_suggest_keys.doc)`.execute(db);
  await sql
    .raw(
      `update search_suggest_keys set weight = (select ${weightOf('s', pg)} from search_listings s where s.doc = search_suggest_keys.doc)
       where weight <> (select ${weightOf('s', pg)} from search_listings s where s.doc = search_suggest_keys.doc)`,
    )
    .execute(db);

  const changed = 'old.in_stock <> new.in_stock or old.sales_count <> new.sales_count';
  if (pg) {
    await sql
      .raw(
        `create function search_suggest_keys_follow() returns trigger language plpgsql as $$
         begin
           if tg_op = 'DELETE' then
             delete from search_suggest_keys where doc = old.doc;
           else
             update search_suggest_keys set weight = ${weightOf('new', pg)} where doc = new.doc;
           end if;
           return null;
         end $$`,
      )
      .execute(db);
    await sql
      .raw(`create trigger search_suggest_keys_weight after update of in_stock, sales_count on search_listings for each row when (${changed}) execute function search_suggest_keys_follow()`)
      .execute(db);
    await sql.raw(`create trigger search_suggest_keys_delete after delete on search_listings for each row execute function search_suggest_keys_follow()`).execute(db);
  } else {
    await sql
      .raw(
        `create trigger search_suggest_keys_weight after update of in_stock, sales_count on search_listings for each row when ${changed}
         begin update search_suggest_keys set weight = ${weightOf('new', pg)} where doc = new.doc; end`,
      )
      .execute(db);
    await sql.raw(`create trigger search_suggest_keys_delete after delete on search_listings for each row begin delete from search_suggest_keys where doc = old.doc; end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('drop trigger search_suggest_keys_weight on search_listings').execute(db);
    await sql.raw('drop trigger search_suggest_keys_delete on search_listings').execute(db);
    await sql.raw('drop function search_suggest_keys_follow()').execute(db);
  } else {
    await sql.raw('drop trigger search_suggest_keys_weight').execute(db);
    await sql.raw('drop trigger search_suggest_keys_delete').execute(db);
  }
  await db.schema.dropIndex('brands_name_en').execute();
  await db.schema.dropIndex('search_suggest_keys_doc').execute();
}
