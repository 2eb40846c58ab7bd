import { z } from 'zod';
import type { Db, Trx } from '../../db/database.ts';
import { enqueueJob, type JobSpec } from '../../platform/jobs/job-queue.ts';

/**
 * Sending one refund to its provider is a job of the durable queue, one per refund (its id is the
 * job's unique key), added in the transaction that writes the refund row: a crash can neither lose
 * the refund nor send it without the row. The queue's retry design applies: a call that may not
 * have reached the provider, or that the provider is still processing, is tried again after a
 * doubling wait under the same out_refund_no (the provider's idempotency key, so a resend is the
 * same refund, never a second one); out of attempts, the job is failed with its last error in the
 * operators' job console, the refund still open until an operator retries it or the provider's
 * notification ends it. 2 s doubling up to 30 minutes, 12 attempts: about an hour of tries.
 */
export const SEND_REFUND = {
  kind: 'payments.send-refund',
  payload: z.object({ refundId: z.string().min(1) }).strict(),
  retry: { maxAttempts: 12, baseDelayMs: 2_000, maxDelayMs: 30 * 60_000 },
} satisfies JobSpec<{ refundId: string }>;

/** Adds the refund's job in the transaction that wrote the refund. */
export async function enqueueRefund(trx: Db | Trx, input: { refundId: string; now: Date | string }): Promise<void> {
  await enqueueJob(trx, SEND_REFUND, { refundId: input.refundId }, { now: new Date(input.now), uniqueKey: input.refundId });
}
