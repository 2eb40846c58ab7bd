/**
 * The flash-sale world for `npm run bench:checkout`: buyers with their own account, session,
 * address, consent and real-name identity (distinct resident ID numbers), written straight into the
 * tables in batches, and variants whose stock is set to exactly so many units in one warehouse.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../packages/server/src/db/database.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';
import { encryptIdentityField, residentIdLookupHash, type IdentityKeyRing } from '../../packages/server/src/features/identities/identity-crypto.ts';
import { maskBuyerName, maskResidentId } from '../../packages/server/src/features/identities/resident-id.rules.ts';
import { refreshListingStock } from '../../packages/server/src/features/catalog/catalog-listing.ts';
import { newId } from '../../packages/server/src/platform/ids.ts';
import { residentId } from '../../packages/server/test/support/buyer-fixtures.ts';

export interface BenchBuyer {
  userId: string;
  token: string;
  addressId: string;
  identityId: string;
}

const BATCH = 250;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A birth date n days after 1970-01-01 as YYYYMMDD: distinct and valid for every buyer. */
function birthDate(n: number): string {
  return new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `count` buyers, each with a bearer session (made the way createSession makes it: the token's
 * SHA-256 is the session id), an address in Shanghai Pudong and an identity sealed with the
 * server's own keys, so the server reads them as it reads identities a buyer entered.
 */
export async function seedBenchBuyers(db: Db, options: { count: number; keyRing: IdentityKeyRing; lookupKey: Uint8Array; ttlHours?: number }): Promise<BenchBuyer[]> {
  const now = new Date();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + (options.ttlHours ?? 6) * 3_600_000).toISOString();
  const buyers: BenchBuyer[] = [];
  const users: Insertable<DB['users']>[] = [];
  const roles: Insertable<DB['user_roles']>[] = [];
  const sessions: Insertable<DB['sessions']>[] = [];
  const addresses: Insertable<DB['addresses']>[] = [];
  const consents: Insertable<DB['identity_consents']>[] = [];
  const identities: Insertable<DB['buyer_identities']>[] = [];
  for (let i = 0; i < options.count; i++) {
    const userId = newId();
    const token = `pv_${randomBytes(32).toString('base64url')}`;
    const addressId = newId();
    const consentId = newId();
    const identityId = newId();
    // 310115: Shanghai Pudong; a birth date of its own per buyer, so no two share an ID number or an allowance.
    const idNumber = residentId(`310115${birthDate(i)}${String(100 + (i % 900)).padStart(3, '0')}`);
    const name = '李娜';
    users.push({ id: userId, email: null, phone: `199${String(i).padStart(8, '0')}`, password_hash: null, display_name: `抢购买家${i}`, locale: 'zh-CN', status: 'active', created_at: at, updated_at: at });
    roles.push({ id: newId(), user_id: userId, role: 'buyer', pavilion_id: null, exporter_id: null, company_id: null, company_role: null, created_at: at });
    sessions.push({ id: createHash('sha256').update(token).digest('hex'), user_id: userId, transport: 'token', created_at: at, expires_at: expiresAt, revoked_at: null });
    addresses.push({
      id: addressId, user_id: userId, name, phone: '13800138000', province_code: '310000', city_code: '310100', district_code: '310115',
      province_name: '上海市', city_name: '上海市', district_name: '浦东新区', street: `世纪大道${100 + i}号`, is_default: 1, created_at: at, updated_at: at,
    });
    consents.push({ id: consentId, user_id: userId, text_version: '2026-11-23', accepted_at: at });
    identities.push({
      id: identityId, user_id: userId, consent_id: consentId, created_at: at,
      name_sealed: encryptIdentityField({ plaintext: name, field: 'buyer_name', keyRing: options.keyRing }),
      id_number_sealed: encryptIdentityField({ plaintext: idNumber, field: 'resident_id', keyRing: options.keyRing }),
      id_hash: residentIdLookupHash(idNumber, options.lookupKey),
      name_masked: maskBuyerName(name),
      id_number_masked: maskResidentId(idNumber),
    });
    buyers.push({ userId, token, addressId, identityId });
  }
  await db.transaction().execute(async (trx) => {
    for (const rows of chunks(users)) await trx.insertInto('users').values(rows).execute();
    for (const rows of chunks(roles)) await trx.insertInto('user_roles').values(rows).execute();
    for (const rows of chunks(sessions)) await trx.insertInto('sessions').values(rows).execute();
    for (const rows of chunks(addresses)) await trx.insertInto('addresses').values(rows).execute();
    for (const rows of chunks(consents)) await trx.insertInto('identity_consents').values(rows).execute();
    for (const rows of chunks(identities)) await trx.insertInto('buyer_identities').values(rows).execute();
  });
  return buyers;
}

export interface SaleVariant {
  sku: string;
  variantId: string;
  productId: string;
  warehouseId: string;
}

/**
 * Exactly `stock` units of the variant available, all in one warehouse the product may ship from
 * (its origin warehouse, direct mail), none reserved and none anywhere else.
 */
export async function setSaleStock(db: Db, sku: string, stock: number): Promise<SaleVariant> {
  const variant = await db.selectFrom('variants').select(['id', 'product_id']).where('sku', '=', sku).executeTakeFirstOrThrow(() => new Error(`no demo variant ${sku}`));
  const levels = await db
    .selectFrom('stock_levels as s')
    .innerJoin('warehouses as w', 'w.id', 's.warehouse_id')
    .select(['s.warehouse_id', 'w.kind'])
    .where('s.variant_id', '=', variant.id)
    .orderBy('s.warehouse_id')
    .execute();
  const chosen = levels.find((l) => l.kind === 'origin') ?? levels[0];
  if (!chosen) throw new Error(`${sku} has no stock row`);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('stock_levels').set({ on_hand: 0, reserved: 0, updated_at: at }).where('variant_id', '=', variant.id).execute();
    await trx.updateTable('stock_levels').set({ on_hand: stock, reserved: 0, updated_at: at }).where('variant_id', '=', variant.id).where('warehouse_id', '=', chosen.warehouse_id).execute();
    await refreshListingStock(trx, [variant.product_id]);
  });
  return { sku, variantId: variant.id, productId: variant.product_id, warehouseId: chosen.warehouse_id };
}
