import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Promotions' first tables: campaigns (a window, a pavilion or all, a budget and who funds it),
 * their coupon batches (how many, how many each buyer may hold, the claim window and validity) and
 * the coupons buyers hold. The counters (`claimed`, `used`, `budget_used`) are moved only by
 * conditional updates that cannot pass their limit, and every coupon names its nth claim by its
 * buyer, unique per batch, so two claims racing for a buyer's last allowance cannot both land.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null: every pavilion (a platform campaign).
    .addColumn('pavilion_id', 'text', (c) => c.references('pavilions.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('funder', 'text', (c) => c.notNull())
    // The exporter that funds it (funder 'exporter'), else null.
    .addColumn('exporter_id', 'text', (c) => c.references('exporters.id').onDelete('cascade'))
    // 'spend' (fen of discounts granted) or 'uses' (orders that used one of its promotions); null: no budget.
    .addColumn('budget_kind', 'text')
    .addColumn('budget_limit', 'bigint')
    .addColumn('budget_used', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('campaigns_budget_within', sql`budget_limit is null or budget_used <= budget_limit`)
    .addCheckConstraint('campaigns_budget_not_negative', sql`budget_used >= 0`)
    .execute();

  await db.schema
    .createTable('coupon_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // 'amount' (amount_fen off) or 'percent' (percent_bp off, at most max_discount_fen).
    .addColumn('discount_kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('percent_bp', 'integer')
    .addColumn('max_discount_fen', 'bigint')
    .addColumn('min_spend_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    // 'all', 'pavilion', 'exporter', 'category' or 'products', with the ids it names (a JSON array).
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('total_quantity', 'integer', (c) => c.notNull())
    .addColumn('claimed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('per_buyer_limit', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('claim_starts_at', ts, (c) => c.notNull())
    .addColumn('claim_ends_at', ts, (c) => c.notNull())
    // Validity: a fixed window, or valid_days after the claim.
    .addColumn('valid_from', ts)
    .addColumn('valid_until', ts)
    .addColumn('valid_days', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('coupon_batches_claimed_within', sql`claimed >= 0 and claimed <= total_quantity`)
    .addCheckConstraint('coupon_batches_used_within', sql`used >= 0 and used <= claimed`)
    .execute();

  await db.schema
    .createTable('coupons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('coupon_batches.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The buyer's nth coupon of this batch, 1..per_buyer_limit: unique, so a limit holds under a race.
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The buyer's idempotency key for the claim: the same key answers the same coupon.
    .addColumn('claim_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('available'))
    .addColumn('valid_from', ts, (c) => c.notNull())
    .addColumn('valid_until', ts, (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('discount_fen', 'bigint')
    .addColumn('used_at', ts)
    .addColumn('claimed_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('coupons_batch_user_seq', ['batch_id', 'user_id', 'seq'])
    .addUniqueConstraint('coupons_batch_user_claim_key', ['batch_id', 'user_id', 'claim_key'])
    .execute();
  await db.schema.createIndex('coupons_user_status').on('coupons').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('coupons_order').on('coupons').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coupons').execute();
  await db.schema.dropTable('coupon_batches').execute();
  await db.schema.dropTable('campaigns').execute();
}
