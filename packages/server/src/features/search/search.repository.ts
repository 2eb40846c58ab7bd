import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TermLookup } from './search-analyzer.ts';
import { atomsOf, type Atom, type QueryNode } from './search-text.rules.ts';
import { PHRASE_BONUS, sortCandidates, type Candidate, type Filters } from './search.rules.ts';
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

/** The tree as a SQL condition, each atom written by `atom` (numbers the planner chose, never input). */
function condition(node: QueryNode, atom: (bit: number) => string): string {
  switch (node.kind) {
    case 'atom':
      return atom(node.bit);
    case 'and':
      return `(${node.nodes.map((n) => condition(n, atom)).join(' and ')})`;
    case 'or':
      return `(${node.nodes.map((n) => condition(n, atom)).join(' or ')})`;
  }
}

/** How many documents hold each term (an atom's cost is the sum over its terms). */
async function documentCounts(db: Db, tree: QueryNode): Promise<Map<string, number>> {
  const terms = [...new Set(atomsOf(tree).flatMap((a) => a.terms))];
  if (terms.length === 0) return new Map();
  const rows = await db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', terms).execute();
  return new Map(rows.map((r) => [r.term, Number(r.df)]));
}

/**
 * The smallest set of atoms every match holds one of: a product matching an "and" holds all its
 * parts (the cheapest part's set will do), one matching an "or" holds one of its branches (the
 * union of theirs).
 */
function cover(node: QueryNode, cost: (a: Atom) => number): { atoms: Atom[]; cost: number } {
  if (node.kind === 'atom') return { atoms: [node], cost: cost(node) };
  const parts = node.nodes.map((n) => cover(n, cost));
  if (node.kind === 'and') return parts.reduce((best, p) => (p.cost < best.cost ? p : best));
  return { atoms: parts.flatMap((p) => p.atoms), cost: parts.reduce((sum, p) => sum + p.cost, 0) };
}

/**
 * The documents the tree matches with their text score (the sum, over the query's terms they
 * hold, of the posting's field score times the atom's weight), as the CTE `m`, and the condition
 * that keeps the matches. One atom (most queries) is read straight off its postings, with no
 * grouping for a single term. A tree of several atoms is driven from its cover when that is much
 * smaller than all its postings (瓦努阿图 body lotion: the lotions, each looked up by key for the
 * other atoms); otherwise its postings are grouped by document and atom, then by document, so each
 * atom adds its bit once to the document's mask. A grouped or driven `m` is materialized: the
 * statement reads it for the best matches and the count.
 */
/** How `m` is computed for a tree of several atoms: chosen by cost, or forced (tests compare them). */
export type MatchStrategy = 'auto' | 'grouped' | 'driven';

