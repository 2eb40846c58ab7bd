import { z } from 'zod';
import type { JobSpec } from '../../platform/jobs/job-queue.ts';

/**
 * Notifications go out through the durable job queue, the one retry design: each event is made into
 * notifications by a job of its own, and each email is a job of its own, both added in the
 * transaction that writes their row (the event by `notify`, the outbox row by the delivery), with the
 * row's id as the job's unique key. A sweep hands a job to any such row that has none (rows written
 * before these jobs existed). Out of attempts, a job stays failed with its last error in the
 * operators' job console until an operator retries it.
 */

/** Make one event into notifications and emails: 5 s doubling to 10 minutes, 10 attempts (a database that is away). */
export const DELIVER_NOTIFICATION_EVENT = {
  kind: 'notifications.deliver-event',
  payload: z.object({ eventId: z.string().min(1) }).strict(),
  retry: { maxAttempts: 10, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
} satisfies JobSpec<{ eventId: string }>;

/**
 * Send one email of the outbox: at least once, with the row's stable Message-ID, so a receiving
 * system that dedupes on it shows one message after a resend. A failed send is tried again after a
 * minute, doubling (1, 2, 4, 8 minutes: about a quarter of an hour in five attempts); a process that
 * dies mid-send leaves the job to another after its lease, which sends it again with the same
 * Message-ID. After the last attempt the row is failed and the error logged; the in-app notification
 * stands either way.
 */
export const SEND_NOTIFICATION_EMAIL = {
  kind: 'notifications.send-email',
  payload: z.object({ outboxId: z.string().min(1) }).strict(),
  retry: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 30 * 60_000 },
} satisfies JobSpec<{ outboxId: string }>;

/** How long a process holds an email's job before another may take it (renewed while the send runs). */
export const SEND_EMAIL_LEASE_MS = 60_000;
