import { countries, type CountryCode, type StoredProductContent } from '@pavilion/contracts';
import { sql, type Selectable } from 'kysely';
import { isPostgres, type Db, type Trx } from '../../db/database.ts';
import type { SearchListingsTable } from './search.table.ts';
import { Lexicon } from './lexicon.ts';
import { AnalysisThread } from './search-analysis.ts';
import type { SearchDocument } from './search-analyzer.ts';
import { applyPostingChanges, BlockWriter, type PostingChanges } from './search-blocks.ts';
import { buildRow, learnWords, suggestWeight, type IndexedRow } from './search-rows.ts';

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
  // The products' own words first, then each is cut with all of them (as a rebuild does).
  const learned = [...docs.values()].flatMap((doc) => learnWords(lexicon, doc));
  const rows = new Map([...docs].map(([id, doc]) => [id, buildRow(lexicon, doc)] as const));
  await storeCatalogWords(trx, lexicon, before, learned);

  const termDelta = new Map<string, number>();
  const changes: PostingChanges = new Map();
  const change = (term: string, doc: number, score: number | null) => {
    let docs = changes.get(term);
    if (!docs) changes.set(term, (docs = new Map()));
    docs.set(doc, score);
  };
  const oldByProduct = new Map(previous.map((p) => [p.product_id, p]));
  for (const old of previous) {
    const next = rows.get(old.product_id);
    const oldTerms = old.terms ? old.terms.split(' ') : [];
    const gone = next ? oldTerms.filter((t) => !next.terms.has(t)) : oldTerms;
    for (const t of gone) {
      change(t, old.doc, null);
      termDelta.set(t, (termDelta.get(t) ?? 0) - 1);
    }
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
    for (const [term, score] of row.terms) change(term, doc, score);
    const weight = suggestWeight(docs.get(id)!);
    for (const part of chunks(row.keys.map((key) => ({ key, doc, weight })), 300)) {
      await trx.insertInto('search_suggest_keys').values(part).onConflict((oc) => oc.columns(['key', 'doc']).doUpdateSet((eb) => ({ weight: eb.ref('excluded.weight') }))).execute();
    }
  }
  await applyPostingChanges(trx, changes);
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
async function bulkInsert(trx: Trx, table: 'search_suggest_keys', rows: Array<[string, number, number]>): Promise<void> {
  const [first, second, third] = ['key', 'doc', 'weight'];
  const postgres = isPostgres(trx);
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
  // Batches of one transaction each; a block of postings is written once, when no later batch can add to it.
  const batchSize = options.batchSize ?? 4000;
  await db.transaction().execute(async (trx) => {
    for (const table of ['search_blocks', 'search_terms', 'search_suggest_keys', 'search_listings', 'search_documents'] as const) await trx.deleteFrom(table).execute();
  });
  const lexicon = await syncedLexicon(db);
  const epoch = (await db.selectFrom('search_state').select('lexicon_epoch').where('id', '=', 1).executeTakeFirstOrThrow()).lexicon_epoch;
  const ids = (await db.selectFrom('catalog_listings').select('product_id').orderBy('product_id').execute()).map((r) => r.product_id);
  const blocks = new BlockWriter();
  const thread = new AnalysisThread(lexicon);
  // A batch is read and its words learned here, then cut in the analysis thread while the batch
  // before it is written.
  const prepare = async (batch: string[]) => {
    const docs = [...(await loadDocuments(db, batch)).values()];
    const before = lexicon.version;
    const learned = docs.flatMap((doc) => learnWords(lexicon, doc));
    const analysed = thread.analyze(docs);
    // Awaited in turn below; a failure is reported there, not as an unhandled rejection meanwhile.
    analysed.catch(() => {});
    return { docs, before, learned, analysed };
  };
  const batches = chunks(ids, batchSize);
  let done = 0;
  try {
    let next = batches.length > 0 ? prepare(batches[0]!) : null;
    for (let b = 0; b < batches.length; b++) {
      const { docs, before, learned, analysed } = await next!;
      const rows = (await analysed).map((row, i) => [docs[i]!, row] as [LoadedDocument, IndexedRow]);
      next = b + 1 < batches.length ? prepare(batches[b + 1]!) : null;
      await writeBatch(rows, before, learned);
      done += docs.length;
      options.onProgress?.(done, ids.length);
    }
  } finally {
    await thread.close();
  }
  // Counted while the postings were written: the batches are the only writers of a fresh index.
  await db.transaction().execute(async (trx) => {
    await blocks.flush(trx, { final: true });
    await trx.deleteFrom('search_terms').execute();
    for (const part of chunks([...blocks.documentCounts], 2000)) await trx.insertInto('search_terms').values(part.map(([term, n]) => ({ term, df: n }))).execute();
  });
  return { documents: ids.length };

  async function writeBatch(rows: Array<[LoadedDocument, IndexedRow]>, before: number, learned: string[]) {
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
      // Suggestion keys in key order, so the rows go into the index's pages in order: grouped by key
      // (the documents come in ascending numbers), then the distinct keys sorted. Postings go to
      // their blocks, written once complete (the documents' numbers only grow).
      const keys = new Map<string, number[]>();
      let last = 0;
      for (const [doc, row] of rows) {
        const n = numbers.get(doc.productId) ?? 0;
        last = Math.max(last, n);
        for (const [term, score] of row.terms) blocks.add(term, n, score);
        const weight = suggestWeight(doc);
        for (const key of row.keys) {
          const list = keys.get(key);
          if (list) list.push(n, weight);
          else keys.set(key, [n, weight]);
        }
      }
      await blocks.flush(trx, { nextDoc: last + 1 });
      await bulkInsert(trx, 'search_suggest_keys', inKeyOrder(keys));
    });
  }
}
