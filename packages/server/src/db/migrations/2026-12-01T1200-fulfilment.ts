import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * The parcel of each order and its carrier's tracking events. One parcel per order (an order is
 * one exporter × warehouse × customs mode, which customs takes as one consignment). The waybill
 * number is unique per carrier; `logistics_no` is the number customs matches in the logistics
 * record (CEB511 logisticsNo): the domestic waybill for a bonded parcel, the carrier's (or a
 * consolidator's) number for a direct one. A repeated event (a feed sends it again) is stored once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);
  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bonded', 'direct')`))
    .addColumn('carrier', 'text', (c) => c.notNull())
    // The name of an 'other' carrier; '' for a listed one (part of the uniqueness below).
    .addColumn('carrier_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('logistics_no', 'text', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.check(sql`weight_grams > 0`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    // customs' logistics record carries the weight of a parcel from abroad.
    .addCheckConstraint('shipments_direct_weight', sql`kind = 'bonded' or weight_grams is not null`)
    .addUniqueConstraint('shipments_carrier_tracking_uq', ['carrier', 'carrier_name', 'tracking_number'])
    .execute();
  await db.schema
    .createTable('shipment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('picked_up', 'in_transit', 'arrived', 'customs_clearance', 'out_for_delivery', 'delivered', 'exception')`),
    )
    .addColumn('place_zh', 'text', (c) => c.notNull())
    .addColumn('place_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull().defaultTo(''))
    // operator, exporter, feed (a carrier's batch) or system (the first event, written when the parcel ships).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('shipment_events_once_uq', ['shipment_id', 'at', 'status', 'text_zh'])
    .execute();
  // The completion job looks for orders delivered more than 7 days ago.
  await db.schema.createIndex('orders_status_delivered_idx').on('orders').columns(['status', 'delivered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_status_delivered_idx').execute();
  await db.schema.dropTable('shipment_events').execute();
  await db.schema.dropTable('shipments').execute();
}