function matches(db: Db, tree: QueryNode, df: Map<string, number>, strategy: MatchStrategy = 'auto') {
  const atoms = atomsOf(tree);
  const rows = atoms.flatMap((a) => a.terms.map((term) => ({ term, bit: 2 ** a.bit, weight: a.weight })));
  const pg = isPostgres(db);
  const empty = rows.length === 0;
  const single = atoms.length === 1 ? atoms[0]! : null;
  if (single && single.terms.length === 1) {
    return { empty, cte: sql`m as (select p.doc, p.score * ${sql.lit(single.weight)} as score from search_postings p where p.term = ${single.terms[0]!})`, condition: sql`1 = 1` };
  }
  if (single) {
    return {
      empty,
      cte: sql`m as materialized (
        select p.doc, sum(p.score) * ${sql.lit(single.weight)} as score from search_postings p
        where p.term in (${sql.join(single.terms)}) group by p.doc
      )`,
      condition: sql`1 = 1`,
    };
  }
  const cost = (a: Atom) => a.terms.reduce((sum, t) => sum + (df.get(t) ?? 0), 0);
  const postings = atoms.reduce((sum, a) => sum + cost(a), 0);
  const driver = cover(tree, cost);
  const lookups = driver.cost * rows.length;
  // A key look-up costs about what a grouped posting does; grouping wins unless the cover is small.
  if (!empty && (strategy === 'driven' || (strategy === 'auto' && lookups < postings))) {
    const coverTerms = [...new Set(driver.atoms.flatMap((a) => a.terms))];
    const docs = coverTerms.length === 1
      ? sql`select p.doc from search_postings p where p.term = ${coverTerms[0]!}`
      : sql`select distinct p.doc from search_postings p where p.term in (${sql.join(coverTerms)})`;
    const sums = sql.join(atoms.map((a) => sql`(select sum(x.score) from search_postings x where x.term in (${sql.join(a.terms)}) and x.doc = c.doc) as ${sql.raw(`s${a.bit}`)}`));
    const score = sql.raw(atoms.map((a) => `coalesce(m.s${a.bit}, 0) * ${a.weight}`).join(' + '));
    return {
      empty,
      cte: sql`c as (${docs}),
      a as materialized (select c.doc, ${sums} from c),
      m as (select m.*, ${score} as score from a m)`,
      condition: sql.raw(condition(tree, (bit) => `m.s${bit} is not null`)),
    };
  }
  const values = sql.join(rows.map((r) => sql`(cast(${r.term} as text), cast(${sql.lit(r.bit)} as bigint), cast(${sql.lit(r.weight)} as integer))`));
  // Summed bits are distinct (one row per document and atom): their sum is the mask, below 2^52.
  return {
    empty,
    cte: sql`q (term, bit, w) as (values ${values}),
    per as (
      select p.doc, q.bit, sum(p.score * q.w) as score from q inner join search_postings p on p.term = q.term group by p.doc, q.bit
    ),
    m as materialized (select per.doc, ${pg ? sql`cast(sum(per.bit) as bigint)` : sql`sum(per.bit)`} as mask, sum(per.score) as score from per group by per.doc)`,
    condition: sql.raw(condition(tree, (bit) => `(m.mask & ${2 ** bit}) <> 0`)),
  };
}

