import { randomUUID } from 'node:crypto';
import type { CustomsCorrections, CustomsDetail, CustomsQueueItem, OrderStatus, PaymentMethod } from '@pavilion/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Trx } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { currentWorker, holderIsGone, type WorkerIdentity } from '../../platform/jobs/worker-identity.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { IdentityKeyRing } from '../identities/index.ts';
import { unsealIdentityForDeclaration } from '../identities/index.ts';
import type { CustomsDeclarationInput, CustomsDeclarationResult } from '../payments/index.ts';
import { recordAnomaly, resolveOrderAnomalies } from '../payments/index.ts';
import { appendOrderEvent, holdOrder, liftHold, moveCustomsStatus } from '../orders/index.ts';
import { buildCeb311, validateCeb311, type AppType, type Ceb311Problem } from './ceb311.rules.ts';
import { parseCeb312, ReceiptParseError, returnStatusEffects, returnTimeToIso } from './ceb312.rules.ts';
import { customsCountryCodes, customsUnits } from './customs-codes.ts';
import { messageFileName, type CustomsTransport } from './customs-transport.ts';
import { loadDeclarationData, withBuyer, type DeclarationCorrections, type DeclarationSnapshot } from './declaration-input.ts';
import * as repo from './customs.repository.ts';

/** Order states in which the goods were paid for and not given back: the ones customs must hear about. */
const DECLARABLE: OrderStatus[] = ['paid', 'shipped', 'delivered', 'completed'];

/** Timeline notes, in both languages (the buyer's order page shows them). */
const notes = {
  customs_submitted: '已向海关申报订单 / Order declared to customs',
  customs_resubmitted: '已更正并重新向海关申报 / Declaration corrected and sent to customs again',
  customs_accepted: '海关已接收订单申报 / Customs accepted the order declaration',
  customs_rejected: '海关退单，待运营人员处理 / Customs rejected the declaration; an operator is on it',
  customs_released: '海关已放行 / Released by customs',
  customs_identity_mismatch: '支付人与订购人身份不一致，订单暂停处理 / The payer is not the buyer: the order is on hold',
  hold_cleared: '运营人员已解除暂停 / An operator lifted the hold',
} as const;

export interface CustomsPayments {
  declareCustoms(method: PaymentMethod, input: CustomsDeclarationInput): Promise<CustomsDeclarationResult | null>;
}

/**
 * Customs for paid cross-border orders: the order message (CEB311) built, validated and put in
 * the outbox in one transaction; handed to the customs transport after commit, exactly once;
 * receipts (CEB312) moving the order's customs status; the payment declared through the payment
 * provider with its identity check. The background work finds everything from the tables, so a
 * restart (or a crash) resumes it; the operator's queue and corrections are the use cases below.
 */
