import type { Kysely } from 'kysely';
import { timestampType } from '../migration-helpers.ts';

/**
 * A customs message is claimed before it is handed over (`claimed_by`, `claimed_until`): a
 * conditional update gives it to one process, so two never hand the same message over, even when a
 * job's lease was lost. Its attempts and last error are its job's now (the job queue's one retry
 * design), so the outbox's own counter goes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customs_outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('customs_outbox').addColumn('claimed_until', timestampType(db)).execute();
  await db.schema.alterTable('customs_outbox').dropColumn('attempts').execute();
  await db.schema.alterTable('customs_outbox').dropColumn('last_error').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customs_outbox').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('customs_outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('customs_outbox').dropColumn('claimed_until').execute();
  await db.schema.alterTable('customs_outbox').dropColumn('claimed_by').execute();
}
