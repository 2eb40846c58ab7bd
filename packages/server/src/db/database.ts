import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type LogEvent, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
/** Which database to open: an SQLite file (or :memory:) or a PostgreSQL URL. */
export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Answers whether the database can be reached right now (the health check). */
  ping(): Promise<boolean>;
  destroy(): Promise<void>;
}

const PG_INT8 = 20;
const PG_TIMESTAMPTZ = 1184;

/**
 * The one place PostgreSQL values are reshaped to match SQLite's: bigint arrives as a string and
 * must be a safe integer; timestamptz arrives as an ISO-8601 UTC string.
 */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_INT8) {
    return (value: string) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is beyond the safe integer range`);
      return n;
    };
  }
  if (oid === PG_TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
  return pg.types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') as (value: string) => unknown;
}

/** `onQuery` sees every SQL statement run (tests count them). */
export function openDatabase(config: { database: DatabaseTarget; onQuery?: (sql: string) => void }): Database {
  const log = config.onQuery ? (event: LogEvent) => config.onQuery?.(event.query.sql) : undefined;
  const target = config.database;
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: 5000,
      types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }), 'postgres', async () => {
      if (!pool.ended) await pool.end();
    });
  }

  if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return wrap(new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), ...(log ? { log } : {}) }), 'sqlite', async () => {
    if (sqlite.open) sqlite.close();
  });
}

const STATEMENTS_CACHED = 500;

/**
 * The connection as Kysely sees it, with the last STATEMENTS_CACHED prepared statements kept by
 * their SQL: Kysely prepares every statement it runs, and preparing costs about as much as running
 * a small query. A statement still being iterated (a stream) is not shared: another is prepared.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        // Most recently used last, so the first entry is the one to drop.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > STATEMENTS_CACHED) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Whether a database (or a transaction on it) is PostgreSQL, for the few statements the engines spell differently. */
export const isPostgres = (db: Db | Trx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** `closeRaw` closes the connection or pool itself: Kysely closes it only if a query opened its driver first. */
function wrap(db: Db, dialect: DialectName, closeRaw: () => Promise<void>): Database {
  return {
    db,
    dialect,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    destroy: async () => {
      await db.destroy();
      await closeRaw();
    },
  };
}
