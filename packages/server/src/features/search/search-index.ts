import { countries, type CountryCode, type StoredProductContent } from '@pavilion/contracts';
import { pinyin } from 'pinyin-pro';
import { PostgresAdapter, sql, type Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { SearchListingsTable } from '../../db/schema.ts';
import { Lexicon } from './lexicon.ts';
import { analyzeDocument, phraseText, type SearchDocument } from './search-analyzer.ts';
import { normalizeText, splitRuns } from './search-text.rules.ts';

/**
 * Keeps the search index in step with the catalog. `indexProducts` runs inside the transaction
 * that changed the listing (the catalog calls it from rebuildListing), so a result is never served
 * that disagrees with what was committed; `reindexAll` rebuilds everything (benchmarks, repairs).
 */

const lexicons = new Map<string, Lexicon>();

/** The lexicon of a database in this process, reloaded when the stored word list or synonyms changed. */
export async function syncedLexicon(db: Db | Trx): Promise<Lexicon> {
  const state = await db.selectFrom('search_state').select(['lexicon_version', 'database_id']).where('id', '=', 1).executeTakeFirstOrThrow();
  let lexicon = lexicons.get(state.database_id);
  if (!lexicon) {
    lexicon = new Lexicon();
    lexicons.set(state.database_id, lexicon);
  }
  if (lexicon.version !== state.lexicon_version) {
    const [words, synonyms] = await Promise.all([
      db.selectFrom('search_words').select('word').execute(),
      db.selectFrom('search_synonyms').select('terms').orderBy('created_at').orderBy('id').execute(),
    ]);
    const stored = new Set(words.map((w) => w.word));
    // A removed word cannot be taken out of the segmenter: start it over.
    if (lexicon.version !== -1) lexicon.reset();
    lexicon.addWords(stored);
    lexicon.setSynonyms(synonyms.map((s) => JSON.parse(s.terms) as string[]));
    lexicon.version = state.lexicon_version;
  }
  return lexicon;
}

export async function bumpLexiconVersion(db: Db | Trx, options: { epoch: boolean }): Promise<number> {
  await db
    .updateTable('search_state')
    .set((eb) => ({ lexicon_version: eb('lexicon_version', '+', 1), ...(options.epoch ? { lexicon_epoch: eb('lexicon_epoch', '+', 1) } : {}) }))
    .where('id', '=', 1)
    .execute();
  const state = await db.selectFrom('search_state').select(['lexicon_version']).where('id', '=', 1).executeTakeFirstOrThrow();
  return state.lexicon_version;
}

const stripHtml = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The listing's columns search filters, sorts and breaks ties on, copied to search_listings (triggers keep them in step). */
type ListingFacts = Pick<
  Selectable<SearchListingsTable>,
  'pavilion_id' | 'origin_country' | 'category_id' | 'category_root' | 'price_cny_min' | 'customs_modes' | 'retail_eligible' | 'in_stock' | 'sales_count' | 'published_at'
>;
type LoadedDocument = SearchDocument & { listing: ListingFacts };

/** What search reads of listed products: the listing row, the live content, names around it. Absent: not listed. */
export async function loadDocuments(db: Db | Trx, productIds: string[]): Promise<Map<string, LoadedDocument>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalog_listings as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .innerJoin('product_revisions as r', 'r.id', 'p.live_revision_id')
    .innerJoin('exporters as e', 'e.id', 'l.exporter_id')
    .innerJoin('pavilions as pv', 'pv.id', 'l.pavilion_id')
    .innerJoin('categories as c', 'c.id', 'l.category_id')
    .leftJoin('categories as parent', 'parent.id', 'c.parent_id')
    .leftJoin('brands as b', 'b.id', 'l.brand_id')
    .select([
      'l.product_id', 'l.in_stock', 'l.sales_count', 'l.origin_country', 'l.pavilion_id', 'l.category_id', 'l.category_root', 'l.price_cny_min',
      'l.customs_modes', 'l.retail_eligible', 'l.published_at', 'r.content', 'e.trading_name_en', 'e.trading_name_zh', 'e.city',
      'pv.name_en as pavilion_en', 'pv.name_zh as pavilion_zh', 'c.name_en as category_en', 'c.name_zh as category_zh',
      'parent.name_en as parent_en', 'parent.name_zh as parent_zh', 'b.name_en as brand_en', 'b.name_zh as brand_zh',
    ])
    .where('l.product_id', 'in', productIds)
    .execute();
  const docs = new Map<string, LoadedDocument>();
  for (const row of rows) {
    // Stored content was validated by the contract when it was written; parsed again here it would cost more than the indexing.
    const c = JSON.parse(row.content) as StoredProductContent;
    const country = countries[row.origin_country as CountryCode];
    docs.set(row.product_id, {
      productId: row.product_id,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      subtitleZh: c.subtitleZh,
      subtitleEn: c.subtitleEn,
      descriptionZh: stripHtml(c.descriptionZh),
      descriptionEn: stripHtml(c.descriptionEn),
      tags: c.tags,
      brand: row.brand_en !== null && row.brand_zh !== null ? { zh: row.brand_zh, en: row.brand_en } : null,
      categoryNames: [row.category_zh, row.category_en, row.parent_zh ?? '', row.parent_en ?? ''].filter(Boolean),
      exporterNames: [row.trading_name_zh, row.trading_name_en],
      placeNames: [country?.zh ?? '', country?.en ?? '', row.pavilion_zh, row.pavilion_en, row.city].filter(Boolean),
      certifications: c.compliance.certifications.map((cert) => cert.type),
      salesCount: row.sales_count,
      inStock: row.in_stock === 1,
      listing: {
        pavilion_id: row.pavilion_id,
        origin_country: row.origin_country,
        category_id: row.category_id,
        category_root: row.category_root,
        price_cny_min: row.price_cny_min === null ? null : Number(row.price_cny_min),
        customs_modes: row.customs_modes,
        retail_eligible: row.retail_eligible,
        in_stock: row.in_stock,
        sales_count: row.sales_count,
        published_at: row.published_at,
      },
    });
  }
  return docs;
}

