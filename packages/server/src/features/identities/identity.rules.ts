import { IDENTITY_CONSENT_VERSION, MAX_BUYER_IDENTITIES, type Identity } from '@pavilion/contracts';
import type { Selectable } from 'kysely';
import type { BuyerIdentitiesTable } from './identity.table.ts';

/** Real-name identities one buyer may keep at once (defined in the contracts, beside its message). */
export const MAX_IDENTITIES = MAX_BUYER_IDENTITIES;

/**
 * PIPL art. 29: an ID number is saved only under a separate consent to the text in force; a consent
 * to an older version of the text does not cover it (the buyer is asked again).
 */
export const consentCovers = (consent: { text_version: string } | undefined): boolean => consent?.text_version === IDENTITY_CONSENT_VERSION;

export const toIdentity = (r: Pick<Selectable<BuyerIdentitiesTable>, 'id' | 'name_masked' | 'id_number_masked' | 'created_at'>): Identity => ({
  id: r.id,
  nameMasked: r.name_masked,
  idNumberMasked: r.id_number_masked,
  createdAt: r.created_at,
});
