import type { FacetValue, SearchFacets, SearchQuery, SearchSort } from '@pavilion/contracts';

/**
 * A product that matched the words of a query, with what the filters, facets and sorts need.
 * `score` is the text score; `phrase` says the whole query stands as written in its title.
 */
export interface Candidate {
  productId: string;
  score: number;
  phrase: boolean;
  /** The pavilion's slug: the value of the facet and of the filter. */
  pavilion: string;
  country: string;
  categoryId: string;
  categoryRoot: string;
  priceFen: number | null;
  modes: string[];
  certifications: string[];
  inStock: boolean;
  available: boolean;
  salesCount: number;
  publishedAt: string;
}

/** An exact phrase in the title is worth more than its words scattered (more than a second title word). */
export const PHRASE_BONUS = 1500;

export const relevanceOf = (c: Candidate): number => c.score + (c.phrase ? PHRASE_BONUS : 0);

type FilterName = 'pavilion' | 'country' | 'category' | 'price' | 'mode' | 'cert' | 'inStock';

/** The filters of a query, resolved (a pavilion slug to its id). Absent: not filtering. */
export interface Filters {
  /** A pavilion slug (candidates carry their pavilion's slug). */
  pavilion?: string;
  country?: string;
  category?: string;
  priceMinFen?: number;
  priceMaxFen?: number;
  mode?: string;
  cert?: string;
  inStock?: boolean;
}

export function filtersOf(query: SearchQuery): Filters {
  return {
    ...(query.pavilion !== undefined ? { pavilion: query.pavilion } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.price_min !== undefined ? { priceMinFen: query.price_min } : {}),
    ...(query.price_max !== undefined ? { priceMaxFen: query.price_max } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.cert ? { cert: query.cert } : {}),
    ...(query.in_stock ? { inStock: true } : {}),
  };
}

function passes(c: Candidate, f: Filters, skip?: FilterName): boolean {
  if (skip !== 'pavilion' && f.pavilion !== undefined && c.pavilion !== f.pavilion) return false;
  if (skip !== 'country' && f.country !== undefined && c.country !== f.country) return false;
  if (skip !== 'category' && f.category !== undefined && c.categoryId !== f.category && c.categoryRoot !== f.category) return false;
  if (skip !== 'price' && (f.priceMinFen !== undefined || f.priceMaxFen !== undefined)) {
    if (c.priceFen === null) return false;
    if (f.priceMinFen !== undefined && c.priceFen < f.priceMinFen) return false;
    if (f.priceMaxFen !== undefined && c.priceFen > f.priceMaxFen) return false;
  }
  if (skip !== 'mode' && f.mode !== undefined && !c.modes.includes(f.mode)) return false;
  if (skip !== 'cert' && f.cert !== undefined && !c.certifications.includes(f.cert)) return false;
  if (skip !== 'inStock' && f.inStock && !c.inStock) return false;
  return true;
}

export const hasFilters = (filters: Filters): boolean => Object.keys(filters).length > 0;

export const applyFilters = (candidates: Candidate[], filters: Filters): Candidate[] => candidates.filter((c) => passes(c, filters));

const byId = (a: Candidate, b: Candidate) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);
/** Among equals: in stock first, then what can be bought, then the best sellers, then a fixed order. */
const amongEquals = (a: Candidate, b: Candidate) =>
  Number(b.inStock) - Number(a.inStock) || Number(b.available) - Number(a.available) || b.salesCount - a.salesCount || byId(a, b);
const byRelevance = (a: Candidate, b: Candidate) => relevanceOf(b) - relevanceOf(a) || amongEquals(a, b);
// Products without a yuan price (no rate in force) go last whichever way prices are sorted.
const priceKey = (c: Candidate, dir: 1 | -1) => (c.priceFen === null ? Number.POSITIVE_INFINITY : dir * c.priceFen);

const comparators: Record<SearchSort, (a: Candidate, b: Candidate) => number> = {
  relevance: byRelevance,
  price_asc: (a, b) => priceKey(a, 1) - priceKey(b, 1) || byRelevance(a, b),
  price_desc: (a, b) => priceKey(a, -1) - priceKey(b, -1) || byRelevance(a, b),
  newest: (a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : byRelevance(a, b)),
  best_selling: (a, b) => b.salesCount - a.salesCount || byRelevance(a, b),
};

export function sortCandidates(candidates: Candidate[], sort: SearchSort): Candidate[] {
  return [...candidates].sort(comparators[sort]);
}

/** Yuan price bands shown in the filter drawer, in fen: each holds prices above its minimum up to its maximum (the first from zero), as a buyer reads "¥50–100". */
export const PRICE_BANDS: ReadonlyArray<readonly [number, number | null]> = [
  [0, 5_000], [5_000, 10_000], [10_000, 20_000], [20_000, 50_000], [50_000, 100_000], [100_000, 200_000], [200_000, null],
];

export interface FacetLabels {
  pavilion: (id: string) => { en: string; zh: string };
  country: (code: string) => { en: string; zh: string };
  category: (id: string) => { en: string; zh: string };
  mode: (mode: string) => { en: string; zh: string };
  cert: (type: string) => { en: string; zh: string };
}

/**
 * Counts per facet value among the candidates that pass every other filter, so a buyer sees how
 * many results each choice would give (choosing Fiji does not make Samoa's count vanish).
 */
export function computeFacets(candidates: Candidate[], filters: Filters, labels: FacetLabels): SearchFacets {
  const count = (skip: FilterName, values: (c: Candidate) => string[], label: (v: string) => { en: string; zh: string }): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const c of candidates) if (passes(c, filters, skip)) for (const v of new Set(values(c))) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([value, n]) => {
        const l = label(value);
        return { value, labelEn: l.en, labelZh: l.zh, count: n };
      });
  };
  const price = PRICE_BANDS.map(([minFen, maxFen]) => ({
    minFen,
    maxFen,
    count: candidates.filter((c) => passes(c, filters, 'price') && c.priceFen !== null && (c.priceFen > minFen || minFen === 0) && (maxFen === null || c.priceFen <= maxFen)).length,
  })).filter((band) => band.count > 0);
  return {
    pavilion: count('pavilion', (c) => [c.pavilion], labels.pavilion),
    country: count('country', (c) => [c.country], labels.country),
    category: count('category', (c) => [c.categoryId], labels.category),
    mode: count('mode', (c) => c.modes, labels.mode),
    cert: count('cert', (c) => c.certifications, labels.cert),
    inStock: candidates.filter((c) => passes(c, filters, 'inStock') && c.inStock).length,
    price,
  };
}

/** The form a query is counted under in the log: trimmed, spaces collapsed, width and case folded. */
export function loggedQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
}
