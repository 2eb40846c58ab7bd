import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';
import type { Config } from '../../src/platform/config.ts';
import { testDatabasePrefix } from './test-database-prefix.ts';

/**
 * The database engine under test comes from the environment: TEST_DB=postgres (with
 * TEST_DATABASE_URL) or sqlite (the default). `npm test` runs the whole suite once per engine.
 */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export { testDatabasePrefix } from './test-database-prefix.ts';

export interface TestDatabase {
  database: Database;
  target: Config['database'];
  /** A scratch directory for this file (SQLite file, data dir). */
  dir: string;
  drop(): Promise<void>;
}

/**
 * The migrations as they are now: a template database is migrated once for each set of migration
 * sources and cloned for every test file (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
 * PostgreSQL), instead of migrating each file's database from scratch.
 */
const migrationsHash = (() => {
  const dir = path.resolve(import.meta.dirname, '../../src/db/migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 12);
})();

/** A migrated SQLite file to copy: made once per set of migrations, renamed into place whole so a parallel test file never copies half of one. */
async function sqliteTemplate(): Promise<string> {
  const file = path.join(tmpdir(), `pavilion-template-${migrationsHash}.db`);
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const database = openDatabase({ database: { dialect: 'sqlite', file: building } });
  await migrateToLatest(database.db);
  await database.destroy();
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  renameSync(building, file);
  return file;
}

/** A migrated PostgreSQL database to clone, named with this run's prefix (so the run's clean-up drops it): made once, under an advisory lock. */
async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `${testDatabasePrefix()}_tpl_${migrationsHash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`create database ${name}_new`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}_new`;
      const database = openDatabase({ database: { dialect: 'postgres', url: url.toString() } });
      await migrateToLatest(database.db);
      await database.destroy();
      await admin.query(`alter database ${name}_new rename to ${name}`);
    }
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
}

/** A freshly migrated database of its own for one test file: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-test-'));
  let target: Config['database'];
  let dropDatabase = async () => {};

  if (testDialect === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (postgres://user@host:port/db)');
    const name = `${testDatabasePrefix()}_${randomBytes(6).toString('hex')}`;
    const template = options.migrate !== false ? await postgresTemplate(adminUrl) : null;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    target = { dialect: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    target = { dialect: 'sqlite', file: path.join(dir, 'pavilion.db') };
    if (options.migrate !== false) copyFileSync(await sqliteTemplate(), target.file);
  }

  const database = openDatabase({ database: target, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  let dropped = false;
  return {
    database,
    target,
    dir,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.destroy().catch(() => {});
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
