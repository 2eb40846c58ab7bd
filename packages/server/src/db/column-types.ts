import type { ColumnType, SelectType } from 'kysely';

/** ISO-8601 UTC timestamps on both engines (pg is configured to return them as strings). */
export type Timestamp = ColumnType<string, string | undefined, string>;

/** A column that may hold null and may be left out of an insert. */
export type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** Whether a column of type C may hold null, as the database must say too. */
export type ColumnNullability<C> = null extends SelectType<C> ? 'null' : 'not null';

/**
 * The runtime twin of a group of table types: every table, every column, and whether it may hold null.
 * Each `*.table.ts` declares one `as const satisfies TableColumns<…>`, so a column added to or removed
 * from a table type without its entry here (or with the wrong nullability) fails the typecheck; the
 * schema test then compares these lists with the migrated database on each engine.
 */
export type TableColumns<Tables> = { [T in keyof Tables]: { [C in keyof Tables[T]]-?: ColumnNullability<Tables[T][C]> } };
