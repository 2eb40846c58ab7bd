import { sql } from 'kysely';
import type { CustomsDetail, CustomsQueueItem, CustomsStatus, identityChecks, OrderStatus } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { taxPartsOf } from '../cbec/index.ts';
import type { AppType, Ceb311Problem } from './ceb311.rules.ts';
import { returnStatusEffects, type Ceb312Receipt } from './ceb312.rules.ts';
import type { DeclarationCorrections, DeclarationSnapshot } from './declaration-input.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import { SEND_CUSTOMS_MESSAGE } from './customs-jobs.ts';

/** Queries of the customs feature; each takes the database or the transaction it runs in. */

type DeclarationStatus = 'invalid' | 'queued' | 'sent' | 'accepted' | 'rejected' | 'released';

export async function findUndeclaredOrders(db: Db, declarable: OrderStatus[], limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.customs_status', '=', 'pending')
    .where('o.status', 'in', declarable)
    .where('o.paid_at', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('customs_declarations as d').select('d.id').whereRef('d.order_id', '=', 'o.id'))))
    .orderBy('o.paid_at')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function hasDeclaration(db: Db | Trx, orderId: string): Promise<boolean> {
  return (await db.selectFrom('customs_declarations').select('id').where('order_id', '=', orderId).limit(1).executeTakeFirst()) !== undefined;
}

export async function hasSentDeclaration(db: Db | Trx, orderId: string): Promise<boolean> {
  return (await db.selectFrom('customs_declarations').select('id').where('order_id', '=', orderId).where('status', '!=', 'invalid').limit(1).executeTakeFirst()) !== undefined;
}

/** A message, and its outbox row and that row's send job when it may be sent (an invalid one never gets one). */
export async function insertDeclaration(
  trx: Trx,
  d: { orderId: string; guid: string; appType: AppType; snapshot: DeclarationSnapshot; maskedXml: string; problems: Ceb311Problem[]; createdBy: string | null; at: string; fileName: string },
): Promise<void> {
  const id = newId();
  const valid = d.problems.length === 0;
  await trx
    .insertInto('customs_declarations')
    .values({
      id, order_id: d.orderId, guid: d.guid, app_type: d.appType, status: valid ? 'queued' : 'invalid', snapshot: JSON.stringify(d.snapshot), message_xml: d.maskedXml,
      errors: JSON.stringify(d.problems), return_status: null, return_info: null, created_by: d.createdBy, created_at: d.at, sent_at: null, updated_at: d.at,
    })
    .execute();
  if (!valid) return;
  const outboxId = newId();
  await trx.insertInto('customs_outbox').values({ id: outboxId, declaration_id: id, file_name: d.fileName, created_at: d.at, sent_at: null }).execute();
  await enqueueJob(trx, SEND_CUSTOMS_MESSAGE, { outboxId }, { now: new Date(d.at), uniqueKey: outboxId });
}

/** Unsent messages, oldest first, with who is handing each over (if anyone) and until when; `outboxId` for one. */
export async function findUnsent(db: Db, q: { limit: number; outboxId?: string }) {
  let query = db
    .selectFrom('customs_outbox as x')
    .innerJoin('customs_declarations as d', 'd.id', 'x.declaration_id')
    .innerJoin('orders as o', 'o.id', 'd.order_id')
    .select(['x.id', 'x.declaration_id', 'x.file_name', 'x.claimed_by', 'x.claimed_until', 'd.guid', 'd.snapshot', 'o.identity_name_sealed', 'o.identity_id_number_sealed'])
    .where('x.sent_at', 'is', null);
  if (q.outboxId !== undefined) query = query.where('x.id', '=', q.outboxId);
  return query.orderBy('x.created_at').orderBy('x.id').limit(q.limit).execute();
}

