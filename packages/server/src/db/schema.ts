import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role, CompanyMemberRole, Locale, CustomsStatus, OrderHold, ReturnStatus } from '@pavilion/contracts';
import type { Incoterm, InquiryStatus, QuoteStatus, RfqStatus, TradeSide, TradeUnit } from '@pavilion/contracts';
import type { JobTables } from '../platform/jobs/job.table.ts';
import type { B2bOrderKind, B2bOrderStatus, B2bPaymentKind, B2bPaymentTerms } from '@pavilion/contracts';

/** ISO-8601 UTC timestamps on both engines (pg is configured to return them as strings). */
type Timestamp = ColumnType<string, string | undefined, string>;

export interface PavilionsTable {
  id: string;
  slug: string;
  name_en: string;
  name_zh: string;
  tagline_en: Generated<string>;
  tagline_zh: Generated<string>;
  intro_en: Generated<string>;
  intro_zh: Generated<string>;
  position: Generated<number>;
  hero_media_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PavilionCountriesTable {
  pavilion_id: string;
  country_code: string;
  position: Generated<number>;
}

export type ExporterStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

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

export interface BuyerCompaniesTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  city: string;
  created_at: Timestamp;
  credit_code: Nullable<string>;
  address: Nullable<string>;
  verified_at: Nullable<string>;
  verified_by: Nullable<string>;
}

export interface UsersTable {
  id: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  display_name: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: Role;
  pavilion_id: string | null;
  exporter_id: string | null;
  company_id: string | null;
  company_role: CompanyMemberRole | null;
  created_at: Timestamp;
}

export interface WechatAccountsTable {
  id: string;
  user_id: string;
  app_id: string;
  openid: string;
  unionid: string | null;
  session_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  transport: 'cookie' | 'token';
  created_at: Timestamp;
  expires_at: string;
  revoked_at: string | null;
}

