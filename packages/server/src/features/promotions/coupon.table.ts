import type { ColumnType } from 'kysely';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';
import type { FunderKind } from './promotion.rules.ts';

// Owner: promotions. Campaigns, coupon batches and the coupons buyers hold are written by the
// promotions feature only; checkout and the order's end (cancel, expiry, refund) go through its
// functions to use a coupon and to give it back.

export type CampaignBudgetKind = 'spend' | 'uses';
export type CampaignStatus = 'draft' | 'published' | 'cancelled';
export type CouponDiscountKind = 'amount' | 'percent';
export type CouponScopeKind = 'all' | 'pavilion' | 'exporter' | 'category' | 'products';
/** available: held, not used; used: on an order (order_id); a coupon past its validity stays available and is refused by date. */
export type CouponStatus = 'available' | 'used';

export interface CampaignsTable {
  id: string;
  pavilion_id: Nullable<string>;
  name_zh: string;
  name_en: string;
  starts_at: string;
  ends_at: string;
  funder: FunderKind;
  exporter_id: Nullable<string>;
  budget_kind: Nullable<CampaignBudgetKind>;
  budget_limit: Nullable<number>;
  budget_used: ColumnType<number, number | undefined, number>;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CouponBatchesTable {
  id: string;
  campaign_id: string;
  name_zh: string;
  name_en: string;
  discount_kind: CouponDiscountKind;
  amount_fen: Nullable<number>;
  percent_bp: Nullable<number>;
  max_discount_fen: Nullable<number>;
  min_spend_fen: ColumnType<number, number | undefined, number>;
  scope_kind: CouponScopeKind;
  /** JSON array of the pavilion, exporter, category or product ids the scope names. */
  scope_ids: ColumnType<string, string | undefined, string>;
  total_quantity: number;
  claimed: ColumnType<number, number | undefined, number>;
  used: ColumnType<number, number | undefined, number>;
  per_buyer_limit: ColumnType<number, number | undefined, number>;
  claim_starts_at: string;
  claim_ends_at: string;
  valid_from: Nullable<string>;
  valid_until: Nullable<string>;
  valid_days: Nullable<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CouponsTable {
  id: string;
  batch_id: string;
  user_id: string;
  seq: number;
  claim_key: string;
  status: ColumnType<CouponStatus, CouponStatus | undefined, CouponStatus>;
  valid_from: string;
  valid_until: string;
  order_id: Nullable<string>;
  discount_fen: Nullable<number>;
  used_at: Nullable<string>;
  claimed_at: Timestamp;
}

export interface CouponTables {
  campaigns: CampaignsTable;
  coupon_batches: CouponBatchesTable;
  coupons: CouponsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const couponTableColumns = {
  campaigns: {
    id: 'not null', pavilion_id: 'null', name_zh: 'not null', name_en: 'not null', starts_at: 'not null', ends_at: 'not null', funder: 'not null',
    exporter_id: 'null', budget_kind: 'null', budget_limit: 'null', budget_used: 'not null', status: 'not null', created_at: 'not null', updated_at: 'not null',
  },
  coupon_batches: {
    id: 'not null', campaign_id: 'not null', name_zh: 'not null', name_en: 'not null', discount_kind: 'not null', amount_fen: 'null', percent_bp: 'null',
    max_discount_fen: 'null', min_spend_fen: 'not null', scope_kind: 'not null', scope_ids: 'not null', total_quantity: 'not null', claimed: 'not null',
    used: 'not null', per_buyer_limit: 'not null', claim_starts_at: 'not null', claim_ends_at: 'not null', valid_from: 'null', valid_until: 'null',
    valid_days: 'null', created_at: 'not null', updated_at: 'not null',
  },
  coupons: {
    id: 'not null', batch_id: 'not null', user_id: 'not null', seq: 'not null', claim_key: 'not null', status: 'not null', valid_from: 'not null',
    valid_until: 'not null', order_id: 'null', discount_fen: 'null', used_at: 'null', claimed_at: 'not null',
  },
} as const satisfies TableColumns<CouponTables>;
