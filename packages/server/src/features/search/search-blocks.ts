import { endianness } from 'node:os';
import { sql } from 'kysely';
import { isPostgres, type Db, type Trx } from '../../db/database.ts';

/**
 * The postings of a term, stored in blocks: one row per term and range of BLOCK_SIZE document
 * numbers, holding the (document, score) pairs of that range as little-endian 32-bit integers in
 * document order. A query reads a term matching half the catalog as a few dozen rows instead of
 * tens of thousands, and a product's change rewrites one small block per term it has.
 */

/** Documents per block: 2,048 (a block of a term every product has is 16 KiB). */
export const BLOCK_BITS = 11;
export const blockOf = (doc: number): number => doc >>> BLOCK_BITS;

if (endianness() !== 'LE') throw new Error('search blocks are stored little-endian; this platform is big-endian');

/** A term's postings as two parallel arrays, documents ascending. */
export interface PostingList {
  docs: Int32Array;
  scores: Int32Array;
}

/** (doc, score) pairs, documents ascending, packed as a block's bytes. */
export function packBlock(pairs: ArrayLike<number>): Buffer {
  const out = Buffer.alloc(pairs.length * 4);
  const view = new Int32Array(out.buffer, out.byteOffset, pairs.length);
  for (let i = 0; i < pairs.length; i++) view[i] = pairs[i]!;
  return out;
}

