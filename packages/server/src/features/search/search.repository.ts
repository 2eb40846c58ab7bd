import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TermLookup } from './search-analyzer.ts';
import { atomsOf, type QueryNode } from './search-text.rules.ts';
import { PHRASE_BONUS, type Candidate, type Filters } from './search.rules.ts';
import type { SearchSort } from '@pavilion/contracts';

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

/** The tree as a SQL condition on the atoms' flags (numbers the planner chose, never input). */
function condition(node: QueryNode): string {
  switch (node.kind) {
    case 'atom':
      return `m.a${node.bit} = 1`;
    case 'and':
      return `(${node.nodes.map(condition).join(' and ')})`;
    case 'or':
      return `(${node.nodes.map(condition).join(' or ')})`;
  }
}

/**
 * The query's terms as a VALUES table joined to the postings, grouped per document: a flag per atom
 * (does the document hold any of its terms) and the score of all its matches.
 */
function matches(db: Db, tree: QueryNode) {
  const atoms = atomsOf(tree);
  const rows = atoms.flatMap((a) => a.terms.map((term) => ({ term, atom: a.bit, weight: a.weight })));
  const values = sql.join(rows.map((r) => sql`(cast(${r.term} as text), cast(${r.atom} as integer), cast(${r.weight} as integer))`));
  const flags = sql.raw(atoms.map((a) => `max(case when q.atom = ${a.bit} then 1 else 0 end) as a${a.bit}`).join(', '));
  return {
    empty: rows.length === 0,
    cte: sql`with q (term, atom, w) as (values ${values}),
    m as (
      select p.doc, ${flags}, sum(p.score * q.w) as score
      from q inner join search_postings p on p.term = q.term
      group by p.doc
    )`,
    condition: sql.raw(condition(tree)),
    contains: (phrase: string) => (isPostgres(db) ? sql`strpos(d.phrase_text, ${phrase})` : sql`instr(d.phrase_text, ${phrase})`),
  };
}

const CANDIDATE_COLUMNS = sql`d.product_id, l.pavilion_id as pavilion, l.origin_country, l.category_id, l.category_root, l.price_cny_min, l.customs_modes,
      d.certifications, l.in_stock, l.retail_eligible, l.sales_count, l.published_at`;

type CandidateRow = {
  product_id: string; score: number; phrase: number; pavilion: string; origin_country: string; category_id: string; category_root: string;
  price_cny_min: number | null; customs_modes: string; certifications: string; in_stock: number; retail_eligible: number; sales_count: number; published_at: string;
};

const toCandidate = (r: CandidateRow): Candidate => ({
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
});

/**
 * The best-scoring products the tree matches, at most `limit`, with what facets need: the facets
 * (and "related" items) are counted on them. Only the best `limit` are joined to their listings, so
 * a query matching half the catalog costs a sort of numbers, not a join per match.
 */
export async function findCandidates(db: Db, tree: QueryNode, phrase: string, limit = FACET_SAMPLE): Promise<{ total: number; candidates: Candidate[] }> {
  const m = matches(db, tree);
  if (m.empty) return { total: 0, candidates: [] };
  const result = await sql<CandidateRow & { total: number }>`
    ${m.cte},
    hits as (select m.doc, m.score from m where ${m.condition}),
    top as (select hits.doc, hits.score from hits order by hits.score desc, hits.doc limit ${limit})
    select top.score, case when ${phrase} <> '' and ${m.contains(phrase)} > 0 then 1 else 0 end as phrase, ${CANDIDATE_COLUMNS},
      (select count(*) from hits) as total
    from top
    inner join search_documents d on d.doc = top.doc
    inner join catalog_listings l on l.product_id = d.product_id`.execute(db);
  return { total: Number(result.rows[0]?.total ?? 0), candidates: result.rows.map(toCandidate) };
}

/** How many products facets are counted on: all of them up to this many, the best-scoring beyond. */
export const FACET_SAMPLE = 2000;

