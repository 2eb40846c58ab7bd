import { z } from 'zod';
import type { Db } from './db/database.ts';
import type { Clock } from './platform/clock.ts';
import { defineJob, type JobDefinition, type JobQueue } from './platform/jobs/job-queue.ts';
import { deleteFinishedJobs } from './platform/jobs/job.repository.ts';
import { refreshListingPrices } from './features/catalog/index.ts';
import type { RateService } from './features/rates/index.ts';
import type { NotificationService } from './features/notifications/index.ts';
import { DELIVER_NOTIFICATION_EVENT, SEND_EMAIL_LEASE_MS, SEND_NOTIFICATION_EMAIL } from './features/notifications/index.ts';
import { expireUnpaidOrders } from './features/orders/index.ts';
import { completeDeliveredOrders } from './features/fulfilment/index.ts';
import type { PaymentService } from './features/payments/index.ts';
import type { RfqService } from './features/trade/index.ts';
import { SEND_REFUND } from './features/payments/index.ts';
import { DECLARE_PAYMENT, SEND_CUSTOMS_MESSAGE } from './features/customs/index.ts';
import type { SearchService } from './features/search/index.ts';
import { REINDEX_SEARCH } from './features/search/index.ts';
import type { DeclareToCustoms } from './workflows/declare-to-customs.ts';

/**
 * Pavilion's background work, every kind in one place: what it does, how often, and its switch. Each
 * recurring kind is a sweep that finds its work in the tables (so a restart or another process
 * resumes it), run as a job of the durable queue: one run per period across every server process,
 * retried with a doubling wait when it fails, and listed with its last error in the operators' job
 * console. What leaves Pavilion and may fail on its own (a refund, a customs message, a payment
 * declaration) is one job per item, so each is retried, and given up, on its own by that same design.
 */
export interface BackgroundServices {
  db: Db;
  clock: Clock;
  rates: RateService;
  /** The declare-to-customs workflow. */
  declareToCustoms: DeclareToCustoms;
  notifications: NotificationService;
  payments: PaymentService;
  rfqs: RfqService;
  /** The issue-statements workflow. */
  issueStatements: () => Promise<number>;
  search: SearchService;
}

export interface BackgroundSwitches {
  /** Declare paid orders to customs, hand messages over and read receipts (CUSTOMS_ENABLED, and the tests' switch). */
  customs: boolean;
  customsIntervalMs: number;
  notifications: boolean;
  /** Refunds owed and payments whose notification is late. */
  payments: boolean;
  /** Issue last month's statements. */
  statements: boolean;
  /** Search upkeep: re-index after a word-list change, prune the listing change log, write the query counts. */
  search: boolean;
}

const sweep = z.object({}).strict();
type Sweep = z.infer<typeof sweep>;
/** Sweeps retry soon: the next period would run them anyway. */
const sweepRetry = { maxAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 60_000 };

/**
 * Hands each item a sweep found to a job of its own, unless a job has it already (waiting, running,
 * or failed for good: a dead item stays dead until an operator retries it in the job console).
 */
export async function handOut<P>(queue: JobQueue, spec: JobDefinition<P>, keys: readonly string[], payloadOf: (key: string) => P): Promise<number> {
  const taken = await queue.keysWithJobs(spec, keys);
  let added = 0;
  for (const key of keys) {
    if (taken.has(key)) continue;
    if (await queue.enqueue(spec, payloadOf(key), { uniqueKey: key })) added += 1;
  }
  return added;
}

/** Kinds that features trigger after a commit that made work for them (`JobQueue.triggerSweep`). */
export const CUSTOMS_SWEEP = 'customs.sweep';
export const SEND_REFUNDS = 'payments.send-refunds';

