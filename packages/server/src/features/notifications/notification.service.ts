import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { notificationListQuerySchema, notificationSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { requireCaller } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import type { Mailer } from './mailer.ts';
import { SEND_NOTIFICATION_EMAIL } from './notification-jobs.ts';
import { maskEmail, messageIdFor, recipientsOf, renderNotification } from './notification.rules.ts';
import * as repo from './notification.repository.ts';

type Notification = z.infer<typeof notificationSchema>;
type ListQuery = z.output<typeof notificationListQuerySchema>;

const BATCH = 100;

const footer = { en: 'Open Pavilion to reply:', 'zh-CN': '打开展馆平台处理：' } as const;

export class NotificationService {
  private readonly db: Db;
  private readonly clock: Clock;
  /** null: email is off (production without SMTP settings); the in-app list still fills. */
  private readonly mailer: Mailer | null;
  private readonly publicUrl: string;
  private readonly log: FastifyBaseLogger;

  constructor(options: { db: Db; clock: Clock; mailer: Mailer | null; publicUrl: string; log: FastifyBaseLogger }) {
    this.db = options.db;
    this.clock = options.clock;
    this.mailer = options.mailer;
    this.publicUrl = options.publicUrl;
    this.log = options.log;
  }

  /**
   * The sweep: hands a job to each undelivered event and each unsent email that has none (rows
   * written before these jobs existed; a job failed for good stays so until an operator retries it).
   */
  async sweep(handOut: { events: (ids: string[]) => Promise<number>; emails: (ids: string[]) => Promise<number> }): Promise<{ events: number; emails: number }> {
    const events = await handOut.events(await repo.findUndeliveredEventIds(this.db, BATCH));
    const emails = this.mailer ? await handOut.emails(await repo.findUnsentOutboxIds(this.db, BATCH)) : 0;
    return { events, emails };
  }

  /**
   * The deliver-event job: the event becomes one notification per recipient, in the recipient's
   * language, and one outbox row per address with the job that sends it, in one transaction with
   * marking the event delivered (so two processes never deliver it twice).
   */
  async deliverEvent(eventId: string): Promise<{ notified: number }> {
    const event = await repo.findUndeliveredEvent(this.db, eventId);
    if (!event) return { notified: 0 };
    const at = this.clock().toISOString();
    const domain = new URL(this.publicUrl).hostname;
    return this.db.transaction().execute(async (trx) => {
      if (!(await repo.claimEvent(trx, event.id, at))) return { notified: 0 };
      const seen = new Set<string>();
      const parties = { companyId: event.company_id, exporterId: event.exporter_id, userId: event.user_id, pavilionId: event.pavilion_id };
      for (const audience of recipientsOf({ kind: event.kind, ...parties })) {
        for (const user of await repo.findAudienceMembers(trx, audience)) {
          if (seen.has(user.id)) continue;
          seen.add(user.id);
          const notificationId = newId();
          await repo.insertNotification(trx, { id: notificationId, userId: user.id, eventId: event.id, kind: event.kind, subjectId: event.subject_id, locale: user.locale, at, ...renderNotification(event.kind, audience.side, event.subject_id, user.locale) });
          if (this.mailer && user.email) {
            const outboxId = newId();
            await repo.insertOutboxRow(trx, { id: outboxId, notificationId, address: user.email, messageId: messageIdFor(outboxId, domain), at });
            await enqueueJob(trx, SEND_NOTIFICATION_EMAIL, { outboxId }, { now: new Date(at), uniqueKey: outboxId });
          }
        }
      }
      return { notified: seen.size };
    });
  }

  /**
   * The send-email job: sends one outbox row unless it was sent. The row is marked 'sending' before
   * the send, so a row left so shows it may have gone out; its job runs again after its lease and
   * resends it with the same Message-ID. A failed send throws for the queue to retry, and on the
   * job's last attempt the row is failed and the error logged (the operator's alert).
   */
  async sendEmailJob(outboxId: string, attempt: { attempt: number; maxAttempts: number }): Promise<{ outcome: 'sent' | 'was_sent' | 'gone' }> {
    const row = await repo.findOutboxEmail(this.db, outboxId);
    if (!row) return { outcome: 'gone' };
    if (row.status === 'sent') return { outcome: 'was_sent' };
    // Email is off in this process (no mail settings): the job waits for one that has them, or for an operator.
    if (!this.mailer) throw new Error('email is off in this process');
    const to = maskEmail(row.address);
    if (row.status === 'sending') this.log.info({ outboxId, to }, 'notification email may have gone out before a restart; sent again with the same Message-ID');
    await repo.updateOutboxRow(this.db, outboxId, { status: 'sending', attempted_at: this.clock().toISOString() });
    try {
      await this.mailer.send({ messageId: row.message_id, to: row.address, subject: row.title, text: `${row.body}\n\n${footer[row.locale]} ${this.publicUrl}${row.link}\n` });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = attempt.attempt >= attempt.maxAttempts;
      await repo.updateOutboxRow(this.db, outboxId, { status: last ? 'failed' : 'pending' });
      if (last) this.log.error({ outboxId, to, attempts: attempt.attempt, err: message }, 'notification email given up');
      else this.log.warn({ outboxId, to, attempts: attempt.attempt, err: message }, 'notification email failed, will retry');
      throw err;
    }
    await repo.updateOutboxRow(this.db, outboxId, { status: 'sent', sent_at: this.clock().toISOString() });
    return { outcome: 'sent' };
  }

  async list(caller: Caller | null, query: ListQuery): Promise<{ items: Notification[]; total: number; unread: number }> {
    const userId = requireCaller(caller).userId;
    const { items, total } = await repo.findNotifications(this.db, { userId, unreadOnly: query.unread === true, page: query.page, pageSize: query.pageSize });
    return { items: items.map(toNotification), total, unread: await repo.countUnread(this.db, userId) };
  }

  async unreadCount(caller: Caller | null): Promise<{ unread: number }> {
    return { unread: await repo.countUnread(this.db, requireCaller(caller).userId) };
  }

  /** Another user's notification is 404, like one that does not exist. */
  async markRead(caller: Caller | null, id: string): Promise<Notification> {
    const userId = requireCaller(caller).userId;
    await repo.markRead(this.db, { userId, id, at: this.clock().toISOString() });
    const row = await repo.findOwnNotification(this.db, userId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return toNotification(row);
  }

  async markAllRead(caller: Caller | null): Promise<{ marked: number; unread: number }> {
    const userId = requireCaller(caller).userId;
    const marked = await repo.markRead(this.db, { userId, at: this.clock().toISOString() });
    return { marked, unread: await repo.countUnread(this.db, userId) };
  }
}

function toNotification(row: { id: string; kind: Notification['kind']; subject_id: string; title: string; body: string; link: string; created_at: string; read_at: string | null }): Notification {
  return { id: row.id, kind: row.kind, subjectId: row.subject_id, title: row.title, body: row.body, link: row.link, createdAt: new Date(row.created_at).toISOString(), readAt: row.read_at === null ? null : new Date(row.read_at).toISOString() };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The notifications feature, for the tests and scripts that run its jobs' work by hand. */
    notifications: NotificationService;
  }
}
