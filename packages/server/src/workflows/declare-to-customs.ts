import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { CustomsOperatorActions, CustomsService, DeclarationIdentities, PaymentDeclarationAnswer, UndeclaredPayment } from '../features/customs/index.ts';
import { newMessageGuid } from '../features/customs/index.ts';
import type { IdentityKeyRing } from '../features/identities/index.ts';
import { unsealIdentityForDeclaration } from '../features/identities/index.ts';
import { appendOrderEvent, holdOrder, liftHold, moveCustomsStatus } from '../features/orders/index.ts';
import type { PaymentService } from '../features/payments/index.ts';
import { recordAnomaly, resolveOrderAnomalies } from '../features/payments/index.ts';

/**
 * Where customs opens the buyer's identity sealed on an order: identities' unsealing for a
 * declaration, with the deployment's keys. Bound here so that customs never imports identities
 * (customs declares what it needs, identities answers it).
 */
export function declarationIdentities(keyRing: IdentityKeyRing): DeclarationIdentities {
  return { open: (sealed) => unsealIdentityForDeclaration(sealed, keyRing) };
}

/** The order timeline's notes about customs, in both languages (the buyer's order page shows them). */
const notes = {
  customs_submitted: '已向海关申报订单 / Order declared to customs',
  customs_resubmitted: '已更正并重新向海关申报 / Declaration corrected and sent to customs again',
  customs_accepted: '海关已接收订单申报 / Customs accepted the order declaration',
  customs_rejected: '海关退单，待运营人员处理 / Customs rejected the declaration; an operator is on it',
  customs_released: '海关已放行 / Released by customs',
  customs_identity_mismatch: '支付人与订购人身份不一致，订单暂停处理 / The payer is not the buyer: the order is on hold',
  hold_cleared: '运营人员已解除暂停 / An operator lifted the hold',
} as const;

export interface DeclareToCustomsDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  customs: CustomsService;
  /** The payment providers, which declare a payment to customs themselves (CEB411). */
  payments: Pick<PaymentService, 'declareCustoms'>;
  /** Called after a commit that put a message in the outbox: the worker sends it now rather than at its next tick. */
  onQueued?: () => void;
}

export interface DeclareToCustoms extends CustomsOperatorActions {
  /**
   * One pass of all the work, each item done now, once (tests and scripts): orders declared,
   * messages handed over, receipts read, payments declared. Each part's failure is logged and the
   * others still run; a failed item waits for the next pass (its job, in the background, retries it).
   */
  runOnce(): Promise<void>;
  /**
   * The background pass, as the customs sweep job runs it: orders declared (each message's job is
   * added with it), receipts read, and every message still unsent or payment still undeclared handed
   * to its own job (`handOut`, which skips items a job already has), so each is retried on its own.
   */
  sweep(handOut: { messages(outboxIds: string[]): Promise<number>; paymentDeclarations(orderIds: string[]): Promise<number> }): Promise<void>;
  /** Paid cross-border orders not yet declared: each gets its message (or its recorded problems). Answers how many were looked at. */
  declarePending(limit?: number): Promise<number>;
  /** Hands every unsent message to the transport now (tests and scripts). Answers how many were looked at. */
  sendOutbox(limit?: number): Promise<number>;
  /** The send-message job's handler: hands one message over unless it was sent already. */
  sendMessageJob: CustomsService['sendMessageJob'];
  /** Reads the receipts that arrived; each is recorded once (by guid and status) and moves its order. */
  processReceipts(): Promise<number>;
  /** Declares now, once each, the payments of paid orders not declared yet (tests and scripts). Answers how many orders were looked at. */
  declarePayments(limit?: number): Promise<number>;
  /** The declare-payment job's handler: declares the order's payment unless it was declared already; throws (retried by the queue) when the provider fails. */
  declarePaymentJob(orderId: string): Promise<{ orderId: string; identityCheck: PaymentDeclarationAnswer['identityCheck'] | null }>;
}

/**
 * Declare to customs: from a paid cross-border order to customs' verdict on it.
 *   1. Customs finds the paid cross-border orders not declared yet.
 *   2. Customs composes the order message (CEB311) from the order, its lines and the buyer's identity
 *      (identities opens the ID number, through `declarationIdentities`, for the rules and the file
 *      only), validates it and writes it with its outbox row and the job that hands it over, in the
 *      transaction that moves the order (5); after commit the job hands it to the customs transport,
 *      exactly once. An invalid message is recorded for operators and never sent.
 *   3. Payments' provider declares the order's payment to customs (CEB411) with customs' details and
 *      checks the payer against the buyer; customs records the answer once, with that check.
 *   4. Customs reads a receipt (CEB312), records it once, and says what it means for the order when it
 *      answers the order's latest message.
 *   5. Orders: the order's customs status moves (submitted, accepted, rejected, released), a timeline
 *      event is appended, and a hold is placed (customs rejected it; the payer is not the buyer) or
 *      lifted (the operator resent it corrected, or cleared the identity hold).
 *   6. Payments: an anomaly is recorded for operators when the payer is not the buyer, and resolved
 *      when an operator lifts that hold.
 * The work is found in the tables each time, so a restart (or a crash) resumes it; each use case is one
 * transaction, and the once-only guards are conditional updates (the order's customs status, the
 * receipt's and the payment declaration's unique keys).
 */
