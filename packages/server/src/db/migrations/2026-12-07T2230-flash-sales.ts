import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Flash sales (秒杀): a campaign's time slots, each selling variants at a price from a stock pool of
 * their own, with a per-buyer limit. `sold` moves only by conditional updates that cannot pass the
 * pool; each buyer's units per item are one row whose count cannot pass the limit; each order's take
 * is one row, given back once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('flash_sale_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('flash_sale_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slot_id', 'text', (c) => c.notNull().references('flash_sale_slots.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('price_fen', 'bigint', (c) => c.notNull().check(sql`price_fen > 0`))
    .addColumn('stock_total', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('per_buyer_limit', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('flash_sale_items_sold_within', sql`sold >= 0 and sold <= stock_total`)
    .addUniqueConstraint('flash_sale_items_slot_variant', ['slot_id', 'variant_id'])
    .execute();

  await db.schema
    .createTable('flash_sale_buyers')
    .addColumn('item_id', 'text', (c) => c.notNull().references('flash_sale_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('flash_sale_buyers_pk', ['item_id', 'user_id'])
    .addCheckConstraint('flash_sale_buyers_quantity', sql`quantity >= 0`)
    .execute();

  await db.schema
    .createTable('flash_sale_takes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('flash_sale_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('taken'))
    .addColumn('taken_at', ts, (c) => c.notNull())
    .addColumn('returned_at', ts)
    .addUniqueConstraint('flash_sale_takes_item_order', ['item_id', 'order_id'])
    .execute();
  await db.schema.createIndex('flash_sale_takes_order').on('flash_sale_takes').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('flash_sale_takes').execute();
  await db.schema.dropTable('flash_sale_buyers').execute();
  await db.schema.dropTable('flash_sale_items').execute();
  await db.schema.dropTable('flash_sale_slots').execute();
}
