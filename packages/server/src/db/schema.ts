import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role, CompanyMemberRole, Locale } from '@pavilion/contracts';

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
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
