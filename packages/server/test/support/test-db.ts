import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** A freshly migrated database of its own for one test file: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-test-'));
  let target: Config['database'];
  let dropDatabase = async () => {};

  if (testDialect === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (postgres://user@host:port/db)');
    const name = `${testDatabasePrefix()}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
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
  }

  const database = openDatabase({ database: target, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  if (options.migrate !== false) await migrateToLatest(database.db);
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
