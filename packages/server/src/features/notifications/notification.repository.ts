import type { Locale, NotificationKind } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { EmailOutboxStatus } from './notification.table.ts';

/** The active members of one party: an exporter's team or an importer company's members. */
export async function findPartyMembers(trx: Trx, party: { side: 'exporter' | 'company'; id: string }): Promise<Array<{ id: string; email: string | null; locale: Locale }>> {
  return trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('r.role', '=', party.side === 'exporter' ? 'exporter_member' : 'company_member')
    .where(party.side === 'exporter' ? 'r.exporter_id' : 'r.company_id', '=', party.id)
    .where('u.status', '=', 'active')
    .orderBy('u.id')
    .execute();
}

export function findUndeliveredEvents(db: Db, limit: number) {
  return db.selectFrom('trade_events').select(['id', 'kind', 'subject_id', 'company_id', 'exporter_id']).where('delivered_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** Marks an event delivered unless another worker did: the caller writes its notifications only when this returns true. */
export async function claimEvent(trx: Trx, eventId: string, at: string): Promise<boolean> {
  const res = await trx.updateTable('trade_events').set({ delivered_at: at }).where('id', '=', eventId).where('delivered_at', 'is', null).executeTakeFirst();
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

/** Rows due: pending ones (new, or failed long enough ago) and claims old enough to be "maybe sent". */
export function findDueOutbox(db: Db, options: { retryBefore: string; maybeSentBefore: string; limit: number }) {
  return db
    .selectFrom('email_outbox as o')
    .innerJoin('notifications as n', 'n.id', 'o.notification_id')
    .select(['o.id', 'o.address', 'o.message_id', 'o.status', 'o.attempts', 'n.title', 'n.body', 'n.link', 'n.locale'])
    .where((eb) =>
      eb.or([
        eb.and([eb('o.status', '=', 'pending'), eb.or([eb('o.attempted_at', 'is', null), eb('o.attempted_at', '<=', options.retryBefore)])]),
        eb.and([eb('o.status', '=', 'sending'), eb('o.attempted_at', '<=', options.maybeSentBefore)]),
      ]),
    )
    .orderBy('o.created_at')
    .orderBy('o.id')
    .limit(options.limit)
    .execute();
}

/** Moves a row from the state it was read in (attempts unchanged since): false when another worker moved it first. */
export async function moveOutboxRow(db: Db, options: { id: string; from: { status: EmailOutboxStatus; attempts: number }; set: { status: EmailOutboxStatus; attempts?: number; attempted_at?: string; sent_at?: string; last_error?: string | null } }): Promise<boolean> {
  const res = await db
    .updateTable('email_outbox')
    .set(options.set)
    .where('id', '=', options.id)
    .where('status', '=', options.from.status)
    .where('attempts', '=', options.from.attempts)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
