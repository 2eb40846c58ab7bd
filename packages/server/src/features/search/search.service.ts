import {
  countries, type CountryCode, type Highlight, type SearchQuery, type SearchResult, type Suggestion,
} from '@pavilion/contracts';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import type { Caller } from '../../platform/sessions.ts';
import { pruneChanges } from './listing-mirror.ts';
import { QueryLog } from './query-log.ts';
import { REINDEX_SEARCH } from './search-jobs.ts';
import { MAX_ATOMS, planQuery } from './search-analyzer.ts';
import { bumpLexiconVersion, indexProducts, syncedLexicon } from './search-index.ts';
import { findMatches, findSuggestedNames, findSuggestedProducts, termLookup } from './search.repository.ts';
import { filtersOf, hasFilters, labelFacets, loggedQuery, noFacetCounts, type FacetLabels } from './search.rules.ts';
import { atomsOf, highlight, normalizeText, or, type QueryNode } from './search-text.rules.ts';

const MODE_LABELS: Record<string, { en: string; zh: string }> = {
  '9610': { en: 'Direct mail (9610)', zh: '跨境直邮（9610）' },
  '1210': { en: 'Bonded warehouse (1210)', zh: '保税仓发货（1210）' },
};
const CERT_LABELS: Record<string, { en: string; zh: string }> = {
  halal: { en: 'Halal', zh: '清真' },
  organic: { en: 'Organic', zh: '有机' },
  fair_trade: { en: 'Fair trade', zh: '公平贸易' },
  gacc: { en: 'GACC registered', zh: '海关总署注册' },
  haccp: { en: 'HACCP', zh: 'HACCP' },
  iso22000: { en: 'ISO 22000', zh: 'ISO 22000' },
  other: { en: 'Other certificate', zh: '其他认证' },
};
/**
 * A store search as search answers it: the products of the page and the related ones as ids, best
 * first, with what search knows of the query (total, facets, did-you-mean). Search ranks; whoever
 * shows the results (the catalog's storefront) turns the ids into listing cards, so search never
 * reads the catalog's cards and the catalog, which indexes its products here, stays the only one of
 * the two that knows the other.
 */
export type SearchRanking = Omit<SearchResult, 'items' | 'related'> & {
  /** The page's products, best first. */
  productIds: string[];
  /** When nothing matched: products sharing some of the words (or matching them without the filters). */
  relatedIds: string[];
  /** A title cut into pieces, the words the query matched marked. */
  highlight: (title: string) => Highlight;
};

const RELATED = 6;
const HOT = 10;

/**
 * Search for buyers (results with facets, suggestions, hot searches) and its upkeep for operators
 * (words, synonyms, hot searches, zero-result queries). The background upkeep (re-indexing after a
 * word-list change, pruning the listing change log, writing the query counts) is run by the job
 * queue (background-jobs.ts), never by a buyer's request.
 */
export class SearchService {
  private readonly db: Db;
  private readonly clock: Clock;
  readonly log: QueryLog;
  private readonly onReindexQueued: () => void;

  /** `onReindexQueued`: called after a commit that queued a re-index (the app runs its queue now). */
  constructor(options: { db: Db; clock: Clock; onError: (err: unknown) => void; onReindexQueued?: () => void }) {
    this.db = options.db;
    this.clock = options.clock;
    this.onReindexQueued = options.onReindexQueued ?? (() => {});
    this.log = new QueryLog({ db: options.db, clock: options.clock, onError: options.onError });
  }

