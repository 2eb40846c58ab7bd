import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  IdentityDecryptionError,
  decryptIdentityField,
  encryptIdentityField,
  identityKeyIdOf,
  parseIdentityKeys,
  residentIdLookupHash,
  type IdentityKeyRing,
} from './identity-crypto.ts';

const key2025 = randomBytes(32);
const key2026 = randomBytes(32);
const lookupKey = randomBytes(32);
const ring2025: IdentityKeyRing = { currentKeyId: 'k2025', keys: { k2025: key2025 } };
const ID = '11010519491231002X';

test('round trip: the ID number and a Chinese name come back; equal values encrypt differently', () => {
  for (const [plaintext, field] of [[ID, 'resident_id'], ['买买提·艾力', 'buyer_name'], ['𠈌一', 'buyer_name']] as const) {
    const sealed = encryptIdentityField({ plaintext, field, keyRing: ring2025 });
    assert.match(sealed, /^v1\.k2025\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    assert.equal(decryptIdentityField({ sealed, field, keyRing: ring2025 }), plaintext);
    assert.ok(!sealed.includes(plaintext));
  }
  const a = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing: ring2025 });
  const b = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing: ring2025 });
  assert.notEqual(a, b, 'a fresh IV each time: equal numbers are not visible as equal rows');
});

test('rotation: values encrypted under the old key still decrypt after the current key changes', () => {
  const old = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing: ring2025 });
  const rotated: IdentityKeyRing = { currentKeyId: 'k2026', keys: { k2025: key2025, k2026: key2026 } };
  const fresh = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing: rotated });
  assert.equal(identityKeyIdOf(old), 'k2025');
  assert.equal(identityKeyIdOf(fresh), 'k2026');
  assert.equal(decryptIdentityField({ sealed: old, field: 'resident_id', keyRing: rotated }), ID);
  assert.equal(decryptIdentityField({ sealed: fresh, field: 'resident_id', keyRing: rotated }), ID);
  // Once the old key is dropped, what was not re-encrypted is unreadable, loudly.
  const retired: IdentityKeyRing = { currentKeyId: 'k2026', keys: { k2026: key2026 } };
  assert.throws(() => decryptIdentityField({ sealed: old, field: 'resident_id', keyRing: retired }), IdentityDecryptionError);
});

test('tampering is refused: any changed character, a swapped key id or column, a malformed value', () => {
  const ring: IdentityKeyRing = { currentKeyId: 'a', keys: { a: key2025, b: key2026 } };
  const sealed = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing: ring });
  const refuses = (value: string, field: 'resident_id' | 'buyer_name' = 'resident_id') =>
    assert.throws(() => decryptIdentityField({ sealed: value, field, keyRing: ring }), IdentityDecryptionError, value);

  const [, , iv = '', body = ''] = sealed.split('.');
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  for (let at = 0; at < body.length; at++) refuses(`v1.a.${iv}.${flip(body, at)}`); // ciphertext and tag
  for (let at = 0; at < iv.length; at++) refuses(`v1.a.${flip(iv, at)}.${body}`);
  refuses(`v1.b.${iv}.${body}`); // the other key of the ring
  refuses(`v2.a.${iv}.${body}`);
  refuses(sealed, 'buyer_name'); // an ID number pasted into the name column
  refuses(`v1.a.${iv}.${body.slice(0, -4)}`); // truncated
  refuses(`v1.a.${iv}.${body}.extra`);
  refuses(`v1.a.${iv}.${body}!`);
  refuses(`v1.zz.${iv}.${body}`); // unknown key
  refuses(`v1.__proto__.${iv}.${body}`);
  refuses('');
  refuses(ID);
});

test('the lookup hash: the same number gives the same hash, a lower-case x included', () => {
  assert.equal(residentIdLookupHash(ID, lookupKey), residentIdLookupHash(ID, lookupKey));
  assert.equal(residentIdLookupHash(' 11010519491231002x', lookupKey), residentIdLookupHash(ID, lookupKey));
  assert.notEqual(residentIdLookupHash('110105194912310038', lookupKey), residentIdLookupHash(ID, lookupKey));
});

test('the lookup hash reveals nothing of the number without the key', () => {
  const hash = residentIdLookupHash(ID, lookupKey);
  assert.match(hash, /^[A-Za-z0-9_-]{43}$/, 'fixed length: not even the length of the input shows');
  for (let i = 0; i + 4 <= ID.length; i++) assert.ok(!hash.includes(ID.slice(i, i + 4)), 'no run of the number appears');
  // Not the plain hash anyone could compute over the ~10^10 plausible ID numbers…
  assert.notEqual(hash, createHash('sha256').update(ID).digest('base64url'));
  // …and another key gives an unrelated hash: a leaked table cannot be matched without our key.
  assert.notEqual(residentIdLookupHash(ID, randomBytes(32)), hash);
  // Neighbouring numbers (one digit apart) share nothing beyond chance: about half of the 256 bits differ.
  const bits = (text: string) => [...Buffer.from(text, 'base64url')].map((b) => b.toString(2).padStart(8, '0')).join('');
  const a = bits(hash);
  const b = bits(residentIdLookupHash('110105194912310038', lookupKey));
  const differing = [...a].filter((bit, i) => bit !== b[i]).length;
  assert.ok(differing > 80 && differing < 176, `${differing} bits differ`);
  assert.throws(() => residentIdLookupHash(ID, randomBytes(16)), RangeError);
});

test('keys from configuration: 32 bytes, a current key present, a separate lookup key', () => {
  const b64 = (k: Uint8Array) => Buffer.from(k).toString('base64');
  const { keyRing, lookupKey: parsed } = parseIdentityKeys({ currentKeyId: 'k2026', keys: { k2025: b64(key2025), k2026: b64(key2026) }, lookupKey: b64(lookupKey) });
  // Encrypted with the parsed ring, decrypted with a ring built from the raw bytes: the same keys.
  const sealed = encryptIdentityField({ plaintext: ID, field: 'resident_id', keyRing });
  assert.equal(decryptIdentityField({ sealed, field: 'resident_id', keyRing: { currentKeyId: 'k2025', keys: { k2025: key2025, k2026: key2026 } } }), ID);
  assert.deepEqual(Buffer.from(parsed), lookupKey);
  assert.throws(() => parseIdentityKeys({ currentKeyId: 'k9', keys: { k2025: b64(key2025) }, lookupKey: b64(lookupKey) }), /not in the key ring/);
  assert.throws(() => parseIdentityKeys({ currentKeyId: 'k', keys: { k: b64(randomBytes(16)) }, lookupKey: b64(lookupKey) }), /32 bytes/);
  assert.throws(() => parseIdentityKeys({ currentKeyId: 'a.b', keys: { 'a.b': b64(key2025) }, lookupKey: b64(lookupKey) }), /letters, digits/);
  assert.throws(() => parseIdentityKeys({ currentKeyId: 'k', keys: { k: b64(key2025) }, lookupKey: b64(key2025) }), /must differ/);
});