const SUGGEST_KEY_CHARS = 40;
const pinyinCache = new Map<string, string[]>();

function syllablesOf(word: string): string[] {
  let syllables = pinyinCache.get(word);
  if (!syllables) {
    syllables = /\p{Script=Han}/u.test(word) ? pinyin(word, { toneType: 'none', type: 'array', v: true }) : [word];
    if (pinyinCache.size > 200_000) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}

/**
 * The prefixes that suggest a product: its Chinese title from each of its first words, the same in
 * pinyin and in initials, and its English title from each of its first words. Spaces are removed
 * (a buyer types "coconutoil" or "coconut oil" alike).
 */
export function suggestKeys(lexicon: Lexicon, doc: Pick<SearchDocument, 'titleZh' | 'titleEn'>): string[] {
  const keys = new Set<string>();
  const put = (text: string) => {
    const key = [...text].slice(0, SUGGEST_KEY_CHARS).join('');
    if (key) keys.add(key);
  };
  const zhWords = splitRuns(normalizeText(doc.titleZh)).flatMap((run) => (run.kind === 'han' ? lexicon.cutForQuery(run.text) : [run.text]));
  const syllables = zhWords.map(syllablesOf);
  for (let i = 0; i < Math.min(6, zhWords.length); i++) put(zhWords.slice(i).join(''));
  for (let i = 0; i < Math.min(3, zhWords.length); i++) put(syllables.slice(i).flat().join(''));
  put(syllables.flat().map((s) => s[0] ?? '').join(''));
  const enWords = splitRuns(normalizeText(doc.titleEn)).map((run) => run.text);
  for (let i = 0; i < Math.min(4, enWords.length); i++) put(enWords.slice(i).join(''));
  return [...keys];
}

/** The catalog's own vocabulary (Chinese tags, brand and category names) joins the word list before the product is cut into words. */
const learnWords = (lexicon: Lexicon, doc: SearchDocument): string[] => lexicon.addWords([...doc.tags, ...(doc.brand ? [doc.brand.zh] : []), ...doc.categoryNames]);

// The triggers of migration 2026-12-02T0900-suggest-speed recompute it when stock or sales change: change both together.
const suggestWeight = (doc: Pick<SearchDocument, 'salesCount' | 'inStock'>) => Math.min(doc.salesCount, 999_999) + (doc.inStock ? 1_000_000 : 0);

interface IndexedRow {
  terms: Map<string, number>;
  phrase: string;
  keys: string[];
  certifications: string;
}

function buildRow(lexicon: Lexicon, doc: SearchDocument): IndexedRow {
  return {
    terms: analyzeDocument(lexicon, doc),
    phrase: phraseText(doc),
    keys: suggestKeys(lexicon, doc),
    certifications: doc.certifications.length > 0 ? `,${[...new Set(doc.certifications)].join(',')},` : '',
  };
}

/** New catalog words (Chinese tags, brand and category names) are stored, so every process segments alike. */
async function storeCatalogWords(trx: Trx | Db, lexicon: Lexicon, before: number, words: string[]): Promise<void> {
  if (words.length === 0) return;
  const inserted = await trx
    .insertInto('search_words')
    .values(words.map((word) => ({ word, source: 'catalog' as const, created_at: new Date().toISOString() })))
    .onConflict((oc) => oc.column('word').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
    const version = await bumpLexiconVersion(trx, { epoch: false });
    // This process already knows the words; the others reload.
    if (lexicon.version === before) lexicon.version = version;
  }
}

const CHUNK = 400;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows [key, doc, value] from lists of (doc, value) pairs per key, keys in order (only the insertion order depends on it). */
function inKeyOrder(grouped: Map<string, number[]>): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  for (const key of [...grouped.keys()].sort(byText)) {
    const pairs = grouped.get(key)!;
    for (let i = 0; i < pairs.length; i += 2) out.push([key, pairs[i]!, pairs[i + 1]!]);
  }
  return out;
}
const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Brings the index of these products in step with their listings, in the caller's transaction:
 * postings added, changed and removed by difference with what was indexed before, term counts
 * kept, suggestion keys replaced. A product that is not listed leaves the index.
 */