  /** Ranks the published products for a buyer's query: the page asked for, with facets and, when nothing matched, what to try instead. */
  async rank(query: SearchQuery): Promise<SearchRanking> {
    const { db } = this;
    const lexicon = await syncedLexicon(db);
    const lookup = termLookup(db);
    const plan = await planQuery(lexicon, query.q, lookup);
    const [pavilions, categories] = await Promise.all([
      db.selectFrom('pavilions').select(['id', 'slug', 'name_en', 'name_zh']).execute(),
      db.selectFrom('categories').select(['id', 'name_en', 'name_zh']).execute(),
    ]);
    const filters = filtersOf(query);
    const start = (query.page - 1) * query.page_size;
    const slugs = new Map(pavilions.map((p) => [p.id, p.slug]));
    // The index holds pavilion ids; a slug no pavilion has matches nothing.
    const resolved = filters.pavilion === undefined ? filters : { ...filters, pavilion: pavilions.find((p) => p.slug === filters.pavilion)?.id ?? '\u0000' };
    const found = plan.tree
      ? await findMatches(db, { tree: plan.tree, phrase: plan.phrase, filters: resolved, sort: query.sort, offset: start, limit: query.page_size, ...(hasFilters(filters) ? { related: RELATED } : {}) })
      : null;
    const labels: FacetLabels = {
      pavilion: (slug) => named(pavilions.find((p) => p.slug === slug)),
      country: (code) => countries[code as CountryCode] ?? { en: code, zh: code },
      category: (id) => named(categories.find((c) => c.id === id)),
      mode: (mode) => MODE_LABELS[mode] ?? { en: mode, zh: mode },
      cert: (type) => CERT_LABELS[type] ?? { en: type, zh: type },
    };
    const total = found?.filtered ?? 0;
    // What buyers look for: the first page of a query, unfiltered (further pages, sorts of the same
    // results and the drawer's previews are not new searches; a filter that empties a list is not a missing product).
    if (query.page === 1 && !hasFilters(filters)) this.log.record(loggedQuery(query.q), total);

    let didYouMean: string | null = null;
    let relatedIds: string[] = [];
    if (total === 0) {
      // Nothing matched: offer the query without the words the catalog does not know, and products sharing some words.
      const known = plan.units.filter((u) => u.tree !== null);
      if (known.length > 0 && known.length < plan.units.length) didYouMean = known.map((u) => u.text).join(' ');
      const trees: QueryNode[] = [];
      let atoms = 0;
      for (const u of known) {
        if (!u.tree || atoms + atomsOf(u.tree).length > MAX_ATOMS) continue;
        atoms += atomsOf(u.tree).length;
        trees.push(u.tree);
      }
      if (found && found.total > 0) {
        // The words matched and only the filters emptied the list: the best matches without them.
        relatedIds = found.best;
      } else if (trees.length > 0) {
        const some = await findMatches(db, { tree: renumber(or(trees)), phrase: '', filters: {}, sort: 'relevance', offset: 0, limit: RELATED });
        relatedIds = some.page;
      }
    }
    const counts = found?.facets ?? noFacetCounts();
    const facets = labelFacets({ ...counts, pavilion: new Map([...counts.pavilion].map(([id, n]) => [slugs.get(id) ?? id, n])) }, labels);
    return {
      q: query.q,
      productIds: found?.page ?? [],
      total,
      page: query.page,
      pageSize: query.page_size,
      facets,
      didYouMean,
      relatedIds,
      highlight: (title) => highlight(title, plan.needles),
    };
  }

  /** Up to 10: categories and brands whose names hold what was typed, then products whose title starts with it. */
  async suggest(q: string): Promise<Suggestion[]> {
    const text = normalizeText(q).trim();
    const key = text.replace(/\s+/g, '');
    if (!key) return [];
    // One Latin letter says too little to name products (it would match thousands): names only.
    const [names, products] = await Promise.all([findSuggestedNames(this.db, text, 2), /^[a-z0-9]$/.test(key) ? [] : findSuggestedProducts(this.db, key, 10)]);
    const items: Suggestion[] = [
      ...names.categories.map((c) => ({ kind: 'category' as const, id: c.id, labelZh: c.name_zh, labelEn: c.name_en })),
      ...names.brands.map((b) => ({ kind: 'brand' as const, id: b.id, labelZh: b.name_zh, labelEn: b.name_en })),
    ];
    for (const p of products) if (items.length < 10) items.push({ kind: 'product', id: p.id, labelZh: p.titleZh, labelEn: p.titleEn });
    return items.slice(0, 10);
  }

