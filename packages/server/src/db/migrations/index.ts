import type { Migration } from 'kysely/migration';
import * as accounts from './2026-11-22T1100-accounts.ts';

/** Every migration, in order. Names are dated; a migration never changes once it has shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1100-accounts': accounts,
};