export async function indexProducts(trx: Trx, productIds: string[]): Promise<void> {
  const lexicon = await syncedLexicon(trx);
  const before = lexicon.version;
  const epoch = (await trx.selectFrom('search_state').select('lexicon_epoch').where('id', '=', 1).executeTakeFirstOrThrow()).lexicon_epoch;
  const [docs, previous] = await Promise.all([
    loadDocuments(trx, productIds),
    trx.selectFrom('search_documents').select(['doc', 'product_id', 'terms', 'suggest_keys']).where('product_id', 'in', productIds).execute(),
  ]);
  const learned: string[] = [];
  const rows = new Map<string, IndexedRow>();
  for (const [id, doc] of docs) {
    learned.push(...learnWords(lexicon, doc));
    rows.set(id, buildRow(lexicon, doc));
  }
  await storeCatalogWords(trx, lexicon, before, learned);

  const termDelta = new Map<string, number>();
  const oldByProduct = new Map(previous.map((p) => [p.product_id, p]));
  for (const old of previous) {
    const next = rows.get(old.product_id);
    const oldTerms = old.terms ? old.terms.split(' ') : [];
    const gone = next ? oldTerms.filter((t) => !next.terms.has(t)) : oldTerms;
    for (const part of chunks(gone)) await trx.deleteFrom('search_postings').where('doc', '=', old.doc).where('term', 'in', part).execute();
    for (const t of gone) termDelta.set(t, (termDelta.get(t) ?? 0) - 1);
    const oldKeys = old.suggest_keys ? old.suggest_keys.split('\t') : [];
    for (const part of chunks(oldKeys)) await trx.deleteFrom('search_suggest_keys').where('doc', '=', old.doc).where('key', 'in', part).execute();
    if (!next) await trx.deleteFrom('search_documents').where('doc', '=', old.doc).execute();
  }
  for (const [id, row] of rows) {
    const old = oldByProduct.get(id);
    const oldTerms = new Set(old?.terms ? old.terms.split(' ') : []);
    for (const t of row.terms.keys()) if (!oldTerms.has(t)) termDelta.set(t, (termDelta.get(t) ?? 0) + 1);
    const document = {
      terms: [...row.terms.keys()].join(' '),
      suggest_keys: row.keys.join('\t'),
      lexicon_epoch: epoch,
      indexed_at: new Date().toISOString(),
    };
    const doc = old
      ? (await trx.updateTable('search_documents').set(document).where('doc', '=', old.doc).execute(), old.doc)
      : (await trx.insertInto('search_documents').values({ product_id: id, ...document }).returning('doc').executeTakeFirstOrThrow()).doc;
    const facts = { product_id: id, phrase_text: row.phrase, certifications: row.certifications, ...docs.get(id)!.listing };
    await trx.insertInto('search_listings').values({ doc, ...facts }).onConflict((oc) => oc.column('doc').doUpdateSet(facts)).execute();
    const postings = [...row.terms].map(([term, score]) => ({ term, doc, score }));
    for (const part of chunks(postings, 300)) {
      await trx.insertInto('search_postings').values(part).onConflict((oc) => oc.columns(['term', 'doc']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score') }))).execute();
    }
    const weight = suggestWeight(docs.get(id)!);
    for (const part of chunks(row.keys.map((key) => ({ key, doc, weight })), 300)) {
      await trx.insertInto('search_suggest_keys').values(part).onConflict((oc) => oc.columns(['key', 'doc']).doUpdateSet((eb) => ({ weight: eb.ref('excluded.weight') }))).execute();
    }
  }
  await applyTermCounts(trx, termDelta);
}

/** Term counts move in sorted order, so two transactions on PostgreSQL never wait on each other in a circle. */
async function applyTermCounts(trx: Trx, delta: Map<string, number>): Promise<void> {
  const changes = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const up = changes.filter(([, d]) => d > 0);
  const down = changes.filter(([, d]) => d < 0);
  for (const part of chunks(up, 300)) {
    await trx
      .insertInto('search_terms')
      .values(part.map(([term, d]) => ({ term, df: d })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ df: eb('search_terms.df', '+', eb.ref('excluded.df')) })))
      .execute();
  }
  for (const [term, d] of down) {
    await trx.updateTable('search_terms').set((eb) => ({ df: eb('df', '+', d) })).where('term', '=', term).where('df', '>', -d).execute();
    await trx.deleteFrom('search_terms').where('term', '=', term).where('df', '<=', -d).execute();
  }
}