  /** The operators' picks, then the most searched queries of the last 7 days that found something. */
  async hot(): Promise<Array<{ text: string; source: 'curated' | 'popular' }>> {
    const curated = await this.db.selectFrom('search_hot').select('text').orderBy('position').execute();
    const since = chinaDate(new Date(this.clock().getTime() - 7 * 86_400_000));
    const popular = await this.db
      .selectFrom('search_query_days')
      .select(['query', (eb) => eb.fn.sum<number>('searches').as('searches')])
      .where('day', '>=', since)
      .groupBy('query')
      .having((eb) => eb(eb.fn.sum('zero_results'), '<', eb.fn.sum('searches')))
      .having((eb) => eb.fn.sum('searches'), '>=', 3)
      .orderBy('searches', 'desc')
      .orderBy('query')
      .limit(HOT)
      .execute();
    const seen = new Set(curated.map((c) => loggedQuery(c.text)));
    const items: Array<{ text: string; source: 'curated' | 'popular' }> = curated.map((c) => ({ text: c.text, source: 'curated' }));
    for (const p of popular) {
      if (items.length >= HOT) break;
      if (!seen.has(p.query)) items.push({ text: p.query, source: 'popular' as const });
    }
    return items.slice(0, HOT);
  }

  // Operators: platform-wide, like categories and the HS table (any operator, and admins).

