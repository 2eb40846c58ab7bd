/**
 * The job system's pure rules: how long a failed job waits before its next attempt, whether it has
 * run out of attempts, and when a recurring schedule's next period starts.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the job is dead (state failed). */
  maxAttempts: number;
  /** The wait after the first failure; each later failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 600_000 };

/** The wait after failed attempt number `attempt` (1 for the first): base × 2^(attempt−1), capped. */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  if (attempt < 1) return policy.baseDelayMs;
  // 2^31 ms is past any cap worth having; stop doubling before the number grows unbounded.
  const factor = 2 ** Math.min(attempt - 1, 31);
  return Math.min(policy.baseDelayMs * factor, policy.maxDelayMs);
}

export type FailureOutcome = { state: 'failed' } | { state: 'pending'; runAt: Date };

/** After a failed attempt: another try later, or the dead letter when the attempts are spent. */
export function afterFailure(input: { attempts: number; maxAttempts: number; now: Date; policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'> }): FailureOutcome {
  if (input.attempts >= input.maxAttempts) return { state: 'failed' };
  return { state: 'pending', runAt: new Date(input.now.getTime() + retryDelayMs(input.attempts, input.policy)) };
}

/**
 * How often a schedule runs. `everyMs` periods are aligned on the Unix epoch (every 60 s starts on
 * each whole minute), so every process computes the same period boundaries; `dailyAtUtc` runs once a
 * day at a UTC time (16:01 UTC is 00:01 in China).
 */
export type Recurrence = { everyMs: number } | { dailyAtUtc: { hour: number; minute: number } };

/** The start of the first period strictly after `now`. */
export function nextPeriodStart(recurrence: Recurrence, now: Date): Date {
  if ('everyMs' in recurrence) {
    const every = recurrence.everyMs;
    if (!Number.isSafeInteger(every) || every <= 0) throw new RangeError(`everyMs must be a positive integer, got ${every}`);
    return new Date((Math.floor(now.getTime() / every) + 1) * every);
  }
  const { hour, minute } = recurrence.dailyAtUtc;
  const next = new Date(now);
  next.setUTCHours(hour, minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Error text kept on a job: the message (and the first lines of the stack), never more than 4,000 characters. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return text.length > 4000 ? `${text.slice(0, 3999)}…` : text;
}
