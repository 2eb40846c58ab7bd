import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, testDatabasePrefix, testDialect, type TestDatabase } from './test-db.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

/**
 * .ci/run gives its test databases a prefix of their own and clears only that prefix's leftovers:
 * another checkout testing on the same PostgreSQL server keeps its databases (and its run).
 */
test('test databases carry TEST_DATABASE_PREFIX; dropping one prefix leaves every other database alone', { skip: testDialect === 'postgres' ? false : 'needs TEST_DB=postgres' }, async () => {
  const run = randomBytes(3).toString('hex');
  const mine = `pavilion_ci_${run}_mine`;
  const theirs = `pavilion_ci_${run}_theirs`;
  const created: TestDatabase[] = [];
  const names = async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [`pavilion_ci_${run}`]);
      return rows.map((r) => r.datname).sort();
    } finally {
      await client.end();
    }
  };
  const previous = process.env.TEST_DATABASE_PREFIX;
  try {
    for (const prefix of [mine, mine, theirs, `${mine}x`]) {
      process.env.TEST_DATABASE_PREFIX = prefix;
      const tdb = await createTestDatabase({ migrate: false });
      created.push(tdb);
      // An interrupted run: the connection is gone, the database is left behind.
      await tdb.database.destroy();
      assert.ok(tdb.target.dialect === 'postgres' && new URL(tdb.target.url).pathname.startsWith(`/${prefix}_`), 'named with the prefix');
    }
    const before = await names();
    assert.equal(before.length, 4);

    const dropped = spawnSync(process.execPath, [path.join(root, 'scripts/drop-test-databases.ts'), mine], { env: process.env, encoding: 'utf8' });
    assert.equal(dropped.status, 0, dropped.stderr);
    assert.deepEqual(await names(), before.filter((name) => !name.startsWith(`${mine}_`)), 'only the two databases of that prefix are gone');
    assert.equal((await names()).length, 2);
  } finally {
    if (previous === undefined) delete process.env.TEST_DATABASE_PREFIX;
    else process.env.TEST_DATABASE_PREFIX = previous;
    for (const tdb of created) await tdb.drop();
  }
});

test('TEST_DATABASE_PREFIX must be a plain lower-case name', () => {
  assert.equal(testDatabasePrefix({}), 'pavilion_test');
  assert.equal(testDatabasePrefix({ TEST_DATABASE_PREFIX: 'pavilion_ci_42' }), 'pavilion_ci_42');
  for (const bad of ['Pavilion', 'x; drop database postgres', 'a%', '1abc', 'a'.repeat(46)]) assert.throws(() => testDatabasePrefix({ TEST_DATABASE_PREFIX: bad }), /TEST_DATABASE_PREFIX/);
});
