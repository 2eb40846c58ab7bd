/**
 * `npm run bench:catalog`: a catalog of BENCH_PRODUCTS (default 100,000) products on SQLite (or
 * PostgreSQL with BENCH_DATABASE_URL), then a 24-item listing page and a product page under 32
 * concurrent connections for BENCH_SECONDS (default 10) each, beside a plain Fastify route that
 * returns JSON of the same size, measured in the same run. Prints figures; asserts nothing.
 * Targets (the catalog issue): p99 under 10 ms, and at least 30% of the plain route's throughput.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, type DatabaseTarget } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrator.ts';
import { seedDemo } from '../../packages/server/src/features/demo/seed.ts';
import { demoRates } from '../../packages/server/src/features/demo/demo-catalog-data.ts';
import { RateService } from '../../packages/server/src/features/rates/rate.service.ts';
import { currenciesPricedIn } from '../../packages/server/src/features/catalog/priced-currencies.ts';
import { refreshListingPrices } from '../../packages/server/src/features/catalog/listing-prices.ts';
import { DirectoryFileStore } from '../../packages/server/src/platform/file-store.ts';
import { parseRate } from '@pavilion/contracts';
import { buildLargeCatalog } from './catalog-fixture.ts';
import { productionSecrets } from './bench-env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const count = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-bench-'));
const target: DatabaseTarget = process.env.BENCH_DATABASE_URL
  ? { dialect: 'postgres', url: process.env.BENCH_DATABASE_URL }
  : { dialect: 'sqlite', file: path.join(dir, 'bench.db') };

async function startProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /(?:running at|listening) (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
  });
  return { child, url };
}

function run(url: string, paths: string[], duration = seconds): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    let i = 0;
    const instance = autocannon(
      { url, connections, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }] },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    void instance;
  });
}

async function main() {
  console.log(`Building a catalog of ${count.toLocaleString('en')} products on ${target.dialect}…`);
  const database = openDatabase({ database: target });
  const started = Date.now();
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const files = new DirectoryFileStore(path.join(dir, 'files'));
  for (const r of demoRates) {
    await database.db.insertInto('exchange_rates').values({ id: crypto.randomUUID(), currency: r.currency, rate_micro: parseRate(r.rate) ?? 1, effective_date: r.effectiveDate, source: r.source, created_by: null, created_at: new Date().toISOString() }).execute();
  }
  let last = 0;
  await buildLargeCatalog(database.db, {
    files,
    count,
    onProgress: (done) => {
      if (done - last >= count / 10 || done === count) {
        last = done;
        process.stdout.write(`  ${done.toLocaleString('en')} products\n`);
      }
    },
  });
  const clock = () => new Date();
  await refreshListingPrices({ db: database.db, rates: new RateService({ db: database.db, clock, pricedCurrencies: (filter) => currenciesPricedIn(database.db, filter) }), clock });
  const ids = (await database.db.selectFrom('catalog_listings').select('product_id').orderBy('published_at', 'desc').limit(200).execute()).map((r) => r.product_id);
  await database.destroy();
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const env = { DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'warn', ...productionSecrets(), DATABASE_URL: target.dialect === 'postgres' ? target.url : `sqlite:${target.file}` };
  const server = await startProcess(['packages/server/bin/pavilion.js', 'serve', '--no-migrate'], env);
  const listingPaths = ['/api/store/products?limit=24', '/api/store/products?limit=24&pavilion=pakistan', '/api/store/products?limit=24&category=handicrafts', '/api/store/products?limit=24&sort=price_asc', '/api/store/products?limit=24&pavilion=pacific&sort=popular'];
  const productPaths = ids.map((id) => `/api/store/products/${id}`);

  // The yardstick: the same JSON bodies from a plain route.
  const listingBody = await (await fetch(`${server.url}${listingPaths[0]}`)).text();
  const productBody = await (await fetch(`${server.url}${productPaths[0]}`)).text();
  const bodiesFile = path.join(dir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify({ listing: JSON.parse(listingBody), product: JSON.parse(productBody) }));
  const baseline = await startProcess(['scripts/bench/baseline-server.ts', bodiesFile], {});

  const uncached = await startProcess(['packages/server/bin/pavilion.js', 'serve', '--no-migrate'], { ...env, CATALOG_CACHE_ENTRIES: '0' });
  const rows: string[][] = [];
  for (const [name, url, paths, base, bytes] of [
    ['listing page (24 items)', server.url, listingPaths, '/listing', listingBody.length],
    ['listing page, cache off', uncached.url, listingPaths, '/listing', listingBody.length],
    ['product page', server.url, productPaths, '/product', productBody.length],
    ['product page, cache off', uncached.url, productPaths, '/product', productBody.length],
  ] as const) {
    await run(url, [...paths], 2); // warm-up: JIT, page cache
    const measured = await run(url, [...paths]);
    const plain = await run(baseline.url, [base]);
    rows.push([
      name,
      `${(bytes / 1024).toFixed(1)} KiB`,
      measured.requests.average.toFixed(0),
      measured.latency.p50.toFixed(1),
      measured.latency.p99.toFixed(1),
      plain.requests.average.toFixed(0),
      plain.latency.p99.toFixed(1),
      `${((measured.requests.average / plain.requests.average) * 100).toFixed(0)}%`,
      measured.non2xx > 0 ? `${measured.non2xx} non-2xx` : '',
    ]);
  }
  uncached.child.kill('SIGTERM');
  server.child.kill('SIGTERM');
  baseline.child.kill('SIGTERM');
  const header = ['route', 'body', 'req/s', 'p50 ms', 'p99 ms', 'plain req/s', 'plain p99 ms', 'vs plain', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\n${target.dialect}, ${count.toLocaleString('en')} products, ${connections} connections, ${seconds} s each (targets: p99 < 10 ms, ≥ 30% of plain)`);
  for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  rmSync(dir, { recursive: true, force: true });
}

await main();
