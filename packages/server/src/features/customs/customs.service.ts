import { randomUUID } from 'node:crypto';
import type { CustomsCorrections, CustomsDetail, CustomsQueueItem, identityChecks, Money, OrderStatus, PaymentMethod } from '@pavilion/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Trx } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { currentWorker, holderIsGone, type WorkerIdentity } from '../../platform/jobs/worker-identity.ts';
import type { Caller } from '../../platform/sessions.ts';
import { buildCeb311, validateCeb311, type AppType, type Ceb311Problem } from './ceb311.rules.ts';
import { parseCeb312, ReceiptParseError, returnStatusEffects, returnTimeToIso, type Ceb312Receipt } from './ceb312.rules.ts';
import { customsCountryCodes, customsUnits } from './customs-codes.ts';
import { messageFileName, type CustomsTransport } from './customs-transport.ts';
import { loadDeclarationData, withBuyer, type DeclarationCorrections, type DeclarationSnapshot } from './declaration-input.ts';
import * as repo from './customs.repository.ts';

/** Order states in which the goods were paid for and not given back: the ones customs must hear about. */
const DECLARABLE: OrderStatus[] = ['paid', 'shipped', 'delivered', 'completed'];

/** A paid order whose payment is not declared yet, with its payment. */
export type UndeclaredPayment = Awaited<ReturnType<typeof repo.findUndeclaredPayments>>[number];

/** The buyer's name and ID number as sealed on the order. */
export interface SealedBuyer {
  nameSealed: string;
  idNumberSealed: string;
}

/**
 * How customs opens the buyer's identity sealed on the order: for the message checked against the
 * rules and written to the file customs receives, and for the payment declaration's payer check;
 * never stored in clear. The identities feature holds the keys; the declare-to-customs workflow binds
 * this to it (customs declares what it needs, identities answers it). Throws when it cannot be opened.
 */
export interface DeclarationIdentities {
  open(sealed: SealedBuyer): { name: string; idNumber: string };
}

/** An order message composed and validated: what is stored (no clear identity), its problems, the masked XML operators see. */
export interface ComposedMessage {
  orderId: string;
  snapshot: DeclarationSnapshot;
  problems: Ceb311Problem[];
  maskedXml: string;
}

/**
 * An order whose payment is to be declared (CEB411) and what its payment provider must be told: the
 * provider's payment, the customs office and our registration, the order's share when one payment
 * paid several orders, and the buyer (clear, only on this path) for the payer check.
 */
export interface PaymentToDeclare {
  orderId: string;
  orderNumber: string;
  provider: PaymentMethod;
  outTradeNo: string;
  declaration: {
    outTradeNo: string;
    transactionId: string;
    customs: string;
    merchantCustomsNo: string;
    subOrder?: { subOrderNo: string; orderFee: Money; productFee: Money; transportFee: Money };
    buyer: { name: string; idNumber: string };
  };
}

/** The payment provider's answer to a payment declaration, as customs records it: its state and the payer check. */
export interface PaymentDeclarationAnswer {
  state: string;
  identityCheck: (typeof identityChecks)[number];
  answer: Record<string, string>;
}

/** What a receipt says about its order, when it speaks for it (it answers the order's latest message). */
export type ReceiptVerdict =
  | { orderId: string; effect: 'accepted' }
  | { orderId: string; effect: 'rejected'; returnInfo: string }
  | { orderId: string; effect: 'released'; releasedAt: string };

/** A resend the operator may make: who makes it, the message kind, the order's customs status it starts from, the corrections in force after it. */
export interface ResendPlan {
  orderId: string;
  staffUserId: string;
  appType: AppType;
  from: 'rejected' | 'pending';
  corrections: DeclarationCorrections;
}

/**
 * The operators' actions on an order's declaration that reach beyond customs (the order's status, hold
 * and timeline; payments' anomalies): the declare-to-customs workflow carries them out, the routes
 * call it.
 */
export interface CustomsOperatorActions {
  resend(caller: Caller | null, orderId: string, input: { corrections?: CustomsCorrections }): Promise<CustomsDetail>;
  clearHold(caller: Caller | null, orderId: string): Promise<CustomsDetail>;
}

