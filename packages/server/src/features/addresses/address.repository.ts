import type { Db, Trx } from '../../db/database.ts';
import type { AddressRow, AddressValues } from './address.rules.ts';

/** A buyer's addresses: the default first, then the newest. */
export function findAddresses(db: Db | Trx, userId: string): Promise<AddressRow[]> {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId).orderBy('is_default', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
}

/** One of the buyer's addresses (another buyer's is not found). */
export function findAddress(db: Db | Trx, userId: string, id: string): Promise<AddressRow | undefined> {
  return db.selectFrom('addresses').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function countAddresses(trx: Trx, userId: string): Promise<number> {
  const row = await trx.selectFrom('addresses').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertAddress(trx: Trx, row: AddressValues & { id: string; user_id: string; is_default: number; created_at: string; updated_at: string }) {
  return trx.insertInto('addresses').values(row).execute();
}

/** Updates one of the buyer's addresses; false when it is not theirs (or gone). */
export async function updateAddress(trx: Trx, userId: string, id: string, values: AddressValues & { updated_at: string }): Promise<boolean> {
  const result = await trx.updateTable('addresses').set(values).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Makes one address the default and clears the others, in the caller's transaction. */
export async function makeDefault(trx: Trx, userId: string, id: string): Promise<void> {
  await trx.updateTable('addresses').set({ is_default: 0 }).where('user_id', '=', userId).where('id', '<>', id).where('is_default', '=', 1).execute();
  await trx.updateTable('addresses').set({ is_default: 1 }).where('user_id', '=', userId).where('id', '=', id).execute();
}

/** Deletes one of the buyer's addresses, answering whether it was the default; null when it is not theirs. */
export async function deleteAddress(trx: Trx, userId: string, id: string): Promise<{ wasDefault: boolean } | null> {
  const row = await trx.deleteFrom('addresses').where('id', '=', id).where('user_id', '=', userId).returning('is_default').executeTakeFirst();
  return row ? { wasDefault: row.is_default === 1 } : null;
}

/** The buyer's newest address, the one that becomes default when the default is deleted. */
export async function findNewestAddressId(trx: Trx, userId: string): Promise<string | null> {
  const row = await trx.selectFrom('addresses').select('id').where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.id ?? null;
}
