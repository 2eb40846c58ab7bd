import { sql } from 'kysely';
import type { SearchSort } from '@pavilion/contracts';
import { isPostgres, type Db } from '../../db/database.ts';
import { mirrorOf } from './listing-mirror.ts';
import type { TermLookup } from './search-analyzer.ts';
import { readPostings } from './search-blocks.ts';
import { evaluateMatches, matchTree, type Evaluated } from './search-match.ts';
import type { Filters } from './search.rules.ts';
import { atomsOf, type QueryNode } from './search-text.rules.ts';

/** The smallest string above every string that starts with `prefix` (bytewise on both engines). */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  return `${chars.join('')}${String.fromCodePoint((last?.codePointAt(0) ?? 0) + 1)}`;
}

export function termLookup(db: Db): TermLookup {
  return {
    async existing(terms) {
      const found = new Set<string>();
      for (let i = 0; i < terms.length; i += 2000) {
        const rows = await db.selectFrom('search_terms').select('term').where('term', 'in', terms.slice(i, i + 2000)).execute();
        for (const r of rows) found.add(r.term);
      }
      return found;
    },
    async withPrefix(prefix, limit) {
      const rows = await db
        .selectFrom('search_terms')
        .select('term')
        .where('term', '>=', prefix)
        .where('term', '<', prefixEnd(prefix))
        .orderBy('df', 'desc')
        .orderBy('term')
        .limit(limit)
        .execute();
      return rows.map((r) => r.term);
    },
  };
}

/** What a query asks of the index: its tree and phrase, filters (the pavilion by id), sort and page. */
export interface MatchQuery {
  tree: QueryNode;
  phrase: string;
  filters: Filters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** How many of the best unfiltered matches to give too (related products when filters empty the list). */
  related?: number;
}

/**
 * A query against the index: the listing mirror brought up to what is committed, the postings of
 * the tree's terms read in blocks, then matches, filters, facets, counts and the page computed
 * over them (search-match.ts). Outside transactions only: the mirror follows committed data.
 */
export async function findMatches(db: Db, q: MatchQuery): Promise<Evaluated> {
  const mirror = mirrorOf(db);
  await mirror.sync(db);
  const postings = await readPostings(db, [...new Set(atomsOf(q.tree).flatMap((a) => a.terms))]);
  const matches = matchTree(q.tree, postings, mirror.columns);
  return evaluateMatches(matches, mirror, q);
}

/** How many keys of a prefix are read, in key order, to choose its products from. */
const SUGGEST_WINDOW = 300;

/**
 * Products whose suggestion keys start with the prefix, best first (in stock, then best sellers,
 * then by id), chosen among the first SUGGEST_WINDOW keys in key order (a short prefix may match
 * thousands). One statement on the keys' own index: every key row belongs to a listed product and
 * carries its weight as it is now (triggers keep both), so only the few products kept are read.
 */
export async function findSuggestedProducts(db: Db, prefix: string, limit: number): Promise<Array<{ id: string; titleZh: string; titleEn: string }>> {
  const byId = isPostgres(db) ? sql`s.product_id collate "C"` : sql`s.product_id`;
  // Ties with the limit-th best weight are all read, so the id decides between them as before.
  const { rows } = await sql<{ product_id: string; title_zh: string; title_en: string }>`
    with w as (
      select k.doc, k.weight from search_suggest_keys k where k.key >= ${prefix} and k.key < ${prefixEnd(prefix)} order by k.key, k.doc limit ${SUGGEST_WINDOW}
    ),
    b as (select w.doc, max(w.weight) as weight from w group by w.doc),
    cut as (select b.weight from b order by b.weight desc limit 1 offset ${limit - 1})
    select s.product_id, l.title_zh, l.title_en
    from b inner join search_listings s on s.doc = b.doc inner join catalog_listings l on l.product_id = s.product_id
    where b.weight >= coalesce((select cut.weight from cut), 0)
    order by b.weight desc, ${byId}
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.product_id, titleZh: r.title_zh, titleEn: r.title_en }));
}

/**
 * Categories and brands (with something listed) whose name contains what was typed, `limit` of
 * each, in one statement. Brands are read in name order off a covering index, so the listing
 * check runs only until enough have matched.
 */
export async function findSuggestedNames(db: Db, text: string, limit: number) {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const named = (t: 'b' | 'c') => sql`(lower(${sql.ref(`${t}.name_en`)}) like ${like} escape '\\' or ${sql.ref(`${t}.name_zh`)} like ${like} escape '\\')`;
  const { rows } = await sql<{ kind: 'brand' | 'category'; id: string; name_zh: string; name_en: string }>`
    select * from (
      select 'category' as kind, c.id, c.name_zh, c.name_en from categories c where ${named('c')} order by c.position, c.id limit ${limit}
    ) categories
    union all
    select * from (
      select 'brand' as kind, b.id, b.name_zh, b.name_en from brands b
      where ${named('b')} and exists (select 1 from catalog_listings l where l.brand_id = b.id)
      order by b.name_en limit ${limit}
    ) brands`.execute(db);
  const pick = (kind: 'brand' | 'category') => rows.filter((r) => r.kind === kind).map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en }));
  return { brands: pick('brand'), categories: pick('category') };
}
