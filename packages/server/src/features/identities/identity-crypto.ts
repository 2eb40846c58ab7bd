import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field-level encryption of the buyer's identity at rest (个人信息保护法 art. 28 and 51: the resident ID
 * number is sensitive personal information, protected by encryption; cbec.md: decrypted only on the
 * customs declaration path). AES-256-GCM with a random 96-bit IV per value; the output names its
 * format version and key, so rows written before a key rotation still decrypt:
 *
 *   v1.<keyId>.<iv, base64url>.<ciphertext ‖ 16-byte tag, base64url>
 *
 * The version, the key id and the field (resident ID or name) are authenticated as associated data:
 * an edited header, a value moved from one column to the other, or any flipped bit is refused.
 *
 * Quota look-ups never decrypt: they compare a keyed hash (HMAC-SHA256 under a separate lookup key) of
 * the normalised ID number, which without that key reveals nothing and cannot be brute-forced over the
 * small space of valid ID numbers.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Key ids go inside the dotted format: letters, digits, - and _ only. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Which column a value belongs to: part of the authenticated data, so values cannot be swapped. */
export type IdentityField = 'resident_id' | 'buyer_name';

/**
 * The encryption keys: the current one encrypts, every one listed decrypts. Rotation: add a key, make
 * it current, re-encrypt old rows at leisure (identityKeyIdOf finds them), then drop the old key.
 */
export interface IdentityKeyRing {
  currentKeyId: string;
  keys: Readonly<Record<string, Uint8Array>>;
}

/** Decryption refused: malformed, unknown key, or altered. Deliberately says nothing more. */
export class IdentityDecryptionError extends Error {
  constructor(reason: string) {
    super(`identity value cannot be decrypted: ${reason}`);
    this.name = 'IdentityDecryptionError';
  }
}

/** Encrypts one identity value under the ring's current key. */
export function encryptIdentityField(options: { plaintext: string; field: IdentityField; keyRing: IdentityKeyRing }): string {
  const { plaintext, field, keyRing } = options;
  const keyId = keyRing.currentKeyId;
  const key = keyFor(keyRing, keyId);
  if (!key) throw new RangeError(`the current identity key "${keyId}" is not in the key ring`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, field));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyId, iv.toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts a value written by encryptIdentityField with any key still in the ring; throws IdentityDecryptionError otherwise. */
export function decryptIdentityField(options: { sealed: string; field: IdentityField; keyRing: IdentityKeyRing }): string {
  const { sealed, field, keyRing } = options;
  const parts = sealed.split('.');
  const [version, keyId, ivText, bodyText] = parts;
  if (parts.length !== 4 || version !== VERSION || !keyId || !ivText || !bodyText) throw new IdentityDecryptionError('not a v1 value');
  const key = keyFor(keyRing, keyId);
  if (!key) throw new IdentityDecryptionError(`key "${keyId}" is not in the key ring`);
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  // base64url decoding skips junk silently: re-encoding must give the text back exactly.
  if (iv.length !== IV_BYTES || iv.toString('base64url') !== ivText || body.length < TAG_BYTES || body.toString('base64url') !== bodyText) {
    throw new IdentityDecryptionError('malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, field));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new IdentityDecryptionError('authentication failed');
  }
}

/** The key a stored value was encrypted with (null if it is not a v1 value): what a re-encryption job looks for. */
export function identityKeyIdOf(sealed: string): string | null {
  const [version, keyId] = sealed.split('.');
  return version === VERSION && keyId && KEY_ID.test(keyId) ? keyId : null;
}

/**
 * The look-up hash of a resident ID number for the yearly quota (财关税〔2018〕49号: the quota is per
 * person, keyed by the ID number): HMAC-SHA256 under the lookup key of the normalised number (trimmed,
 * a final x upper-cased), base64url. Equal numbers give equal hashes; nothing else can be learnt
 * without the key. Changing the lookup key means re-hashing every row: it is not rotated casually.
 */
export function residentIdLookupHash(idNumber: string, lookupKey: Uint8Array): string {
  if (lookupKey.length < KEY_BYTES) throw new RangeError(`the lookup key must have at least ${KEY_BYTES} bytes`);
  return createHmac('sha256', lookupKey).update(`pavilion.resident-id.v1:${idNumber.trim().toUpperCase()}`).digest('base64url');
}

/**
 * The keys as configuration gives them (base64 or base64url text): 32-byte encryption keys, a current
 * key id present in the ring, and a lookup key that is none of the encryption keys (one leaked key
 * must not open both the values and the hashes).
 */
export function parseIdentityKeys(config: { currentKeyId: string; keys: Readonly<Record<string, string>>; lookupKey: string }): {
  keyRing: IdentityKeyRing;
  lookupKey: Uint8Array;
} {
  const keys: Record<string, Uint8Array> = {};
  for (const [id, text] of Object.entries(config.keys)) {
    if (!KEY_ID.test(id)) throw new RangeError(`identity key id "${id}" may use letters, digits, - and _ only (at most 32)`);
    const key = Buffer.from(text, 'base64');
    if (key.length !== KEY_BYTES) throw new RangeError(`identity key "${id}" must be ${KEY_BYTES} bytes (base64)`);
    keys[id] = key;
  }
  if (!(config.currentKeyId in keys)) throw new RangeError(`the current identity key "${config.currentKeyId}" is not in the key ring`);
  const lookupKey = Buffer.from(config.lookupKey, 'base64');
  if (lookupKey.length < KEY_BYTES) throw new RangeError(`the identity lookup key must have at least ${KEY_BYTES} bytes (base64)`);
  for (const [id, key] of Object.entries(keys)) {
    if (key.length === lookupKey.length && timingSafeEqual(key, lookupKey)) throw new RangeError(`the identity lookup key must differ from encryption key "${id}"`);
  }
  return { keyRing: { currentKeyId: config.currentKeyId, keys }, lookupKey };
}

function keyFor(keyRing: IdentityKeyRing, keyId: string): Uint8Array | undefined {
  if (!KEY_ID.test(keyId) || !Object.hasOwn(keyRing.keys, keyId)) return undefined;
  const key = keyRing.keys[keyId];
  if (key && key.length !== KEY_BYTES) throw new RangeError(`identity key "${keyId}" must be ${KEY_BYTES} bytes`);
  return key;
}

function associatedData(keyId: string, field: IdentityField): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${field}`, 'utf8');
}
