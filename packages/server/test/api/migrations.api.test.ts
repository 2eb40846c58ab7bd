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

test(`trade's events become notification events with their rows, and notifications keep pointing at them, on ${testDialect}`, async () => {
  const migrator = new Migrator({ db: tdb.database.db, provider: { getMigrations: async () => migrations } });
  assert.equal((await migrator.migrateTo('2026-12-07T1800-outbox-claims')).error, undefined);
  const db = tdb.database.db;
  const at = new Date().toISOString();
  await db.insertInto('users').values({ id: 'u1', email: 'a@b.cn', phone: null, password_hash: null, display_name: 'A', created_at: at, updated_at: at }).execute();
  // The table as it was before the migration: trade's.
  await sql`insert into trade_events (id, kind, subject_id, created_at, delivered_at) values ('e1', 'inquiry_created', 'i1', ${at}, ${at}), ('e2', 'quote_submitted', 'q1', ${at}, null)`.execute(db);
  await db.insertInto('notifications').values({ id: 'n1', user_id: 'u1', event_id: 'e1', kind: 'inquiry_created', subject_id: 'i1', locale: 'en', title: 'New inquiry', body: 'b', link: '/exporter/inquiries', created_at: at }).execute();
  await sql`insert into email_outbox (id, notification_id, address, message_id, status, attempts, created_at) values ('o1', 'n1', 'a@b.cn', '<notification.o1@localhost>', 'sent', 1, ${at})`.execute(db);

  assert.equal((await migrator.migrateToLatest()).error, undefined);
  const events = await db.selectFrom('notification_events').select(['id', 'kind', 'user_id', 'pavilion_id']).orderBy('id').execute();
  assert.deepEqual(events, [{ id: 'e1', kind: 'inquiry_created', user_id: null, pavilion_id: null }, { id: 'e2', kind: 'quote_submitted', user_id: null, pavilion_id: null }]);
  assert.deepEqual(await db.selectFrom('email_outbox').select(['id', 'status']).execute(), [{ id: 'o1', status: 'sent' }]);
  await assert.rejects(
    db.insertInto('notifications').values({ id: 'n2', user_id: 'u1', event_id: 'nothing', kind: 'inquiry_created', subject_id: 'i1', locale: 'en', title: 't', body: 'b', link: '/', created_at: at }).execute(),
    'a notification of an event that does not exist is refused',
  );
  await db.deleteFrom('notification_events').where('id', '=', 'e1').execute();
  assert.deepEqual(await db.selectFrom('notifications').select('id').execute(), [], "an event's notifications go with it");

  // Back down and up again.
  assert.equal((await migrator.migrateTo('2026-12-07T1800-outbox-claims')).error, undefined);
  assert.deepEqual((await sql<{ id: string }>`select id from trade_events`.execute(db)).rows, [{ id: 'e2' }]);
  assert.equal((await migrator.migrateToLatest()).error, undefined);
  assert.equal((await migrator.migrateTo(NO_MIGRATIONS)).error, undefined);
});
