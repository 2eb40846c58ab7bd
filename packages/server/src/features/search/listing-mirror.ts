import { sql, type Selectable } from 'kysely';
import { isPostgres, type Db } from '../../db/database.ts';
import type { SearchListingsTable } from './search.table.ts';
import { PRICE_BANDS } from './search.rules.ts';

/**
 * What ranking, filters and facets read of every match (stock, price, sales, pavilion, country,
 * category, modes, certificates, the title an exact phrase is looked for in), held in this process
 * by document number, so a query matching half the catalog reads no row per match.
 *
 * search_listings stays the truth (triggers keep it in step with the listing in the listing's own
 * transaction); every insert, update or delete of it appends its document to search_changes, in
 * the same transaction. Before each query the mirror applies the changes committed since it last
 * looked, so a query never sees less than what was committed before it started:
 * - SQLite has one writer at a time, so change numbers are given in commit order: the mirror reads
 *   the changes numbered above the last it applied.
 * - PostgreSQL commits concurrent transactions in any order, so the mirror also keeps the oldest
 *   transaction still running when it last looked (its snapshot's xmin) and reads every change
 *   written by that transaction or a later one, skipping those it already applied.
 * Changes older than CHANGES_KEPT_MS are pruned; a mirror that has not looked for half that long,
 * or finds more than FULL_RELOAD changes, loads everything again.
 */

export const CHANGES_KEPT_MS = 60 * 60_000;
const STALE_AFTER_MS = CHANGES_KEPT_MS / 2;
const FULL_RELOAD = 5000;

/**
 * The facts of the documents, by document number (arrays grow with the highest number). Pavilion,
 * country and category are codes into `names`; modes and certificates are bit masks over
 * `modeNames` and `certNames`; `band` is the document's PRICE_BANDS entry (-1 without a price).
 */
export interface ListingColumns {
  capacity: number;
  present: Uint8Array;
  productId: string[];
  phrase: string[];
  pavilion: Int32Array;
  country: Int32Array;
  category: Int32Array;
  root: Int32Array;
  /** Yuan fen, NaN without a price. */
  price: Float64Array;
  band: Int8Array;
  modes: Int32Array;
  certs: Int32Array;
  inStock: Uint8Array;
  /** Retail-eligible with a yuan price: can be bought. */
  available: Uint8Array;
  sales: Float64Array;
  published: string[];
}

/** Values to small codes, never forgotten (a catalog has few pavilions, countries, categories, modes and certificates). */
export class Dictionary {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly limit: number;

  constructor(limit = Number.POSITIVE_INFINITY) {
    this.limit = limit;
  }

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      if (this.names.length >= this.limit) throw new Error(`more than ${this.limit} distinct values: ${value}`);
      code = this.names.length;
      this.names.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value already seen, or -1. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/** The band of PRICE_BANDS a price is in, as the drawer shows them (¥100.00 is in ¥50–100). */
export function bandOf(priceFen: number): number {
  if (Number.isNaN(priceFen)) return -1;
  return PRICE_BANDS.findIndex(([minFen, maxFen]) => (priceFen > minFen || minFen === 0) && (maxFen === null || priceFen <= maxFen));
}

const typed = { pavilion: Int32Array, country: Int32Array, category: Int32Array, root: Int32Array, price: Float64Array, band: Int8Array, modes: Int32Array, certs: Int32Array, present: Uint8Array, inStock: Uint8Array, available: Uint8Array, sales: Float64Array } as const;
const texts = ['productId', 'phrase', 'published'] as const;

function emptyColumns(capacity: number): ListingColumns {
  const c = { capacity } as ListingColumns;
  for (const [key, Type] of Object.entries(typed)) (c as unknown as Record<string, unknown>)[key] = new Type(capacity);
  c.price.fill(Number.NaN);
  c.band.fill(-1);
  for (const key of texts) c[key] = new Array<string>(capacity).fill('');
  return c;
}

function grow(c: ListingColumns, capacity: number): ListingColumns {
  const next = emptyColumns(capacity);
  for (const key of Object.keys(typed) as Array<keyof typeof typed>) (next[key] as { set(a: ArrayLike<number>): void }).set(c[key]);
  for (const key of texts) for (let i = 0; i < c.capacity; i++) next[key][i] = c[key][i]!;
  return next;
}

export type ListingRow = Selectable<SearchListingsTable>;
const listingColumns = [
  'doc', 'product_id', 'phrase_text', 'certifications', 'pavilion_id', 'origin_country', 'category_id', 'category_root', 'price_cny_min',
  'customs_modes', 'retail_eligible', 'in_stock', 'sales_count', 'published_at',
] as const;

export class ListingMirror {
  private cols: ListingColumns = emptyColumns(1024);
  readonly names = new Dictionary();
  readonly modeNames = new Dictionary(31);
  readonly certNames = new Dictionary(31);
  private loaded = false;
  private lastSyncAt = Number.NEGATIVE_INFINITY;
  /** SQLite: the highest change applied. */
  private lastSeq = 0;
  /** PostgreSQL: the xmin of the last look, and the changes at or after it already applied. */
  private horizon = '0';
  private applied = new Map<number, bigint>();
  private queue: Promise<void> = Promise.resolve();

  get columns(): ListingColumns {
    return this.cols;
  }