export function declareToCustomsWorkflow(deps: DeclareToCustomsDeps): DeclareToCustoms {
  const { db, clock, log, customs, payments } = deps;
  const onQueued = deps.onQueued ?? (() => {});

  async function declarePending(limit = 50): Promise<number> {
    // 1. Customs: paid cross-border orders with no message yet.
    const orderIds = await customs.undeclaredOrders(limit);
    for (const orderId of orderIds) {
      const at = clock();
      // 2. Customs: the message composed and validated (identities opens the buyer's ID number for it).
      const message = await customs.composeMessage({ orderId, guid: newMessageGuid(), appType: '1', appTime: at });
      if (!message) continue;
      await db.transaction().execute(async (trx) => {
        if (message.problems.length > 0) {
          // 2. Customs: an invalid message is recorded once, for operators; the order stays pending.
          if (!(await customs.hasDeclaration(trx, orderId))) await customs.queueMessage(trx, { message, createdBy: null, at });
          return;
        }
        // 5. Orders: pending → submitted, on the buyer's timeline. The conditional update is the
        //    once-only guard: a second worker finds the order no longer pending and writes nothing.
        if (!(await moveCustomsStatus(trx, { orderId, from: ['pending'], to: 'submitted', at: at.toISOString() }))) return;
        await appendOrderEvent(trx, { orderId, status: 'customs_submitted', at: at.toISOString(), note: notes.customs_submitted });
        // 2. Customs: the message, its outbox row and the job that hands it over after commit.
        await customs.queueMessage(trx, { message, createdBy: null, at });
      });
    }
    return orderIds.length;
  }

  async function processReceipts(): Promise<number> {
    const files = await customs.fetchReceipts();
    for (const file of files) {
      // 4. Customs: the receipt read (a file that is not one is set aside).
      const receipt = await customs.readReceipt(file);
      if (!receipt) continue;
      const at = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        // 4. Customs: recorded once, and what it says about the order when it speaks for it.
        const verdict = await customs.recordReceipt(trx, { receipt, file, at });
        if (!verdict) return;
        const { orderId } = verdict;
        // 5. Orders: the customs status moves and the buyer's timeline says so (when Pavilion learnt
        //    it); a rejection holds the order until an operator resends it corrected.
        if (verdict.effect === 'accepted') {
          if (await moveCustomsStatus(trx, { orderId, from: ['submitted'], to: 'accepted', at })) await appendOrderEvent(trx, { orderId, status: 'customs_accepted', at, note: notes.customs_accepted });
        } else if (verdict.effect === 'rejected') {
          if (await moveCustomsStatus(trx, { orderId, from: ['submitted', 'accepted'], to: 'rejected', at, hold: 'customs_rejected' })) {
            await appendOrderEvent(trx, { orderId, status: 'customs_rejected', at, note: `${notes.customs_rejected}: ${verdict.returnInfo}` });
          }
        } else if (await moveCustomsStatus(trx, { orderId, from: ['submitted', 'accepted'], to: 'released', at, releasedAt: verdict.releasedAt })) {
          await appendOrderEvent(trx, { orderId, status: 'customs_released', at, note: notes.customs_released });
        }
      });
      // After the commit: a crash before this line reads the file again, and the unique (guid, status) makes that harmless.
      await customs.acknowledgeReceipt(file.id);
    }
    return files.length;
  }

  /** Declares one payment through its provider and records the answer once; DIFFERENT holds the order and alerts operators. */
  async function declarePayment(order: UndeclaredPayment): Promise<PaymentDeclarationAnswer> {
    // 3. Customs says what to declare (identities opens the buyer for the payer check); payments'
    //    provider declares it. Nothing is written before its answer: a failure is simply tried again.
    const request = await customs.paymentDeclaration(order);
    const declared = await payments.declareCustoms(request.provider, request.declaration);
    if (!declared) throw new Error(`order ${request.orderNumber}: ${request.provider} payments are not configured here, so its payment cannot be declared`);
    const at = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      // 3. Customs: the answer recorded once, with the identity check (a repeat stops here).
      if (!(await customs.recordPaymentDeclaration(trx, { orderId: request.orderId, provider: request.provider, answer: declared, at }))) return;
      if (declared.identityCheck !== 'DIFFERENT') return;
      // 5. Orders: the payer is not the buyer: held, and the buyer's timeline says why.
      await holdOrder(trx, { orderId: request.orderId, hold: 'identity_mismatch', at });
      await appendOrderEvent(trx, { orderId: request.orderId, status: 'customs_identity_mismatch', at, note: notes.customs_identity_mismatch });
      // 6. Payments: an anomaly for the operators, resolved when one of them lifts the hold.
      await recordAnomaly(trx, { kind: 'identity_mismatch', provider: request.provider, reference: request.outTradeNo, details: { orderId: request.orderId, orderNumber: request.orderNumber, identityCheck: declared.identityCheck, state: declared.state }, at });
    });
    return declared;
  }

  async function declarePayments(limit = 20): Promise<number> {
    const orders = await customs.undeclaredPayments({ limit });
    for (const order of orders) {
      try {
        await declarePayment(order);
      } catch (err) {
        log.error({ err, orderId: order.id }, 'customs: the payment declaration failed; it is retried later');
      }
    }
    return orders.length;
  }

  /** Runs each part, logging a failure and going on with the next. */
  async function inParts(parts: Array<[string, () => Promise<unknown>]>): Promise<void> {
    for (const [what, part] of parts) await part().catch((err: unknown) => log.error({ err }, `customs: ${what} failed`));
  }

  return {
    declarePending,
    processReceipts,
    declarePayments,
    sendOutbox: (limit) => customs.sendOutbox(limit),
    sendMessageJob: (outboxId) => customs.sendMessageJob(outboxId),

    async declarePaymentJob(orderId) {
      const [order] = await customs.undeclaredPayments({ limit: 1, orderId });
      if (!order) return { orderId, identityCheck: null };
      const declared = await declarePayment(order);
      return { orderId, identityCheck: declared.identityCheck };
    },

    runOnce: () =>
      inParts([
        ['declaring orders', () => declarePending()],
        ['sending customs messages', () => customs.sendOutbox()],
        ['reading customs receipts', () => processReceipts()],
        ['declaring payments', () => declarePayments()],
      ]),

    sweep: (handOut) =>
      inParts([
        ['declaring orders', () => declarePending()],
        ['handing messages to their jobs', async () => handOut.messages(await customs.unsentIds(500))],
        ['reading customs receipts', () => processReceipts()],
        ['handing payment declarations to their jobs', () => customs.handOutPaymentDeclarations(handOut.paymentDeclarations)],
      ]),

    /**
     * The operator corrected what customs refused (or what failed validation) and sends the order
     * message again: a change message (appType 2) with a new guid when customs had the first one, a
     * new message (appType 1) when none ever left. One transaction: the corrections are saved only
     * with the message they produced, and a message still invalid is refused with its fields (422)
     * with nothing changed.
     */
    async resend(caller, orderId, input) {
      // 2. Customs: the operator may act on the order, the latest message may be sent again, the corrections are known codes.
      const plan = await customs.planResend(caller, orderId, input);
      const at = clock();
      await db.transaction().execute(async (trx) => {
        // 2. Customs: the corrections saved and the message composed and validated again with them.
        const message = await customs.correctMessage(trx, plan, at);
        // 5. Orders: back to submitted, the customs-rejected hold lifted.
        if (!(await moveCustomsStatus(trx, { orderId, from: [plan.from], to: 'submitted', at: at.toISOString(), clearHold: 'customs_rejected' }))) {
          throw new AppError('INVALID_TRANSITION');
        }
        // 2. Customs: the message, its outbox row and the job that hands it over.
        await customs.queueMessage(trx, { message, createdBy: plan.staffUserId, at });
        // 5. Orders: the buyer's timeline says it was corrected and sent again.
        await appendOrderEvent(trx, { orderId, status: 'customs_resubmitted', at: at.toISOString(), note: notes.customs_resubmitted });
      });
      // After commit: the message is handed over now rather than at the worker's next tick.
      onQueued();
      return customs.detail(caller, orderId);
    },

    /** The operator checked with the buyer and lifts an identity-mismatch hold (a customs rejection is lifted by resending). */
    async clearHold(caller, orderId) {
      await customs.requireStaffFor(caller, orderId);
      const at = clock().toISOString();
      const cleared = await db.transaction().execute(async (trx) => {
        // 5. Orders: the identity-mismatch hold lifted, on the buyer's timeline.
        if (!(await liftHold(trx, { orderId, hold: 'identity_mismatch', at }))) return false;
        await appendOrderEvent(trx, { orderId, status: 'hold_cleared', at, note: notes.hold_cleared });
        // 6. Payments: the operators' identity-mismatch anomaly for the order is resolved.
        await resolveOrderAnomalies(trx, { kind: 'identity_mismatch', orderId, at });
        return true;
      });
      if (!cleared) throw new AppError('INVALID_TRANSITION', { messages: { en: 'This order is not held for an identity mismatch.', zh: '该订单未因身份不一致而暂停。' } });
      return customs.detail(caller, orderId);
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Declaring to customs, for the tests and scripts that run its worker by hand. */
    customs: DeclareToCustoms;
  }
}
