import type { SearchSort } from '@pavilion/contracts';
import type { Dictionary, ListingColumns } from './listing-mirror.ts';
import type { PostingList } from './search-blocks.ts';
import { PHRASE_BONUS, PRICE_BANDS, type FacetCounts, type Filters } from './search.rules.ts';
import { atomsOf, type QueryNode } from './search-text.rules.ts';

/**
 * A query's tree evaluated over its terms' postings and the listing facts, in this process: the
 * matches with their text score, every filter, facet and count over all of them, and the page cut
 * from a bounded heap, so the work is a few array passes per match and no sort of the whole set.
 */

/** The documents that satisfy a tree, with their text scores (parallel arrays of `count` entries). */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
}

/** The tree as a test on a document's atom bits (lo: atoms 0–31, hi: 32–51). */
function compile(node: QueryNode): (lo: number, hi: number) => boolean {
  switch (node.kind) {
    case 'atom': {
      const bit = node.bit;
      if (bit < 32) {
        const m = (1 << bit) >>> 0;
        return (lo) => (lo & m) !== 0;
      }
      const m = (1 << (bit - 32)) >>> 0;
      return (_lo, hi) => (hi & m) !== 0;
    }
    case 'and': {
      const parts = node.nodes.map(compile);
      return (lo, hi) => parts.every((p) => p(lo, hi));
    }
    case 'or': {
      const parts = node.nodes.map(compile);
      return (lo, hi) => parts.some((p) => p(lo, hi));
    }
  }
}

/**
 * The products the tree matches and their score: the sum, over the tree's atoms and the terms of
 * each a product holds, of the posting's field score times the atom's weight. A document the
 * mirror does not hold (unlisted, or published after it looked) is not a match.
 */
export function matchTree(tree: QueryNode, postings: ReadonlyMap<string, PostingList>, cols: ListingColumns): Matches {
  const capacity = cols.capacity;
  const score = new Float64Array(capacity);
  const lo = new Uint32Array(capacity);
  const hi = new Uint32Array(capacity);
  const touched: number[] = [];
  for (const atom of atomsOf(tree)) {
    const high = atom.bit >= 32;
    const bit = (1 << (high ? atom.bit - 32 : atom.bit)) >>> 0;
    const bits = high ? hi : lo;
    for (const term of atom.terms) {
      const list = postings.get(term);
      if (!list) continue;
      const { docs, scores } = list;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (d >= capacity || cols.present[d] === 0) continue;
        if (lo[d] === 0 && hi[d] === 0) touched.push(d);
        score[d]! += scores[i]! * atom.weight;
        bits[d]! |= bit;
      }
    }
  }
  const test = compile(tree);
  const docs = new Int32Array(touched.length);
  const scores = new Float64Array(touched.length);
  let count = 0;
  for (const d of touched) {
    if (!test(lo[d]!, hi[d]!)) continue;
    docs[count] = d;
    scores[count++] = score[d]!;
  }
  return { docs, scores, count };
}

/** The mirror as matching reads it: the columns and the names behind their codes. */
export interface FactsView {
  columns: ListingColumns;
  names: Dictionary;
  modeNames: Dictionary;
  certNames: Dictionary;
}

const BIT = { pavilion: 1, country: 2, category: 4, price: 8, mode: 16, cert: 32, inStock: 64 } as const;

/** The filters as codes and masks (a value no listing has gets a code none has). */
function compileFilters(view: FactsView, f: Filters) {
  const code = (v: string | undefined) => (v === undefined ? undefined : view.names.find(v));
  const bit = (dict: Dictionary, v: string | undefined) => {
    if (v === undefined) return undefined;
    const c = dict.find(v);
    return c < 0 ? 0 : 1 << c;
  };
  return {
    pavilion: code(f.pavilion), country: code(f.country), category: code(f.category), mode: bit(view.modeNames, f.mode), cert: bit(view.certNames, f.cert),
    price: f.priceMinFen !== undefined || f.priceMaxFen !== undefined, min: f.priceMinFen ?? Number.NEGATIVE_INFINITY, max: f.priceMaxFen ?? Number.POSITIVE_INFINITY, inStock: f.inStock === true,
  };
}

