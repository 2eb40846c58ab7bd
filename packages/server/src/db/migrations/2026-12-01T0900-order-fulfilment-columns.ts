import { sql, type Kysely } from 'kysely';
import { timestampType } from '../migration-helpers.ts';

/**
 * What happens to an order after payment, on the order itself: where it stands with customs (beside
 * its status, because a 9610 parcel ships before customs releases it), what holds it for an
 * operator, and when it was released, shipped, delivered and completed. The customs messages,
 * shipments, returns and statements have tables of their own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .alterTable('orders')
    .addColumn('customs_status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`customs_status in ('pending', 'submitted', 'accepted', 'rejected', 'released')`),
    )
    .execute();
  await db.schema.alterTable('orders').addColumn('hold', 'text', (c) => c.check(sql`hold in ('identity_mismatch', 'customs_rejected')`)).execute();
  for (const column of ['released_at', 'shipped_at', 'delivered_at', 'completed_at']) {
    await db.schema.alterTable('orders').addColumn(column, ts).execute();
  }
  // The queues that follow payment: customs and fulfilment workers look orders up by these.
  await db.schema.createIndex('orders_status_customs_idx').on('orders').columns(['status', 'customs_status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_status_customs_idx').execute();
  for (const column of ['completed_at', 'delivered_at', 'shipped_at', 'released_at', 'hold', 'customs_status']) {
    await db.schema.alterTable('orders').dropColumn(column).execute();
  }
}
