import type { ColumnType, Generated } from 'kysely';
import type { DocumentKind, ExporterStatus } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: exporters. Applications, reviews, documents, team invitations and brands are written by the exporter services only.

export interface ExportersTable {
  id: string;
  pavilion_id: string;
  legal_name: string;
  trading_name_en: string;
  trading_name_zh: string;
  country_code: string;
  city: string;
  status: ColumnType<ExporterStatus, ExporterStatus | undefined, ExporterStatus>;
  address: Nullable<string>;
  contact_name: Nullable<string>;
  contact_email: Nullable<string>;
  contact_phone: Nullable<string>;
  registration_number: Nullable<string>;
  gacc_registration_number: Nullable<string>;
  manufacturer_name: Nullable<string>;
  manufacturer_address: Nullable<string>;
  review_reason: Nullable<string>;
  story_en: Nullable<string>;
  story_zh: Nullable<string>;
  submitted_at: Nullable<string>;
  reviewed_at: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExporterCategoriesTable {
  exporter_id: string;
  category_id: string;
}

export interface ExporterDocumentsTable {
  id: string;
  exporter_id: string;
  kind: DocumentKind;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  exporter_id: string;
  email: string;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: string;
  accepted_at: Nullable<string>;
}

export interface BrandsTable {
  id: string;
  exporter_id: string;
  name_en: string;
  name_zh: string;
  logo_media_id: Nullable<string>;
  story_en: Generated<string>;
  story_zh: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExporterTables {
  exporters: ExportersTable;
  exporter_categories: ExporterCategoriesTable;
  exporter_documents: ExporterDocumentsTable;
  invitations: InvitationsTable;
  brands: BrandsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const exporterTableColumns = {
  exporters: {
    id: 'not null', pavilion_id: 'not null', legal_name: 'not null', trading_name_en: 'not null', trading_name_zh: 'not null',
    country_code: 'not null', city: 'not null', status: 'not null', address: 'null', contact_name: 'null', contact_email: 'null',
    contact_phone: 'null', registration_number: 'null', gacc_registration_number: 'null', manufacturer_name: 'null', manufacturer_address: 'null',
    review_reason: 'null', story_en: 'null', story_zh: 'null', submitted_at: 'null', reviewed_at: 'null', created_at: 'not null',
    updated_at: 'not null',
  },
  exporter_categories: {
    exporter_id: 'not null', category_id: 'not null',
  },
  exporter_documents: {
    id: 'not null', exporter_id: 'not null', kind: 'not null', file_name: 'not null', media_type: 'not null', size_bytes: 'not null',
    sha256: 'not null', storage_key: 'not null', uploaded_by: 'null', created_at: 'not null',
  },
  invitations: {
    id: 'not null', exporter_id: 'not null', email: 'not null', token_hash: 'not null', invited_by: 'null', created_at: 'not null',
    expires_at: 'not null', accepted_at: 'null',
  },
  brands: {
    id: 'not null', exporter_id: 'not null', name_en: 'not null', name_zh: 'not null', logo_media_id: 'null', story_en: 'not null',
    story_zh: 'not null', created_at: 'not null', updated_at: 'not null',
  },
} as const satisfies TableColumns<ExporterTables>;
