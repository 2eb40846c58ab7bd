import { z } from 'zod';
import type { JobSpec } from '../../platform/jobs/job-queue.ts';

/**
 * What customs sends out is one job per item on the durable queue, so a failure is retried with the
 * queue's doubling wait and, out of attempts, shown with its error in the operators' job console
 * (the one retry design). The item's id is the job's unique key. The customs sweep finds the work in
 * the tables (a message whose row is unsent, a paid order whose payment is not declared) and hands
 * each item to a job when none has it; a message's job is also added in the transaction that queues
 * the message.
 */

/** Hand one message of the outbox to the customs transport: 10 s doubling to 10 minutes, 10 attempts (about 40 minutes). */
export const SEND_CUSTOMS_MESSAGE = {
  kind: 'customs.send-message',
  payload: z.object({ outboxId: z.string().min(1) }).strict(),
  retry: { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 10 * 60_000 },
} satisfies JobSpec<{ outboxId: string }>;

/** Have the payment provider declare one order's payment (CEB411): 10 s doubling to 10 minutes, 10 attempts. */
export const DECLARE_PAYMENT = {
  kind: 'customs.declare-payment',
  payload: z.object({ orderId: z.string().min(1) }).strict(),
  retry: { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 10 * 60_000 },
} satisfies JobSpec<{ orderId: string }>;
