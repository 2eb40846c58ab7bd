/**
 * Measures search quality on the relevance set: runs every query through GET /api/store/search and
 * scores the ranking with precision@5 and reciprocal rank. Shared by `npm run eval:search` (which
 * prints the figures on both databases) and relevance.api.test.ts (which holds them above a floor).
 */
import type { FastifyInstance } from 'fastify';
import type { SearchResult } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';
import { queryKinds, type QueryKind, type RelevanceQuery } from './relevance-set.ts';

/** How many results precision is measured on, and how deep the first expected product is looked for. */
export const PRECISION_K = 5;
export const RANK_DEPTH = 10;

/**
 * Share of the expected products found in the first k results. Divided by min(k, |expected|), so a
 * list of two expected products scores 1 when both are in the top k, whatever else is there.
 */
export function precisionAtK(ranking: readonly string[], expected: readonly string[], k = PRECISION_K): number {
  const wanted = new Set(expected);
  if (wanted.size === 0) throw new Error('precision needs at least one expected product');
  const top = new Set(ranking.slice(0, k));
  const found = [...wanted].filter((id) => top.has(id)).length;
  return found / Math.min(k, wanted.size);
}

export function precisionAt5(ranking: readonly string[], expected: readonly string[]): number {
  return precisionAtK(ranking, expected, 5);
}

