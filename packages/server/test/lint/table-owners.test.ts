import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Each feature owns its tables: only its own files write them (insert, update, delete); other
 * features, workflows and the entry points call the owner's functions. The owners are read from the
 * `*.table.ts` files (each declares `export interface …Tables { table: … }`), the writes from the
 * sources: Kysely's builders and raw SQL statements alike.
 */
const src = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Who a file speaks for: features/<name>/… is that feature, platform/… the platform, anything else (workflows, app.ts) nobody. */
function ownerOf(file: string): string | null {
  const [top, name] = path.relative(src, file).split(path.sep);
  if (top === 'features') return name ?? null;
  if (top === 'platform') return 'platform';
  return null;
}

function tableOwners(files: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.table.ts'))) {
    const owner = ownerOf(file);
    for (const block of readFileSync(file, 'utf8').matchAll(/export interface \w+Tables \{([^}]*)\}/g)) {
      for (const [, table] of (block[1] ?? '').matchAll(/^\s*(\w+):/gm)) if (owner && table) owners.set(table, owner);
    }
  }
  return owners;
}

/** The tables a source writes: insertInto / updateTable / deleteFrom / mergeInto('t' …) and raw insert into / update / delete from t. */
export function writtenTables(code: string): string[] {
  const builder = [...code.matchAll(/\b(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*'(\w+)/g)].map((m) => m[1]!);
  const raw = [...code.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?\s+(?:set|values|\(|where|select|as\b)/gi)].map((m) => m[1]!);
  return [...builder, ...raw];
}

function violations(): string[] {
  const files = sourceFiles(src);
  const owners = tableOwners(files);
  const found: string[] = [];
  for (const file of files) {
    const writer = ownerOf(file);
    for (const table of new Set(writtenTables(readFileSync(file, 'utf8')))) {
      const owner = owners.get(table);
      if (owner === undefined) continue; // not a table of the schema (a CTE, a word in a comment)
      if (owner !== writer) found.push(`${path.relative(src, file)} writes ${table}, owned by ${owner}`);
    }
  }
  return found;
}

test('the scan finds writes in both forms', () => {
  assert.deepEqual(writtenTables("await trx.updateTable('orders').set({})"), ['orders']);
  assert.deepEqual(writtenTables("await db.deleteFrom('stock_levels').where('id', '=', id)"), ['stock_levels']);
  assert.deepEqual(writtenTables('sql`update payments set status = ${s} where id = ${id}`'), ['payments']);
  assert.deepEqual(writtenTables('sql`insert into order_events (id) values (${id})`'), ['order_events']);
});

test("no feature, workflow or entry point writes a table another feature owns", () => {
  assert.deepEqual(violations(), []);
});
