import type { NotificationKind } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import { DELIVER_NOTIFICATION_EVENT } from './notification-jobs.ts';
import { insertEvent } from './notification.repository.ts';

/**
 * Something a party must hear of. The event names the parties it concerns (any of them); its kind's
 * rule in notification.rules.ts says which of them receive it: an exporter's team, an importer
 * company's members, one user (a buyer), the operators of a pavilion.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  /** What the event is about (an inquiry, a quote, an order): the notification's link leads there. */
  subjectId: string;
  exporterId?: string | null;
  companyId?: string | null;
  userId?: string | null;
  /** The pavilion whose operators hear of it. */
  pavilionId?: string | null;
  at: string;
}

/**
 * Records an event in the caller's transaction, with the job that makes it into notifications: both
 * exist exactly when the caller's change commits, so a crash can neither lose a notification nor send
 * one for a change that never was.
 */
export async function notify(trx: Trx, event: NotificationEvent): Promise<void> {
  const id = newId();
  await insertEvent(trx, {
    id, kind: event.kind, subjectId: event.subjectId, at: event.at,
    exporterId: event.exporterId ?? null, companyId: event.companyId ?? null, userId: event.userId ?? null, pavilionId: event.pavilionId ?? null,
  });
  await enqueueJob(trx, DELIVER_NOTIFICATION_EVENT, { eventId: id }, { now: new Date(event.at), uniqueKey: id });
}