export interface OtpChallengesTable {
  id: string;
  phone: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface RateLimitCountersTable {
  key: string;
  window_start: number;
  hits: number;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface CategoriesTable {
  id: string;
  parent_id: string | null;
  slug: string;
  path: string;
  name_en: string;
  name_zh: string;
  is_food: Generated<number>;
  position: Generated<number>;
}

export interface HsRatesTable {
  hs_code: string;
  description_en: string;
  description_zh: string;
  vat_rate_bp: number;
  consumption_tax_rate_bp: Generated<number>;
  /** MFN import tariff, basis points; null until an operator enters it (2026-12-07T1000). */
  tariff_rate_bp: ColumnType<number | null, number | null | undefined, number | null>;
  retail_eligible: number;
  retail_modes: ColumnType<'both' | '1210', 'both' | '1210' | undefined, 'both' | '1210'>;
  updated_at: Timestamp;
  /** Food (GACC Decree 248): products under this code need the food e-label lines and the GACC registration. */
  is_food: Generated<number>;
}

export interface ExchangeRatesTable {
  id: string;
  currency: string;
  rate_micro: number;
  effective_date: string;
  source: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OperatorAlertsTable {
  id: string;
  kind: string;
  subject: string;
  message_en: string;
  message_zh: string;
  created_at: Timestamp;
  resolved_at: Nullable<string>;
}

export interface ExporterCategoriesTable {
  exporter_id: string;
  category_id: string;
}

export type DocumentKind = 'export_licence' | 'business_registration' | 'gacc_registration' | 'certificate' | 'other';

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

export interface MediaTable {
  id: string;
  owner: string;
  sha256: string;
  source_type: string;
  width: number;
  height: number;
  size_bytes: number;
  created_at: Timestamp;
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

export interface WarehousesTable {
  id: string;
  exporter_id: string;
  kind: 'origin' | 'bonded';
  name: string;
  city: string;
  country_code: string;
  created_at: Timestamp;
}

export type ProductStatus = 'draft' | 'submitted' | 'changes_requested' | 'published' | 'unpublished' | 'archived';
export type RevisionState = 'draft' | 'submitted' | 'changes_requested' | 'approved' | 'superseded';

export interface ProductsTable {
  id: string;
  exporter_id: string;
  status: ProductStatus;
  live_revision_id: Nullable<string>;
  working_revision_id: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Nullable<string>;
}

export interface ProductRevisionsTable {
  id: string;
  product_id: string;
  number: number;
  content: string;
  state: RevisionState;
  review_reasons: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Nullable<string>;
  reviewed_at: Nullable<string>;
  reviewed_by: Nullable<string>;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  exporter_id: string;
  sku: string;
  status: ColumnType<'active' | 'removed', 'active' | 'removed' | undefined, 'active' | 'removed'>;
  live_price_minor: Nullable<number>;
  live_currency: Nullable<string>;
  live_weight_grams: Nullable<number>;
  position: Generated<number>;
  created_at: Timestamp;
}

/** The key an import file gave a new product (product_ref), so importing the file again updates it. */
export interface ProductImportRefsTable {
  exporter_id: string;
  ref: string;
  product_id: string;
  created_at: Timestamp;
}

export interface StockLevelsTable {
  variant_id: string;
  warehouse_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  updated_at: Timestamp;
}

export interface CatalogListingsTable {
  product_id: string;
  exporter_id: string;
  pavilion_id: string;
  brand_id: string | null;
  category_id: string;
  category_path: string;
  category_root: string;
  title_en: string;
  title_zh: string;
  subtitle_en: string;
  subtitle_zh: string;
  cover_media_id: string;
  currency: string;
  price_min_minor: number;
  price_cny_min: number | null;
  origin_country: string;
  customs_modes: string;
  retail_eligible: number;
  in_stock: Generated<number>;
  sales_count: Generated<number>;
  published_at: string;
}

export interface PavilionFeaturesTable {
  pavilion_id: string;
  kind: 'exporter' | 'product';
  target_id: string;
  position: Generated<number>;
}

export interface PavilionStoriesTable {
  id: string;
  pavilion_id: string;
  slug: string;
  title_en: string;
  title_zh: string;
  summary_en: Generated<string>;
  summary_zh: Generated<string>;
  body_en: Generated<string>;
  body_zh: Generated<string>;
  cover_media_id: Nullable<string>;
  status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>;
  position: Generated<number>;
  published_at: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CatalogStateTable {
  id: number;
  version: number;
}

/** A term's postings for one range of document numbers: (doc, score) pairs, little-endian int32, in document order. */
export interface SearchBlocksTable {
  term: string;
  block: number;
  postings: Uint8Array;
}

/** A document whose search_listings row changed (written by triggers); txid on PostgreSQL only. */
export interface SearchChangesTable {
  seq: Generated<number>;
  doc: number;
  changed_at: Generated<string>;
}

export interface SearchTermsTable {
  term: string;
  df: number;
}

export interface SearchDocumentsTable {
  doc: Generated<number>;
  product_id: string;
  /** The product's terms, space-separated. */
  terms: string;
  /** The product's suggestion keys, tab-separated. */
  suggest_keys: string;
  lexicon_epoch: number;
  indexed_at: Timestamp;
}

/** A prefix that suggests a listed product; triggers drop the keys of a product leaving search. */
export interface SearchSuggestKeysTable {
  key: string;
  doc: number;
  /** min(sales, 999,999), plus 1,000,000 in stock: triggers keep it the listing's as it is now. */
  weight: number;
}

export interface SearchWordsTable {
  word: string;
  source: 'operator' | 'catalog';
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface SearchSynonymsTable {
  id: string;
  terms: string;
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface SearchHotTable {
  position: number;
  text: string;
}

export interface SearchQueryDaysTable {
  day: string;
  query: string;
  searches: number;
  zero_results: number;
  last_seen_at: string;
}

export interface SearchStateTable {
  id: number;
  lexicon_version: number;
  lexicon_epoch: number;
  database_id: string;
}

export interface CartsTable {
  id: string;
  owner: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CartLinesTable {
  cart_id: string;
  variant_id: string;
  quantity: number;
  added_at: Timestamp;
}

export interface AddressesTable {
  id: string;
  user_id: string;
  name: string;
  phone: string;
  province_code: string;
  city_code: string;
  district_code: string;
  province_name: string;
  city_name: string;
  district_name: string;
  street: string;
  is_default: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface IdentityQuotasTable {
  id_hash: string;
  year: number;
  used_fen: number;
}

export interface ShippingTemplatesTable {
  warehouse_id: string;
  exporter_id: string;
  template: string;
  updated_at: Timestamp;
}

export interface CheckoutsTable {
  id: string;
  buyer_user_id: string;
  idempotency_key: string;
  request_hash: string;
  total_fen: number;
  provider: string;
  created_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  number: string;
  checkout_id: string;
  buyer_user_id: string;
  exporter_id: string;
  pavilion_id: string;
  warehouse_id: string;
  customs_mode: '9610' | '1210';
  status: string;
  regime: 'cbec' | 'general';
  identity_id: Nullable<string>;
  identity_name_masked: string;
  identity_id_number_masked: string;
  identity_name_sealed: string;
  identity_id_number_sealed: string;
  identity_hash: string;
  quota_year: number;
  quota_fen: number;
  consignee: string;
  goods_fen: number;
  freight_fen: number;
  tax_fen: number;
  /** The parts of tax_fen (null on orders placed before they were stored). */
  tariff_fen: ColumnType<number | null, number | null | undefined, number | null>;
  consumption_tax_fen: ColumnType<number | null, number | null | undefined, number | null>;
  vat_fen: ColumnType<number | null, number | null | undefined, number | null>;
  total_fen: number;
  risk_notice_version: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: string;
  paid_at: Nullable<string>;
  cancelled_at: Nullable<string>;
  /** See customsStatuses in the contracts. */
  customs_status: Generated<CustomsStatus>;
  /** See orderHolds in the contracts; null when nothing holds the order. */
  hold: Nullable<OrderHold>;
  released_at: Nullable<string>;
  shipped_at: Nullable<string>;
  delivered_at: Nullable<string>;
  completed_at: Nullable<string>;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  variant_id: string;
  sku: string;
  title_zh: string;
  title_en: string;
  option_values: string;
  quantity: number;
  weight_grams: number;
  unit_price_minor: number;
  currency: string;
  rate_micro: number;
  rate_date: string;
  rate_source: string;
  unit_fen: number;
  goods_fen: number;
  freight_fen: number;
  tax_fen: number;
  /** The parts of tax_fen (null on lines placed before they were stored). */
  tariff_fen: ColumnType<number | null, number | null | undefined, number | null>;
  consumption_tax_fen: ColumnType<number | null, number | null | undefined, number | null>;
  vat_fen: ColumnType<number | null, number | null | undefined, number | null>;
  hs_code: string;
  vat_rate_bp: number;
  consumption_tax_rate_bp: number;
  tariff_rate_bp: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  status: string;
  at: string;
  note: Generated<string>;
}

export interface PaymentsTable {
  id: string;
  checkout_id: string;
  provider: string;
  out_trade_no: string;
  amount_fen: number;
  status: 'pending' | 'paid' | 'closed';
  transaction_id: Nullable<string>;
  paid_at: Nullable<string>;
  created_at: Timestamp;
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  order_id: Nullable<string>;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: 'requested' | 'processing' | 'succeeded' | 'failed';
  created_at: Timestamp;
  completed_at: Nullable<string>;
  /** The return this refund pays (returns migration); null for a refund of a late or double payment. */
  return_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PaymentAnomaliesTable {
  id: string;
  kind: string;
  provider: string;
  reference: string;
  details: string;
  created_at: Timestamp;
  resolved_at: Nullable<string>;
}

/** A pavilion's commission rate from a time on (basis points); the latest one started before an order's placement applies to it. */
export interface PavilionCommissionRatesTable {
  id: string;
  pavilion_id: string;
  rate_bp: number;
  effective_from: string;
  created_by: Nullable<string>;
  created_at: Timestamp;
}

/** An exporter's statement for a China-time month in one currency; an issued one never changes. */
export interface SettlementStatementsTable {
  id: string;
  exporter_id: string;
  pavilion_id: string;
  month: string;
  currency: string;
  status: 'draft' | 'issued';
  line_count: number;
  goods_fen: number;
  commission_fen: number;
  share_fen: number;
  share_minor: number;
  generated_at: string;
  issued_at: Nullable<string>;
  created_at: Timestamp;
}

export interface SettlementLinesTable {
  id: string;
  statement_id: string;
  position: number;
  kind: 'sale' | 'refund';
  item_key: string;
  order_id: string;
  order_line_id: string;
  order_number: string;
  line_no: number;
  sku: string;
  description_en: string;
  description_zh: string;
  quantity: number;
  goods_fen: number;
  commission_bp: number;
  commission_fen: number;
  share_fen: number;
  rate_micro: number;
  rate_date: string;
  share_minor: number;
  occurred_at: string;
  issued: Generated<number>;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  kind: 'bonded' | 'direct';
  carrier: string;
  carrier_name: Generated<string>;
  tracking_number: string;
  logistics_no: string;
  weight_grams: Nullable<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface ShipmentEventsTable {
  id: string;
  shipment_id: string;
  at: string;
  status: string;
  place_zh: string;
  place_en: Generated<string>;
  text_zh: string;
  text_en: Generated<string>;
  source: 'operator' | 'exporter' | 'feed' | 'system';
  created_by: Nullable<string>;
  created_at: Timestamp;
}

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
  target_currency: string | null;
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

export interface RfqsTable {
  id: string;
  company_id: string;
  created_by: string | null;
  pavilion_id: string | null;
  category_id: string;
  description_zh: string;
  description_en: string;
  quantity: number;
  unit: TradeUnit;
  target_price_minor: number | null;
  target_currency: string | null;
  incoterm: Incoterm;
  destination_port: string;
  deadline: string;
  /** JSON array of certification types. */
  certifications: string;
  status: ColumnType<RfqStatus, RfqStatus | undefined, RfqStatus>;
  accepted_quote_id: Nullable<string>;
  closed_at: Nullable<string>;
  created_at: string;
}

export interface RfqMatchesTable {
  rfq_id: string;
  exporter_id: string;
  created_at: string;
}

export interface QuotesTable {
  id: string;
  rfq_id: string;
  exporter_id: string;
  revision: number;
  currency: string;
  /** JSON array of { minQuantity, unitPriceMinor }. */
  tiers: string;
  incoterm: Incoterm;
  port: string;
  lead_time_days: number;
  valid_until: string;
  tt_deposit_percent: number | null;
  letter_of_credit: number;
  sample_available: number;
  sample_price_minor: number | null;
  notes: string;
  status: ColumnType<QuoteStatus, QuoteStatus | undefined, QuoteStatus>;
  submitted_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuoteRevisionsTable {
  quote_id: string;
  revision: number;
  content: string;
  submitted_by: string | null;
  created_at: string;
}

export interface TradeEventsTable {
  id: string;
  kind: TradeEventKind;
  subject_id: string;
  company_id: string | null;
  exporter_id: string | null;
  created_at: Timestamp;
  delivered_at: Nullable<string>;
}

/** What a party must act on (section 6 sends these as notifications and mail). */
export type TradeEventKind = 'inquiry_created' | 'inquiry_message' | 'rfq_matched' | 'quote_submitted' | 'quote_revised' | 'quote_accepted' | 'rfq_deadline_near' | 'b2b_order_issued' | 'b2b_order_step';

export interface CustomsDeclarationsTable {
  id: string;
  order_id: string;
  guid: string;
  app_type: '1' | '2';
  status: 'invalid' | 'queued' | 'sent' | 'accepted' | 'rejected' | 'released';
  /** JSON: the message input without the clear buyer name and ID number. */
  snapshot: string;
  /** The message with the buyer's name and ID number masked. */
  message_xml: string;
  /** JSON: the validation problems ({field, rule, message}). */
  errors: Generated<string>;
  return_status: Nullable<string>;
  return_info: Nullable<string>;
  created_by: Nullable<string>;
  created_at: Timestamp;
  sent_at: Nullable<string>;
  updated_at: Timestamp;
}

export interface CustomsOutboxTable {
  id: string;
  declaration_id: string;
  file_name: string;
  /** Who is handing it over, until when (a conditional update takes it; a holder known gone is taken over). */
  claimed_by: Nullable<string>;
  claimed_until: Nullable<string>;
  created_at: Timestamp;
  sent_at: Nullable<string>;
}

export interface CustomsReceiptsTable {
  id: string;
  guid: string;
  declaration_id: Nullable<string>;
  order_no: string;
  return_status: string;
  return_time: string;
  return_info: string;
  raw: string;
  file_name: string;
  received_at: Timestamp;
}

export interface CustomsCorrectionsTable {
  order_id: string;
  data: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PaymentDeclarationsTable {
  id: string;
  order_id: string;
  provider: string;
  state: string;
  identity_check: 'SAME' | 'DIFFERENT' | 'UNCHECKED';
  answer: string;
  declared_at: Timestamp;
}

/** What filters, sorts and tie-breaks read of an indexed document; triggers copy the listing's columns. */
export interface SearchListingsTable {
  doc: number;
  product_id: string;
  phrase_text: string;
  /** ",halal,organic," (commas around each, for a LIKE filter). */
  certifications: Generated<string>;
  pavilion_id: string;
  origin_country: string;
  category_id: string;
  category_root: string;
  price_cny_min: number | null;
  customs_modes: string;
  retail_eligible: number;
  in_stock: number;
  sales_count: number;
  published_at: string;
}

export interface DB extends JobTables {
  pavilions: PavilionsTable;
  pavilion_countries: PavilionCountriesTable;
  exporters: ExportersTable;
  buyer_companies: BuyerCompaniesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  wechat_accounts: WechatAccountsTable;
  sessions: SessionsTable;
  otp_challenges: OtpChallengesTable;
  rate_limit_counters: RateLimitCountersTable;
  categories: CategoriesTable;
  hs_rates: HsRatesTable;
  exchange_rates: ExchangeRatesTable;
  operator_alerts: OperatorAlertsTable;
  exporter_categories: ExporterCategoriesTable;
  exporter_documents: ExporterDocumentsTable;
  invitations: InvitationsTable;
  media: MediaTable;
  brands: BrandsTable;
  warehouses: WarehousesTable;
  products: ProductsTable;
  product_revisions: ProductRevisionsTable;
  variants: VariantsTable;
  product_import_refs: ProductImportRefsTable;
  stock_levels: StockLevelsTable;
  catalog_listings: CatalogListingsTable;
  catalog_state: CatalogStateTable;
  pavilion_features: PavilionFeaturesTable;
  pavilion_stories: PavilionStoriesTable;
  search_blocks: SearchBlocksTable;
  search_changes: SearchChangesTable;
  search_terms: SearchTermsTable;
  search_documents: SearchDocumentsTable;
  search_suggest_keys: SearchSuggestKeysTable;
  search_words: SearchWordsTable;
  search_synonyms: SearchSynonymsTable;
  search_hot: SearchHotTable;
  search_query_days: SearchQueryDaysTable;
  search_state: SearchStateTable;
  carts: CartsTable;
  cart_lines: CartLinesTable;
  addresses: AddressesTable;
  identity_consents: IdentityConsentsTable;
  buyer_identities: BuyerIdentitiesTable;
  identity_quotas: IdentityQuotasTable;
  shipping_templates: ShippingTemplatesTable;
  checkouts: CheckoutsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  payment_anomalies: PaymentAnomaliesTable;
  pavilion_commission_rates: PavilionCommissionRatesTable;
  settlement_statements: SettlementStatementsTable;
  settlement_lines: SettlementLinesTable;
  shipments: ShipmentsTable;
  shipment_events: ShipmentEventsTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  order_line_returns: OrderLineReturnsTable;
  trade_files: TradeFilesTable;
  inquiries: InquiriesTable;
  inquiry_messages: InquiryMessagesTable;
  inquiry_message_files: InquiryMessageFilesTable;
  rfqs: RfqsTable;
  rfq_matches: RfqMatchesTable;
  quotes: QuotesTable;
  quote_revisions: QuoteRevisionsTable;
  trade_events: TradeEventsTable;
  customs_declarations: CustomsDeclarationsTable;
  customs_outbox: CustomsOutboxTable;
  customs_receipts: CustomsReceiptsTable;
  customs_corrections: CustomsCorrectionsTable;
  payment_declarations: PaymentDeclarationsTable;
  search_listings: SearchListingsTable;
  exporter_bank_details: ExporterBankDetailsTable;
  b2b_orders: B2bOrdersTable;
  b2b_order_events: B2bOrderEventsTable;
  b2b_order_payments: B2bOrderPaymentsTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  rfq_deadline_notices: RfqDeadlineNoticesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

export interface ReturnsTable {
  id: string;
  number: string;
  order_id: string;
  buyer_user_id: string;
  /** See returnReasons in the contracts. */
  reason: string;
  description: Generated<string>;
  /** JSON array of media ids. */
  photo_ids: Generated<string>;
  status: ReturnStatus;
  decision_note: Generated<string>;
  decided_by: Nullable<string>;
  decided_at: Nullable<string>;
  carrier: Nullable<string>;
  tracking_number: Nullable<string>;
  shipped_at: Nullable<string>;
  received_by: Nullable<string>;
  received_at: Nullable<string>;
  refunded_at: Nullable<string>;
  goods_fen: number;
  tax_fen: number;
  freight_fen: number;
  refund_fen: number;
  quota_fen: number;
  requested_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReturnLinesTable {
  id: string;
  return_id: string;
  order_line_id: string;
  quantity: number;
  goods_fen: number;
  tax_fen: number;
  quota_fen: number;
}

export interface OrderLineReturnsTable {
  order_line_id: string;
  bought: number;
  held: Generated<number>;
}

export interface ExporterBankDetailsTable {
  exporter_id: string;
  account_name: string;
  bank_name: string;
  swift_bic: string;
  account_number: string;
  bank_address: string;
  updated_by: string | null;
  updated_at: string;
}

export interface B2bOrdersTable {
  id: string;
  number: string;
  company_id: string;
  exporter_id: string;
  pavilion_id: string;
  rfq_id: string;
  quote_id: string;
  quote_revision: number;
  kind: B2bOrderKind;
  currency: string;
  /** JSON array of the order's lines (b2bOrderLineSchema). */
  lines: string;
  total_minor: number;
  payment_terms: B2bPaymentTerms;
  deposit_percent: number | null;
  deposit_minor: number;
  balance_minor: number;
  incoterm: Incoterm;
  port: string;
  destination_port: string;
  valid_until: string;
  /** JSON (b2bPartiesSchema). */
  parties: string;
  /** JSON (bankDetailsSchema) or null. */
  bank_details: string | null;
  status: ColumnType<B2bOrderStatus, B2bOrderStatus | undefined, B2bOrderStatus>;
  transport_document_kind: Nullable<'bl' | 'awb'>;
  transport_document_number: Nullable<string>;
  carrier: Nullable<string>;
  vessel: Nullable<string>;
  cancellation_reason: Nullable<string>;
  cancelled_by: Nullable<'company' | 'exporter'>;
  accepted_by: string | null;
  issued_at: string;
  updated_at: string;
}

export interface B2bOrderEventsTable {
  id: string;
  order_id: string;
  position: number;
  action: string;
  status: B2bOrderStatus;
  side: 'company' | 'exporter';
  actor_id: string | null;
  note: Generated<string>;
  created_at: string;
}

export interface B2bOrderPaymentsTable {
  id: string;
  order_id: string;
  kind: B2bPaymentKind;
  amount_minor: number;
  reference: string;
  recorded_by: string | null;
  recorded_at: string;
}
export interface NotificationsTable {
  id: string;
  user_id: string;
  event_id: string;
  kind: TradeEventKind;
  subject_id: string;
  locale: Locale;
  title: string;
  body: string;
  link: string;
  created_at: Timestamp;
  read_at: Nullable<string>;
}

export type EmailOutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface EmailOutboxTable {
  id: string;
  notification_id: string;
  address: string;
  /** Stable per row: a resend after a crash carries the same Message-ID, which receiving systems dedupe. */
  message_id: string;
  status: ColumnType<EmailOutboxStatus, EmailOutboxStatus | undefined, EmailOutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  attempted_at: Nullable<string>;
  sent_at: Nullable<string>;
  last_error: Nullable<string>;
  created_at: Timestamp;
}

export interface RfqDeadlineNoticesTable {
  rfq_id: string;
  created_at: Timestamp;
}