export class CustomsService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly customs: Config['customs'];
  private readonly keyRing: IdentityKeyRing;
  private readonly transport: CustomsTransport;
  private readonly payments: CustomsPayments;
  private readonly log: FastifyBaseLogger;
  /** Who claims outbox rows: this process (a claim of a process known to be gone is taken over at once). */
  private readonly worker: WorkerIdentity;
  /** Runs the worker soon (after a commit that put a message in the outbox). */
  private readonly onQueued: () => void;

  constructor(options: {
    db: Db;
    clock: Clock;
    customs: Config['customs'];
    keyRing: IdentityKeyRing;
    transport: CustomsTransport;
    payments: CustomsPayments;
    log: FastifyBaseLogger;
    /** Called after a commit that put a message in the outbox: the worker sends it now rather than at its next tick. */
    onQueued?: () => void;
    worker?: WorkerIdentity;
  }) {
    this.db = options.db;
    this.clock = options.clock;
    this.customs = options.customs;
    this.keyRing = options.keyRing;
    this.transport = options.transport;
    this.payments = options.payments;
    this.log = options.log;
    this.onQueued = options.onQueued ?? (() => undefined);
    this.worker = options.worker ?? currentWorker();
  }

  /**
   * One pass of all the work, each item done now, once (tests and scripts): orders declared,
   * messages handed over, receipts read, payments declared. Each part's failure is logged and the
   * others still run; a failed item waits for the next pass (its job, in the background, retries it).
   */
  async runOnce(): Promise<void> {
    const parts: Array<[string, () => Promise<unknown>]> = [
      ['declaring orders', () => this.declarePending()],
      ['sending customs messages', () => this.sendOutbox()],
      ['reading customs receipts', () => this.processReceipts()],
      ['declaring payments', () => this.declarePayments()],
    ];
    for (const [what, part] of parts) await part().catch((err: unknown) => this.log.error({ err }, `customs: ${what} failed`));
  }

  /**
   * The background pass, as the customs sweep job runs it: orders declared (each message's job is
   * added with it), receipts read, and every message still unsent or payment still undeclared handed
   * to its own job (`handOut`, which skips items a job already has), so each is retried on its own.
   */
  async sweep(handOut: { messages(outboxIds: string[]): Promise<number>; paymentDeclarations(orderIds: string[]): Promise<number> }): Promise<void> {
    const parts: Array<[string, () => Promise<unknown>]> = [
      ['declaring orders', () => this.declarePending()],
      ['handing messages to their jobs', async () => handOut.messages(await repo.findUnsentIds(this.db, 500))],
      ['reading customs receipts', () => this.processReceipts()],
      ['handing payment declarations to their jobs', () => this.handOutPaymentDeclarations(handOut.paymentDeclarations)],
    ];
    for (const [what, part] of parts) await part().catch((err: unknown) => this.log.error({ err }, `customs: ${what} failed`));
  }

  // ---- The order message ----

  /** Paid CBEC orders not yet declared: each gets its message (or its recorded problems). Answers how many were looked at. */
  async declarePending(limit = 50): Promise<number> {
    const orderIds = await repo.findUndeclaredOrders(this.db, DECLARABLE, limit);
    for (const orderId of orderIds) {
      const at = this.clock();
      const built = await this.compose(orderId, { guid: newGuid(), appType: '1', appTime: at });
      if (!built) continue;
      await this.db.transaction().execute(async (trx) => {
        // The conditional update is the once-only guard: a second worker finds the order no longer pending.
        if (built.problems.length === 0) {
          if (!(await moveCustomsStatus(trx, { orderId, from: ['pending'], to: 'submitted', at: at.toISOString() }))) return;
          await appendOrderEvent(trx, { orderId, status: 'customs_submitted', at: at.toISOString(), note: notes.customs_submitted });
        } else if (await repo.hasDeclaration(trx, orderId)) {
          return;
        }
        await repo.insertDeclaration(trx, { orderId, guid: built.snapshot.guid, appType: '1', snapshot: built.snapshot, maskedXml: built.maskedXml, problems: built.problems, createdBy: null, at: at.toISOString(), fileName: messageFileName(built.snapshot.guid) });
      });
      if (built.problems.length > 0) this.log.warn({ orderId, problems: built.problems.map((p) => `${p.field}:${p.rule}`) }, 'customs message invalid: not sent, shown to operators');
    }
    return orderIds.length;
  }

  /** The message for an order (validated with the clear identity, which is then dropped). */
  private async compose(orderId: string, head: { guid: string; appType: AppType; appTime: Date }, db: Db | Trx = this.db) {
    const data = await loadDeclarationData(db, orderId, this.customs);
    if (!data) return null;
    const snapshot = data.snapshot(head);
    let problems: Ceb311Problem[];
    try {
      const buyer = unsealIdentityForDeclaration(data.sealed, this.keyRing);
      problems = validateCeb311(withBuyer(snapshot, buyer), data.paidFen);
    } catch (err) {
      this.log.error({ err, orderId }, 'customs: the buyer identity on the order cannot be opened');
      problems = [{ field: 'OrderHead.buyerIdNumber', rule: 'required', message: { zh: '订单上的订购人身份信息无法解密（密钥缺失或数据被改动）', en: "the buyer's identity on the order cannot be decrypted (key missing or data altered)" } }];
    }
    return { snapshot, problems, maskedXml: buildCeb311(withBuyer(snapshot, data.masked)) };
  }

  /**
   * Hands every unsent message to the transport now (tests and scripts; in the background each
   * message is its own job, `sendMessageJob`). Each row is claimed first, so two processes never
   * hand the same message over; a failure gives the claim back and is logged. Answers how many
   * unsent rows were looked at.
   */
  async sendOutbox(limit = 100): Promise<number> {
    const rows = await repo.findUnsent(this.db, { limit });
    for (const row of rows) {
      try {
        await this.handOver(row);
      } catch (err) {
        this.log.error({ err, guid: row.guid }, 'customs: handing a message over failed; it is retried');
      }
    }
    return rows.length;
  }

  /**
   * The send-message job's handler: hands one message over unless it was sent already. Throws (the
   * queue retries it after its back-off) when the handover failed or another process holds the row.
   */
  async sendMessageJob(outboxId: string): Promise<{ guid: string | null; outcome: 'sent' | 'already_sent' | 'was_sent' }> {
    const [row] = await repo.findUnsent(this.db, { limit: 1, outboxId });
    if (!row) return { guid: null, outcome: 'was_sent' };
    const outcome = await this.handOver(row);
    if (outcome === 'claimed_elsewhere') throw new Error(`customs message ${row.guid} is being handed over by ${row.claimed_by ?? 'another process'}; looked at again later`);
    return { guid: row.guid, outcome };
  }

  /**
   * Claims the row (a conditional update: free, its claim ran out, or its holder is a process on this
   * machine that is gone), hands the message over, marks it sent. A row is marked sent only after the
   * transport took it; a crash in between is a resend the transport recognises ('already_sent').
   */
  private async handOver(row: Awaited<ReturnType<typeof repo.findUnsent>>[number]): Promise<'sent' | 'already_sent' | 'claimed_elsewhere'> {
    const now = this.clock();
    const token = this.worker.id;
    const takeOverFrom = row.claimed_by !== null && row.claimed_by !== token && holderIsGone(row.claimed_by, this.worker) ? row.claimed_by : null;
    const claimed = await repo.claimUnsent(this.db, { outboxId: row.id, token, now: now.toISOString(), until: new Date(now.getTime() + CLAIM_MS).toISOString(), takeOverFrom });
    if (!claimed) return 'claimed_elsewhere';
    try {
      const snapshot = JSON.parse(row.snapshot) as DeclarationSnapshot;
      const buyer = unsealIdentityForDeclaration({ nameSealed: row.identity_name_sealed, idNumberSealed: row.identity_id_number_sealed }, this.keyRing);
      const outcome = await this.transport.send({ guid: row.guid, fileName: row.file_name, xml: buildCeb311(withBuyer(snapshot, buyer)) });
      // The process stopped between the handover and this row's update last time: nothing is sent twice.
      if (outcome === 'already_sent') this.log.info({ guid: row.guid }, 'customs: message already handed over before a restart; marked sent');
      await repo.markSent(this.db, { outboxId: row.id, declarationId: row.declaration_id, at: this.clock().toISOString() });
      return outcome;
    } catch (err) {
      await repo.releaseClaim(this.db, { outboxId: row.id, token }).catch((e: unknown) => this.log.warn({ err: e, guid: row.guid }, 'customs: could not give a claim back; it runs out'));
      throw err;
    }
  }

  /** Reads the receipts that arrived; each is recorded once (by guid and status) and moves its order. */
  async processReceipts(): Promise<number> {
    const files = await this.transport.fetchReceipts();
    for (const file of files) {
      let receipt;
      try {
        receipt = parseCeb312(file.xml);
      } catch (err) {
        if (!(err instanceof ReceiptParseError)) throw err;
        this.log.error({ err, file: file.id }, 'customs: a receipt file is not a CEB312 message; set aside');
        await this.transport.acknowledge(file.id, 'unreadable');
        continue;
      }
      const at = this.clock().toISOString();
      await this.db.transaction().execute((trx) => this.applyReceipt(trx, receipt, file, at));
      // After the commit: a crash before this line reads the file again, and the unique (guid, status) makes that harmless.
      await this.transport.acknowledge(file.id, 'processed');
    }
    return files.length;
  }

  private async applyReceipt(trx: Trx, receipt: ReturnType<typeof parseCeb312>, file: { id: string; xml: string }, at: string): Promise<void> {
    const declaration = await repo.findDeclarationByGuid(trx, receipt.guid);
    const inserted = await repo.insertReceipt(trx, { receipt, declarationId: declaration?.id ?? null, raw: file.xml, fileName: file.id, at });
    if (!inserted || !declaration) {
      if (!declaration) this.log.warn({ guid: receipt.guid, orderNo: receipt.orderNo }, 'customs: a receipt for a message we did not send');
      return;
    }
    const meaning = returnStatusEffects[receipt.returnStatus];
    if (!meaning) {
      this.log.warn({ guid: receipt.guid, returnStatus: receipt.returnStatus }, 'customs: a receipt status not in the table; recorded only');
      return;
    }
    // Only the order's latest message speaks for it: a late receipt of a message since corrected changes nothing.
    const latest = await repo.latestSentDeclaration(trx, declaration.order_id);
    // The timeline says when Pavilion learnt it; the release time itself is customs' own.
    const when = at;
    const releasedAt = returnTimeToIso(receipt.returnTime) ?? at;
    const effect = meaning.effect;
    if (effect === 'submitted') return;
    await repo.updateDeclarationReceipt(trx, { id: declaration.id, status: effect, returnStatus: receipt.returnStatus, returnInfo: receipt.returnInfo, at });
    if (latest?.id !== declaration.id) return;
    const orderId = declaration.order_id;
    if (effect === 'accepted') {
      if (await moveCustomsStatus(trx, { orderId, from: ['submitted'], to: 'accepted', at })) await appendOrderEvent(trx, { orderId, status: 'customs_accepted', at: when, note: notes.customs_accepted });
    } else if (effect === 'rejected') {
      if (await moveCustomsStatus(trx, { orderId, from: ['submitted', 'accepted'], to: 'rejected', at, hold: 'customs_rejected' })) {
        await appendOrderEvent(trx, { orderId, status: 'customs_rejected', at: when, note: `${notes.customs_rejected}: ${receipt.returnInfo}` });
      }
    } else if (await moveCustomsStatus(trx, { orderId, from: ['submitted', 'accepted'], to: 'released', at, releasedAt })) {
      await appendOrderEvent(trx, { orderId, status: 'customs_released', at: when, note: notes.customs_released });
    }
  }

  // ---- The payment declaration ----

  /**
   * Declares now, once each, the payments of paid orders not declared yet (tests and scripts; in the
   * background each is its own job, `declarePaymentJob`). A failure is logged and left for the next
   * pass. Answers how many orders were looked at.
   */
  async declarePayments(limit = 20): Promise<number> {
    const rows = await repo.findUndeclaredPayments(this.db, DECLARABLE, limit);
    for (const row of rows) {
      try {
        await this.declarePayment(row);
      } catch (err) {
        this.log.error({ err, orderId: row.id }, 'customs: the payment declaration failed; it is retried later');
      }
    }
    return rows.length;
  }

  /**
   * Paid orders whose payment is not declared yet, oldest first, page after page, handed to
   * declare-payment jobs. Orders whose job failed for good stay undeclared (and are skipped by
   * `handOut`), so the pages go on past them until some were handed out (or 5,000 were looked at):
   * a pile of dead ones never hides a new order.
   */
  private async handOutPaymentDeclarations(handOut: (orderIds: string[]) => Promise<number>): Promise<number> {
    const page = 500;
    let handed = 0;
    for (let offset = 0; offset < 5_000; offset += page) {
      const rows = await repo.findUndeclaredPayments(this.db, DECLARABLE, page, undefined, offset);
      handed += await handOut([...new Set(rows.map((r) => r.id))]);
      if (handed > 0 || rows.length < page) break;
    }
    return handed;
  }

  /** The declare-payment job's handler: declares the order's payment unless it was declared already; throws (retried by the queue) when the provider fails. */
  async declarePaymentJob(orderId: string): Promise<{ orderId: string; identityCheck: string | null }> {
    const [row] = await repo.findUndeclaredPayments(this.db, DECLARABLE, 1, orderId);
    if (!row) return { orderId, identityCheck: null };
    const result = await this.declarePayment(row);
    return { orderId, identityCheck: result.identityCheck };
  }

  /** Declares one payment through its provider and records the answer once; DIFFERENT holds the order and alerts operators. */
  private async declarePayment(row: Awaited<ReturnType<typeof repo.findUndeclaredPayments>>[number]): Promise<CustomsDeclarationResult> {
    if (!row.transaction_id) throw new Error(`order ${row.number}: its payment has no transaction id to declare`);
    const siblings = await repo.ordersOfCheckout(this.db, row.checkout_id);
    const buyer = unsealIdentityForDeclaration({ nameSealed: row.identity_name_sealed, idNumberSealed: row.identity_id_number_sealed }, this.keyRing);
    const declared = await this.payments.declareCustoms(row.provider as PaymentMethod, {
      outTradeNo: row.out_trade_no,
      transactionId: row.transaction_id,
      customs: this.customs.office,
      merchantCustomsNo: this.customs.ebp.code,
      // One payment for several orders: each order is declared as a sub-order with its own share.
      ...(siblings > 1
        ? { subOrder: { subOrderNo: row.number, orderFee: cny(row.total_fen), productFee: cny(row.goods_fen), transportFee: cny(Number(row.freight_fen) + Number(row.tax_fen)) } }
        : {}),
      buyer,
    });
    if (!declared) throw new Error(`order ${row.number}: ${row.provider} payments are not configured here, so its payment cannot be declared`);
    const at = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.insertPaymentDeclaration(trx, { orderId: row.id, provider: row.provider, result: declared, at }))) return;
      if (declared.identityCheck !== 'DIFFERENT') return;
      await holdOrder(trx, { orderId: row.id, hold: 'identity_mismatch', at });
      await appendOrderEvent(trx, { orderId: row.id, status: 'customs_identity_mismatch', at, note: notes.customs_identity_mismatch });
      await recordAnomaly(trx, { kind: 'identity_mismatch', provider: row.provider, reference: row.out_trade_no, details: { orderId: row.id, orderNumber: row.number, identityCheck: declared.identityCheck, state: declared.state }, at });
    });
    return declared;
  }

  // ---- Operators ----

  async queue(caller: Caller | null, query: { status?: CustomsQueueItem['customsStatus'] | 'invalid' | 'held' }): Promise<CustomsQueueItem[]> {
    const staff = requireRole(caller, 'operator', 'admin');
    const rows = await repo.findQueue(this.db, { pavilionIds: operatorScope(staff), filter: query.status, declarable: DECLARABLE });
    return repo.queueItems(this.db, rows);
  }

  async detail(caller: Caller | null, orderId: string): Promise<CustomsDetail> {
    const staff = requireRole(caller, 'operator', 'admin');
    const rows = await repo.findQueue(this.db, { pavilionIds: operatorScope(staff), orderId, declarable: DECLARABLE });
    const [item] = await repo.queueItems(this.db, rows);
    if (!item) throw notFound();
    const [declarations, receipts, payment, corrections, lines] = await Promise.all([
      repo.declarationsOf(this.db, orderId),
      repo.receiptsOf(this.db, orderId),
      repo.paymentDeclarationOf(this.db, orderId),
      repo.correctionsOf(this.db, orderId),
      repo.linesOf(this.db, orderId),
    ]);
    return { order: item, declarations, receipts, paymentDeclaration: payment, corrections, lines, units: { ...customsUnits }, countries: Object.fromEntries(Object.entries(customsCountryCodes).map(([iso, code]) => [code, iso])) };
  }

  /**
   * The operator corrected what customs refused (or what failed validation) and sends the order
   * message again: a change message (appType 2) with a new guid when customs had the first one, a
   * new message (appType 1) when none ever left. Validated first: an invalid one is refused with its
   * fields (422) and nothing changes.
   */
  async resend(caller: Caller | null, orderId: string, input: { corrections?: CustomsCorrections }): Promise<CustomsDetail> {
    const staff = requireRole(caller, 'operator', 'admin');
    const [found] = await repo.findQueue(this.db, { pavilionIds: operatorScope(staff), orderId, declarable: DECLARABLE });
    if (!found) throw notFound();
    const latest = await repo.latestDeclaration(this.db, orderId);
    if (!latest || (latest.status !== 'invalid' && latest.status !== 'rejected')) {
      throw new AppError('INVALID_TRANSITION', { messages: { en: 'Only a declaration customs rejected, or one that failed validation, can be sent again.', zh: '只有被海关退单或未通过校验的申报才能重新发送。' } });
    }
    const lineNos = new Set(await repo.lineNumbersOf(this.db, orderId));
    const badLine = input.corrections?.lines?.findIndex((l) => !lineNos.has(l.lineNo)) ?? -1;
    if (badLine >= 0) throw new AppError('VALIDATION_FAILED', { details: [{ field: `body.corrections.lines.${badLine}.lineNo`, rule: 'unknown', message: 'is not a line of this order' }] });
    const knownCountries = new Set(Object.values(customsCountryCodes));
    for (const [i, l] of (input.corrections?.lines ?? []).entries()) {
      if (l.unit !== undefined && !customsUnits[l.unit]) throw new AppError('VALIDATION_FAILED', { details: [{ field: `body.corrections.lines.${i}.unit`, rule: 'unknown', message: 'is not a customs unit code' }] });
      if (l.country !== undefined && !knownCountries.has(l.country)) throw new AppError('VALIDATION_FAILED', { details: [{ field: `body.corrections.lines.${i}.country`, rule: 'unknown', message: 'is not a customs country code' }] });
    }

    const everSent = await repo.hasSentDeclaration(this.db, orderId);
    const appType: AppType = everSent ? '2' : '1';
    const at = this.clock();
    const merged = mergeCorrections(await repo.correctionsOf(this.db, orderId), input.corrections);
    // One transaction: the corrections are saved only with the message they produced. A message that
    // still breaks the rules throws inside it, so the corrections roll back with it and nothing changes.
    await this.db.transaction().execute(async (trx) => {
      await repo.saveCorrections(trx, { orderId, data: merged, by: staff.userId, at: at.toISOString() });
      const built = await this.compose(orderId, { guid: newGuid(), appType, appTime: at }, trx);
      if (!built) throw notFound();
      if (built.problems.length > 0) throw new AppError('CUSTOMS_MESSAGE_INVALID', { details: built.problems });
      const from = latest.status === 'rejected' ? 'rejected' : 'pending';
      if (!(await moveCustomsStatus(trx, { orderId, from: [from], to: 'submitted', at: at.toISOString(), clearHold: 'customs_rejected' }))) {
        throw new AppError('INVALID_TRANSITION');
      }
      await repo.insertDeclaration(trx, { orderId, guid: built.snapshot.guid, appType, snapshot: built.snapshot, maskedXml: built.maskedXml, problems: [], createdBy: staff.userId, at: at.toISOString(), fileName: messageFileName(built.snapshot.guid) });
      await appendOrderEvent(trx, { orderId, status: 'customs_resubmitted', at: at.toISOString(), note: notes.customs_resubmitted });
    });
    this.onQueued();
    return this.detail(caller, orderId);
  }

  /** The operator checked with the buyer and lifts an identity-mismatch hold (a customs rejection is lifted by resending). */
  async clearHold(caller: Caller | null, orderId: string): Promise<CustomsDetail> {
    const staff = requireRole(caller, 'operator', 'admin');
    const [found] = await repo.findQueue(this.db, { pavilionIds: operatorScope(staff), orderId, declarable: DECLARABLE });
    if (!found) throw notFound();
    const at = this.clock().toISOString();
    const cleared = await this.db.transaction().execute(async (trx) => {
      if (!(await liftHold(trx, { orderId, hold: 'identity_mismatch', at }))) return false;
      await appendOrderEvent(trx, { orderId, status: 'hold_cleared', at, note: notes.hold_cleared });
      await resolveOrderAnomalies(trx, { kind: 'identity_mismatch', orderId, at });
      return true;
    });
    if (!cleared) throw new AppError('INVALID_TRANSITION', { messages: { en: 'This order is not held for an identity mismatch.', zh: '该订单未因身份不一致而暂停。' } });
    return this.detail(caller, orderId);
  }
}

const newGuid = () => randomUUID().toUpperCase();
/** How long a claim on an outbox row holds: far longer than a handover (a file written and renamed). */
const CLAIM_MS = 60_000;
const cny = (fen: number | string) => ({ amount: Number(fen), currency: 'CNY' as const });

function mergeCorrections(current: DeclarationCorrections, input: CustomsCorrections | undefined): DeclarationCorrections {
  if (!input) return current;
  const lines = { ...current.lines };
  for (const l of input.lines ?? []) {
    lines[String(l.lineNo)] = { ...lines[String(l.lineNo)], ...(l.itemName ? { itemName: l.itemName } : {}), ...(l.unit ? { unit: l.unit } : {}), ...(l.country ? { country: l.country } : {}) };
  }
  return { consignee: { ...current.consignee, ...input.consignee }, lines };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The customs feature, for the tests and scripts that run its worker by hand. */
    customs: CustomsService;
  }
}
