import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TermLookup } from './search-analyzer.ts';
import { atomsOf, type QueryNode } from './search-text.rules.ts';
import type { Candidate } from './search.rules.ts';

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

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

/** The tree as a SQL condition on the summed mask (bits are numbers the planner chose, never input). */
function condition(node: QueryNode): string {
  switch (node.kind) {
    case 'atom':
      return `(m.mask & ${2 ** node.bit}) <> 0`;
    case 'and':
      return `(${node.nodes.map(condition).join(' and ')})`;
    case 'or':
      return `(${node.nodes.map(condition).join(' or ')})`;
  }
}

/**
 * Every listed product the tree matches, with its text score and what filters and sorts need. One
 * statement: the query's terms as a VALUES table joined to the postings, summed per product (a bit
 * per atom, a score per match), kept where the tree holds, joined to the listing.
 */
export async function findCandidates(db: Db, tree: QueryNode, phrase: string): Promise<Candidate[]> {
  const rows = atomsOf(tree).flatMap((a) => a.terms.map((term) => ({ term, bit: 2 ** a.bit, weight: a.weight })));
  if (rows.length === 0) return [];
  const values = sql.join(rows.map((r) => sql`(cast(${r.term} as text), cast(${r.bit} as bigint), cast(${r.weight} as integer))`));
  const contains = isPostgres(db) ? sql`strpos(d.phrase_text, ${phrase})` : sql`instr(d.phrase_text, ${phrase})`;
  const result = await sql<{
    product_id: string; score: number; phrase: number; pavilion: string; origin_country: string; category_id: string; category_root: string;
    price_cny_min: number | null; customs_modes: string; certifications: string; in_stock: number; retail_eligible: number; sales_count: number; published_at: string;
  }>`
    with q (term, bit, w) as (values ${values}),
    m as (
      select p.product_id, cast(sum(distinct q.bit) as bigint) as mask, sum(p.score * q.w) as score
      from q inner join search_postings p on p.term = q.term
      group by p.product_id
    )
    select m.product_id, m.score, case when ${phrase} <> '' and ${contains} > 0 then 1 else 0 end as phrase,
      pv.slug as pavilion, l.origin_country, l.category_id, l.category_root, l.price_cny_min, l.customs_modes, d.certifications,
      l.in_stock, l.retail_eligible, l.sales_count, l.published_at
    from m
    inner join catalog_listings l on l.product_id = m.product_id
    inner join search_documents d on d.product_id = m.product_id
    inner join pavilions pv on pv.id = l.pavilion_id
    where ${sql.raw(condition(tree))}`.execute(db);
  return result.rows.map((r) => ({
    productId: r.product_id,
    score: Number(r.score),
    phrase: Number(r.phrase) === 1,
    pavilion: r.pavilion,
    country: r.origin_country,
    categoryId: r.category_id,
    categoryRoot: r.category_root,
    priceFen: r.price_cny_min === null ? null : Number(r.price_cny_min),
    modes: r.customs_modes ? r.customs_modes.split(',') : [],
    certifications: r.certifications ? r.certifications.split(',').filter(Boolean) : [],
    inStock: Number(r.in_stock) === 1,
    available: Number(r.retail_eligible) === 1 && r.price_cny_min !== null,
    salesCount: Number(r.sales_count),
    publishedAt: r.published_at,
  }));
}

/** Products whose suggestion keys start with the prefix, best first (in stock, then best sellers). */
export async function findSuggestedProducts(db: Db, prefix: string, limit: number): Promise<Array<{ id: string; titleZh: string; titleEn: string }>> {
  // A bounded range read: the first keys in order, then the best of them (a short prefix may match many).
  const keys = await db
    .selectFrom('search_suggest_keys')
    .select(['product_id', 'weight'])
    .where('key', '>=', prefix)
    .where('key', '<', prefixEnd(prefix))
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
