import type { Db } from '../../src/db/database.ts';

/** Every row of every table, as text: what a database dump would show (to look for secrets in clear). */
export async function dumpDatabase(db: Db): Promise<string> {
  const tables = await db.introspection.getTables();
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.selectFrom(table.name as 'users').selectAll().execute();
    parts.push(`${table.name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
