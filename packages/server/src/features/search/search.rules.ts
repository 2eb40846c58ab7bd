import type { FacetValue, SearchFacets, SearchQuery } from '@pavilion/contracts';

/** An exact phrase in the title is worth more than its words scattered (more than a second title word). */
export const PHRASE_BONUS = 1500;

/** The filters of a query. Absent: not filtering. */
export interface Filters {
  /** From the query, a pavilion's slug; the service resolves it to the pavilion's id, which the index holds. */
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

export const hasFilters = (filters: Filters): boolean => Object.keys(filters).length > 0;

/** Yuan price bands shown in the filter drawer, in fen: each holds prices above its minimum up to its maximum (the first from zero), as a buyer reads "¥50–100". */
export const PRICE_BANDS: ReadonlyArray<readonly [number, number | null]> = [
  [0, 5_000], [5_000, 10_000], [10_000, 20_000], [20_000, 50_000], [50_000, 100_000], [100_000, 200_000], [200_000, null],
];

/** Facet counts before labels: values of each facet among the matches passing every other filter. */
export interface FacetCounts {
  pavilion: Map<string, number>;
  country: Map<string, number>;
  category: Map<string, number>;
  mode: Map<string, number>;
  cert: Map<string, number>;
  inStock: number;
  /** Per PRICE_BANDS entry. */
  price: number[];
}

export const noFacetCounts = (): FacetCounts => ({ pavilion: new Map(), country: new Map(), category: new Map(), mode: new Map(), cert: new Map(), inStock: 0, price: PRICE_BANDS.map(() => 0) });

export interface FacetLabels {
  pavilion: (id: string) => { en: string; zh: string };
  country: (code: string) => { en: string; zh: string };
  category: (id: string) => { en: string; zh: string };
  mode: (mode: string) => { en: string; zh: string };
  cert: (type: string) => { en: string; zh: string };
}

/**
 * Facet counts (per value, among the matches that pass every other filter, so a buyer sees how
 * many results each choice would give: choosing Fiji does not make Samoa's count vanish) with
 * their labels, the largest first.
 */
export function labelFacets(counts: FacetCounts, labels: FacetLabels): SearchFacets {
  const values = (m: ReadonlyMap<string, number>, label: (v: string) => { en: string; zh: string }): FacetValue[] =>
    [...m]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([value, n]) => {
        const l = label(value);
        return { value, labelEn: l.en, labelZh: l.zh, count: n };
      });
  return {
    pavilion: values(counts.pavilion, labels.pavilion),
    country: values(counts.country, labels.country),
    category: values(counts.category, labels.category),
    mode: values(counts.mode, labels.mode),
    cert: values(counts.cert, labels.cert),
    inStock: counts.inStock,
    price: PRICE_BANDS.map(([minFen, maxFen], band) => ({ minFen, maxFen, count: counts.price[band] ?? 0 })).filter((b) => b.count > 0),
  };
}

/** The form a query is counted under in the log: trimmed, spaces collapsed, width and case folded. */
export function loggedQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
}