export async function findUnsentIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('customs_outbox').select('id').where('sent_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Takes an unsent message for `token` until `until`, by a conditional update: when nobody holds it,
 * the last claim ran out, or its holder is `takeOverFrom` (a process known to be gone). False when
 * another process holds it (or it was sent meanwhile): that one hands it over, this one must not.
 */
export async function claimUnsent(db: Db, c: { outboxId: string; token: string; now: string; until: string; takeOverFrom: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('customs_outbox')
    .set({ claimed_by: c.token, claimed_until: c.until })
    .where('id', '=', c.outboxId)
    .where('sent_at', 'is', null)
    .where((eb) => {
      const free = [eb('claimed_until', 'is', null), eb('claimed_until', '<', c.now)];
      return eb.or(c.takeOverFrom === null ? free : [...free, eb('claimed_by', '=', c.takeOverFrom)]);
    })
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a claim back after a failed handover (only the holder's own), so the retry need not wait for it to run out. */
export async function releaseClaim(db: Db, c: { outboxId: string; token: string }): Promise<void> {
  await db.updateTable('customs_outbox').set({ claimed_by: null, claimed_until: null }).where('id', '=', c.outboxId).where('claimed_by', '=', c.token).where('sent_at', 'is', null).execute();
}

export async function markSent(db: Db, m: { outboxId: string; declarationId: string; at: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('customs_outbox').set({ sent_at: m.at, claimed_by: null, claimed_until: null }).where('id', '=', m.outboxId).where('sent_at', 'is', null).execute();
    // A receipt may have come first (the customs client is quick): it is not overwritten.
    await trx.updateTable('customs_declarations').set({ status: 'sent', sent_at: m.at, updated_at: m.at }).where('id', '=', m.declarationId).where('status', '=', 'queued').execute();
    await trx.updateTable('customs_declarations').set({ sent_at: m.at }).where('id', '=', m.declarationId).where('sent_at', 'is', null).execute();
  });
}

export async function findDeclarationByGuid(db: Db | Trx, guid: string) {
  return db.selectFrom('customs_declarations').select(['id', 'order_id', 'status']).where('guid', '=', guid).executeTakeFirst();
}

/** Records a receipt once per (guid, returnStatus); false when it was already recorded. */
export async function insertReceipt(trx: Trx, r: { receipt: Ceb312Receipt; declarationId: string | null; raw: string; fileName: string; at: string }): Promise<boolean> {
  const result = await trx
    .insertInto('customs_receipts')
    .values({
      id: newId(), guid: r.receipt.guid, declaration_id: r.declarationId, order_no: r.receipt.orderNo, return_status: r.receipt.returnStatus, return_time: r.receipt.returnTime,
      return_info: r.receipt.returnInfo, raw: r.raw, file_name: r.fileName, received_at: r.at,
    })
    .onConflict((oc) => oc.columns(['guid', 'return_status']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The newest message of the order that was not refused by validation. */
export async function latestSentDeclaration(db: Db | Trx, orderId: string) {
  return db.selectFrom('customs_declarations').select(['id', 'status']).where('order_id', '=', orderId).where('status', '!=', 'invalid').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function latestDeclaration(db: Db | Trx, orderId: string) {
  return db.selectFrom('customs_declarations').select(['id', 'status', 'app_type']).where('order_id', '=', orderId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function updateDeclarationReceipt(trx: Trx, u: { id: string; status: DeclarationStatus; returnStatus: string; returnInfo: string; at: string }): Promise<void> {
  // Released is final: a late "accepted" receipt does not take it back.
  await trx.updateTable('customs_declarations').set({ status: u.status, return_status: u.returnStatus, return_info: u.returnInfo, updated_at: u.at }).where('id', '=', u.id).where('status', '!=', 'released').execute();
}

export async function findUndeclaredPayments(db: Db, declarable: OrderStatus[], limit: number, orderId?: string, offset = 0) {
  let query = db
    .selectFrom('orders as o')
    .innerJoin('payments as p', (join) => join.onRef('p.checkout_id', '=', 'o.checkout_id').on('p.status', '=', 'paid'))
    .select([
      'o.id', 'o.number', 'o.checkout_id', 'o.total_fen', 'o.goods_fen', 'o.freight_fen', 'o.tax_fen', 'o.identity_name_sealed', 'o.identity_id_number_sealed',
      'p.provider', 'p.out_trade_no', 'p.transaction_id',
    ])
    .where('o.status', 'in', declarable)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_declarations as pd').select('pd.id').whereRef('pd.order_id', '=', 'o.id'))));
  if (orderId !== undefined) query = query.where('o.id', '=', orderId);
  return query.orderBy('o.paid_at').orderBy('o.id').limit(limit).offset(offset).execute();
}

export async function ordersOfCheckout(db: Db, checkoutId: string): Promise<number> {
  const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number | string>().as('n')).where('checkout_id', '=', checkoutId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPaymentDeclaration(
  trx: Trx,
  d: { orderId: string; provider: string; result: { state: string; identityCheck: (typeof identityChecks)[number]; answer: Record<string, string> }; at: string },
): Promise<boolean> {
  const result = await trx
    .insertInto('payment_declarations')
    .values({ id: newId(), order_id: d.orderId, provider: d.provider, state: d.result.state, identity_check: d.result.identityCheck, answer: JSON.stringify(d.result.answer), declared_at: d.at })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

// ---- The operators' queue ----

export async function findQueue(
  db: Db,
  q: { pavilionIds: string[] | 'all'; filter?: CustomsStatus | 'invalid' | 'held' | undefined; orderId?: string; declarable: OrderStatus[] },
) {
  let query = db
    .selectFrom('orders as o')
    .select(['o.id', 'o.number', 'o.pavilion_id', 'o.status', 'o.customs_mode', 'o.customs_status', 'o.hold', 'o.regime', 'o.total_fen', 'o.tax_fen', 'o.tariff_fen', 'o.consumption_tax_fen', 'o.vat_fen', 'o.paid_at', 'o.released_at'])
    .where('o.paid_at', 'is not', null);
  if (q.pavilionIds !== 'all') query = q.pavilionIds.length > 0 ? query.where('o.pavilion_id', 'in', q.pavilionIds) : query.where('o.id', '=', '');
  if (q.orderId) query = query.where('o.id', '=', q.orderId);
  if (q.filter === 'held') query = query.where('o.hold', 'is not', null);
  else if (q.filter === 'invalid') {
    query = query.where('o.customs_status', '=', 'pending').where((eb) => eb.exists(eb.selectFrom('customs_declarations as d').select('d.id').whereRef('d.order_id', '=', 'o.id').where('d.status', '=', 'invalid')));
  } else if (q.filter) query = query.where('o.customs_status', '=', q.filter);
  return query.orderBy('o.paid_at', 'desc').orderBy('o.id').limit(500).execute();
}

type QueueRow = Awaited<ReturnType<typeof findQueue>>[number];


const receiptOf = (r: { guid: string; return_status: string; return_time: string; return_info: string; received_at: string }) => {
  const meaning = returnStatusEffects[r.return_status];
  return { guid: r.guid, returnStatus: r.return_status, label: meaning ? { zh: meaning.zh, en: meaning.en } : null, returnTime: r.return_time, returnInfo: r.return_info, receivedAt: r.received_at };
};

export async function queueItems(db: Db, rows: QueueRow[]): Promise<CustomsQueueItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [declarations, receipts, checks] = await Promise.all([
    db.selectFrom('customs_declarations').select(['order_id', 'guid', 'app_type', 'status', 'errors', 'created_at', 'sent_at', 'id']).where('order_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('customs_receipts as r')
      .innerJoin('customs_declarations as d', 'd.id', 'r.declaration_id')
      .select(['d.order_id', 'r.guid', 'r.return_status', 'r.return_time', 'r.return_info', 'r.received_at', 'r.id'])
      .where('d.order_id', 'in', ids)
      .orderBy('r.received_at')
      .orderBy('r.return_time')
      .execute(),
    db.selectFrom('payment_declarations').select(['order_id', 'identity_check']).where('order_id', 'in', ids).execute(),
  ]);
  const latest = new Map(declarations.map((d) => [d.order_id, d]));
  const lastReceipt = new Map(receipts.map((r) => [r.order_id, r]));
  const check = new Map(checks.map((c) => [c.order_id, c.identity_check]));
  return rows.map((o) => {
    const d = latest.get(o.id);
    const r = lastReceipt.get(o.id);
    return {
      orderId: o.id,
      number: o.number,
      pavilionId: o.pavilion_id,
      status: o.status,
      customsMode: o.customs_mode,
      customsStatus: o.customs_status,
      hold: o.hold,
      regime: o.regime,
      totalFen: Number(o.total_fen),
      taxFen: Number(o.tax_fen),
      taxParts: taxPartsOf(o),
      paidAt: o.paid_at,
      releasedAt: o.released_at,
      latest: d ? { guid: d.guid, appType: d.app_type, status: d.status, createdAt: d.created_at, sentAt: d.sent_at } : null,
      lastReceipt: r ? receiptOf(r) : null,
      errors: d ? (JSON.parse(d.errors) as Ceb311Problem[]) : [],
      identityCheck: check.get(o.id) ?? null,
    };
  });
}

export async function declarationsOf(db: Db, orderId: string): Promise<CustomsDetail['declarations']> {
  const rows = await db.selectFrom('customs_declarations').selectAll().where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
  return rows.map((d) => ({
    guid: d.guid, appType: d.app_type, status: d.status, errors: JSON.parse(d.errors) as Ceb311Problem[], messageXml: d.message_xml,
    returnStatus: d.return_status, returnInfo: d.return_info, createdAt: d.created_at, sentAt: d.sent_at,
  }));
}

export async function receiptsOf(db: Db, orderId: string): Promise<CustomsDetail['receipts']> {
  const rows = await db
    .selectFrom('customs_receipts as r')
    .innerJoin('customs_declarations as d', 'd.id', 'r.declaration_id')
    .select(['r.guid', 'r.return_status', 'r.return_time', 'r.return_info', 'r.received_at'])
    .where('d.order_id', '=', orderId)
    .orderBy('r.received_at')
    .orderBy('r.return_time')
    .execute();
  return rows.map(receiptOf);
}

export async function paymentDeclarationOf(db: Db, orderId: string): Promise<CustomsDetail['paymentDeclaration']> {
  const row = await db.selectFrom('payment_declarations').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  return row ? { provider: row.provider, state: row.state, identityCheck: row.identity_check, answer: JSON.parse(row.answer) as Record<string, string>, declaredAt: row.declared_at } : null;
}

export async function correctionsOf(db: Db | Trx, orderId: string): Promise<DeclarationCorrections> {
  const row = await db.selectFrom('customs_corrections').select('data').where('order_id', '=', orderId).executeTakeFirst();
  return row ? (JSON.parse(row.data) as DeclarationCorrections) : {};
}

export async function saveCorrections(trx: Trx, c: { orderId: string; data: DeclarationCorrections; by: string; at: string }): Promise<void> {
  await trx
    .insertInto('customs_corrections')
    .values({ order_id: c.orderId, data: JSON.stringify(c.data), updated_by: c.by, updated_at: c.at })
    .onConflict((oc) => oc.column('order_id').doUpdateSet({ data: JSON.stringify(c.data), updated_by: c.by, updated_at: c.at }))
    .execute();
}

export async function linesOf(db: Db, orderId: string): Promise<CustomsDetail['lines']> {
  const rows = await db.selectFrom('order_lines').select(['line_no', 'sku', 'title_zh']).where('order_id', '=', orderId).orderBy('line_no').execute();
  return rows.map((l) => ({ lineNo: l.line_no, sku: l.sku, titleZh: l.title_zh }));
}

export async function lineNumbersOf(db: Db, orderId: string): Promise<number[]> {
  return (await db.selectFrom('order_lines').select('line_no').where('order_id', '=', orderId).execute()).map((l) => l.line_no);
}

/** For scripts and tests: how many outbox rows are still unsent. */
export async function countUnsent(db: Db): Promise<number> {
  const row = await db.selectFrom('customs_outbox').select(sql<number | string>`count(*)`.as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
