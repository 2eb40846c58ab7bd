import { sql } from 'kysely';
import type { SearchSort } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { mirrorOf } from './listing-mirror.ts';
import type { TermLookup } from './search-analyzer.ts';
import { readPostings } from './search-blocks.ts';
import { evaluateMatches, matchTree, type Evaluated, type ResolvedFilters } from './search-match.ts';
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
  filters: ResolvedFilters;
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
  const state = await db.selectFrom('search_state').select('database_id').where('id', '=', 1).executeTakeFirstOrThrow();
  const mirror = mirrorOf(state.database_id);
  await mirror.sync(db);
  const postings = await readPostings(db, [...new Set(atomsOf(q.tree).flatMap((a) => a.terms))]);
  const matches = matchTree(q.tree, postings, mirror.columns);
  return evaluateMatches(matches, mirror, q);
}

/** Products whose suggestion keys start with the prefix, best first (in stock, then best sellers). */
export async function findSuggestedProducts(db: Db, prefix: string, limit: number): Promise<Array<{ id: string; titleZh: string; titleEn: string }>> {
  // A bounded range read: the first keys in order, then the best of them (a short prefix may match many).
  const keys = await db
    .selectFrom('search_suggest_keys as k')
    .innerJoin('search_listings as d', 'd.doc', 'k.doc')
    .select(['d.product_id', 'k.weight'])
    .where('k.key', '>=', prefix)
    .where('k.key', '<', prefixEnd(prefix))
    .limit(300)
    .execute();
  const best = new Map<string, number>();
  for (const k of keys) best.set(k.product_id, Math.max(best.get(k.product_id) ?? 0, k.weight));
  const ids = [...best].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, limit).map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('catalog_listings').select(['product_id', 'title_zh', 'title_en']).where('product_id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.product_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id, titleZh: r.title_zh, titleEn: r.title_en }] : [];
  });
}

/** Brands (with something listed) and categories whose name contains what was typed. */
export async function findSuggestedNames(db: Db, text: string, limit: number) {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [brands, categories] = await Promise.all([
    db
      .selectFrom('brands as b')
      .select(['b.id', 'b.name_zh', 'b.name_en'])
      .where((eb) => eb.or([eb(sql`lower(b.name_en)`, 'like', sql`${like} escape '\\'`), eb(sql`b.name_zh`, 'like', sql`${like} escape '\\'`)]))
      .where((eb) => eb.exists(eb.selectFrom('catalog_listings as l').select('l.product_id').whereRef('l.brand_id', '=', 'b.id')))
      .orderBy('b.name_en')
      .limit(limit)
      .execute(),
    db
      .selectFrom('categories as c')
      .select(['c.id', 'c.name_zh', 'c.name_en'])
      .where((eb) => eb.or([eb(sql`lower(c.name_en)`, 'like', sql`${like} escape '\\'`), eb(sql`c.name_zh`, 'like', sql`${like} escape '\\'`)]))
      .orderBy('c.position')
      .orderBy('c.id')
      .limit(limit)
      .execute(),
  ]);
  return { brands, categories };
}
