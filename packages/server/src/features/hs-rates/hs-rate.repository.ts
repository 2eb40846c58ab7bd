import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

const columns = ['hs_code', 'description_en', 'description_zh', 'vat_rate_bp', 'consumption_tax_rate_bp', 'tariff_rate_bp', 'retail_eligible', 'retail_modes', 'is_food', 'updated_at'] as const;

/** `%` and `_` in what the operator typed are literal characters, not wildcards. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findHsRates(db: Db, filter: { q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('hs_rates');
  const q = filter.q?.trim();
  if (q) {
    if (/^\d+$/.test(q)) {
      base = base.where('hs_code', 'like', `${q}%`);
    } else {
      const pattern = `%${escapeLike(q.toLowerCase())}%`;
      // An explicit ESCAPE: SQLite has no default escape character, PostgreSQL's is the backslash.
      base = base.where(sql<boolean>`(lower(description_en) like ${pattern} escape '\\' or lower(description_zh) like ${pattern} escape '\\')`);
    }
  }
  const [items, total] = await Promise.all([
    base.select(columns).orderBy('hs_code').limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export type HsRateRecord = Awaited<ReturnType<typeof findHsRates>>['items'][number];

/** The whole table, by code: what an export writes and an import compares against. */
export function findAllHsRates(db: Db | Trx): Promise<HsRateRecord[]> {
  return db.selectFrom('hs_rates').select(columns).orderBy('hs_code').execute();
}

export function findHsRate(db: Db, hsCode: string): Promise<HsRateRecord | undefined> {
  return db.selectFrom('hs_rates').select(columns).where('hs_code', '=', hsCode).executeTakeFirst();
}

export async function upsertHsRate(trx: Trx, row: HsRateRecord): Promise<void> {
  const { hs_code: _code, ...changes } = row;
  await trx
    .insertInto('hs_rates')
    .values(row)
    .onConflict((oc) => oc.column('hs_code').doUpdateSet(changes))
    .execute();
}

export async function deleteHsRate(trx: Trx, hsCode: string): Promise<boolean> {
  const result = await trx.deleteFrom('hs_rates').where('hs_code', '=', hsCode).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
