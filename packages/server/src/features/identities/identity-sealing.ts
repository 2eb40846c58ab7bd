import { decryptIdentityField, encryptIdentityField, residentIdLookupHash, type IdentityKeyRing } from './identity-crypto.ts';
import { maskBuyerName, maskResidentId } from './resident-id.rules.ts';

/** The keys identities are sealed with: parseIdentityKeys(config.identityKeys) gives them. */
export interface IdentityKeys {
  keyRing: IdentityKeyRing;
  lookupKey: Uint8Array;
}

/** An identity as stored: never the clear name or number. */
export interface SealedIdentity {
  nameSealed: string;
  idNumberSealed: string;
  /** HMAC of the normalised ID number: the yearly quota's key and the duplicate check. */
  idHash: string;
  nameMasked: string;
  idNumberMasked: string;
}

/**
 * Pure: seals a real-name identity for storage (PIPL art. 51: sensitive personal information is
 * encrypted at rest): AES-256-GCM per field under the current key, the keyed look-up hash, the
 * display masks (110101********1234, 张*). The input is already normalised by the contracts' schemas.
 */
export function sealIdentity(identity: { name: string; idNumber: string }, keys: IdentityKeys): SealedIdentity {
  return {
    nameSealed: encryptIdentityField({ plaintext: identity.name, field: 'buyer_name', keyRing: keys.keyRing }),
    idNumberSealed: encryptIdentityField({ plaintext: identity.idNumber, field: 'resident_id', keyRing: keys.keyRing }),
    idHash: residentIdLookupHash(identity.idNumber, keys.lookupKey),
    nameMasked: maskBuyerName(identity.name),
    idNumberMasked: maskResidentId(identity.idNumber),
  };
}

/**
 * Pure: the clear name and ID number, for the customs declaration (订购人 in the 194号 order message)
 * and nothing else (cbec.md: decrypted only on the declaration path). Takes an order's snapshot or an
 * identity row; throws IdentityDecryptionError when a value is altered or its key is gone.
 */
export function unsealIdentityForDeclaration(sealed: { nameSealed: string; idNumberSealed: string }, keyRing: IdentityKeyRing): { name: string; idNumber: string } {
  return {
    name: decryptIdentityField({ sealed: sealed.nameSealed, field: 'buyer_name', keyRing }),
    idNumber: decryptIdentityField({ sealed: sealed.idNumberSealed, field: 'resident_id', keyRing }),
  };
}