/** The filters a document fails, as bits of BIT. */
function failures(c: ListingColumns, d: number, f: ReturnType<typeof compileFilters>): number {
  let out = 0;
  if (f.pavilion !== undefined && c.pavilion[d] !== f.pavilion) out |= BIT.pavilion;
  if (f.country !== undefined && c.country[d] !== f.country) out |= BIT.country;
  if (f.category !== undefined && c.category[d] !== f.category && c.root[d] !== f.category) out |= BIT.category;
  if (f.price) {
    const p = c.price[d]!;
    if (Number.isNaN(p) || p < f.min || p > f.max) out |= BIT.price;
  }
  if (f.mode !== undefined && (c.modes[d]! & f.mode) === 0) out |= BIT.mode;
  if (f.cert !== undefined && (c.certs[d]! & f.cert) === 0) out |= BIT.cert;
  if (f.inStock && c.inStock[d] === 0) out |= BIT.inStock;
  return out;
}

/** Orders matches (by index) for a sort; the relevance of each computed once, on demand. */
class Ranking {
  private readonly relevance: Float64Array;
  private readonly cols: ListingColumns;
  private readonly m: Matches;
  private readonly phrase: string;

  constructor(cols: ListingColumns, m: Matches, phrase: string) {
    this.cols = cols;
    this.m = m;
    this.phrase = phrase;
    this.relevance = new Float64Array(m.count).fill(Number.NaN);
  }

  score(i: number): number {
    return this.m.scores[i]!;
  }

  /** The text score plus PHRASE_BONUS when the whole query stands in the title. */
  relevanceOf(i: number): number {
    let r = this.relevance[i]!;
    if (Number.isNaN(r)) {
      const s = this.m.scores[i]!;
      r = this.phrase !== '' && this.cols.phrase[this.m.docs[i]!]!.includes(this.phrase) ? s + PHRASE_BONUS : s;
      this.relevance[i] = r;
    }
    return r;
  }

  /** Relevance, then in stock, buyable and best sellers first among equals, the product id last (negative: a before b). */
  byRelevance = (a: number, b: number): number => {
    const c = this.cols;
    const da = this.m.docs[a]!;
    const db = this.m.docs[b]!;
    return (
      this.relevanceOf(b) - this.relevanceOf(a) ||
      c.inStock[db]! - c.inStock[da]! ||
      c.available[db]! - c.available[da]! ||
      c.sales[db]! - c.sales[da]! ||
      (c.productId[da]! < c.productId[db]! ? -1 : c.productId[da]! > c.productId[db]! ? 1 : 0)
    );
  };

  comparator(sort: SearchSort): (a: number, b: number) => number {
    const c = this.cols;
    const docs = this.m.docs;
    // Products without a yuan price go last whichever way prices are sorted.
    const priceKey = (i: number, dir: 1 | -1) => {
      const p = c.price[docs[i]!]!;
      return Number.isNaN(p) ? Number.POSITIVE_INFINITY : dir * p;
    };
    switch (sort) {
      case 'relevance':
        return this.byRelevance;
      case 'price_asc':
        return (a, b) => priceKey(a, 1) - priceKey(b, 1) || this.byRelevance(a, b);
      case 'price_desc':
        return (a, b) => priceKey(a, -1) - priceKey(b, -1) || this.byRelevance(a, b);
      case 'newest':
        return (a, b) => {
          const pa = c.published[docs[a]!]!;
          const pb = c.published[docs[b]!]!;
          return pa < pb ? 1 : pa > pb ? -1 : this.byRelevance(a, b);
        };
      case 'best_selling':
        return (a, b) => c.sales[docs[b]!]! - c.sales[docs[a]!]! || this.byRelevance(a, b);
    }
  }
}