/** A block's bytes as an Int32Array of (doc, score) pairs (copied when the driver's buffer is not 4-byte aligned). */
export function unpackBlock(bytes: Uint8Array): Int32Array {
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  return new Int32Array(new Uint8Array(bytes).buffer);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A (term, block) row value, typed so PostgreSQL compares it with the key's columns. */
const pairValue = (t: { term: string; block: number }) => sql`(cast(${t.term} as text), cast(${t.block} as integer))`;

/** The postings of each term that has any, blocks joined in document order. */
export async function readPostings(db: Db | Trx, terms: readonly string[]): Promise<Map<string, PostingList>> {
  const out = new Map<string, PostingList>();
  if (terms.length === 0) return out;
  const rows = await db.selectFrom('search_blocks').select(['term', 'postings']).where('term', 'in', [...terms]).orderBy('term').orderBy('block').execute();
  let i = 0;
  while (i < rows.length) {
    const term = rows[i]!.term;
    let j = i;
    let pairs = 0;
    while (j < rows.length && rows[j]!.term === term) pairs += rows[j++]!.postings.byteLength >>> 3;
    const docs = new Int32Array(pairs);
    const scores = new Int32Array(pairs);
    let n = 0;
    for (let k = i; k < j; k++) {
      const block = unpackBlock(rows[k]!.postings);
      for (let p = 0; p < block.length; p += 2) {
        docs[n] = block[p]!;
        scores[n++] = block[p + 1]!;
      }
    }
    out.set(term, { docs, scores });
    i = j;
  }
  return out;
}

/** What changes in the postings: per term, per document, its new score, or null when the term leaves it. */
export type PostingChanges = Map<string, Map<number, number | null>>;

/**
 * Applies posting changes in the caller's transaction: each block touched is read, merged and
 * written back (removed when it empties). On PostgreSQL the blocks are created empty if missing
 * and locked in (term, block) order first, so two transactions changing the same block wait for
 * each other instead of one overwriting the other, and never in a circle.
 */
export async function applyPostingChanges(trx: Trx, changes: PostingChanges): Promise<void> {
  const byBlock = new Map<string, { term: string; block: number; docs: Map<number, number | null> }>();
  for (const [term, docs] of changes) {
    for (const [doc, score] of docs) {
      const block = blockOf(doc);
      const key = `${block}\u0000${term}`;
      let entry = byBlock.get(key);
      if (!entry) byBlock.set(key, (entry = { term, block, docs: new Map() }));
      entry.docs.set(doc, score);
    }
  }
  if (byBlock.size === 0) return;
  const touched = [...byBlock.values()].sort((a, b) => byText(a.term, b.term) || a.block - b.block);
  const pg = isPostgres(trx);
  const stored = new Map<string, Int32Array>();
  for (let i = 0; i < touched.length; i += 500) {
    const part = touched.slice(i, i + 500);
    const pairs = sql.join(part.map(pairValue));
    if (pg) {
      await sql`insert into search_blocks (term, block, postings) values ${sql.join(part.map((t) => sql`(${t.term}, ${t.block}, ${Buffer.alloc(0)})`))} on conflict do nothing`.execute(trx);
    }
    const rows = await sql<{ term: string; block: number; postings: Uint8Array }>`
      select term, block, postings from search_blocks where (term, block) in (values ${pairs}) order by term, block ${pg ? sql`for update` : sql``}`.execute(trx);
    for (const r of rows.rows) stored.set(`${Number(r.block)}\u0000${r.term}`, unpackBlock(r.postings));
  }
  const writes: Array<{ term: string; block: number; postings: Buffer }> = [];
  const removals: Array<{ term: string; block: number }> = [];
  for (const [key, t] of byBlock) {
    const merged = new Map<number, number>();
    const before = stored.get(key);
    if (before) for (let p = 0; p < before.length; p += 2) merged.set(before[p]!, before[p + 1]!);
    let changed = false;
    for (const [doc, score] of t.docs) {
      const was = merged.get(doc);
      if (score === null) {
        if (was !== undefined) {
          merged.delete(doc);
          changed = true;
        }
      } else if (was !== score) {
        merged.set(doc, score);
        changed = true;
      }
    }
    // A re-index that changes nothing here writes nothing (an empty row PostgreSQL just created is removed).
    if (!changed && merged.size > 0) continue;
    if (merged.size === 0) {
      if (before) removals.push(t);
      continue;
    }
    const pairs: number[] = [];
    for (const doc of [...merged.keys()].sort((a, b) => a - b)) pairs.push(doc, merged.get(doc)!);
    writes.push({ term: t.term, block: t.block, postings: packBlock(pairs) });
  }
  for (let i = 0; i < writes.length; i += 300) {
    await trx
      .insertInto('search_blocks')
      .values(writes.slice(i, i + 300))
      .onConflict((oc) => oc.columns(['term', 'block']).doUpdateSet((eb) => ({ postings: eb.ref('excluded.postings') })))
      .execute();
  }
  for (let i = 0; i < removals.length; i += 500) {
    const pairs = sql.join(removals.slice(i, i + 500).map(pairValue));
    await sql`delete from search_blocks where (term, block) in (values ${pairs})`.execute(trx);
  }
}

/**
 * Writes the blocks of a fresh index as documents arrive in ascending numbers: a block is written
 * once no later document can fall in it, so memory holds only the blocks still filling.
 */
export class BlockWriter {
  private readonly filling = new Map<string, { block: number; pairs: number[] }>();
  /** How many documents hold each term, counted as its blocks are packed. */
  readonly documentCounts = new Map<string, number>();
  /** Blocks complete and packed, waiting for the next flush. */
  private ready: Array<{ term: string; block: number; postings: Buffer }> = [];

  add(term: string, doc: number, score: number): void {
    const block = blockOf(doc);
    let f = this.filling.get(term);
    if (f && f.block !== block) {
      this.ready.push(this.pack(term, f));
      f = undefined;
    }
    if (!f) this.filling.set(term, (f = { block, pairs: [] }));
    f.pairs.push(doc, score);
  }

  private pack(term: string, f: { block: number; pairs: number[] }) {
    this.documentCounts.set(term, (this.documentCounts.get(term) ?? 0) + f.pairs.length / 2);
    return { term, block: f.block, postings: packBlock(f.pairs) };
  }

  /** Writes the blocks that are complete (every block before `nextDoc`'s, or all with `final`). */
  async flush(trx: Trx, options: { nextDoc: number } | { final: true }): Promise<void> {
    const limit = 'final' in options ? Number.POSITIVE_INFINITY : blockOf(options.nextDoc);
    for (const [term, f] of this.filling) {
      if (f.block < limit) {
        this.ready.push(this.pack(term, f));
        this.filling.delete(term);
      }
    }
    const rows = this.ready.sort((a, b) => byText(a.term, b.term) || a.block - b.block);
    this.ready = [];
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('search_blocks').values(rows.slice(i, i + 500)).execute();
  }
}
