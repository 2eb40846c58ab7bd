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
  address: ColumnType<string | null, string | null | undefined, string | null>;
  contact_name: ColumnType<string | null, string | null | undefined, string | null>;
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  registration_number: ColumnType<string | null, string | null | undefined, string | null>;
  gacc_registration_number: ColumnType<string | null, string | null | undefined, string | null>;
  manufacturer_name: ColumnType<string | null, string | null | undefined, string | null>;
  manufacturer_address: ColumnType<string | null, string | null | undefined, string | null>;
  review_reason: ColumnType<string | null, string | null | undefined, string | null>;
  story_en: ColumnType<string | null, string | null | undefined, string | null>;
  story_zh: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<string | null, string | null | undefined, string | null>;
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
