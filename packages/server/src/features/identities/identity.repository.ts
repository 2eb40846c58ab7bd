import type { Db, Trx } from '../../db/database.ts';
import type { SealedIdentity } from './identity-sealing.ts';

const IDENTITY_COLUMNS = ['id', 'name_masked', 'id_number_masked', 'created_at'] as const;

export function insertConsent(trx: Trx, row: { id: string; user_id: string; text_version: string; accepted_at: string }) {
  return trx.insertInto('identity_consents').values(row).execute();
}

/** The buyer's latest consent (the one in force). */
export function findLatestConsent(db: Db | Trx, userId: string) {
  return db
    .selectFrom('identity_consents')
    .select(['id', 'text_version', 'accepted_at'])
    .where('user_id', '=', userId)
    .orderBy('accepted_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The buyer's identities not deleted, oldest first. */
export function findIdentities(db: Db | Trx, userId: string) {
  return db.selectFrom('buyer_identities').select([...IDENTITY_COLUMNS]).where('user_id', '=', userId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

export async function countIdentities(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('buyer_identities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasIdentityWithHash(trx: Trx, userId: string, idHash: string): Promise<boolean> {
  const row = await trx.selectFrom('buyer_identities').select('id').where('user_id', '=', userId).where('id_hash', '=', idHash).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export function insertIdentity(trx: Trx, row: { id: string; userId: string; consentId: string; createdAt: string; sealed: SealedIdentity }) {
  const { sealed } = row;
  return trx
    .insertInto('buyer_identities')
    .values({
      id: row.id,
      user_id: row.userId,
      name_sealed: sealed.nameSealed,
      id_number_sealed: sealed.idNumberSealed,
      id_hash: sealed.idHash,
      name_masked: sealed.nameMasked,
      id_number_masked: sealed.idNumberMasked,
      consent_id: row.consentId,
      created_at: row.createdAt,
      deleted_at: null,
    })
    .execute();
}

/**
 * Deletes one of the buyer's identities: marked deleted (orders that used it keep their own
 * snapshot), and its sealed name and number erased (PIPL art. 47), so nothing readable stays behind.
 * False when it is not the buyer's, or already deleted.
 */
export async function softDeleteIdentity(trx: Trx, userId: string, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('buyer_identities')
    .set({ deleted_at: now, name_sealed: '', id_number_sealed: '' })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function findIdentityForOrder(db: Db | Trx, userId: string, id: string) {
  return db
    .selectFrom('buyer_identities')
    .select(['id', 'name_masked', 'id_number_masked', 'name_sealed', 'id_number_sealed', 'id_hash'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