/**
 * Many rows into a table of two text-or-integer keys and a number in few statements: the rows go
 * as one parameter (a JSON array on SQLite, three arrays on PostgreSQL) that the database unpacks,
 * instead of a statement with three placeholders a row that must be parsed and prepared each time.
 */
async function bulkInsert(trx: Trx, table: 'search_postings' | 'search_suggest_keys', rows: Array<[string, number, number]>): Promise<void> {
  const [first, second, third] = table === 'search_postings' ? ['term', 'doc', 'score'] : ['key', 'doc', 'weight'];
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  for (const part of chunks(rows, 50_000)) {
    if (postgres) {
      await sql`insert into ${sql.table(table)} (${sql.ref(first)}, ${sql.ref(second)}, ${sql.ref(third)})
        select * from unnest(cast(${part.map((r) => r[0])} as text[]), cast(${part.map((r) => r[1])} as integer[]), cast(${part.map((r) => r[2])} as integer[]))`.execute(trx);
    } else {
      await sql`insert into ${sql.table(table)} (${sql.ref(first)}, ${sql.ref(second)}, ${sql.ref(third)})
        select j.value ->> 0, j.value ->> 1, j.value ->> 2 from json_each(${JSON.stringify(part)}) j`.execute(trx);
    }
  }
}

