import { PostgresAdapter, sql, type Kysely, type ColumnDataType, type Expression } from 'kysely';

/**
 * Column types that differ between the two engines, for migrations only (which must not import app
 * code). Timestamps are `timestamptz` on PostgreSQL and ISO-8601 text on SQLite; the pg driver is
 * set to hand them back as ISO strings, so the app sees one shape.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function timestampType(db: Kysely<any>): ColumnDataType | Expression<unknown> {
  return isPostgres(db) ? sql`timestamptz` : 'text';
}

export const nowDefault = (db: Kysely<any>) =>
  isPostgres(db) ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
