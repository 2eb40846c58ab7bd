import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import { encryptIdentityField, residentIdLookupHash, type IdentityKeyRing } from '../../src/features/identities/identity-crypto.ts';
import { maskBuyerName, maskResidentId } from '../../src/features/identities/resident-id.rules.ts';
import { newId } from '../../src/platform/ids.ts';

const testKeys = { keyRing: { currentKeyId: 'test', keys: { test: randomBytes(32) } }, lookupKey: randomBytes(32) };

/** A valid resident ID number (GB 11643 check digit) for a birth date and sequence. */
export function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((n, d, i) => n + Number(d) * (weights[i] ?? 0), 0);
  return body17 + '10X98765432'[sum % 11];
}

/**
 * An address in Shanghai (Pudong) and a real-name identity for a user, written straight into the
 * tables (the buyer's own endpoints are tested on their own), for tests of the checkout.
 */
export async function seedBuyerProfile(db: Db, userId: string, options: { idBody?: string; provinceCode?: string; keys?: { keyRing: IdentityKeyRing; lookupKey: Uint8Array } } = {}) {
  // The app's own keys when the test needs the identity opened again (the customs declaration).
  const { keyRing, lookupKey } = options.keys ?? testKeys;
  const now = new Date().toISOString();
  const addressId = newId();
  await db.insertInto('addresses').values({
    id: addressId, user_id: userId, name: '李娜', phone: '13800138000', province_code: options.provinceCode ?? '310000', city_code: '310100', district_code: '310115',
    province_name: '上海市', city_name: '上海市', district_name: '浦东新区', street: '世纪大道100号', is_default: 1, created_at: now, updated_at: now,
  }).execute();
  const consentId = newId();
  await db.insertInto('identity_consents').values({ id: consentId, user_id: userId, text_version: '2026-11-23', accepted_at: now }).execute();
  const idNumber = residentId(options.idBody ?? '11010119900307123');
  const identityId = newId();
  await db.insertInto('buyer_identities').values({
    id: identityId, user_id: userId, consent_id: consentId, created_at: now,
    name_sealed: encryptIdentityField({ plaintext: '李娜', field: 'buyer_name', keyRing }),
    id_number_sealed: encryptIdentityField({ plaintext: idNumber, field: 'resident_id', keyRing }),
    id_hash: residentIdLookupHash(idNumber, lookupKey),
    name_masked: maskBuyerName('李娜'),
    id_number_masked: maskResidentId(idNumber),
  }).execute();
  return { addressId, identityId, idNumber };
}

let buyerPhones = 0;
/** `count` active buyers (Chinese locale, a phone number each, unique within the test file's run), written straight into the tables. */
export async function insertBuyers(db: Db, count: number, at: Date = new Date()): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  const now = at.toISOString();
  await db.insertInto('users').values(ids.map((id, i) => ({ id, email: null, phone: `136${String(buyerPhones + i).padStart(8, '0')}`, password_hash: null, display_name: `买家${buyerPhones + i}`, locale: 'zh-CN' as const, status: 'active' as const, created_at: now, updated_at: now }))).execute();
  buyerPhones += count;
  return ids;
}
