/**
 * `npm run bench:search`: BENCH_PRODUCTS (default 100,000) published products with bilingual text
 * (search-fixture.ts), the search index built and timed, then the real server in a child process
 * answering 1,000 mixed queries one after another, 1,000 suggestion prefixes, and BENCH_SECONDS
 * (default 10) of 16 connections cycling through the queries. SQLite always; PostgreSQL too with
 * BENCH_DATABASE_URL or --pg (postgres://postgres@127.0.0.1:5432/postgres), in a scratch database
 * created beside it and dropped at the end. `--only=sqlite` or `--only=postgres` runs one;
 * BENCH_OUT=/some/prefix also writes every timing to /some/prefix.<dialect>.json. BENCH_SQLITE_FILE
 * keeps the SQLite database there: built when the file is missing, reused as it is otherwise (the
 * build is then not measured unless BENCH_REINDEX=1 rebuilds the index), for whoever tunes the queries.
 * Prints figures beside the targets of the search issue; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { parseRate } from '@pavilion/contracts';
import { openDatabase, type Db, type DatabaseTarget } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrator.ts';
import { seedDemo } from '../../packages/server/src/features/demo/seed.ts';
import { demoRates } from '../../packages/server/src/features/demo/demo-catalog-data.ts';
import { RateService } from '../../packages/server/src/features/rates/rate.service.ts';
import { currenciesPricedIn } from '../../packages/server/src/features/catalog/priced-currencies.ts';
import { refreshListingPrices } from '../../packages/server/src/features/catalog/listing-prices.ts';
import { reindexAll } from '../../packages/server/src/features/search/search-index.ts';
import { DirectoryFileStore } from '../../packages/server/src/platform/file-store.ts';
import { buildPrefixes, buildQueries, buildSearchCatalog, type BenchQuery } from './search-fixture.ts';
import { benchHarness, percentile, productionSecrets } from './bench-env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const count = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 16;
const queryCount = 1000;
const warmUp = 100;
/** The whole run stops (and cleans up) after this long, whatever happens. */
const timeLimitMs = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 45) * 60_000;
const targets = { searchP95: 20, suggestP95: 5, buildSeconds: 60 };

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const pgBase = process.env.BENCH_DATABASE_URL ?? (process.argv.includes('--pg') || only === 'postgres' ? 'postgres://postgres@127.0.0.1:5432/postgres' : null);
const dialects = (['sqlite', 'postgres'] as const).filter((d) => (only ? only === d : d === 'sqlite' || pgBase !== null));

// ——— Cleanup, even on failure: child processes, the temp directory, the scratch database ———

const harness = benchHarness({ name: 'search', timeLimitMs });
const { dir, children, cleanup } = harness;

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1), max: sorted.at(-1) ?? NaN };
}
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '-');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

// ——— Building ———

async function buildDatabase(target: DatabaseTarget) {
  const database = openDatabase({ database: target });
  try {
    const db = database.db;
    const started = Date.now();
    await migrateToLatest(db);
    await seedDemo(db);
    for (const r of demoRates) {
      await db.insertInto('exchange_rates').values({ id: crypto.randomUUID(), currency: r.currency, rate_micro: parseRate(r.rate) ?? 1, effective_date: r.effectiveDate, source: r.source, created_by: null, created_at: new Date().toISOString() }).execute();
    }
    let last = 0;
    await buildSearchCatalog(db, {
      files: new DirectoryFileStore(path.join(dir, 'files')),
      count,
      onProgress: (done) => {
        if (done - last >= count / 5 || done === count) {
          last = done;
          console.log(`  ${done.toLocaleString('en')} products`);
        }
      },
    });
    const clock = () => new Date();
    await refreshListingPrices({ db, rates: new RateService({ db, clock, pricedCurrencies: (filter) => currenciesPricedIn(db, filter) }), clock });
    const catalogSeconds = (Date.now() - started) / 1000;
    console.log(`  catalog built in ${catalogSeconds.toFixed(1)} s; building the search index…`);

    const fileBefore = await databaseBytes(db, target);
    const { documents, indexSeconds } = await rebuildIndex(db);
    // PostgreSQL's autovacuum would analyze the fresh tables within a minute; the bench does not wait for it.
    if (target.dialect === 'postgres') await sql`analyze`.execute(db);
    const size = await indexSize(db, target, fileBefore);
    const rows = await rowCounts(db);
    console.log(`  ${documents.toLocaleString('en')} documents indexed in ${indexSeconds.toFixed(1)} s, ${mib(size.total)}`);
    return { catalogSeconds, indexSeconds, documents, size, rows };
  } finally {
    await database.destroy();
  }
}

