import type { FastifyBaseLogger } from 'fastify';

/**
 * The payment side effects that run after commit, in the background: sending the refunds owed
 * (every ~2 s, and at once when `kick()` says a commit just wrote some) and asking providers about
 * payments whose notification is late (every minute). One run at a time; a failing run is logged
 * and the next tick tries again; the timers never keep the process alive on their own. `stop()`
 * waits for the run under way, so closing the app does not cut a refund call in half (and if the
 * process dies anyway, the refund is sent again with the same number).
 */
export class PaymentWorker {
  private readonly tasks: { refunds: () => Promise<unknown>; pending: () => Promise<unknown> };
  private readonly log: FastifyBaseLogger;
  private readonly refundIntervalMs: number;
  private readonly queryIntervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastQueryMs = 0;
  private stopped = true;

  constructor(options: {
    tasks: { refunds: () => Promise<unknown>; pending: () => Promise<unknown> };
    log: FastifyBaseLogger;
    refundIntervalMs?: number;
    queryIntervalMs?: number;
  }) {
    this.tasks = options.tasks;
    this.log = options.log;
    this.refundIntervalMs = options.refundIntervalMs ?? 2_000;
    this.queryIntervalMs = options.queryIntervalMs ?? 60_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.lastQueryMs = Date.now();
    this.arm();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Run now (after a commit that wrote refunds); a kick during a run makes one more run. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.arm();
    }, this.refundIntervalMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    await this.tasks.refunds().catch((err: unknown) => this.log.error({ err }, 'sending refunds failed'));
    if (Date.now() - this.lastQueryMs >= this.queryIntervalMs) {
      this.lastQueryMs = Date.now();
      await this.tasks.pending().catch((err: unknown) => this.log.error({ err }, 'querying unconfirmed payments failed'));
    }
  }
}
