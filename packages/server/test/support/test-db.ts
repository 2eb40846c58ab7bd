import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../../src/db/database.ts';
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

/**
 * Data every test file of a kind starts from (the demo, the demo catalog with its pictures): made
 * once per run in a template of its own, then cloned with the database, its files copied, instead of
 * seeded again for each file (the demo catalog took about 9 s of CPU per file). `build` writes the
 * data into the database and its files under `filesDir`.
 */
export interface SeededTemplate {
  key: string;
  build(db: Db, filesDir: string): Promise<unknown>;
}

/** Every source the seed runs through (the server and the contracts), so a template is never reused after the code changed. */
const sourceHash = (() => {
  const hash = createHash('sha256').update(migrationsHash);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) hash.update(file).update(readFileSync(file));
    }
  };
  walk(path.resolve(import.meta.dirname, '../../src'));
  walk(path.resolve(import.meta.dirname, '../../../contracts/src'));
  return hash.digest('hex');
})();

/**
 * A seeded template's name: this run's prefix (its clean-up removes it), the sources, the key and
 * the day in China (demo data is dated by the day it is made: a run that crosses midnight there
 * makes a new one).
 */
function seededName(key: string): string {
  const chinaDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${testDatabasePrefix()}_s${createHash('sha256').update(sourceHash).update(key).update(chinaDay).digest('hex').slice(0, 10)}`;
}

/** The files a seeded template's data refers to, beside it in the temp folder. */
export const seededFilesPrefix = (prefix: string) => path.join(tmpdir(), `pavilion-seed-${prefix}_s`);

/** A seeded SQLite template: its database and files built in a folder of their own, renamed into place whole (a parallel file that lost the race uses the winner's). */
async function sqliteSeeded(seed: SeededTemplate): Promise<{ file: string; files: string }> {
  const folder = path.join(tmpdir(), `pavilion-seed-${seededName(seed.key)}`);
  const done = { file: path.join(folder, 'pavilion.db'), files: path.join(folder, 'files') };
  if (existsSync(folder)) return done;
  const building = `${folder}.${process.pid}.${randomBytes(4).toString('hex')}`;
  mkdirSync(path.join(building, 'files'), { recursive: true });
  const file = path.join(building, 'pavilion.db');
  copyFileSync(await sqliteTemplate(), file);
  const database = openDatabase({ database: { dialect: 'sqlite', file } });
  try {
    await seed.build(database.db, path.join(building, 'files'));
  } finally {
    await database.destroy();
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  try {
    renameSync(building, folder);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return done;
}

/** A seeded PostgreSQL template, cloned from the migrated one and made once under an advisory lock; its files in the temp folder. */
async function postgresSeeded(adminUrl: string, seed: SeededTemplate): Promise<{ name: string; files: string }> {
  const name = seededName(seed.key);
  const files = path.join(tmpdir(), `pavilion-seed-${name}.files`);
  const migrated = await postgresTemplate(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`drop database if exists ${name}_new`);
      await admin.query(`create database ${name}_new template ${migrated}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}_new`;
      const building = `${files}.${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building, { recursive: true });
      const database = openDatabase({ database: { dialect: 'postgres', url: url.toString() } });
      try {
        await seed.build(database.db, building);
      } finally {
        await database.destroy();
      }
      rmSync(files, { recursive: true, force: true });
      renameSync(building, files);
      await admin.query(`alter database ${name}_new rename to ${name}`);
    }
    return { name, files };
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
}

/** The seeded data's files into the test's data folder (none when the seed wrote none: the folder is not even made). */
function copySeededFiles(files: string, dir: string): void {
  if (existsSync(files) && readdirSync(files).length > 0) cpSync(files, path.join(dir, 'files'), { recursive: true });
}

/**
 * A freshly migrated database of its own for one test file: a temp SQLite file, or a new PostgreSQL
 * database. With `seeded`, it starts with that data, and the files it refers to are in `<dir>/files`.
 */
export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (sql: string) => void; seeded?: SeededTemplate } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-test-'));
  let target: Config['database'];
  let dropDatabase = async () => {};

  if (testDialect === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (postgres://user@host:port/db)');
    const name = `${testDatabasePrefix()}_${randomBytes(6).toString('hex')}`;
    const seeded = options.seeded && options.migrate !== false ? await postgresSeeded(adminUrl, options.seeded) : null;
    if (seeded) copySeededFiles(seeded.files, dir);
    const template = seeded ? seeded.name : options.migrate !== false ? await postgresTemplate(adminUrl) : null;
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
    if (options.seeded && options.migrate !== false) {
      const seeded = await sqliteSeeded(options.seeded);
      copyFileSync(seeded.file, target.file);
      copySeededFiles(seeded.files, dir);
    } else if (options.migrate !== false) copyFileSync(await sqliteTemplate(), target.file);
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
