import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/support/test-db.ts';
import type { Db, DialectName } from './database.ts';
import { tableColumns } from './schema.ts';
import { searchEngineOnlyColumns } from '../features/search/search.table.ts';

/** What the database says of each column: whether it may hold null. */
type Introspected = Map<string, Map<string, { nullable: boolean }>>;
type Declared = Record<string, Record<string, 'null' | 'not null'>>;

/**
 * The migrated database's tables and columns (migration bookkeeping left out). SQLite reports a
 * primary-key column declared without NOT NULL as nullable; the application never writes null
 * there and PostgreSQL refuses it, so a key column counts as not null on both engines.
 */
async function introspect(db: Db, dialect: DialectName): Promise<Introspected> {
  const tables = await db.introspection.getTables();
  const result: Introspected = new Map();
  for (const table of tables) {
    if (table.isView) continue;
    const keys = new Set<string>();
    if (dialect === 'sqlite') {
      const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table.name}) where pk > 0`.execute(db);
      for (const r of rows) keys.add(r.name);
    }
    result.set(table.name, new Map(table.columns.map((c) => [c.name, { nullable: c.isNullable && !keys.has(c.name) }])));
  }
  return result;
}

/** Every way the declared tables and the database differ, one line each (empty when they agree). */
function schemaDifferences(declared: Declared, actual: Introspected, engineOnly: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(declared)) {
    const found = actual.get(table);
    if (!found) {
      problems.push(`${table}: declared in a table file, missing in the database`);
      continue;
    }
    for (const [column, nullability] of Object.entries(columns)) {
      const col = found.get(column);
      if (!col) problems.push(`${table}.${column}: declared in a table file, missing in the database`);
      else if (col.nullable !== (nullability === 'null')) {
        problems.push(`${table}.${column}: declared ${nullability}, the database says ${col.nullable ? 'null' : 'not null'}`);
      }
    }
  }
  for (const [table, columns] of actual) {
    if (!(table in declared)) {
      problems.push(`${table}: in the database, declared in no table file`);
      continue;
    }
    for (const column of columns.keys()) {
      if (!(column in declared[table]!) && !(engineOnly[table] ?? []).includes(column)) problems.push(`${table}.${column}: in the database, missing in its table file`);
    }
  }
  for (const [table, columns] of Object.entries(engineOnly)) {
    for (const column of columns) if (!actual.get(table)?.has(column)) problems.push(`${table}.${column}: an engine-only column missing in the database`);
  }
  return problems.sort();
}

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb.drop());

const engineOnly = searchEngineOnlyColumns[testDialect];

test(`the tables the features declare are the migrated database's, column by column with their nullability, on ${testDialect}`, async () => {
  const actual = await introspect(tdb.database.db, testDialect);
  assert.deepEqual(schemaDifferences(tableColumns, actual, engineOnly), []);
  // The comparison saw the whole database, not an empty answer.
  assert.ok(actual.size >= 80, `only ${actual.size} tables introspected`);
  assert.equal(actual.get('orders')?.get('customs_status')?.nullable, false);
  assert.equal(actual.get('orders')?.get('paid_at')?.nullable, true);
});

test(`a column added by a migration but not to its table file, or the other way round, is reported on ${testDialect}`, async () => {
  const db = tdb.database.db;
  await db.schema.alterTable('orders').addColumn('gift_note', 'text').execute();
  await db.schema.createTable('gift_wraps').addColumn('id', 'text', (c) => c.primaryKey()).execute();
  const actual = await introspect(db, testDialect);
  const declared: Declared = {
    ...tableColumns,
    returns: { ...tableColumns.returns, pickup_code: 'not null' },
    refunds: { ...tableColumns.refunds, order_id: 'not null' },
  };
  assert.deepEqual(schemaDifferences(declared, actual, engineOnly), [
    'gift_wraps: in the database, declared in no table file',
    'orders.gift_note: in the database, missing in its table file',
    'refunds.order_id: declared not null, the database says null',
    'returns.pickup_code: declared in a table file, missing in the database',
  ]);
});
