import type { RfqStatus } from '@pavilion/contracts';

/**
 * An RFQ takes quotes until its deadline. Posting: the deadline must lie ahead, and at most 90 days
 * ahead, because quotes older than a season quote stale prices and freight (our choice).
 */
export const MAX_RFQ_DAYS = 90;

export type DeadlineProblem = 'deadlineNotFuture' | 'deadlineTooFar';
export function deadlineProblem(deadline: Date, now: Date): DeadlineProblem | null {
  if (deadline.getTime() <= now.getTime()) return 'deadlineNotFuture';
  if (deadline.getTime() - now.getTime() > MAX_RFQ_DAYS * 86_400_000) return 'deadlineTooFar';
  return null;
}

/**
 * The states: open → closed_deadline (time passes) | accepted | cancelled. After the deadline the
 * importer still chooses among the quotes it got (comparing them is what the deadline is for), so
 * closed_deadline → accepted | cancelled as well; accepted and cancelled are final.
 */
export type RfqEvent = 'deadline' | 'accept' | 'cancel';
const transitions: Record<RfqStatus, Partial<Record<RfqEvent, RfqStatus>>> = {
  open: { deadline: 'closed_deadline', accept: 'accepted', cancel: 'cancelled' },
  closed_deadline: { accept: 'accepted', cancel: 'cancelled' },
  accepted: {},
  cancelled: {},
};

export const nextRfqStatus = (from: RfqStatus, event: RfqEvent): RfqStatus | null => transitions[from][event] ?? null;
export const rfqStatusesFrom = (event: RfqEvent): RfqStatus[] => (Object.keys(transitions) as RfqStatus[]).filter((s) => nextRfqStatus(s, event) !== null);

/**
 * The status as of an instant: the stored one, except that an open RFQ whose deadline has come is
 * closed_deadline whether or not the sweep has written it yet (reads never show a stale "open").
 */
export function rfqStatusAt(stored: RfqStatus, deadline: string, now: Date): RfqStatus {
  if (stored === 'open' && Date.parse(deadline) <= now.getTime()) return 'closed_deadline';
  return stored;
}

/** Quotes are submitted and revised only while the RFQ is open, before the deadline. */
export const takesQuotes = (stored: RfqStatus, deadline: string, now: Date): boolean => rfqStatusAt(stored, deadline, now) === 'open';

/** "Deadline near" is written for open RFQs whose deadline is within this much of now. */
export const DEADLINE_NOTICE_MS = 24 * 3_600_000;
