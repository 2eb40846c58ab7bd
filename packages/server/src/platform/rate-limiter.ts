import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

export interface RateLimit {
  /** Distinguishes counters: `login:account`, `login:ip`, … */
  name: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters kept in the database, so every server process sharing it sees the same
 * count. Nothing is ever locked: once the window ends the caller may try again (the limit slows
 * guessing without letting an attacker lock a real user out for good).
 */
export class RateLimiter {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  /** Counts one hit and throws RATE_LIMITED (with Retry-After) once the window's limit is passed. */
  async hit(limit: RateLimit, subject: string): Promise<void> {
    const { hits, retryAfterSeconds } = await this.increment(limit, subject);
    if (hits > limit.max) throw new AppError('RATE_LIMITED', { retryAfterSeconds });
  }

  /** Throws RATE_LIMITED if the limit is already used up, without counting a hit. */
  async check(limit: RateLimit, subject: string): Promise<void> {
    const { hits, retryAfterSeconds } = await this.count(limit, subject);
    if (hits >= limit.max) throw new AppError('RATE_LIMITED', { retryAfterSeconds });
  }

  /** The hits counted so far in the current window, without counting one. */
  async count(limit: RateLimit, subject: string): Promise<{ hits: number; retryAfterSeconds: number }> {
    const { windowStart, retryAfterSeconds } = this.window(limit);
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select('hits')
      .where('key', '=', `${limit.name}:${subject}`)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return { hits: row?.hits ?? 0, retryAfterSeconds };
  }

  /** Counts one hit without refusing anything: the caller decides from the counts. */
  async add(limit: RateLimit, subject: string): Promise<{ hits: number; retryAfterSeconds: number }> {
    return this.increment(limit, subject);
  }

  private async increment(limit: RateLimit, subject: string): Promise<{ hits: number; retryAfterSeconds: number }> {
    const { windowStart, retryAfterSeconds } = this.window(limit);
    const key = `${limit.name}:${subject}`;
    const row = await this.db
      .insertInto('rate_limit_counters')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_counters.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    return { hits: row.hits, retryAfterSeconds };
  }

  private window(limit: RateLimit): { windowStart: number; retryAfterSeconds: number } {
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
    return { windowStart, retryAfterSeconds: Math.max(1, windowStart + limit.windowSeconds - nowSeconds) };
  }

  /** Drops counters of windows that ended more than a day ago. */
  async prune(): Promise<void> {
    const cutoff = Math.floor(this.clock().getTime() / 1000) - 86_400;
    await this.db.deleteFrom('rate_limit_counters').where('window_start', '<', cutoff).execute();
  }
}