/**
 * The best `k` of the given match indices in a sort's order: a heap holding the worst kept at its
 * root, so most matches cost one comparison. For relevance, a match whose score plus the phrase
 * bonus is below the worst kept is passed over without looking for the phrase.
 */
function best(rank: Ranking, sort: SearchSort, indices: ArrayLike<number>, n: number, k: number): number[] {
  if (k <= 0) return [];
  const cmp = rank.comparator(sort);
  const heap: number[] = [];
  const worse = (a: number, b: number) => cmp(a, b) > 0;
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let j = 0; j < n; j++) {
    const i = indices[j]!;
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap.length - 1);
      continue;
    }
    const root = heap[0]!;
    if (sort === 'relevance' && rank.score(i) + PHRASE_BONUS < rank.relevanceOf(root)) continue;
    if (cmp(i, root) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(cmp);
}

export interface Evaluated {
  /** Every match, before filters. */
  total: number;
  /** The matches passing every filter. */
  filtered: number;
  facets: FacetCounts;
  /** Product ids of the page (in the sort's order). */
  page: string[];
  /** Product ids of the best unfiltered matches by relevance (up to `related`), when asked and the filters left none. */
  best: string[];
}

/** Counters by code as facet counts by value. */
function counted(counts: Int32Array, names: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out.set(names[i]!, counts[i]!);
  return out;
}

/** Filters, facets, counts and the page over all matches. */
export function evaluateMatches(
  m: Matches,
  view: FactsView,
  options: { phrase: string; filters: Filters; sort: SearchSort; offset: number; limit: number; related?: number },
): Evaluated {
  const cols = view.columns;
  const f = compileFilters(view, options.filters);
  const names = view.names.names.length;
  const pavilion = new Int32Array(names);
  const country = new Int32Array(names);
  const category = new Int32Array(names);
  const mode = new Int32Array(31);
  const cert = new Int32Array(31);
  const price = new Int32Array(PRICE_BANDS.length);
  let inStock = 0;
  const passing = new Int32Array(m.count);
  let filtered = 0;
  for (let i = 0; i < m.count; i++) {
    const d = m.docs[i]!;
    const fails = failures(cols, d, f);
    // A facet counts the matches passing every filter but its own.
    if (fails === 0) passing[filtered++] = i;
    else if ((fails & (fails - 1)) !== 0) continue;
    if ((fails & ~BIT.pavilion) === 0) pavilion[cols.pavilion[d]!]! += 1;
    if ((fails & ~BIT.country) === 0) country[cols.country[d]!]! += 1;
    if ((fails & ~BIT.category) === 0) category[cols.category[d]!]! += 1;
    if ((fails & ~BIT.mode) === 0) for (let b = 0, bits = cols.modes[d]!; bits !== 0; b++, bits >>>= 1) if (bits & 1) mode[b]! += 1;
    if ((fails & ~BIT.cert) === 0) for (let b = 0, bits = cols.certs[d]!; bits !== 0; b++, bits >>>= 1) if (bits & 1) cert[b]! += 1;
    if ((fails & ~BIT.inStock) === 0 && cols.inStock[d] === 1) inStock += 1;
    if ((fails & ~BIT.price) === 0 && cols.band[d]! >= 0) price[cols.band[d]!]! += 1;
  }
  const facets: FacetCounts = {
    pavilion: counted(pavilion, view.names.names), country: counted(country, view.names.names), category: counted(category, view.names.names),
    mode: counted(mode, view.modeNames.names), cert: counted(cert, view.certNames.names), inStock, price: [...price],
  };
  const rank = new Ranking(cols, m, options.phrase);
  const ids = (indices: number[]) => indices.map((i) => cols.productId[m.docs[i]!]!);
  const page = best(rank, options.sort, passing, filtered, options.offset + options.limit).slice(options.offset);
  const all = options.related && filtered === 0 ? best(rank, 'relevance', Int32Array.from({ length: m.count }, (_, i) => i), m.count, options.related) : [];
  return { total: m.count, filtered, facets, page: ids(page), best: ids(all) };
}
