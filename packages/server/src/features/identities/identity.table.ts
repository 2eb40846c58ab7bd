import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: identities. The sealed identities buyers declare for cross-border orders, and their consents, are written by the
// identity service only.

export interface IdentityConsentsTable {
  id: string;
  user_id: string;
  text_version: string;
  accepted_at: string;
}

export interface BuyerIdentitiesTable {
  id: string;
  user_id: string;
  name_sealed: string;
  id_number_sealed: string;
  id_hash: string;
  name_masked: string;
  id_number_masked: string;
  consent_id: string;
  created_at: Timestamp;
  deleted_at: Nullable<string>;
}

export interface IdentityTables {
  identity_consents: IdentityConsentsTable;
  buyer_identities: BuyerIdentitiesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const identityTableColumns = {
  identity_consents: {
    id: 'not null', user_id: 'not null', text_version: 'not null', accepted_at: 'not null',
  },
  buyer_identities: {
    id: 'not null', user_id: 'not null', name_sealed: 'not null', id_number_sealed: 'not null', id_hash: 'not null', name_masked: 'not null',
    id_number_masked: 'not null', consent_id: 'not null', created_at: 'not null', deleted_at: 'null',
  },
} as const satisfies TableColumns<IdentityTables>;
