import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { notificationListQuerySchema, notificationSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { requireCaller } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { recordTradeEvent } from '../trade/index.ts';
import type { Mailer } from './mailer.ts';
import { DEADLINE_NOTICE_MS, maskEmail, messageIdFor, outboxPolicy, recipientsOf, renderNotification } from './notification.rules.ts';
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

  /** One pass of the worker: deadline notices, events to notifications, then the email outbox. Found from the tables, so a restart resumes. */
  async runOnce(): Promise<{ notices: number; delivered: number; sent: number }> {
    const notices = await this.writeDeadlineNotices();
    const delivered = await this.deliverEvents();
    const sent = await this.sendOutbox();
    return { notices, delivered, sent };
  }

  /**
   * "Deadline near": for each open RFQ whose deadline is within 24 hours, one event for the
   * importer and one per matched exporter that has not quoted, written once per RFQ (the notice
   * row's primary key decides, in the same transaction as the events).
   */
  async writeDeadlineNotices(): Promise<number> {
    const now = this.clock();
    const at = now.toISOString();
    const due = await this.db
      .selectFrom('rfqs as r')
      .select(['r.id', 'r.company_id'])
      .where('r.status', '=', 'open')
      .where('r.deadline', '>', at)
      .where('r.deadline', '<=', new Date(now.getTime() + DEADLINE_NOTICE_MS).toISOString())
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('rfq_deadline_notices as d').select('d.rfq_id').whereRef('d.rfq_id', '=', 'r.id'))))
      .limit(BATCH)
      .execute();
    let written = 0;
    for (const rfq of due) {
      await this.db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto('rfq_deadline_notices').values({ rfq_id: rfq.id, created_at: at }).onConflict((oc) => oc.column('rfq_id').doNothing()).executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return;
        written++;
        await recordTradeEvent(trx, { kind: 'rfq_deadline_near', subjectId: rfq.id, companyId: rfq.company_id, at });
        const silent = await trx
          .selectFrom('rfq_matches as m')
          .select('m.exporter_id')
          .where('m.rfq_id', '=', rfq.id)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('quotes as q').select('q.id').whereRef('q.rfq_id', '=', 'm.rfq_id').whereRef('q.exporter_id', '=', 'm.exporter_id'))))
          .orderBy('m.exporter_id')
          .execute();
        for (const m of silent) await recordTradeEvent(trx, { kind: 'rfq_deadline_near', subjectId: rfq.id, exporterId: m.exporter_id, at });
      });
    }
    return written;
  }

  /** Each undelivered trade event becomes one notification per recipient and one outbox row per address, in one transaction with marking it delivered. */
  async deliverEvents(): Promise<number> {
    const events = await repo.findUndeliveredEvents(this.db, BATCH);
    let delivered = 0;
    for (const event of events) {
      const at = this.clock().toISOString();
      await this.db.transaction().execute(async (trx) => {
        if (!(await repo.claimEvent(trx, event.id, at))) return;
        delivered++;
        const seen = new Set<string>();
        for (const party of recipientsOf({ kind: event.kind, companyId: event.company_id, exporterId: event.exporter_id })) {
          for (const user of await repo.findPartyMembers(trx, party)) {
            if (seen.has(user.id)) continue;
            seen.add(user.id);
            const notificationId = newId();
            await repo.insertNotification(trx, { id: notificationId, userId: user.id, eventId: event.id, kind: event.kind, subjectId: event.subject_id, locale: user.locale, at, ...renderNotification(event.kind, party.side, event.subject_id, user.locale) });
            if (this.mailer && user.email) {
              const outboxId = newId();
              await repo.insertOutboxRow(trx, { id: outboxId, notificationId, address: user.email, messageId: messageIdFor(outboxId, new URL(this.publicUrl).hostname), at });
            }
          }
        }
      });
    }
    return delivered;
  }

  /** Sends the due outbox rows; see outboxPolicy for what a failure or a crash leads to. */
  async sendOutbox(): Promise<number> {
    const mailer = this.mailer;
    if (!mailer) return 0;
    const now = this.clock().getTime();
    const rows = await repo.findDueOutbox(this.db, {
      retryBefore: new Date(now - outboxPolicy.RETRY_AFTER_MS).toISOString(),
      maybeSentBefore: new Date(now - outboxPolicy.MAYBE_SENT_AFTER_MS).toISOString(),
      limit: BATCH,
    });
    let sent = 0;
    for (const row of rows) {
      const from = { status: row.status, attempts: row.attempts };
      if (row.attempts >= outboxPolicy.MAX_ATTEMPTS) {
        if (await repo.moveOutboxRow(this.db, { id: row.id, from, set: { status: 'failed' } })) {
          // The operator's alert: the in-app notification stands, the email was given up.
          this.log.error({ outboxId: row.id, to: maskEmail(row.address), attempts: row.attempts }, 'notification email given up');
        }
        continue;
      }
      const attempts = row.attempts + 1;
      // The attempt is recorded before the send: a crash after it leaves the row "maybe sent".
      if (!(await repo.moveOutboxRow(this.db, { id: row.id, from, set: { status: 'sending', attempts, attempted_at: this.clock().toISOString() } }))) continue;
      const claimed = { status: 'sending' as const, attempts };
      try {
        await mailer.send({ messageId: row.message_id, to: row.address, subject: row.title, text: `${row.body}\n\n${footer[row.locale]} ${this.publicUrl}${row.link}\n` });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await repo.moveOutboxRow(this.db, { id: row.id, from: claimed, set: { status: 'pending', last_error: message.slice(0, 500) } });
        this.log.warn({ outboxId: row.id, to: maskEmail(row.address), attempts, err: message }, 'notification email failed, will retry');
        continue;
      }
      await repo.moveOutboxRow(this.db, { id: row.id, from: claimed, set: { status: 'sent', sent_at: this.clock().toISOString(), last_error: null } });
      sent++;
    }
    return sent;
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
    /** The notifications feature, for the tests and scripts that run its worker by hand. */
    notifications: NotificationService;
  }
}