/** 1 / the rank of the first expected product, 0 when none is in the first `depth` results. */
export function reciprocalRank(ranking: readonly string[], expected: readonly string[], depth = RANK_DEPTH): number {
  const wanted = new Set(expected);
  if (wanted.size === 0) throw new Error('reciprocal rank needs at least one expected product');
  const index = ranking.slice(0, depth).findIndex((id) => wanted.has(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

/** One variant as the catalog stores it. */
export interface VariantRef {
  sku: string;
  productId: string;
}

/**
 * The product a relevance-set entry names: the variant with exactly that SKU, or else the one product
 * whose variant SKUs start with it. A reference naming no product or several is a mistake in the set.
 */
export function resolveProduct(ref: string, variants: readonly VariantRef[]): string {
  const exact = variants.find((v) => v.sku === ref);
  if (exact) return exact.productId;
  const products = new Set(variants.filter((v) => v.sku.startsWith(ref)).map((v) => v.productId));
  if (products.size === 1) return [...products][0] as string;
  throw new Error(products.size === 0 ? `no variant SKU is or starts with "${ref}"` : `"${ref}" names ${products.size} products, not one`);
}

export async function loadVariantRefs(db: Db): Promise<VariantRef[]> {
  const rows = await db.selectFrom('variants').select(['sku', 'product_id']).execute();
  return rows.map((r) => ({ sku: r.sku, productId: r.product_id }));
}

export interface RankedItem {
  id: string;
  /** The product's first variant SKU in sort order: names it the same way on every database (ids differ). */
  sku: string;
  titleZh: string;
  titleEn: string;
}

export interface QueryOutcome {
  query: RelevanceQuery;
  expectedIds: string[];
  /** The first RANK_DEPTH results, in order. */
  ranking: RankedItem[];
  total: number;
  precisionAt5: number;
  reciprocalRank: number;
  /** Set when the endpoint did not answer 200 (the query then scores 0). */
  error?: string;
}

/** Runs every query of the set against the app, in order (the figures do not depend on timing). */
export async function runRelevanceSet(options: {
  app: Pick<FastifyInstance, 'inject'>;
  db: Db;
  set: readonly RelevanceQuery[];
}): Promise<QueryOutcome[]> {
  const variants = await loadVariantRefs(options.db);
  const skuOf = new Map<string, string>();
  for (const v of variants) {
    const known = skuOf.get(v.productId);
    if (known === undefined || v.sku < known) skuOf.set(v.productId, v.sku);
  }
  const outcomes: QueryOutcome[] = [];
  for (const query of options.set) {
    const expectedIds = query.expected.map((ref) => resolveProduct(ref, variants));
    const res = await options.app.inject({
      method: 'GET',
      url: `/api/store/search?q=${encodeURIComponent(query.q)}&page_size=${RANK_DEPTH}`,
    });
    if (res.statusCode !== 200) {
      outcomes.push({ query, expectedIds, ranking: [], total: 0, precisionAt5: 0, reciprocalRank: 0, error: `HTTP ${res.statusCode}: ${res.body.slice(0, 200)}` });
      continue;
    }
    const body = res.json() as SearchResult;
    const ranking = body.items.slice(0, RANK_DEPTH).map((item) => ({ id: item.id, sku: skuOf.get(item.id) ?? '?', titleZh: item.titleZh, titleEn: item.titleEn }));
    const ids = ranking.map((r) => r.id);
    outcomes.push({
      query,
      expectedIds,
      ranking,
      total: body.total,
      precisionAt5: precisionAt5(ids, expectedIds),
      reciprocalRank: reciprocalRank(ids, expectedIds),
    });
  }
  return outcomes;
}

export interface Figures {
  queries: number;
  precisionAt5: number;
  mrr: number;
  /** Queries with every expected product in the top 5 and the first result expected. */
  perfect: number;
}

export interface Summary {
  overall: Figures;
  byKind: Array<{ kind: QueryKind } & Figures>;
}

function figuresOf(outcomes: readonly QueryOutcome[]): Figures {
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    queries: outcomes.length,
    precisionAt5: mean(outcomes.map((o) => o.precisionAt5)),
    mrr: mean(outcomes.map((o) => o.reciprocalRank)),
    perfect: outcomes.filter(isPerfect).length,
  };
}

export function isPerfect(outcome: QueryOutcome): boolean {
  return outcome.precisionAt5 === 1 && outcome.reciprocalRank === 1;
}

export function summarize(outcomes: readonly QueryOutcome[]): Summary {
  return {
    overall: figuresOf(outcomes),
    byKind: queryKinds
      .map((kind) => ({ kind, ...figuresOf(outcomes.filter((o) => o.query.kind === kind)) }))
      .filter((row) => row.queries > 0),
  };
}

const fixed = (n: number) => n.toFixed(3);

/** The per-kind table and the overall line, as the eval script prints them. */
export function formatSummary(summary: Summary): string {
  const header = `${'kind'.padEnd(12)}${'queries'.padStart(8)}${'P@5'.padStart(8)}${'MRR'.padStart(8)}${'perfect'.padStart(9)}`;
  const row = (label: string, f: Figures) =>
    `${label.padEnd(12)}${String(f.queries).padStart(8)}${fixed(f.precisionAt5).padStart(8)}${fixed(f.mrr).padStart(8)}${`${f.perfect}/${f.queries}`.padStart(9)}`;
  return [header, '-'.repeat(header.length), ...summary.byKind.map((k) => row(k.kind, k)), '-'.repeat(header.length), row('overall', summary.overall)].join('\n');
}

/**
 * The queries that are not perfect, each with its scores, where the expected products landed and the
 * first three results: what someone tuning the engine needs to see.
 */
export function formatFailures(outcomes: readonly QueryOutcome[]): string {
  const failing = outcomes.filter((o) => !isPerfect(o));
  if (failing.length === 0) return 'every query perfect';
  return failing
    .map((o) => {
      const ids = o.ranking.map((r) => r.id);
      const ranks = o.query.expected.map((ref, i) => {
        const at = ids.indexOf(o.expectedIds[i] as string);
        return `${ref}@${at < 0 ? '-' : at + 1}`;
      });
      const top = o.ranking.slice(0, 3).map((r, i) => `    ${i + 1}. ${r.titleZh} / ${r.titleEn} (${r.sku})`);
      return [
        `[${o.query.kind}] "${o.query.q}"  P@5 ${fixed(o.precisionAt5)}  RR ${fixed(o.reciprocalRank)}  total ${o.total}  expected ${ranks.join(' ')}`,
        ...(o.error ? [`    ${o.error}`] : top.length > 0 ? top : ['    (nothing)']),
      ].join('\n');
    })
    .join('\n');
}
