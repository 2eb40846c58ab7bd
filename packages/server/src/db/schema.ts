import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role, CompanyMemberRole, Locale, CustomsStatus, OrderHold } from '@pavilion/contracts';

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
  retail_eligible: number;
  retail_modes: ColumnType<'both' | '1210', 'both' | '1210' | undefined, 'both' | '1210'>;
  updated_at: Timestamp;
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

export interface SearchPostingsTable {
  term: string;
  doc: number;
  score: number;
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

export interface SearchSuggestKeysTable {
  key: string;
  doc: number;
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
  hs_code: string;
  vat_rate_bp: number;
  consumption_tax_rate_bp: number;
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

export interface DB {
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
  search_postings: SearchPostingsTable;
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
  search_listings: SearchListingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