/** A kept database's figures; its index rebuilt and timed with BENCH_REINDEX=1 (the catalog is reused either way). */
async function describeDatabase(target: DatabaseTarget) {
  const database = openDatabase({ database: target });
  try {
    const db = database.db;
    let indexSeconds = Number.NaN;
    if (process.env.BENCH_REINDEX === '1') {
      await migrateToLatest(db);
      indexSeconds = (await rebuildIndex(db)).indexSeconds;
    }
    const size = await indexSize(db, target, 0);
    const rows = await rowCounts(db);
    const documents = Number((await db.selectFrom('search_documents').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { catalogSeconds: Number.NaN, indexSeconds, documents, size, rows };
  } finally {
    await database.destroy();
  }
}

/** The whole index rebuilt (reindexAll), timed, with its progress every fifth. */
async function rebuildIndex(db: Db): Promise<{ documents: number; indexSeconds: number }> {
  const started = Date.now();
  let last = 0;
  const { documents } = await reindexAll(db, {
    onProgress: (done, total) => {
      if (done - last >= total / 5 || done === total) {
        last = done;
        console.log(`  indexed ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      }
    },
  });
  return { documents, indexSeconds: (Date.now() - started) / 1000 };
}

async function rowCounts(db: Db) {
  return { ...(await postingCounts(db)), terms: await countRows(db, 'search_terms'), suggestKeys: await countRows(db, 'search_suggest_keys') };
}

/** Postings (8 bytes each in their blocks) and the block rows holding them. */
async function postingCounts(db: Db): Promise<{ postings: number; blocks: number }> {
  const r = await db.selectFrom('search_blocks').select([(e) => e.fn.countAll<number | string>().as('blocks'), sql<number | string>`sum(length(postings))`.as('bytes')]).executeTakeFirstOrThrow();
  return { postings: Number(r.bytes ?? 0) / 8, blocks: Number(r.blocks) };
}

async function countRows(db: Db, table: 'search_terms' | 'search_suggest_keys'): Promise<number> {
  return Number((await db.selectFrom(table).select((e) => e.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
}

async function databaseBytes(db: Db, target: DatabaseTarget): Promise<number> {
  if (target.dialect === 'postgres') return (await sql<{ bytes: string | number }>`select pg_database_size(current_database()) as bytes`.execute(db)).rows[0]?.bytes as number;
  const { rows } = await sql<{ bytes: number }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(db);
  return rows[0]?.bytes ?? 0;
}

/** The search tables and their indexes: dbstat on SQLite (page count before/after without it), pg_total_relation_size on PostgreSQL. */
async function indexSize(db: Db, target: DatabaseTarget, fileBefore: number): Promise<{ total: number; parts: Array<[string, number]>; how: string }> {
  if (target.dialect === 'postgres') {
    const { rows } = await sql<{ name: string; bytes: string | number }>`
      select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema() and c.relname like 'search\_%' order by 2 desc`.execute(db);
    const parts = rows.map((r) => [r.name, Number(r.bytes)] as [string, number]);
    return { total: parts.reduce((s, [, b]) => s + b, 0), parts, how: 'pg_total_relation_size' };
  }
  try {
    const { rows } = await sql<{ name: string; bytes: number }>`select name, sum(pgsize) as bytes from dbstat group by name order by 2 desc`.execute(db);
    const parts = rows.filter((r) => /^(sqlite_autoindex_)?search_/.test(r.name)).map((r) => [r.name, r.bytes] as [string, number]);
    return { total: parts.reduce((s, [, b]) => s + b, 0), parts, how: 'dbstat' };
  } catch {
    return { total: (await databaseBytes(db, target)) - fileBefore, parts: [], how: 'page_count × page_size, after − before' };
  }
}

// ——— Measuring ———

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['packages/server/bin/pavilion.js', 'serve', '--no-migrate'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${out}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /(?:running at|listening) (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited ${code}: ${out}`)));
  });
  return { child, url };
}

const searchPath = (q: BenchQuery) => `/api/store/search?q=${encodeURIComponent(q.q)}&page_size=20${q.filters}`;
const suggestPath = (prefix: string) => `/api/store/search/suggest?q=${encodeURIComponent(prefix)}`;

interface Timed {
  path: string;
  ms: number;
  status: number;
  body: string;
}

/** One client, one request after another; the time is until the whole body has arrived. */
async function sequential(base: string, paths: readonly string[]): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const p of paths) {
    const started = performance.now();
    const res = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(10_000) });
    const body = await res.text();
    out.push({ path: p, ms: performance.now() - started, status: res.status, body });
  }
  return out;
}