/**
 * The customs feature's own part of declaring paid cross-border orders: the order message (CEB311)
 * composed and validated from the order, its lines and the buyer's identity, stored with its outbox
 * row and the job that hands it over; the handover to the customs transport, exactly once; receipts
 * (CEB312) recorded and read for what they say about the order; what the payment provider must be
 * told to declare a payment, and its answer recorded; the operators' queue and corrections. It writes
 * customs' tables only: the order's status, holds and timeline and payments' anomalies are moved by
 * the declare-to-customs workflow, which runs these steps in order.
 */
export class CustomsService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly customs: Config['customs'];
  private readonly identities: DeclarationIdentities;
  private readonly transport: CustomsTransport;
  private readonly log: FastifyBaseLogger;
  /** Who claims outbox rows: this process (a claim of a process known to be gone is taken over at once). */
  private readonly worker: WorkerIdentity;

  constructor(options: {
    db: Db;
    clock: Clock;
    customs: Config['customs'];
    identities: DeclarationIdentities;
    transport: CustomsTransport;
    log: FastifyBaseLogger;
    worker?: WorkerIdentity;
  }) {
    this.db = options.db;
    this.clock = options.clock;
    this.customs = options.customs;
    this.identities = options.identities;
    this.transport = options.transport;
    this.log = options.log;
    this.worker = options.worker ?? currentWorker();
  }

  // ---- The order message ----

  /** Paid cross-border orders with no message yet, oldest payment first. */
  async undeclaredOrders(limit: number): Promise<string[]> {
    return repo.findUndeclaredOrders(this.db, DECLARABLE, limit);
  }

  /** Whether the order has a message already (valid or not). */
  async hasDeclaration(trx: Trx, orderId: string): Promise<boolean> {
    return repo.hasDeclaration(trx, orderId);
  }

  /**
   * The order's message, validated with the buyer's clear identity (then dropped): null when there is
   * no such order. An identity that cannot be opened is a problem of the message, shown to operators.
   */
  async composeMessage(head: { orderId: string; guid: string; appType: AppType; appTime: Date }, db: Db | Trx = this.db): Promise<ComposedMessage | null> {
    const { orderId } = head;
    const data = await loadDeclarationData(db, orderId, this.customs);
    if (!data) return null;
    const snapshot = data.snapshot(head);
    let problems: Ceb311Problem[];
    try {
      const buyer = this.identities.open(data.sealed);
      problems = validateCeb311(withBuyer(snapshot, buyer), data.paidFen);
    } catch (err) {
      this.log.error({ err, orderId }, 'customs: the buyer identity on the order cannot be opened');
      problems = [{ field: 'OrderHead.buyerIdNumber', rule: 'required', message: { zh: '订单上的订购人身份信息无法解密（密钥缺失或数据被改动）', en: "the buyer's identity on the order cannot be decrypted (key missing or data altered)" } }];
    }
    return { orderId, snapshot, problems, maskedXml: buildCeb311(withBuyer(snapshot, data.masked)) };
  }

  /**
   * Stores the message in the caller's transaction. A valid one gets its outbox row and the job that
   * hands it over (sent after commit); an invalid one is recorded for operators and never sent.
   */
  async queueMessage(trx: Trx, m: { message: ComposedMessage; createdBy: string | null; at: Date }): Promise<void> {
    const { message } = m;
    await repo.insertDeclaration(trx, {
      orderId: message.orderId, guid: message.snapshot.guid, appType: message.snapshot.appType, snapshot: message.snapshot, maskedXml: message.maskedXml,
      problems: message.problems, createdBy: m.createdBy, at: m.at.toISOString(), fileName: messageFileName(message.snapshot.guid),
    });
    if (message.problems.length > 0) this.log.warn({ orderId: message.orderId, problems: message.problems.map((p) => `${p.field}:${p.rule}`) }, 'customs message invalid: not sent, shown to operators');
  }

  /** Outbox rows not handed over yet, oldest first (for the sweep, which gives each its job). */
  async unsentIds(limit: number): Promise<string[]> {
    return repo.findUnsentIds(this.db, limit);
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
      const buyer = this.identities.open({ nameSealed: row.identity_name_sealed, idNumberSealed: row.identity_id_number_sealed });
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

  // ---- Receipts ----

  /** The receipt files that arrived and were not acknowledged yet, oldest first. */
  async fetchReceipts(): Promise<Array<{ id: string; xml: string }>> {
    return this.transport.fetchReceipts();
  }

  /** The file's CEB312 receipt; null for a file that is not one, which is set aside (acknowledged as unreadable). */
  async readReceipt(file: { id: string; xml: string }): Promise<Ceb312Receipt | null> {
    try {
      return parseCeb312(file.xml);
    } catch (err) {
      if (!(err instanceof ReceiptParseError)) throw err;
      this.log.error({ err, file: file.id }, 'customs: a receipt file is not a CEB312 message; set aside');
      await this.transport.acknowledge(file.id, 'unreadable');
      return null;
    }
  }

  /**
   * Records the receipt once (by guid and status) in the caller's transaction and updates its message;
   * answers what it says about the order, or null when it says nothing new: a repeat, a message we did
   * not send, a status not in the table, "still being declared", or a late receipt of a message since
   * corrected (only the order's latest message speaks for it).
   */
  async recordReceipt(trx: Trx, r: { receipt: Ceb312Receipt; file: { id: string; xml: string }; at: string }): Promise<ReceiptVerdict | null> {
    const { receipt, file, at } = r;
    const declaration = await repo.findDeclarationByGuid(trx, receipt.guid);
    const inserted = await repo.insertReceipt(trx, { receipt, declarationId: declaration?.id ?? null, raw: file.xml, fileName: file.id, at });
    if (!inserted || !declaration) {
      if (!declaration) this.log.warn({ guid: receipt.guid, orderNo: receipt.orderNo }, 'customs: a receipt for a message we did not send');
      return null;
    }
    const meaning = returnStatusEffects[receipt.returnStatus];
    if (!meaning) {
      this.log.warn({ guid: receipt.guid, returnStatus: receipt.returnStatus }, 'customs: a receipt status not in the table; recorded only');
      return null;
    }
    // Only the order's latest message speaks for it: a late receipt of a message since corrected changes nothing.
    const latest = await repo.latestSentDeclaration(trx, declaration.order_id);
    const effect = meaning.effect;
    if (effect === 'submitted') return null;
    await repo.updateDeclarationReceipt(trx, { id: declaration.id, status: effect, returnStatus: receipt.returnStatus, returnInfo: receipt.returnInfo, at });
    if (latest?.id !== declaration.id) return null;
    const orderId = declaration.order_id;
    if (effect === 'accepted') return { orderId, effect };
    if (effect === 'rejected') return { orderId, effect, returnInfo: receipt.returnInfo };
    // The release time is customs' own; when the receipt's time cannot be read, the time Pavilion learnt it.
    return { orderId, effect, releasedAt: returnTimeToIso(receipt.returnTime) ?? at };
  }

  /** Tells the transport the receipt was recorded (after the commit: a crash before reads it again, harmlessly). */
  async acknowledgeReceipt(fileId: string): Promise<void> {
    await this.transport.acknowledge(fileId, 'processed');
  }

  // ---- The payment declaration ----

  /**
   * Paid orders whose payment is not declared yet, oldest first; `orderId` for that one order only
   * (none when it was declared already).
   */
  async undeclaredPayments(q: { limit: number; orderId?: string }): Promise<UndeclaredPayment[]> {
    return repo.findUndeclaredPayments(this.db, DECLARABLE, q.limit, q.orderId);
  }

  /**
   * Paid orders whose payment is not declared yet, oldest first, page after page, handed to
   * declare-payment jobs. Orders whose job failed for good stay undeclared (and are skipped by
   * `handOut`), so the pages go on past them until some were handed out (or 5,000 were looked at):
   * a pile of dead ones never hides a new order.
   */
  async handOutPaymentDeclarations(handOut: (orderIds: string[]) => Promise<number>): Promise<number> {
    const page = 500;
    let handed = 0;
    for (let offset = 0; offset < 5_000; offset += page) {
      const rows = await repo.findUndeclaredPayments(this.db, DECLARABLE, page, undefined, offset);
      handed += await handOut([...new Set(rows.map((r) => r.id))]);
      if (handed > 0 || rows.length < page) break;
    }
    return handed;
  }

  /** What the order's payment provider must be told to declare its payment; throws when the payment cannot be declared. */
  async paymentDeclaration(order: UndeclaredPayment): Promise<PaymentToDeclare> {
    if (!order.transaction_id) throw new Error(`order ${order.number}: its payment has no transaction id to declare`);
    const siblings = await repo.ordersOfCheckout(this.db, order.checkout_id);
    const buyer = this.identities.open({ nameSealed: order.identity_name_sealed, idNumberSealed: order.identity_id_number_sealed });
    return {
      orderId: order.id,
      orderNumber: order.number,
      provider: order.provider as PaymentMethod,
      outTradeNo: order.out_trade_no,
      declaration: {
        outTradeNo: order.out_trade_no,
        transactionId: order.transaction_id,
        customs: this.customs.office,
        merchantCustomsNo: this.customs.ebp.code,
        // One payment for several orders: each order is declared as a sub-order with its own share.
        ...(siblings > 1
          ? { subOrder: { subOrderNo: order.number, orderFee: cny(order.total_fen), productFee: cny(order.goods_fen), transportFee: cny(Number(order.freight_fen) + Number(order.tax_fen)) } }
          : {}),
        buyer,
      },
    };
  }

  /** Records the provider's answer once, in the caller's transaction; false when it was recorded already. */
  async recordPaymentDeclaration(trx: Trx, d: { orderId: string; provider: string; answer: PaymentDeclarationAnswer; at: string }): Promise<boolean> {
    return repo.insertPaymentDeclaration(trx, { orderId: d.orderId, provider: d.provider, result: d.answer, at: d.at });
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

  /** The operator (an operator of its pavilion, or an admin) may act on the order: 403 for other roles, 404 for an order they may not see. */
  async requireStaffFor(caller: Caller | null, orderId: string): Promise<{ userId: string }> {
    const staff = requireRole(caller, 'operator', 'admin');
    const [found] = await repo.findQueue(this.db, { pavilionIds: operatorScope(staff), orderId, declarable: DECLARABLE });
    if (!found) throw notFound();
    return staff;
  }

  /**
   * Checks a resend before anything is written: the order's latest message was refused by customs or
   * by validation (409 otherwise), the corrections name lines of the order and known customs codes
   * (400 with the field). A change message (appType 2) when customs had a message of the order, a new
   * one (appType 1) when none ever left.
   */
  async planResend(caller: Caller | null, orderId: string, input: { corrections?: CustomsCorrections }): Promise<ResendPlan> {
    const staff = await this.requireStaffFor(caller, orderId);
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
    const corrections = mergeCorrections(await repo.correctionsOf(this.db, orderId), input.corrections);
    return { orderId, staffUserId: staff.userId, appType: everSent ? '2' : '1', from: latest.status === 'rejected' ? 'rejected' : 'pending', corrections };
  }

  /**
   * In the caller's transaction: the corrections saved and the message composed again with them. A
   * message that still breaks the rules throws (422 with its fields), so the corrections roll back
   * with the caller's transaction and nothing changes.
   */
  async correctMessage(trx: Trx, plan: ResendPlan, at: Date): Promise<ComposedMessage> {
    await repo.saveCorrections(trx, { orderId: plan.orderId, data: plan.corrections, by: plan.staffUserId, at: at.toISOString() });
    const message = await this.composeMessage({ orderId: plan.orderId, guid: newMessageGuid(), appType: plan.appType, appTime: at }, trx);
    if (!message) throw notFound();
    if (message.problems.length > 0) throw new AppError('CUSTOMS_MESSAGE_INVALID', { details: message.problems });
    return message;
  }
}

/** A message's guid: unique per message, upper case as the single window writes them. */
export const newMessageGuid = () => randomUUID().toUpperCase();
/** How long a claim on an outbox row holds: far longer than a handover (a file written and renamed). */
const CLAIM_MS = 60_000;
const cny = (fen: number | string): Money => ({ amount: Number(fen), currency: 'CNY' });

function mergeCorrections(current: DeclarationCorrections, input: CustomsCorrections | undefined): DeclarationCorrections {
  if (!input) return current;
  const lines = { ...current.lines };
  for (const l of input.lines ?? []) {
    lines[String(l.lineNo)] = { ...lines[String(l.lineNo)], ...(l.itemName ? { itemName: l.itemName } : {}), ...(l.unit ? { unit: l.unit } : {}), ...(l.country ? { country: l.country } : {}) };
  }
  return { consignee: { ...current.consignee, ...input.consignee }, lines };
}
