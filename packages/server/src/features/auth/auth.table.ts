import type { Generated } from 'kysely';
import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: auth. One-time codes and linked WeChat accounts are written by the sign-in flows only.

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

export interface OtpChallengesTable {
  id: string;
  phone: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface AuthTables {
  wechat_accounts: WechatAccountsTable;
  otp_challenges: OtpChallengesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const authTableColumns = {
  wechat_accounts: {
    id: 'not null', user_id: 'not null', app_id: 'not null', openid: 'not null', unionid: 'null', session_key: 'not null', created_at: 'not null',
    updated_at: 'not null',
  },
  otp_challenges: {
    id: 'not null', phone: 'not null', code_hash: 'not null', attempts: 'not null', created_at: 'not null', expires_at: 'not null',
    consumed_at: 'null',
  },
} as const satisfies TableColumns<AuthTables>;
