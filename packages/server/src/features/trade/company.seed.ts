import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Writes an importing company, not yet verified, in the caller's transaction, for a seed (the
 * demo) that then gives it an owner. Returns its new id.
 */
export async function seedCompany(trx: Trx, company: { nameZh: string; nameEn: string | null; city: string }): Promise<string> {
  const id = newId();
  await trx.insertInto('buyer_companies').values({ id, name_zh: company.nameZh, name_en: company.nameEn, city: company.city, created_at: new Date().toISOString() }).execute();
  return id;
}
