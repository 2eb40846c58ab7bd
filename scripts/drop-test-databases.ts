/**
 * Drops the PostgreSQL test databases of one prefix (see TEST_DATABASE_PREFIX in
 * packages/server/test/support/test-db.ts): `<prefix>_…` on the server of TEST_DATABASE_URL, and
 * nothing else, so other checkouts testing on the same server keep theirs.
 *   TEST_DATABASE_URL=postgres://… node scripts/drop-test-databases.ts <prefix>
 * Used by .ci/run before and after its tests (leftovers of an interrupted run).
 */
import pg from 'pg';
import { testDatabasePrefix } from '../packages/server/test/support/test-database-prefix.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const given = process.argv[2];
if (!adminUrl || !given) {
  console.error('usage: TEST_DATABASE_URL=postgres://… node scripts/drop-test-databases.ts <prefix>');
  process.exit(2);
}
const prefix = testDatabasePrefix({ TEST_DATABASE_PREFIX: given });
const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  // starts_with, not LIKE: "_" is a wildcard there, and pavilion_test_% would match other names too.
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1) order by datname', [`${prefix}_`]);
  for (const { datname } of rows) {
    await client.query(`drop database if exists "${datname}" with (force)`);
    console.log(`dropped ${datname}`);
  }
} finally {
  await client.end();
}