export function registerBackgroundJobs(queue: JobQueue, s: BackgroundServices, on: BackgroundSwitches): void {
  const { db, clock } = s;
  // A sweep's lease is short (renewed every third of it while it runs): a process killed mid-sweep
  // holds up the next sweep only that long. Two sweeps at once would still be correct, only wasteful.
  const job = (kind: string, handler: () => Promise<unknown>, leaseMs = 15_000): JobDefinition<Sweep> =>
    defineJob({ kind, payload: sweep, retry: sweepRetry, leaseMs, handler: async () => handler() });
  const every = (definition: JobDefinition<Sweep>, everyMs: number, options: { enabled?: boolean; runAtStart?: boolean } = {}) =>
    queue.schedule({ name: definition.kind, job: definition, payload: {}, every: { everyMs }, runAtStart: options.runAtStart ?? false }, { enabled: options.enabled ?? true });
  const daily = (definition: JobDefinition<Sweep>, at: { hour: number; minute: number }, options: { enabled?: boolean; runAtStart?: boolean } = {}) =>
    queue.schedule({ name: definition.kind, job: definition, payload: {}, every: { dailyAtUtc: at }, runAtStart: options.runAtStart ?? false }, { enabled: options.enabled ?? true });

  // Customs: paid orders declared, receipts read; each message to hand over to the customs client and
  // each payment to declare through its provider is a job of its own (written with the message, or
  // handed out by the sweep when the tables show one without a job).
  const sendMessage = queue.register(defineJob({ ...SEND_CUSTOMS_MESSAGE, leaseMs: 30_000, handler: ({ outboxId }) => s.declareToCustoms.sendMessageJob(outboxId) }), { enabled: on.customs });
  const declarePayment = queue.register(defineJob({ ...DECLARE_PAYMENT, leaseMs: 30_000, handler: ({ orderId }) => s.declareToCustoms.declarePaymentJob(orderId) }), { enabled: on.customs });
  const customs = job(CUSTOMS_SWEEP, () =>
    s.declareToCustoms.sweep({
      messages: (ids) => handOut(queue, sendMessage, ids, (outboxId) => ({ outboxId })),
      paymentDeclarations: (ids) => handOut(queue, declarePayment, ids, (orderId) => ({ orderId })),
    }),
  );
  every(customs, on.customsIntervalMs, { enabled: on.customs });
  // Notifications: each event is made into notifications (one per recipient, in their language) by a
  // job of its own, and each email is sent by a job of its own; both are written with their row
  // (`notify`, the delivery). The sweep hands a job to any event or email that has none.
  const deliverEvent = queue.register(defineJob({ ...DELIVER_NOTIFICATION_EVENT, leaseMs: 30_000, handler: ({ eventId }) => s.notifications.deliverEvent(eventId) }), { enabled: on.notifications });
  const sendEmail = queue.register(defineJob({ ...SEND_NOTIFICATION_EMAIL, leaseMs: SEND_EMAIL_LEASE_MS, handler: ({ outboxId }, ctx) => s.notifications.sendEmailJob(outboxId, ctx) }), { enabled: on.notifications });
  const notificationSweep = job('notifications.deliver', () =>
    s.notifications.sweep({
      events: (ids) => handOut(queue, deliverEvent, ids, (eventId) => ({ eventId })),
      emails: (ids) => handOut(queue, sendEmail, ids, (outboxId) => ({ outboxId })),
    }),
  );
  every(notificationSweep, 5_000, { enabled: on.notifications });
  // Each refund owed is a job of its own, written with the refund (sent at once after its commit: the
  // writers kick the queue by triggering the sweep); the sweep hands a job to any open refund that has
  // none (written before refunds had jobs). Payments whose notification is late are asked about.
  const sendRefund = queue.register(defineJob({ ...SEND_REFUND, leaseMs: 30_000, handler: ({ refundId }) => s.payments.sendRefundJob(refundId) }), { enabled: on.payments });
  const refunds = job(SEND_REFUNDS, async () => ({ handedOut: await handOut(queue, sendRefund, await s.payments.openRefundIds(), (refundId) => ({ refundId })) }));
  every(refunds, 30_000, { enabled: on.payments, runAtStart: true });
  every(job('payments.query-pending', () => s.payments.queryPending()), 60_000, { enabled: on.payments });
  // Unpaid orders release their stock after 30 minutes; delivered orders complete 7 days after delivery.
  every(job('orders.expire-unpaid', () => expireUnpaidOrders(db, clock)), 15_000);
  every(job('orders.complete-delivered', () => completeDeliveredOrders(db, clock)), 60_000);
  // RFQs past their deadline are closed; those closing within 24 hours are noticed to the importer and the exporters that have not quoted.
  every(job('trade.close-rfqs', () => s.rfqs.closePastDeadline()), 60_000);
  every(job('trade.notice-deadlines', () => s.rfqs.noticeDeadlines()), 60_000);
  // Rates take effect by date: yuan prices are recomputed just after each midnight in China (16:01 UTC); the app refreshes them at start itself, before serving.
  daily(job('catalog.refresh-listing-prices', () => refreshListingPrices({ db, rates: s.rates, clock }), 60_000), { hour: 16, minute: 1 });
  // A month's statements are issued on the first run after it ends (at start too, for a month missed while down).
  daily(job('settlement.issue-statements', () => s.issueStatements(), 60_000), { hour: 16, minute: 11 }, { enabled: on.statements, runAtStart: true });
  // Search: products cut with an older word list are re-indexed (queued with the word change, and at
  // start for a re-index a restart cut short); the change log the listing mirrors read is pruned; the
  // query counts gathered in the process that runs the schedule are written (each process also writes
  // its own from its searches, see QueryLog).
  const reindex = queue.register(defineJob({ ...REINDEX_SEARCH, leaseMs: 60_000, handler: (_payload, ctx) => s.search.reindexStale(ctx.signal) }), { enabled: on.search });
  queue.schedule({ name: reindex.kind, job: reindex, payload: {}, every: { everyMs: 3_600_000 }, runAtStart: true }, { enabled: on.search });
  every(job('search.prune-changes', () => s.search.pruneChanges()), 600_000, { enabled: on.search });
  every(job('search.flush-query-log', () => s.search.log.flush()), 5_000, { enabled: on.search });
  // Finished jobs are kept an hour for the console (sweeps make a few every minute), dead ones 30 days.
  every(job('jobs.prune', () => {
    const now = clock().getTime();
    return deleteFinishedJobs(db, { doneBefore: new Date(now - 3_600_000).toISOString(), deadBefore: new Date(now - 30 * 86_400_000).toISOString() });
  }), 600_000);
}
