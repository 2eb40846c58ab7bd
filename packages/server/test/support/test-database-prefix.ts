/**
 * Every PostgreSQL test database is named `<prefix>_<random>`. The prefix comes from
 * TEST_DATABASE_PREFIX (default pavilion_test): a CI run sets one of its own, so that clearing the
 * leftovers of an interrupted run (scripts/drop-test-databases.ts) never touches the databases of
 * another checkout testing on the same server.
 */
export function testDatabasePrefix(env: Record<string, string | undefined> = process.env): string {
  const prefix = env.TEST_DATABASE_PREFIX || 'pavilion_test';
  if (!/^[a-z][a-z0-9_]{0,44}$/.test(prefix)) throw new Error(`TEST_DATABASE_PREFIX must be lower-case letters, digits and _ (at most 45, starting with a letter): got "${prefix}"`);
  return prefix;
}
