import type { ColumnType } from 'kysely';
import type { CurrencyCode, Incoterm, InquiryStatus, TradeSide, TradeUnit } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: trade (inquiry.service.ts). Inquiries, their messages and the files attached to them are written there only.

export interface TradeFilesTable {
  id: string;
  company_id: string | null;
  exporter_id: string | null;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface InquiriesTable {
  id: string;
  company_id: string;
  exporter_id: string;
  product_id: string | null;
  product_title_en: string | null;
  product_title_zh: string | null;
  quantity: number;
  unit: TradeUnit;
  target_price_minor: number | null;
  target_currency: CurrencyCode | null;
  incoterm: Incoterm | null;
  destination_port: string;
  required_date: string | null;
  status: ColumnType<InquiryStatus, InquiryStatus | undefined, InquiryStatus>;
  created_by: string | null;
  created_at: string;
  last_message_at: string;
  first_response_at: Nullable<string>;
  company_read_at: Nullable<string>;
  exporter_read_at: Nullable<string>;
  closed_at: Nullable<string>;
  closed_by: Nullable<TradeSide>;
}

export interface InquiryMessagesTable {
  id: string;
  inquiry_id: string;
  side: TradeSide;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface InquiryMessageFilesTable {
  message_id: string;
  file_id: string;
  position: number;
}

export interface InquiryTables {
  trade_files: TradeFilesTable;
  inquiries: InquiriesTable;
  inquiry_messages: InquiryMessagesTable;
  inquiry_message_files: InquiryMessageFilesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const inquiryTableColumns = {
  trade_files: {
    id: 'not null', company_id: 'null', exporter_id: 'null', file_name: 'not null', media_type: 'not null', size_bytes: 'not null',
    sha256: 'not null', storage_key: 'not null', uploaded_by: 'null', created_at: 'not null',
  },
  inquiries: {
    id: 'not null', company_id: 'not null', exporter_id: 'not null', product_id: 'null', product_title_en: 'null', product_title_zh: 'null',
    quantity: 'not null', unit: 'not null', target_price_minor: 'null', target_currency: 'null', incoterm: 'null', destination_port: 'not null',
    required_date: 'null', status: 'not null', created_by: 'null', created_at: 'not null', last_message_at: 'not null', first_response_at: 'null',
    company_read_at: 'null', exporter_read_at: 'null', closed_at: 'null', closed_by: 'null',
  },
  inquiry_messages: {
    id: 'not null', inquiry_id: 'not null', side: 'not null', author_id: 'null', body: 'not null', created_at: 'not null',
  },
  inquiry_message_files: {
    message_id: 'not null', file_id: 'not null', position: 'not null',
  },
} as const satisfies TableColumns<InquiryTables>;
