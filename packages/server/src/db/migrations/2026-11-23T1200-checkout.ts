import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * Buying under the CBEC retail rules: carts, addresses, real-name identities (encrypted, with the
 * buyer's consent), the yearly quota per identity, shipping templates, checkouts (one payment for the
 * orders of one placement), orders with their lines and timeline, payments, refunds and the payment
 * anomalies operators must see.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  // A cart belongs to an account ('user:<id>') or to a guest's token ('guest:<sha256 of the token>').
  await db.schema
    .createTable('carts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('cart_lines')
    .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 999`))
    .addColumn('added_at', ts, (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('cart_lines_pk', ['cart_id', 'variant_id'])
    .execute();

  await db.schema
    .createTable('addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('city_name', 'text', (c) => c.notNull())
    .addColumn('district_name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_default in (0, 1)`))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('addresses_user_idx').on('addresses').column('user_id').execute();
  // One default address per buyer, whatever the race.
  await sql`create unique index addresses_one_default on addresses (user_id) where is_default = 1`.execute(db);

  // PIPL art. 29: separate consent, with the version of the text the buyer accepted and when.
  await db.schema
    .createTable('identity_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('accepted_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_consents_user_idx').on('identity_consents').columns(['user_id', 'accepted_at']).execute();

  // Real-name buyers (订购人): sealed (AES-256-GCM, key id inside) and a keyed hash for the quota; never in clear.
  await db.schema
    .createTable('buyer_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('id_number_sealed', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text', (c) => c.notNull().references('identity_consents.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('buyer_identities_user_idx').on('buyer_identities').columns(['user_id', 'deleted_at']).execute();
  // The same ID number once per buyer (deleted ones aside); quota look-ups go by the hash.
  await sql`create unique index buyer_identities_one_per_user on buyer_identities (user_id, id_hash) where deleted_at is null`.execute(db);
  await db.schema.createIndex('buyer_identities_hash_idx').on('buyer_identities').column('id_hash').execute();

  // What each identity has used of the yearly CBEC allowance (财关税〔2018〕49号: 26,000 a calendar
  // year), reserved with a conditional update when an order is placed, given back when it is
  // cancelled or refunded: two orders at once can never pass the limit together.
  await db.schema
    .createTable('identity_quotas')
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('used_fen', 'bigint', (c) => c.notNull().check(sql`used_fen >= 0`))
    .addPrimaryKeyConstraint('identity_quotas_pk', ['id_hash', 'year'])
    .execute();

  // Freight per exporter and warehouse (the freight rules' template, JSON).
  await db.schema
    .createTable('shipping_templates')
    .addColumn('warehouse_id', 'text', (c) => c.primaryKey().references('warehouses.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  // One placement: its orders share one payment. The idempotency key makes a retried placement the same one.
  await db.schema
    .createTable('checkouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull().check(sql`total_fen > 0`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('checkouts_idempotency', ['buyer_user_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('checkout_id', 'text', (c) => c.notNull().references('checkouts.id'))
    .addColumn('buyer_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id'))
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('customs_mode', 'text', (c) => c.notNull().check(sql`customs_mode in ('9610', '1210')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull().check(sql`regime in ('cbec', 'general')`))
    // The identity used, as it was: masked for display, sealed for the declaration, hashed for the quota.
    .addColumn('identity_id', 'text', (c) => c.references('buyer_identities.id'))
    .addColumn('identity_name_masked', 'text', (c) => c.notNull())
    .addColumn('identity_id_number_masked', 'text', (c) => c.notNull())
    .addColumn('identity_name_sealed', 'text', (c) => c.notNull())
    .addColumn('identity_id_number_sealed', 'text', (c) => c.notNull())
    .addColumn('identity_hash', 'text', (c) => c.notNull())
    .addColumn('quota_year', 'integer', (c) => c.notNull())
    // What the order holds of the identity's yearly allowance (its dutiable value), given back if it is cancelled.
    .addColumn('quota_fen', 'bigint', (c) => c.notNull().check(sql`quota_fen >= 0`))
    // The consignee and address (JSON), as they were when the order was placed.
    .addColumn('consignee', 'text', (c) => c.notNull())
    .addColumn('goods_fen', 'bigint', (c) => c.notNull().check(sql`goods_fen >= 0`))
    .addColumn('freight_fen', 'bigint', (c) => c.notNull().check(sql`freight_fen >= 0`))
    .addColumn('tax_fen', 'bigint', (c) => c.notNull().check(sql`tax_fen >= 0`))
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('risk_notice_version', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('paid_at', ts)
    .addColumn('cancelled_at', ts)
    .addCheckConstraint('orders_total', sql`total_fen = goods_fen + freight_fen + tax_fen`)
    .execute();
  await db.schema.createIndex('orders_buyer_idx').on('orders').columns(['buyer_user_id', 'created_at']).execute();
  await db.schema.createIndex('orders_exporter_idx').on('orders').columns(['exporter_id', 'created_at']).execute();
  await db.schema.createIndex('orders_pavilion_idx').on('orders').columns(['pavilion_id', 'created_at']).execute();
  await db.schema.createIndex('orders_checkout_idx').on('orders').column('checkout_id').execute();
  // The expiry job's look-up: unpaid orders by deadline.
  await db.schema.createIndex('orders_status_expiry_idx').on('orders').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('option_values', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    // The exporter's price and the rate that made yuan of it, as they were.
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate_micro', 'bigint', (c) => c.notNull())
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('rate_source', 'text', (c) => c.notNull())
    .addColumn('unit_fen', 'bigint', (c) => c.notNull())
    .addColumn('goods_fen', 'bigint', (c) => c.notNull())
    .addColumn('freight_fen', 'bigint', (c) => c.notNull())
    .addColumn('tax_fen', 'bigint', (c) => c.notNull())
    .addColumn('hs_code', 'text', (c) => c.notNull())
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('consumption_tax_rate_bp', 'integer', (c) => c.notNull())
    .addUniqueConstraint('order_lines_number', ['order_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('order_events_order_idx').on('order_events').columns(['order_id', 'at']).execute();

  // One payment per checkout attempt with the provider; `out_trade_no` is what the provider knows it by.
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkout_id', 'text', (c) => c.notNull().references('checkouts.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('out_trade_no', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'paid', 'closed')`))
    .addColumn('transaction_id', 'text', (c) => c.unique())
    .addColumn('paid_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('payments_checkout_idx').on('payments').column('checkout_id').execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('out_refund_no', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'processing', 'succeeded', 'failed')`))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('completed_at', ts)
    .execute();

  // What operators must look at: a payment for an unknown order or of another amount, a late payment refunded.
  await db.schema
    .createTable('payment_anomalies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('resolved_at', ts)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'payment_anomalies', 'refunds', 'payments', 'order_events', 'order_lines', 'orders', 'checkouts', 'shipping_templates',
    'identity_quotas', 'buyer_identities', 'identity_consents', 'addresses', 'cart_lines', 'carts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