  async zeroResults(caller: Caller | null, days: number): Promise<Array<{ query: string; count: number; lastSeenAt: string }>> {
    requireRole(caller, 'operator', 'admin');
    await this.log.flush();
    const since = chinaDate(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    const rows = await this.db
      .selectFrom('search_query_days')
      .select(['query', (eb) => eb.fn.sum<number>('zero_results').as('count'), (eb) => eb.fn.max('last_seen_at').as('last_seen_at')])
      .where('day', '>=', since)
      .where('zero_results', '>', 0)
      .groupBy('query')
      .orderBy('count', 'desc')
      .orderBy('query')
      .limit(200)
      .execute();
    return rows.map((r) => ({ query: r.query, count: Number(r.count), lastSeenAt: String(r.last_seen_at) }));
  }

  async listWords(caller: Caller | null) {
    requireRole(caller, 'operator', 'admin');
    const rows = await this.db.selectFrom('search_words').select(['word', 'created_at']).where('source', '=', 'operator').orderBy('created_at', 'desc').orderBy('word').execute();
    return rows.map((r) => ({ word: r.word, createdAt: r.created_at }));
  }

  /** A new word changes how Chinese is cut: the index is rebuilt in the background with it. */
  async addWord(caller: Caller | null, word: string) {
    const staff = requireRole(caller, 'operator', 'admin');
    const normalized = normalizeText(word).replace(/\s+/g, '');
    if (!/^\p{Script=Han}{2,12}$/u.test(normalized)) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.word', rule: 'chinese_word', message: 'must be a Chinese word of 2 to 12 characters' }] });
    }
    const createdAt = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('search_words').select(['source']).where('word', '=', normalized).executeTakeFirst();
      if (existing?.source === 'operator') {
        throw new AppError('ALREADY_EXISTS', { details: [{ field: 'body.word', rule: 'unique', message: 'is already in the word list' }] });
      }
      if (existing) await trx.updateTable('search_words').set({ source: 'operator', created_by: staff.userId, created_at: createdAt }).where('word', '=', normalized).execute();
      else await trx.insertInto('search_words').values({ word: normalized, source: 'operator', created_by: staff.userId, created_at: createdAt }).execute();
      await bumpLexiconVersion(trx, { epoch: true });
      await this.queueReindex(trx);
    });
    this.onReindexQueued();
    return { word: normalized, createdAt };
  }

  async removeWord(caller: Caller | null, word: string): Promise<void> {
    requireRole(caller, 'operator', 'admin');
    await this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('search_words').where('word', '=', word).where('source', '=', 'operator').executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notFound();
      await bumpLexiconVersion(trx, { epoch: true });
      await this.queueReindex(trx);
    });
    this.onReindexQueued();
  }

  /** The re-index job, with the word-list change that needs it (one waits at most). */
  private async queueReindex(trx: Trx): Promise<void> {
    await enqueueJob(trx, REINDEX_SEARCH, {}, { now: this.clock(), uniqueKey: REINDEX_SEARCH.kind });
  }

  async listSynonyms(caller: Caller | null) {
    requireRole(caller, 'operator', 'admin');
    const rows = await this.db.selectFrom('search_synonyms').select(['id', 'terms', 'created_at']).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, terms: JSON.parse(r.terms) as string[], createdAt: r.created_at }));
  }

  /** Synonyms apply to queries only: they take effect at once, with no re-index. */
  async addSynonyms(caller: Caller | null, terms: string[]) {
    const staff = requireRole(caller, 'operator', 'admin');
    const distinct = [...new Map(terms.map((t) => [normalizeText(t).replace(/\s+/g, ' ').trim(), t.trim()])).values()];
    if (distinct.length < 2) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.terms', rule: 'synonym_terms', message: 'must list at least two different words or phrases' }] });
    }
    const row = { id: newId(), terms: JSON.stringify(distinct), created_by: staff.userId, created_at: this.clock().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('search_synonyms').values(row).execute();
      await bumpLexiconVersion(trx, { epoch: false });
    });
    return { id: row.id, terms: distinct, createdAt: row.created_at };
  }

  async removeSynonyms(caller: Caller | null, id: string): Promise<void> {
    requireRole(caller, 'operator', 'admin');
    await this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('search_synonyms').where('id', '=', id).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notFound();
      await bumpLexiconVersion(trx, { epoch: false });
    });
  }

  async curatedHot(caller: Caller | null): Promise<string[]> {
    requireRole(caller, 'operator', 'admin');
    return (await this.db.selectFrom('search_hot').select('text').orderBy('position').execute()).map((r) => r.text);
  }

  async setCuratedHot(caller: Caller | null, items: string[]): Promise<string[]> {
    requireRole(caller, 'operator', 'admin');
    const distinct = [...new Map(items.map((t) => [loggedQuery(t), t.trim()])).values()];
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('search_hot').execute();
      if (distinct.length > 0) await trx.insertInto('search_hot').values(distinct.map((text, position) => ({ text, position }))).execute();
    });
    return distinct;
  }

  async indexStatus(caller: Caller | null) {
    requireRole(caller, 'operator', 'admin');
    const state = await this.db.selectFrom('search_state').select(['lexicon_version', 'lexicon_epoch']).where('id', '=', 1).executeTakeFirstOrThrow();
    const counts = await this.db
      .selectFrom('search_documents')
      .select([(eb) => eb.fn.countAll<number>().as('documents'), sql<number>`sum(case when lexicon_epoch < ${state.lexicon_epoch} then 1 else 0 end)`.as('pending')])
      .executeTakeFirstOrThrow();
    return { documents: Number(counts.documents), pending: Number(counts.pending ?? 0), lexiconVersion: state.lexicon_version };
  }

  /**
   * Re-indexes, in small transactions, the products segmented with an older word list (the
   * re-index job's handler). The work is found from the database, so a run cut short is resumed by
   * the next; it stops between batches when `signal` aborts (its lease was lost).
   */
  async reindexStale(signal?: AbortSignal): Promise<{ documents: number }> {
    let documents = 0;
    for (;;) {
      if (signal?.aborted) return { documents };
      const state = await this.db.selectFrom('search_state').select('lexicon_epoch').where('id', '=', 1).executeTakeFirstOrThrow();
      const stale = await this.db
        .selectFrom('search_documents')
        .select('product_id')
        .where('lexicon_epoch', '<', state.lexicon_epoch)
        .orderBy('lexicon_epoch')
        .orderBy('doc')
        .limit(100)
        .execute();
      if (stale.length === 0) return { documents };
      await this.db.transaction().execute((trx) => indexProducts(trx, stale.map((s) => s.product_id)));
      documents += stale.length;
      // Searches answered between batches: a re-index never holds the event loop for long.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Forgets the listing changes every mirror has had time to apply (the prune job's handler). */
  async pruneChanges(): Promise<void> {
    await pruneChanges(this.db);
  }

  /** Writes the query counts still gathered in this process. */
  async close(): Promise<void> {
    await this.log.close();
  }
}

function named(row: { name_en: string; name_zh: string } | undefined): { en: string; zh: string } {
  return row ? { en: row.name_en, zh: row.name_zh } : { en: '', zh: '' };
}

/** A tree built from units numbered apart gets fresh, distinct atom numbers. */
function renumber(tree: QueryNode): QueryNode {
  let next = 0;
  const walk = (n: QueryNode): QueryNode => (n.kind === 'atom' ? { ...n, bit: next++ } : { ...n, nodes: n.nodes.map(walk) });
  return walk(tree);
}