function load(url: string, paths: readonly string[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    let i = 0;
    autocannon(
      { url, connections, duration: seconds, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }] },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const kept = dialect === 'sqlite' ? process.env.BENCH_SQLITE_FILE : undefined;
  const target: DatabaseTarget = dialect === 'postgres' ? { dialect, url: await harness.createScratchDatabase(pgBase ?? '') } : { dialect, file: kept ?? path.join(dir, 'bench.db') };
  const reused = kept !== undefined && existsSync(kept);
  console.log(reused ? `\n${dialect}: reusing ${kept} as it is` : `\n${dialect}: building a catalog of ${count.toLocaleString('en')} products…`);
  const built = reused ? await describeDatabase(target) : await buildDatabase(target);

  const env = {
    DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...productionSecrets(),
    DATABASE_URL: target.dialect === 'postgres' ? target.url : `sqlite:${target.file}`,
  };
  const server = await startServer(env);
  try {
    const queries = buildQueries(queryCount);
    const paths = queries.map(searchPath);
    for (const probe of [paths[0] ?? '', suggestPath('a')]) {
      const res = await fetch(`${server.url}${probe}`);
      if (res.status !== 200) throw new Error(`GET ${probe} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    const loadBefore = loadavg()[0] ?? 0;
    console.log('  one client: search…');
    await sequential(server.url, buildQueries(warmUp, 99).map(searchPath));
    const searched = await sequential(server.url, paths);
    console.log('  one client: suggestions…');
    const prefixes = buildPrefixes(queries, queryCount);
    await sequential(server.url, buildPrefixes(buildQueries(warmUp, 99), warmUp, 98).map(suggestPath));
    const suggested = await sequential(server.url, prefixes.map(suggestPath));
    console.log(`  ${connections} connections for ${seconds} s…`);
    const throughput = await load(server.url, paths);
    return { dialect, built, queries, searched, prefixes, suggested, throughput, load: [loadBefore, loadavg()[0] ?? 0] };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => (server.child.exitCode === null ? server.child.once('exit', resolve) : resolve(null)));
    if (dialect === 'postgres') await harness.dropScratchDatabase();
  }
}

function report(r: Awaited<ReturnType<typeof benchDialect>>): string {
  const results = r.searched.map((t, i) => {
    const query = r.queries[i] as BenchQuery;
    let total = NaN;
    let didYouMean: string | null = null;
    try {
      const json = JSON.parse(t.body) as { total?: number; didYouMean?: string | null };
      total = json.total ?? NaN;
      didYouMean = json.didYouMean ?? null;
    } catch {
      // Not JSON: counted as an error below.
    }
    return { ...t, query, total, didYouMean };
  });
  if (process.env.BENCH_OUT) {
    // Every timing, for whoever tunes the engine: BENCH_OUT=/tmp/search gives /tmp/search.sqlite.json.
    const file = `${process.env.BENCH_OUT}.${r.dialect}.json`;
    writeFileSync(file, JSON.stringify({
      searches: results.map((x) => ({ q: x.query.q, filters: x.query.filters, kind: x.query.kind, ms: x.ms, status: x.status, total: x.total, didYouMean: x.didYouMean })),
      suggestions: r.suggested.map((x, i) => ({ prefix: r.prefixes[i], ms: x.ms, status: x.status, items: x.status === 200 ? (JSON.parse(x.body) as { items: unknown[] }).items.length : null })),
    }, null, 1));
    console.log(`(every timing written to ${file})`);
  }
  const ok = results.filter((x) => x.status === 200);
  const search = summary(results.map((x) => x.ms));
  const suggest = summary(r.suggested.map((x) => x.ms));
  const totals = ok.map((x) => x.total).sort((a, b) => a - b);
  const zero = ok.filter((x) => x.total === 0);
  const failed = results.length - ok.length + r.suggested.filter((x) => x.status !== 200).length;
  const t = r.throughput;
  const mark = (value: number, limit: number) => (value < limit ? 'met' : 'MISSED');
  const lines: string[] = [];
  lines.push(`\n═══ ${r.dialect}, ${count.toLocaleString('en')} products, ${r.built.documents.toLocaleString('en')} documents ═══`);
  // The machine may be shared: a high load average means the latencies carry other people's work.
  lines.push(`load average (1 min) before / after the measurements: ${r.load.map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores`);
  lines.push(
    table([
      ['measure', 'figure', 'target'],
      ['catalog generated', Number.isNaN(r.built.catalogSeconds) ? 'reused' : `${r.built.catalogSeconds.toFixed(1)} s`, ''],
      ['index build (reindexAll)', Number.isNaN(r.built.indexSeconds) ? 'reused, not measured' : `${r.built.indexSeconds.toFixed(1)} s`, `< ${targets.buildSeconds} s${Number.isNaN(r.built.indexSeconds) ? '' : ` (${mark(r.built.indexSeconds, targets.buildSeconds)})`}`],
      ['index size', `${mib(r.built.size.total)} (${r.built.size.how})`, ''],
      ['index rows', `${r.built.rows.postings.toLocaleString('en')} postings (${(r.built.rows.postings / (r.built.documents || 1)).toFixed(0)} per document) in ${r.built.rows.blocks.toLocaleString('en')} blocks, ${r.built.rows.terms.toLocaleString('en')} terms, ${r.built.rows.suggestKeys.toLocaleString('en')} suggest keys`, ''],
      ...r.built.size.parts.filter(([, bytes]) => bytes >= 64 * 1024).map(([name, bytes]) => [`  ${name}`, mib(bytes), '']),
      [`search, one client, ${queryCount} queries`, `p50 ${ms(search.p50)}  p95 ${ms(search.p95)}  p99 ${ms(search.p99)}  mean ${ms(search.mean)}  max ${ms(search.max)} ms`, `p95 < ${targets.searchP95} ms${r.dialect === 'sqlite' ? ` (${mark(search.p95, targets.searchP95)})` : ''}`],
      [`suggest, one client, ${r.prefixes.length} prefixes`, `p50 ${ms(suggest.p50)}  p95 ${ms(suggest.p95)}  p99 ${ms(suggest.p99)}  mean ${ms(suggest.mean)}  max ${ms(suggest.max)} ms`, `p95 < ${targets.suggestP95} ms (${mark(suggest.p95, targets.suggestP95)})`],
      [`search, ${connections} connections, ${seconds} s`, `${t.requests.average.toFixed(0)} req/s  p50 ${ms(t.latency.p50)}  p99 ${ms(t.latency.p99)} ms  errors ${t.errors}  timeouts ${t.timeouts}  non-2xx ${t.non2xx}`, ''],
      ['zero-result queries', `${zero.length} of ${ok.length}`, ''],
      ['median total', `${percentile(totals, 50)} (p90 ${percentile(totals, 90)}, max ${totals.at(-1) ?? '-'}); ${new Set(r.queries.map(searchPath)).size} distinct queries`, ''],
      ['failed single-client requests', `${failed}`, ''],
    ]),
  );

  const kinds = [...new Set(results.map((x) => x.query.kind))].sort();
  lines.push('\nBy kind of query (one client):');
  lines.push(
    table([
      ['kind', 'n', 'p50 ms', 'p95 ms', 'max ms', 'zero', 'median total'],
      ...kinds.map((kind) => {
        const of = results.filter((x) => x.query.kind === kind);
        const s = summary(of.map((x) => x.ms));
        return [kind, `${of.length}`, ms(s.p50), ms(s.p95), ms(s.max), `${of.filter((x) => x.total === 0).length}`, `${percentile(of.map((x) => x.total).sort((a, b) => a - b), 50)}`];
      }),
    ]),
  );
  lines.push('\nSlowest searches:');
  lines.push(
    table([
      ['ms', 'total', 'kind', 'query'],
      ...[...results].sort((a, b) => b.ms - a.ms).slice(0, 12).map((x) => [ms(x.ms), `${x.total}`, x.query.kind, `${x.query.q}${x.query.filters}${x.didYouMean ? `  (did you mean ${x.didYouMean})` : ''}`]),
    ]),
  );
  lines.push('\nSlowest suggestions:');
  lines.push(table([['ms', 'prefix'], ...[...r.suggested].map((x, i) => ({ ...x, prefix: r.prefixes[i] ?? '' })).sort((a, b) => b.ms - a.ms).slice(0, 6).map((x) => [ms(x.ms), x.prefix])]));
  const errors = [...results.filter((x) => x.status !== 200), ...r.suggested.filter((x) => x.status !== 200)].slice(0, 5);
  if (errors.length > 0) lines.push(`\nFailed requests (first ${errors.length}):\n${errors.map((e) => `  ${e.status} ${e.path}: ${e.body.slice(0, 200)}`).join('\n')}`);
  return lines.join('\n');
}

async function main() {
  const reports: string[] = [];
  for (const dialect of dialects) reports.push(report(await benchDialect(dialect)));
  console.log(reports.join('\n'));
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