/**
 * Rebuilds the whole index from the listings (a benchmark's fresh catalog, or a repair), in
 * batches of one transaction each; the term counts are recounted at the end.
 */
export async function reindexAll(db: Db, options: { onProgress?: (done: number, total: number) => void; batchSize?: number } = {}): Promise<{ documents: number }> {
  // Large batches: each writes into most of the postings' pages, so fewer batches write them fewer times.
  const batchSize = options.batchSize ?? 4000;
  await db.transaction().execute(async (trx) => {
    for (const table of ['search_postings', 'search_terms', 'search_suggest_keys', 'search_listings', 'search_documents'] as const) await trx.deleteFrom(table).execute();
  });
  const lexicon = await syncedLexicon(db);
  const epoch = (await db.selectFrom('search_state').select('lexicon_epoch').where('id', '=', 1).executeTakeFirstOrThrow()).lexicon_epoch;
  const ids = (await db.selectFrom('catalog_listings').select('product_id').orderBy('product_id').execute()).map((r) => r.product_id);
  const df = new Map<string, number>();
  let done = 0;
  for (const batch of chunks(ids, batchSize)) {
    const docs = await loadDocuments(db, batch);
    const before = lexicon.version;
    const learned: string[] = [];
    const rows: Array<[LoadedDocument, IndexedRow]> = [];
    for (const doc of docs.values()) {
      learned.push(...learnWords(lexicon, doc));
      rows.push([doc, buildRow(lexicon, doc)]);
    }
    await db.transaction().execute(async (trx) => {
      await storeCatalogWords(trx, lexicon, before, learned);
      const documents = rows.map(([doc, row]) => ({
        product_id: doc.productId,
        terms: [...row.terms.keys()].join(' '),
        suggest_keys: row.keys.join('\t'),
        lexicon_epoch: epoch,
        indexed_at: new Date().toISOString(),
      }));
      const numbers = new Map<string, number>();
      for (const part of chunks(documents, 500)) {
        for (const r of await trx.insertInto('search_documents').values(part).returning(['doc', 'product_id']).execute()) numbers.set(r.product_id, r.doc);
      }
      const listings = rows.map(([doc, row]) => ({ doc: numbers.get(doc.productId) ?? 0, product_id: doc.productId, phrase_text: row.phrase, certifications: row.certifications, ...doc.listing }));
      for (const part of chunks(listings, 500)) await trx.insertInto('search_listings').values(part).execute();
      // Sorted by term, the rows go into the index's pages in order.
      // In key order, so the rows go into the index's pages in order: grouped by key (the documents
      // come in ascending numbers), then the distinct keys sorted.
      const postings = new Map<string, number[]>();
      const keys = new Map<string, number[]>();
      for (const [doc, row] of rows) {
        const n = numbers.get(doc.productId) ?? 0;
        for (const [term, score] of row.terms) {
          const list = postings.get(term);
          if (list) list.push(n, score);
          else postings.set(term, [n, score]);
          df.set(term, (df.get(term) ?? 0) + 1);
        }
        const weight = suggestWeight(doc);
        for (const key of row.keys) {
          const list = keys.get(key);
          if (list) list.push(n, weight);
          else keys.set(key, [n, weight]);
        }
      }
      await bulkInsert(trx, 'search_postings', inKeyOrder(postings));
      await bulkInsert(trx, 'search_suggest_keys', inKeyOrder(keys));
    });
    done += batch.length;
    options.onProgress?.(done, ids.length);
  }
  // Counted while the postings were written: the batches are the only writers of a fresh index.
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_terms').execute();
    for (const part of chunks([...df], 2000)) await trx.insertInto('search_terms').values(part.map(([term, n]) => ({ term, df: n }))).execute();
  });
  return { documents: ids.length };
}