type CandidateRow = {
  product_id: string; score: number; phrase: number; pavilion: string; origin_country: string; category_id: string; category_root: string;
  price_cny_min: number | null; customs_modes: string; certifications: string; in_stock: number; retail_eligible: number; sales_count: number; published_at: string;
  total: number;
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

/** How many products facets are counted on: all of them up to this many, the best-ranked beyond. */
export const FACET_SAMPLE = 2000;

/** A page filtered and sorted in the database, beside the candidates. */
export interface PageQuery {
  filters: Filters;
  sort: SearchSort;
  offset: number;
  limit: number;
}

/** The phrase bonus, tie-breaks and product id of a match, as SQL on `m` and its narrow row `s`. */
function ranking(db: Db, phrase: string) {
  const pg = isPostgres(db);
  const has = sql`case when ${phrase} <> '' and ${pg ? sql`strpos(s.phrase_text, ${phrase})` : sql`instr(s.phrase_text, ${phrase})`} > 0 then 1 else 0 end`;
  const available = sql`case when s.retail_eligible = 1 and s.price_cny_min is not null then 1 else 0 end`;
  const byId = pg ? sql`s.product_id collate "C"` : sql`s.product_id`;
  return { phrase: has, relevance: sql`m.score + ${has} * ${PHRASE_BONUS} desc, s.in_stock desc, ${available} desc, s.sales_count desc, ${byId}` };
}

/**
 * The best `limit` matches of a tree in relevance order (the text score, an exact phrase in the
 * title PHRASE_BONUS more, then in stock, buyable and best sellers first among equals, the product
 * id last so both engines agree) with what filters, sorts and facets need, and the total; facets
 * are counted on them. With `page`, the same statement also filters and sorts every match for that
 * page and counts those that pass (the same order as sortCandidates), so the matches are computed
 * once. Each match reads one narrow row by integer key; the sorts hold only keys, and the chosen
 * rows are read again for the rest.
 */
export async function findCandidates(
  db: Db,
  options: { tree: QueryNode; phrase: string; limit?: number; strategy?: MatchStrategy; page?: PageQuery },
): Promise<{ total: number; candidates: Candidate[]; page: { total: number; ids: string[] } | null }> {
  const { tree, page: q } = options;
  const m = matches(db, tree, await documentCounts(db, tree), options.strategy);
  if (m.empty) return { total: 0, candidates: [], page: q ? { total: 0, ids: [] } : null };
  const r = ranking(db, options.phrase);
  const matched = sql`from m inner join search_listings s on s.doc = m.doc where ${m.condition}`;
  let pageCte = sql``;
  let pageRows = sql``;
  let matching = sql`0`;
  if (q) {
    const f = q.filters;
    const where = [
      sql`${m.condition}`,
      ...(f.pavilion !== undefined ? [sql`s.pavilion_id = (select pv.id from pavilions pv where pv.slug = ${f.pavilion})`] : []),
      ...(f.country !== undefined ? [sql`s.origin_country = ${f.country}`] : []),
      ...(f.category !== undefined ? [sql`(s.category_id = ${f.category} or s.category_root = ${f.category})`] : []),
      ...(f.priceMinFen !== undefined ? [sql`s.price_cny_min >= ${f.priceMinFen}`] : []),
      ...(f.priceMaxFen !== undefined ? [sql`s.price_cny_min <= ${f.priceMaxFen}`] : []),
      ...(f.mode !== undefined ? [sql`(',' || s.customs_modes || ',') like ${`%,${f.mode},%`}`] : []),
      ...(f.cert !== undefined ? [sql`s.certifications like ${`%,${f.cert},%`}`] : []),
      ...(f.inStock ? [sql`s.in_stock = 1`] : []),
    ];
    const filtered = sql`from m inner join search_listings s on s.doc = m.doc where ${sql.join(where, sql` and `)}`;
    const order = {
      relevance: r.relevance,
      price_asc: sql`case when s.price_cny_min is null then 1 else 0 end, s.price_cny_min, ${r.relevance}`,
      price_desc: sql`case when s.price_cny_min is null then 1 else 0 end, s.price_cny_min desc, ${r.relevance}`,
      newest: sql`s.published_at desc, ${r.relevance}`,
      best_selling: sql`s.sales_count desc, ${r.relevance}`,
    }[q.sort];
    pageCte = sql`, page as (select 1 as part, m.doc, m.score, ${r.phrase} as phrase ${filtered} order by ${order} limit ${q.limit} offset ${q.offset})`;
    pageRows = sql`union all select * from page`;
    matching = sql`(select count(*) ${filtered})`;
  }
  const result = await sql<CandidateRow & { part: number; matching: number }>`
    with ${m.cte},
    best as (select 0 as part, m.doc, m.score, ${r.phrase} as phrase ${matched} order by ${r.relevance} limit ${options.limit ?? FACET_SAMPLE})
    ${pageCte}
    select picked.part, s.product_id, picked.score, picked.phrase, s.pavilion_id as pavilion, s.origin_country, s.category_id, s.category_root, s.price_cny_min,
      s.customs_modes, s.certifications, s.in_stock, s.retail_eligible, s.sales_count, s.published_at, (select count(*) ${matched}) as total, ${matching} as matching
    from (select * from best ${pageRows}) picked inner join search_listings s on s.doc = picked.doc`.execute(db);
  const first = result.rows[0];
  const candidates = sortCandidates(result.rows.filter((row) => Number(row.part) === 0).map(toCandidate), 'relevance');
  const total = Number(first?.total ?? 0);
  if (!q) return { total, candidates, page: null };
  const ids = sortCandidates(result.rows.filter((row) => Number(row.part) === 1).map(toCandidate), q.sort).map((c) => c.productId);
  return { total, candidates, page: { total: Number(first?.matching ?? 0), ids } };
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
