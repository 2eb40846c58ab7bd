import { sql, type Kysely } from 'kysely';
import { isPostgres, nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Search at 100,000 products, the second step: a query matching half the catalog must not cost a
 * row per match.
 * - Postings move into blocks: one row per term and range of 2^BLOCK_BITS document numbers, the
 *   (document, score) pairs of that range packed as little-endian 32-bit integers in document
 *   order. A frequent term is read as a few dozen rows; a product's change rewrites one small
 *   block per term it has. The existing postings are packed as they are, nothing is re-analysed.
 * - Every insert, update or delete of search_listings appends its document to search_changes in
 *   the same transaction (on PostgreSQL with the writing transaction's id), so each process's copy
 *   of the listing facts search ranks and filters on follows exactly what is committed.
 */

/** The block size the search code used when this migration was written (search-blocks.ts). */
const BLOCK_BITS = 11;

function pack(pairs: number[]): Buffer {
  const out = Buffer.alloc(pairs.length * 4);
  const view = new Int32Array(out.buffer, out.byteOffset, pairs.length);
  pairs.forEach((v, i) => (view[i] = v));
  return out;
}

function unpack(bytes: Uint8Array): Int32Array {
  return new Int32Array(new Uint8Array(bytes).buffer);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const table = db.schema
    .createTable('search_blocks')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('postings', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_blocks_pk', ['term', 'block']);
  await (pg ? table : table.modifyEnd(sql`without rowid`)).execute();

  // Terms in groups of about 200,000 postings (by their stored counts), so memory stays small.
  const df = new Map((await db.selectFrom('search_terms').select(['term', 'df']).execute()).map((r) => [r.term as string, Number(r.df)]));
  const terms = (await db.selectFrom('search_postings').select('term').distinct().orderBy('term').execute()).map((r) => r.term as string);
  const groups: string[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const term of terms) {
    if (size > 200_000 || groups.at(-1)!.length >= 500) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(term);
    size += df.get(term) ?? 1;
  }
  for (const group of groups) {
    const rows = await db.selectFrom('search_postings').select(['term', 'doc', 'score']).where('term', 'in', group).orderBy('term').orderBy('doc').execute();
    const blocks: Array<{ term: string; block: number; postings: Buffer }> = [];
    let current: { term: string; block: number; pairs: number[] } | null = null;
    for (const r of rows) {
      const block = Number(r.doc) >>> BLOCK_BITS;
      if (!current || current.term !== r.term || current.block !== block) {
        if (current) blocks.push({ term: current.term, block: current.block, postings: pack(current.pairs) });
        current = { term: r.term, block, pairs: [] };
      }
      current.pairs.push(Number(r.doc), Number(r.score));
    }
    if (current) blocks.push({ term: current.term, block: current.block, postings: pack(current.pairs) });
    for (let j = 0; j < blocks.length; j += 500) await db.insertInto('search_blocks').values(blocks.slice(j, j + 500)).execute();
  }
  await db.schema.dropTable('search_postings').execute();

  if (pg) {
    await db.schema
      .createTable('search_changes')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('doc', 'integer', (c) => c.notNull())
      .addColumn('txid', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
      // The time of the change itself (not of its transaction's start), for pruning.
      .addColumn('changed_at', timestampType(db), (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
      .execute();
    await db.schema.createIndex('search_changes_txid').on('search_changes').column('txid').execute();
    await sql
      .raw(
        `create function search_changes_follow() returns trigger language plpgsql as $$
         begin
           insert into search_changes (doc) values (case when tg_op = 'DELETE' then old.doc else new.doc end);
           return null;
         end $$`,
      )
      .execute(db);
    await sql.raw('create trigger search_changes_follow after insert or update or delete on search_listings for each row execute function search_changes_follow()').execute(db);
  } else {
    await db.schema
      .createTable('search_changes')
      // AUTOINCREMENT: numbers are never reused, even after every row is pruned.
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('doc', 'integer', (c) => c.notNull())
      .addColumn('changed_at', timestampType(db), (c) => c.notNull().defaultTo(nowDefault(db)))
      .execute();
    for (const [event, row] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
      await sql.raw(`create trigger search_changes_${event} after ${event} on search_listings for each row begin insert into search_changes (doc) values (${row}.doc); end`).execute(db);
    }
  }
  await db.schema.createIndex('search_changes_changed_at').on('search_changes').column('changed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  if (pg) {
    await sql.raw('drop trigger search_changes_follow on search_listings').execute(db);
    await sql.raw('drop function search_changes_follow()').execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger search_changes_${event}`).execute(db);
  }
  await db.schema.dropTable('search_changes').execute();

  const table = db.schema
    .createTable('search_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('doc', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_postings_pk', ['term', 'doc']);
  await (pg ? table : table.modifyEnd(sql`without rowid`)).execute();
  const terms = (await db.selectFrom('search_blocks').select('term').distinct().orderBy('term').execute()).map((r) => r.term as string);
  for (let i = 0; i < terms.length; i += 500) {
    const blocks = await db.selectFrom('search_blocks').select(['term', 'postings']).where('term', 'in', terms.slice(i, i + 500)).orderBy('term').orderBy('block').execute();
    const rows: Array<{ term: string; doc: number; score: number }> = [];
    for (const b of blocks) {
      const pairs = unpack(b.postings);
      for (let p = 0; p < pairs.length; p += 2) rows.push({ term: b.term, doc: pairs[p]!, score: pairs[p + 1]! });
    }
    for (let j = 0; j < rows.length; j += 300) await db.insertInto('search_postings').values(rows.slice(j, j + 300)).execute();
  }
  await db.schema.dropTable('search_blocks').execute();
}
