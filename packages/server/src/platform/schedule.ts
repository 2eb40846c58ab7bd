import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';

/** Milliseconds from `now` to the next hh:mm UTC (always in the future). */
export function msUntilNext(now: Date, hourUtc: number, minute: number): number {
  const next = new Date(now);
  next.setUTCHours(hourUtc, minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * Runs a task once a day at a UTC time (16:01 UTC is 00:01 in China). A failure is logged and the
 * next day's run still happens; the timer never keeps the process alive on its own.
 */
export function scheduleDaily(options: { hourUtc: number; minute: number; clock: Clock; log: FastifyBaseLogger; task: () => Promise<void> }) {
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    timer = setTimeout(() => {
      options.task().catch((err: unknown) => options.log.error({ err }, 'daily task failed')).finally(arm);
    }, msUntilNext(options.clock(), options.hourUtc, options.minute));
    timer.unref();
  };
  return {
    start: () => {
      if (!timer) arm();
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * Runs a task every few seconds, one run at a time (the next waits for the last to end). A failure
 * is logged and the next run still happens; `kick` runs it soon (after a commit that made work).
 */
export function scheduleEvery(options: { intervalMs: number; log: FastifyBaseLogger; name: string; task: () => Promise<unknown> }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  const run = (): Promise<void> => {
    running ??= options
      .task()
      .then(() => undefined)
      .catch((err: unknown) => options.log.error({ err }, `${options.name} failed`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(arm), options.intervalMs);
    timer.unref();
  };
  return {
    start: () => {
      if (!stopped) return;
      stopped = false;
      arm();
    },
    kick: () => run(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