  /** Brings the mirror up to what is committed now; one sync at a time, so rows are applied in order. */
  sync(db: Db): Promise<void> {
    if (db.isTransaction) throw new Error('the listing mirror follows committed data: sync it outside transactions');
    // This process's own steady clock: the application's clock may be set (tests) or jump.
    const run = this.queue.then(() => this.syncNow(db, performance.now()));
    this.queue = run.catch(() => {});
    return run;
  }

  private async syncNow(db: Db, now: number): Promise<void> {
    const stale = !this.loaded || now - this.lastSyncAt > STALE_AFTER_MS;
    if (isPostgres(db)) {
      const { rows } = await sql<{ xmin: string; seq: string | null; doc: number | null; txid: string | null }>`
        select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, c.seq, c.doc, c.txid::text as txid
        from (select 1) one left join search_changes c on c.txid >= ${stale ? sql`pg_snapshot_xmin(pg_current_snapshot())` : sql`cast(${this.horizon} as xid8)`}`.execute(db);
      const xmin = rows[0]!.xmin;
      const changes = rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), doc: Number(r.doc), txid: BigInt(r.txid!) }));
      const fresh = changes.filter((c) => !this.applied.has(c.seq));
      if (stale || fresh.length > FULL_RELOAD) await this.loadAll(db);
      else await this.reload(db, [...new Set(fresh.map((c) => c.doc))]);
      const floor = BigInt(xmin);
      this.applied = new Map(changes.filter((c) => c.txid >= floor).map((c) => [c.seq, c.txid]));
      this.horizon = xmin;
    } else {
      if (stale) {
        const last = await db.selectFrom('search_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
        await this.loadAll(db);
        this.lastSeq = Number(last?.seq ?? 0);
      } else {
        const changes = await db.selectFrom('search_changes').select(['seq', 'doc']).where('seq', '>', this.lastSeq).orderBy('seq').execute();
        if (changes.length > FULL_RELOAD) await this.loadAll(db);
        else if (changes.length > 0) await this.reload(db, [...new Set(changes.map((c) => c.doc))]);
        if (changes.length > 0) this.lastSeq = changes.at(-1)!.seq;
      }
    }
    this.loaded = true;
    this.lastSyncAt = now;
  }

  private async loadAll(db: Db): Promise<void> {
    const rows = await db.selectFrom('search_listings').select(listingColumns).execute();
    const max = rows.reduce((m, r) => Math.max(m, r.doc), 0);
    this.cols = emptyColumns(Math.max(1024, max + 1));
    for (const r of rows) this.put(r);
  }

  private async reload(db: Db, docs: number[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 1000) {
      const part = docs.slice(i, i + 1000);
      const rows = await db.selectFrom('search_listings').select(listingColumns).where('doc', 'in', part).execute();
      const found = new Set(rows.map((r) => r.doc));
      for (const doc of part) if (!found.has(doc) && doc < this.cols.capacity) this.cols.present[doc] = 0;
      for (const r of rows) this.put(r);
    }
  }

  /** Takes these rows as they are (what a sync does with the rows it reads; tests build a mirror with it). */
  putRows(rows: readonly ListingRow[]): void {
    for (const r of rows) this.put(r);
  }

  private put(r: ListingRow): void {
    if (r.doc >= this.cols.capacity) this.cols = grow(this.cols, Math.max(r.doc + 1, this.cols.capacity * 2));
    const c = this.cols;
    const d = r.doc;
    const price = r.price_cny_min === null ? Number.NaN : Number(r.price_cny_min);
    const mask = (dict: Dictionary, values: string[]) => values.reduce((m, v) => m | (1 << dict.codeOf(v)), 0);
    c.present[d] = 1;
    c.productId[d] = r.product_id;
    c.phrase[d] = r.phrase_text;
    c.pavilion[d] = this.names.codeOf(r.pavilion_id);
    c.country[d] = this.names.codeOf(r.origin_country);
    c.category[d] = this.names.codeOf(r.category_id);
    c.root[d] = this.names.codeOf(r.category_root);
    c.price[d] = price;
    c.band[d] = bandOf(price);
    c.modes[d] = mask(this.modeNames, r.customs_modes ? r.customs_modes.split(',') : []);
    c.certs[d] = mask(this.certNames, r.certifications ? r.certifications.split(',').filter(Boolean) : []);
    c.inStock[d] = Number(r.in_stock) === 1 ? 1 : 0;
    c.available[d] = Number(r.retail_eligible) === 1 && !Number.isNaN(price) ? 1 : 0;
    c.sales[d] = Number(r.sales_count);
    c.published[d] = String(r.published_at);
  }
}

const mirrors = new WeakMap<Db, ListingMirror>();

/** The mirror this process keeps of a database, one per connection (each follows the committed data on its own). */
export function mirrorOf(db: Db): ListingMirror {
  let mirror = mirrors.get(db);
  if (!mirror) mirrors.set(db, (mirror = new ListingMirror()));
  return mirror;
}

/** Forgets the changes every mirror has had time to apply (by the database's clock, which wrote them). */
export async function pruneChanges(db: Db): Promise<void> {
  const minutes = CHANGES_KEPT_MS / 60_000;
  const before = isPostgres(db) ? sql`now() - make_interval(mins => ${minutes})` : sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${minutes} minutes`})`;
  await sql`delete from search_changes where changed_at < ${before}`.execute(db);
}