export interface PageQuery {
  tree: QueryNode;
  phrase: string;
  filters: Filters;
  sort: SearchSort;
  offset: number;
  limit: number;
}

/**
 * One page of results and their exact total, filtered and sorted in the database: the text score
 * (an exact phrase in the title counts PHRASE_BONUS more), then in stock, buyable and best sellers
 * first among equals, the product id last so the order is the same on both engines.
 */
export async function findPage(db: Db, q: PageQuery): Promise<{ total: number; ids: string[] }> {
  const m = matches(db, q.tree);
  if (m.empty) return { total: 0, ids: [] };
  const f = q.filters;
  const where = [
    sql`${m.condition}`,
    ...(f.pavilion !== undefined ? [sql`pv.slug = ${f.pavilion}`] : []),
    ...(f.country !== undefined ? [sql`l.origin_country = ${f.country}`] : []),
    ...(f.category !== undefined ? [sql`(l.category_id = ${f.category} or l.category_root = ${f.category})`] : []),
    ...(f.priceMinFen !== undefined ? [sql`l.price_cny_min >= ${f.priceMinFen}`] : []),
    ...(f.priceMaxFen !== undefined ? [sql`l.price_cny_min <= ${f.priceMaxFen}`] : []),
    ...(f.mode !== undefined ? [sql`(',' || l.customs_modes || ',') like ${`%,${f.mode},%`}`] : []),
    ...(f.cert !== undefined ? [sql`d.certifications like ${`%,${f.cert},%`}`] : []),
    ...(f.inStock ? [sql`l.in_stock = 1`] : []),
  ];
  const relevance = sql`m.score + case when ${q.phrase} <> '' and ${m.contains(q.phrase)} > 0 then ${PHRASE_BONUS} else 0 end desc,
      l.in_stock desc, case when l.retail_eligible = 1 and l.price_cny_min is not null then 1 else 0 end desc, l.sales_count desc, l.product_id`;
  const order = {
    relevance,
    price_asc: sql`case when l.price_cny_min is null then 1 else 0 end, l.price_cny_min, ${relevance}`,
    price_desc: sql`case when l.price_cny_min is null then 1 else 0 end, l.price_cny_min desc, ${relevance}`,
    newest: sql`l.published_at desc, ${relevance}`,
    best_selling: sql`l.sales_count desc, ${relevance}`,
  }[q.sort];
  const result = await sql<{ product_id: string; total: number }>`
    ${m.cte}
    select l.product_id, count(*) over () as total
    from m
    inner join search_documents d on d.doc = m.doc
    inner join catalog_listings l on l.product_id = d.product_id
    inner join pavilions pv on pv.id = l.pavilion_id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${q.limit} offset ${q.offset}`.execute(db);
  const first = result.rows[0];
  if (first) return { total: Number(first.total), ids: result.rows.map((r) => r.product_id) };
  if (q.offset === 0) return { total: 0, ids: [] };
  // Past the last page: the total alone.
  const counted = await sql<{ total: number }>`
    ${m.cte}
    select count(*) as total from m
    inner join search_documents d on d.doc = m.doc
    inner join catalog_listings l on l.product_id = d.product_id
    inner join pavilions pv on pv.id = l.pavilion_id
    where ${sql.join(where, sql` and `)}`.execute(db);
  return { total: Number(counted.rows[0]?.total ?? 0), ids: [] };
}

/** Products whose suggestion keys start with the prefix, best first (in stock, then best sellers). */
export async function findSuggestedProducts(db: Db, prefix: string, limit: number): Promise<Array<{ id: string; titleZh: string; titleEn: string }>> {
  // A bounded range read: the first keys in order, then the best of them (a short prefix may match many).
  const keys = await db
    .selectFrom('search_suggest_keys as k')
    .innerJoin('search_documents as d', 'd.doc', 'k.doc')
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
