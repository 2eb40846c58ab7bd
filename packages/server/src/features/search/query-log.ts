import type { Db } from '../../db/database.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';

/**
 * Counts what buyers search, per China day, and how often it found nothing. Searches stay reads:
 * counts gather in memory and are written in one transaction, so a burst of searches never queues
 * behind writes. They are written by the job queue's search.flush-query-log schedule (background-
 * jobs.ts: every few seconds, the counts of the process that runs it), by the first search that
 * finds the gathered counts older than `intervalMs` (so every process writes its own while it has
 * searches, whichever process the schedule runs on), before operators read the figures, and when
 * the server closes. No timer of its own. A crash loses at most the counts since the last write:
 * figures for operators, not orders.
 */
export class QueryLog {
  private readonly db: Db;
  private readonly clock: Clock;
  private pending = new Map<string, { day: string; query: string; searches: number; zero: number; lastSeenAt: string }>();
  /** When the oldest count not written yet was gathered (operational time, not the business clock). */
  private gatheredSince: number | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly onError: (err: unknown) => void;
  private readonly intervalMs: number;

  constructor(options: { db: Db; clock: Clock; onError: (err: unknown) => void; intervalMs?: number }) {
    this.db = options.db;
    this.clock = options.clock;
    this.onError = options.onError;
    this.intervalMs = options.intervalMs ?? 2000;
  }

  record(query: string, found: number): void {
    if (!query) return;
    const now = this.clock();
    const day = chinaDate(now);
    const key = `${day}\u0000${query}`;
    const entry = this.pending.get(key) ?? { day, query, searches: 0, zero: 0, lastSeenAt: now.toISOString() };
    entry.searches += 1;
    if (found === 0) entry.zero += 1;
    entry.lastSeenAt = now.toISOString();
    this.pending.set(key, entry);
    const at = performance.now();
    this.gatheredSince ??= at;
    if (at - this.gatheredSince >= this.intervalMs) {
      this.gatheredSince = null;
      this.flush().catch(this.onError);
    }
  }

  /** Writes what has gathered (readers of the figures call it first, so they see their own process's latest). */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => {}).then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      this.gatheredSince = null;
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const e of batch) {
            await trx
              .insertInto('search_query_days')
              .values({ day: e.day, query: e.query, searches: e.searches, zero_results: e.zero, last_seen_at: e.lastSeenAt })
              .onConflict((oc) =>
                oc.columns(['day', 'query']).doUpdateSet((eb) => ({
                  searches: eb('search_query_days.searches', '+', eb.ref('excluded.searches')),
                  zero_results: eb('search_query_days.zero_results', '+', eb.ref('excluded.zero_results')),
                  last_seen_at: eb.ref('excluded.last_seen_at'),
                })),
              )
              .execute();
          }
        });
      } catch (err) {
        // Put the counts back for the next flush rather than lose them.
        for (const e of batch) {
          const key = `${e.day}\u0000${e.query}`;
          const now = this.pending.get(key);
          this.pending.set(key, now ? { ...now, searches: now.searches + e.searches, zero: now.zero + e.zero } : e);
        }
        this.gatheredSince ??= performance.now();
        throw err;
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
