import { IDENTITY_CONSENT_VERSION, validationMessages, type Identity } from '@pavilion/contracts';
import type { z } from 'zod';
import type { identityConsentSchema, identityInputSchema, identityListSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { countIdentities, findIdentities, findIdentityForOrder, findLatestConsent, hasIdentityWithHash, insertConsent, insertIdentity, softDeleteIdentity } from './identity.repository.ts';
import { consentCovers, MAX_IDENTITIES, toIdentity } from './identity.rules.ts';
import { sealIdentity, type IdentityKeys } from './identity-sealing.ts';

type IdentityConsent = z.infer<typeof identityConsentSchema>;

/** An identity as an order takes it: masked for display, sealed for the declaration, hashed for the quota. */
export interface IdentityForOrder {
  id: string;
  nameMasked: string;
  idNumberMasked: string;
  nameSealed: string;
  idNumberSealed: string;
  idHash: string;
}

/**
 * The buyer's real-name identities (订购人) for CBEC orders, under PIPL: a separate, versioned consent
 * first (art. 29), the name and ID number encrypted at rest with a keyed hash for look-ups (art. 51),
 * only masked forms ever answered, deletion on request (art. 47).
 */
export class IdentityService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly keys: IdentityKeys;

  constructor(options: { db: Db; clock: Clock; keys: IdentityKeys }) {
    this.db = options.db;
    this.clock = options.clock;
    this.keys = options.keys;
  }

  /** Records that the buyer accepted this version of the consent text, and when. */
  async consent(caller: Caller | null, textVersion: string): Promise<IdentityConsent> {
    const buyer = requireRole(caller, 'buyer');
    const acceptedAt = this.clock().toISOString();
    await this.db.transaction().execute((trx) => insertConsent(trx, { id: newId(), user_id: buyer.userId, text_version: textVersion, accepted_at: acceptedAt }));
    return { textVersion, acceptedAt };
  }

  async list(caller: Caller | null): Promise<z.infer<typeof identityListSchema>> {
    const buyer = requireRole(caller, 'buyer');
    const [rows, consent] = await Promise.all([findIdentities(this.db, buyer.userId), findLatestConsent(this.db, buyer.userId)]);
    return { items: rows.map(toIdentity), consent: consent ? { textVersion: consent.text_version, acceptedAt: consent.accepted_at } : null };
  }

  /** Saves an identity under the buyer's consent to the current text; the same ID number twice is refused. */
  async create(caller: Caller | null, input: z.output<typeof identityInputSchema>): Promise<Identity> {
    const buyer = requireRole(caller, 'buyer');
    const sealed = sealIdentity(input, this.keys);
    const createdAt = this.clock().toISOString();
    const id = newId();
    return this.db.transaction().execute(async (trx) => {
      const consent = await findLatestConsent(trx, buyer.userId);
      if (!consent || !consentCovers(consent)) throw new AppError('CONSENT_REQUIRED', { details: { textVersion: IDENTITY_CONSENT_VERSION } });
      if (await hasIdentityWithHash(trx, buyer.userId, sealed.idHash)) {
        throw new AppError('ALREADY_EXISTS', {
          messages: { en: 'This ID number is already saved.', zh: '该身份证号已保存。' },
          details: [{ field: 'body.idNumber', rule: 'unique', message: validationMessages.identityDuplicate.en }],
        });
      }
      if ((await countIdentities(trx, buyer.userId)) >= MAX_IDENTITIES) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body', rule: 'identity_limit', message: validationMessages.identityLimit.en }] });
      }
      await insertIdentity(trx, { id, userId: buyer.userId, consentId: consent.id, createdAt, sealed });
      return toIdentity({ id, name_masked: sealed.nameMasked, id_number_masked: sealed.idNumberMasked, created_at: createdAt });
    });
  }

  async remove(caller: Caller | null, id: string): Promise<void> {
    const buyer = requireRole(caller, 'buyer');
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await softDeleteIdentity(trx, buyer.userId, id, now))) throw notFound();
    });
  }

  /** For checkout, in its transaction: one of the buyer's identities not deleted, or null. */
  async forOrder(trx: Db | Trx, userId: string, identityId: string): Promise<IdentityForOrder | null> {
    const row = await findIdentityForOrder(trx, userId, identityId);
    if (!row) return null;
    return {
      id: row.id,
      nameMasked: row.name_masked,
      idNumberMasked: row.id_number_masked,
      nameSealed: row.name_sealed,
      idNumberSealed: row.id_number_sealed,
      idHash: row.id_hash,
    };
  }
}
