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

test(`the HS food mark arrives on the codes already in the table, by chapter and heading, on ${testDialect}`, async () => {
  const migrator = new Migrator({ db: tdb.database.db, provider: { getMigrations: async () => migrations } });
  assert.equal((await migrator.migrateTo('2026-12-02T1000-search-blocks')).error, undefined);
  const db = tdb.database.db;
  const codes = ['1515909090', '0409000000', '1211903999', '2402200000', '2501001100', '3304990099'];
  await db.insertInto('hs_rates').values(codes.map((hs_code) => ({ hs_code, description_en: hs_code, description_zh: hs_code, vat_rate_bp: 900, retail_eligible: 1, updated_at: new Date().toISOString() }))).execute();
  assert.equal((await migrator.migrateToLatest()).error, undefined);
  const rows = await db.selectFrom('hs_rates').select(['hs_code', 'is_food']).orderBy('hs_code').execute();
  assert.deepEqual(rows.map((r) => [r.hs_code, r.is_food]), [
    ['0409000000', 1], // honey
    ['1211903999', 0], // plants for pharmacy (kava root)
    ['1515909090', 1], // vegetable oil
    ['2402200000', 0], // cigarettes
    ['2501001100', 1], // edible salt
    ['3304990099', 0], // skin care
  ]);
  assert.equal((await migrator.migrateTo(NO_MIGRATIONS)).error, undefined);
});
