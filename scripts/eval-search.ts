/**
 * `npm run eval:search`: search quality on the relevance set (packages/server/test/search/relevance-set.ts).
 * Builds the app with the demo catalog on SQLite, then on PostgreSQL (a scratch database created on
 * EVAL_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, and
 * dropped after), runs every query through GET /api/store/search, and prints precision@5 and MRR
 * per kind of query and overall, the queries that are not perfect with what came back, and whether
 * both databases ranked every query identically (they must). Measures only: always exits 0.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { openDatabase, type DatabaseTarget } from '../packages/server/src/db/database.ts';
import { migrateToLatest } from '../packages/server/src/db/migrator.ts';
import { seedDemo } from '../packages/server/src/features/demo/seed.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createLogger } from '../packages/server/src/platform/logging.ts';
import { DirectoryFileStore } from '../packages/server/src/platform/file-store.ts';
import { formatFailures, formatSummary, runRelevanceSet, summarize, type QueryOutcome } from '../packages/server/test/search/relevance-eval.ts';
import { relevanceSet } from '../packages/server/test/search/relevance-set.ts';

const adminUrl = process.env.EVAL_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Scratch {
  target: DatabaseTarget;
  dir: string;
  drop(): Promise<void>;
}

async function createScratch(dialect: 'sqlite' | 'postgres'): Promise<Scratch> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-eval-'));
  if (dialect === 'sqlite') {
    return { target: { dialect, file: path.join(dir, 'eval.db') }, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `pavilion_eval_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { dialect, url: url.toString() },
    dir,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app as the API tests build it (createTestApp with the catalog), on the given database. */
async function evaluate(dialect: 'sqlite' | 'postgres'): Promise<QueryOutcome[]> {
  const scratch = await createScratch(dialect);
  const database = openDatabase({ database: scratch.target });
  try {
    const started = performance.now();
    await migrateToLatest(database.db);
    await seedDemo(database.db, { files: new DirectoryFileStore(path.join(scratch.dir, 'files')) });
    const config = loadConfig({
      NODE_ENV: 'test',
      SECRET_KEY: 'eval-secret-key-that-is-at-least-32-characters',
      DATA_DIR: scratch.dir,
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: path.join(scratch.dir, 'no-web-build'),
    });
    const app = await buildApp({ config, database, logger: createLogger(config) });
    try {
      const seeded = performance.now();
      const outcomes = await runRelevanceSet({ app, db: database.db, set: relevanceSet });
      const done = performance.now();
      console.log(`\n=== ${dialect}: ${outcomes.length} queries (setup ${((seeded - started) / 1000).toFixed(1)} s, queries ${((done - seeded) / 1000).toFixed(1)} s) ===\n`);
      console.log(formatSummary(summarize(outcomes)));
      console.log(`\nNot perfect on ${dialect} (P@5 < 1 or the first result not expected; expected SKU@rank):\n`);
      console.log(formatFailures(outcomes));
      return outcomes;
    } finally {
      await app.close();
    }
  } finally {
    await database.destroy().catch(() => {});
    await scratch.drop();
  }
}

/**
 * The queries ranked differently on the two databases. Product ids are generated per database, so
 * products are compared by their SKU (the same product has the same SKUs on both).
 */
function differences(a: QueryOutcome[], b: QueryOutcome[]): string[] {
  return a.flatMap((outcome, i) => {
    const other = b[i];
    const left = outcome.ranking.map((r) => r.sku).join(',');
    const right = other?.ranking.map((r) => r.sku).join(',') ?? '';
    if (left === right && outcome.total === other?.total) return [];
    const titles = (o: QueryOutcome | undefined) => o?.ranking.slice(0, 5).map((r) => r.titleZh).join(' | ') || '(nothing)';
    return [`  "${outcome.query.q}" (total ${outcome.total} vs ${other?.total})\n    sqlite:   ${titles(outcome)}\n    postgres: ${titles(other)}`];
  });
}

async function main() {
  const results: Partial<Record<'sqlite' | 'postgres', QueryOutcome[]>> = {};
  for (const dialect of ['sqlite', 'postgres'] as const) {
    try {
      results[dialect] = await evaluate(dialect);
    } catch (error) {
      console.log(`\n=== ${dialect}: not measured ===\n${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log('\n=== SQLite and PostgreSQL ===');
  if (results.sqlite && results.postgres) {
    const diff = differences(results.sqlite, results.postgres);
    console.log(diff.length === 0 ? 'identical products (compared by SKU), in the same order, and the same totals for every query' : `DIFFERENT for ${diff.length} queries:\n${diff.join('\n')}`);
  } else {
    console.log('not compared: one database was not measured');
  }
}

await main().catch((error: unknown) => console.error(error));
process.exit(0);
