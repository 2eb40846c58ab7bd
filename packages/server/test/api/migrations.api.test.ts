import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { migrations } from '../../src/db/migrations/index.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-db.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase({ migrate: false });
});
after(() => tdb.drop());

test(`every migration goes up and back down on ${testDialect}`, async () => {
  const migrator = new Migrator({ db: tdb.database.db, provider: { getMigrations: async () => migrations } });
  const up = await migrator.migrateToLatest();
  assert.equal(up.error, undefined);
  assert.deepEqual(up.results?.map((r) => r.status), Object.keys(migrations).map(() => 'Success'));

  // The database enforces what the rules promise, as the last line.
  const db = tdb.database.db;
  await db.insertInto('users').values({ id: 'u1', email: 'a@b.cn', phone: null, password_hash: null, display_name: 'A', created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).execute();
  await assert.rejects(
    db.insertInto('user_roles').values({ id: 'r1', user_id: 'u1', role: 'operator', pavilion_id: null, exporter_id: null, company_id: null, company_role: null, created_at: new Date().toISOString() }).execute(),
    'an operator grant without a pavilion is refused',
  );
  await assert.rejects(
    db.insertInto('user_roles').values({ id: 'r2', user_id: 'nobody', role: 'buyer', pavilion_id: null, exporter_id: null, company_id: null, company_role: null, created_at: new Date().toISOString() }).execute(),
    'a grant for a missing user is refused (foreign keys are on)',
  );

  const down = await migrator.migrateTo(NO_MIGRATIONS);
  assert.equal(down.error, undefined);
  const tables =
    testDialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'`.execute(db);
  assert.deepEqual(tables.rows, []);
});
