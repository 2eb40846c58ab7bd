import type { Locale, NotificationKind } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { EmailOutboxStatus } from './notification.table.ts';
import type { Audience } from './notification.rules.ts';

/** The active users an audience stands for, with their language: an exporter's team, a company's members, one user, a pavilion's operators. */
export async function findAudienceMembers(trx: Trx, audience: Audience): Promise<Array<{ id: string; email: string | null; locale: Locale }>> {
  const users = trx.selectFrom('users as u').select(['u.id', 'u.email', 'u.locale']).where('u.status', '=', 'active').orderBy('u.id');
  if (audience.side === 'user') return users.where('u.id', '=', audience.id).execute();
  const grant = { exporter: ['exporter_member', 'r.exporter_id'], company: ['company_member', 'r.company_id'], operators: ['operator', 'r.pavilion_id'] } as const;
  const [role, column] = grant[audience.side];
  // One row per user, whatever the number of grants they hold for the party.
  return users
    .where(({ exists, selectFrom }) => exists(selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role).where(column, '=', audience.id)))
    .execute();
}

export async function insertEvent(trx: Trx, e: { id: string; kind: NotificationKind; subjectId: string; exporterId: string | null; companyId: string | null; userId: string | null; pavilionId: string | null; at: string }): Promise<void> {
  await trx
    .insertInto('notification_events')
    .values({ id: e.id, kind: e.kind, subject_id: e.subjectId, exporter_id: e.exporterId, company_id: e.companyId, user_id: e.userId, pavilion_id: e.pavilionId, created_at: e.at })
    .execute();
}

export async function findUndeliveredEventIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('notification_events').select('id').where('delivered_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export function findUndeliveredEvent(db: Db, id: string) {
  return db.selectFrom('notification_events').select(['id', 'kind', 'subject_id', 'company_id', 'exporter_id', 'user_id', 'pavilion_id']).where('id', '=', id).where('delivered_at', 'is', null).executeTakeFirst();
}

/** Marks an event delivered unless another worker did: the caller writes its notifications only when this returns true. */
export async function claimEvent(trx: Trx, eventId: string, at: string): Promise<boolean> {
  const res = await trx.updateTable('notification_events').set({ delivered_at: at }).where('id', '=', eventId).where('delivered_at', 'is', null).executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function insertNotification(trx: Trx, row: { id: string; userId: string; eventId: string; kind: NotificationKind; subjectId: string; locale: Locale; title: string; body: string; link: string; at: string }): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ id: row.id, user_id: row.userId, event_id: row.eventId, kind: row.kind, subject_id: row.subjectId, locale: row.locale, title: row.title, body: row.body, link: row.link, created_at: row.at })
    .execute();
}

export async function insertOutboxRow(trx: Trx, row: { id: string; notificationId: string; address: string; messageId: string; at: string }): Promise<void> {
  await trx.insertInto('email_outbox').values({ id: row.id, notification_id: row.notificationId, address: row.address, message_id: row.messageId, created_at: row.at }).execute();
}

const notificationColumns = ['id', 'kind', 'subject_id', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

export async function findNotifications(db: Db, options: { userId: string; unreadOnly: boolean; page: number; pageSize: number }) {
  let query = db.selectFrom('notifications').where('user_id', '=', options.userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const [items, total] = await Promise.all([
    query.select(notificationColumns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.pageSize).offset((options.page - 1) * options.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOwnNotification(db: Db, userId: string, id: string) {
  return db.selectFrom('notifications').select(notificationColumns).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Read once: a second read keeps the first time. */
export async function markRead(db: Db, options: { userId: string; id?: string; at: string }): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: options.at }).where('user_id', '=', options.userId).where('read_at', 'is', null);
  if (options.id) query = query.where('id', '=', options.id);
  const res = await query.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Outbox rows not sent yet and not given up: waiting, or handed to the mailer without an outcome. */
export async function findUnsentOutboxIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('email_outbox').select('id').where('status', 'in', ['pending', 'sending']).orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export function findOutboxEmail(db: Db, id: string) {
  return db
    .selectFrom('email_outbox as o')
    .innerJoin('notifications as n', 'n.id', 'o.notification_id')
    .select(['o.id', 'o.address', 'o.message_id', 'o.status', 'n.title', 'n.body', 'n.link', 'n.locale'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function updateOutboxRow(db: Db, id: string, set: { status: EmailOutboxStatus; attempted_at?: string; sent_at?: string }): Promise<void> {
  await db.updateTable('email_outbox').set(set).where('id', '=', id).execute();
}
