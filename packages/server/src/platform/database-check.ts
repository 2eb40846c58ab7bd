import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError } from './config.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../db/database.ts';

/** Where the data lives, for the banner and the CLI: the SQLite file, or PostgreSQL's host, port and database (never the password). */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `SQLite ${target.file}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/**
 * Opens the database and makes one round trip, so the common mistakes (PostgreSQL not running,
 * its database not created, a wrong password, an SQLite file that cannot be created) stop the
 * command with one line naming the setting and what to do, instead of a driver's stack trace.
 */
export async function openCheckedDatabase(config: { database: DatabaseTarget; dataDir: string }): Promise<Database> {
  const target = config.database;
  let database: Database;
  try {
    database = openDatabase({ database: target });
  } catch (err) {
    throw explain(err, target, config.dataDir) ?? err;
  }
  try {
    await sql`select 1`.execute(database.db);
  } catch (err) {
    await database.destroy().catch(() => {});
    throw explain(err, target, config.dataDir) ?? err;
  }
  return database;
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; errors?: Array<{ code?: string }> };
  // A host name with several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError.
  return e.code ?? e.errors?.find((inner) => inner.code)?.code;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

function explain(err: unknown, target: DatabaseTarget, dataDir: string): ConfigError | null {
  const code = errorCode(err);
  if (target.dialect === 'sqlite') {
    // The default file lives in DATA_DIR; another one was named by DATABASE_URL.
    const setting = target.file === path.join(dataDir, 'pavilion.db') ? 'DATA_DIR' : 'DATABASE_URL';
    if (code && /^(E[A-Z]+|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM|SQLITE_NOTADB)$/.test(code)) {
      return new ConfigError(`${setting}: cannot open the SQLite file ${target.file} (${code}): point ${setting} at a place Pavilion may create and write that file`);
    }
    return null;
  }
  const url = new URL(target.url);
  const where = `${url.hostname}:${url.port || '5432'}`;
  // What the driver used: the URL's user, else the system user; the database, else the user's name.
  const user = decodeURIComponent(url.username) || process.env.PGUSER || process.env.USER || 'postgres';
  const name = decodeURIComponent(url.pathname.slice(1)) || user;
  const message = (err as Error).message;
  if (code === '3D000') {
    return new ConfigError(`DATABASE_URL: PostgreSQL at ${where} has no database "${name}": create it (createdb -h ${url.hostname} -p ${url.port || '5432'} -U ${user} ${name}) or correct DATABASE_URL`);
  }
  if (code === '28P01' || code === '28000') {
    return new ConfigError(`DATABASE_URL: PostgreSQL at ${where} refused user "${user}" (${message}): correct the user or password in DATABASE_URL`);
  }
  if ((code && UNREACHABLE.has(code)) || /timeout|terminated unexpectedly/i.test(message)) {
    return new ConfigError(`DATABASE_URL: cannot reach PostgreSQL at ${where} (${code ?? message}): start PostgreSQL there or correct DATABASE_URL`);
  }
  return null;
}

/**
 * A committed write the health check makes each time: a database that answers but cannot write
 * (full disk, read-only) is as unusable as one that is down. The rate limiter's counter table (the
 * platform's own) takes it, under a key no limit uses.
 */
export async function databaseWritable(database: Database): Promise<boolean> {
  try {
    await database.db
      .insertInto('rate_limit_counters')
      .values({ key: 'health:write-probe', window_start: 0, hits: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: 1 }))
      .execute();
    return true;
  } catch {
    return false;
  }
}
