import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { PaymentAnomalyKind, PaymentMethod, paymentStartSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { PaymentProviderError, type CustomsDeclarationInput, type CustomsDeclarationResult, type PaymentProvider, type PaymentTransaction, type RawNotification } from './payment-provider.ts';
import { describeCheckout, judgeTransaction, newOutTradeNo, refundFailureIsFinal, refundStateOf } from './payment.rules.ts';
import * as repo from './payment.repository.ts';
import type { SandboxRefusal } from './sandbox-page.ts';
import type { SandboxPaymentProvider } from './sandbox-payment.ts';
import type { WechatPayProvider } from './wechat-pay.ts';

export type PaymentStart = z.infer<typeof paymentStartSchema>;

/**
 * Records a payment its provider confirmed, once (the settle-payment workflow: the payment paid, the
 * checkout's orders settled, refunds owed for what cannot stand), in its own transaction. Payments
 * has checked the report first (known number, same amount). `fresh` is false when it was recorded
 * already; `refunds` is how many refunds it wrote.
 */
export type SettlePayment = (input: {
  payment: Pick<repo.PaymentRow, 'id' | 'checkoutId' | 'outTradeNo' | 'amountFen'>;
  method: PaymentMethod;
  transactionId: string;
  paidAt: string;
  /** What the provider reported, kept with any anomaly. */
  reported: Record<string, unknown>;
  now: Date;
}) => Promise<{ fresh: boolean; refunds: number }>;

/**
 * Another feature's part of a refund's end (returns: the return is refunded, the order perhaps
 * too): runs inside the transaction that moves the refund to succeeded or failed, once per refund,
 * whichever of the notification, a query or a resend brings the provider's word first.
 */
export type SettleRefund = (trx: Trx, input: { refundId: string; state: 'succeeded' | 'failed'; at: string }) => Promise<void>;

export interface PaymentProviders {
  /** Off (null) in production. */
  sandbox: SandboxPaymentProvider | null;
  /** Null until WECHATPAY_* is configured. */
  wechat: WechatPayProvider | null;
}

/**
 * What a provider's callback gets back. `status` is the HTTP status to answer: a success is
 * answered 204 (WeChat wants 200/204 and no body); a refusal 4xx/5xx with `{code: 'FAIL', message}`
 * so the provider retries and the refusal is visible on its side too.
 */
export type NotificationOutcome =
  | { ok: true; result: 'paid' | 'already_recorded' | 'ignored'; checkoutId: string | null }
  | { ok: false; status: 400 | 401 | 404; reason: 'signature' | 'malformed' | 'unknown_order' | 'amount_mismatch' | 'unknown_refund' | 'not_configured'; message: string };

/** How long a payment may stay unconfirmed before we ask the provider (notifications are usually seconds late at most). */
export const QUERY_AFTER_MS = 2 * 60_000;
/** How far back unconfirmed payments are asked about: WeChat's prepay lives 2 hours and it retries notifications for a day. */
export const QUERY_WINDOW_MS = 25 * 3_600_000;

/**
 * Payments: starting one with a provider, recording the provider's word that it was paid (from a
 * notification or, when that is late, a query: the same code path), and returning money that
 * cannot buy anything any more (a late payment for an expired order whose stock is gone, a checkout
 * paid twice) exactly once.
 *
 * Exactly once, with a crash anywhere: the payment's state changes with a conditional update
 * (pending → paid) in the transaction that settles the orders and writes the refunds owed; the
 * refunds' jobs are written in that transaction too and send them after commit, each with its
 * out_refund_no fixed at that moment, so a refund sent again after a crash (or a retry of its job) is
 * the same refund to the provider.
 */
export class PaymentService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly providers: PaymentProviders;
  private readonly publicUrl: string;
  private readonly log: FastifyBaseLogger;
  private readonly settlePayment: SettlePayment;
  private readonly settleRefund: SettleRefund;

  constructor(options: {
    db: Db;
    clock: Clock;
    providers: PaymentProviders;
    publicUrl: string;
    log: FastifyBaseLogger;
    settlePayment: SettlePayment;
    /** What other features do when one of their refunds ends (returns). */
    settleRefund?: SettleRefund;
  }) {
    this.db = options.db;
    this.clock = options.clock;
    this.providers = options.providers;
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.log = options.log;
    this.settlePayment = options.settlePayment;
    this.settleRefund = options.settleRefund ?? (async () => {});
  }

  /** Which methods can be used here (the sandbox is off in production, WeChat Pay needs its configuration). */
  get methods(): PaymentMethod[] {
    return [...(this.providers.wechat ? (['wechat'] as const) : []), ...(this.providers.sandbox ? (['sandbox'] as const) : [])];
  }

  get sandbox(): SandboxPaymentProvider | null {
    return this.providers.sandbox;
  }

  /**
   * Has the payment's provider declare it to customs (CEB411) and check the payer against the buyer:
   * the customs worker calls this after payment. Null when that provider is not configured here.
   */
  async declareCustoms(method: PaymentMethod, input: CustomsDeclarationInput): Promise<CustomsDeclarationResult | null> {
    const provider = this.provider(method);
    return provider ? provider.declareCustoms(input) : null;
  }

  private provider(method: PaymentMethod): PaymentProvider | null {
    return method === 'wechat' ? this.providers.wechat : this.providers.sandbox;
  }

  private get notifyUrl(): string {
    return `${this.publicUrl}/api/payments/wechat/notify`;
  }

  // ---- Starting a payment ----

  /**
   * Opens the payment row (written by the placement, status pending) with its provider and returns
   * what the buyer's client needs: WeChat's wx.requestPayment parameters, or the sandbox page.
   * Called after the placement's commit. Nothing is charged when it fails:
   * VALIDATION_FAILED (field `paymentMethod`) when the method is off here or the buyer has no
   * WeChat sign-in to pay with; PAYMENT_PROVIDER_ERROR when the provider refuses or is unreachable
   * (the same call may be repeated: the payment number stays the same).
   *
   * `description` is what the payment sheet shows; leave it out to get the checkout's standard one,
   * which is also what a later "pay again" sends (WeChat takes the same number again only with the
   * same description).
   */
  async start(input: { paymentId: string; method: PaymentMethod; buyerUserId: string; description?: string; expiresAt: Date | string }): Promise<PaymentStart> {
    const payment = await repo.findPaymentById(this.db, input.paymentId);
    if (!payment) throw notFound();
    if (payment.provider !== input.method) throw new Error(`payment ${payment.id} was opened for ${payment.provider}, not ${input.method}`);
    if (payment.status !== 'pending') throw new AppError('INVALID_TRANSITION', { message: `the payment is ${payment.status}` });
    const description = input.description ?? describeCheckout((await this.checkoutOrThrow(payment.checkoutId)).orders);
    return this.openAtProvider(payment, { buyerUserId: input.buyerUserId, description, expiresAt: new Date(input.expiresAt), field: 'paymentMethod' });
  }

  /**
   * The buyer pays (again) for their unpaid checkout: the last attempt is reused when it is still
   * open with the same method; otherwise it is closed at its provider (so it can no longer be paid)
   * and a new one opened. Buyers only; another buyer's checkout is NOT_FOUND.
   */
  async pay(caller: Caller | null, checkoutId: string, method: PaymentMethod): Promise<PaymentStart> {
    const { userId } = requireRole(caller, 'buyer');
    const checkout = await repo.findCheckout(this.db, checkoutId);
    if (!checkout || checkout.buyerUserId !== userId) throw notFound();
    const waiting = checkout.orders.filter((o) => o.status === 'pending_payment');
    if (waiting.length === 0) throw new AppError('INVALID_TRANSITION', { message: 'nothing in this checkout is waiting for payment' });
    const expiresAt = new Date(Math.min(...waiting.map((o) => Date.parse(o.expiresAt))));
    if (expiresAt.getTime() <= this.clock().getTime()) throw new AppError('INVALID_TRANSITION', { message: 'the time to pay has run out' });
    if (!this.provider(method)) throw methodProblem(method, 'unavailable', 'body.method');

    const description = describeCheckout(checkout.orders);
    let payment = await repo.findCurrentPayment(this.db, checkoutId);
    if (payment?.status === 'paid') throw new AppError('INVALID_TRANSITION', { message: 'this checkout is paid' });
    if (payment?.status === 'pending' && payment.provider !== method) payment = await this.closeAttempt(payment);
    const reused = payment?.status === 'pending';
    if (!payment || payment.status !== 'pending') payment = await this.newAttempt(checkout.id, method, checkout.totalFen);

    const open = { buyerUserId: userId, description, expiresAt, field: 'body.method' };
    try {
      return await this.openAtProvider(payment, open);
    } catch (error) {
      // An attempt opened earlier with other parameters (another description or payer) or closed
      // at the provider meanwhile: close ours too and open a fresh number.
      const code = error instanceof AppError && error.code === 'PAYMENT_PROVIDER_ERROR' ? (error.details as { providerCode?: string } | undefined)?.providerCode : undefined;
      if (!reused || (code !== 'OUT_TRADE_NO_USED' && code !== 'ORDER_CLOSED')) throw error;
      await this.closeAttempt(payment);
      return this.openAtProvider(await this.newAttempt(checkout.id, method, checkout.totalFen), open);
    }
  }

  private async newAttempt(checkoutId: string, method: PaymentMethod, amountFen: number): Promise<repo.PaymentRow> {
    const now = this.clock();
    const id = await repo.insertPayment(this.db, { checkoutId, provider: method, outTradeNo: newOutTradeNo(chinaDate(now)), amountFen, now: now.toISOString() });
    const created = await repo.findPaymentById(this.db, id);
    if (!created) throw new Error(`payment ${id} vanished`);
    return created;
  }

  /**
   * Closes an open attempt at its provider, then here. A provider that says it was paid meanwhile
   * is asked for the transaction, which is recorded as a notification would be.
   */
  private async closeAttempt(payment: repo.PaymentRow): Promise<repo.PaymentRow> {
    const provider = this.provider(payment.provider);
    if (provider) {
      try {
        await provider.closePayment(payment.outTradeNo);
      } catch (error) {
        // Never opened at the provider (its start failed): nothing to close there.
        const neverSeen = error instanceof PaymentProviderError && error.authenticated && error.providerCode === 'ORDER_NOT_EXIST';
        if (!neverSeen) {
          const transaction = await provider.queryPayment(payment.outTradeNo).catch(() => null);
          if (transaction?.tradeState === 'SUCCESS' || transaction?.tradeState === 'REFUND') {
            await this.applyTransaction(payment.provider, transaction);
            throw new AppError('INVALID_TRANSITION', { message: 'this checkout was paid meanwhile' });
          }
          throw providerFailure(error);
        }
      }
    }
    await repo.markPaymentClosed(this.db, payment.id);
    return { ...payment, status: 'closed' };
  }

  private async openAtProvider(payment: repo.PaymentRow, input: { buyerUserId: string; description: string; expiresAt: Date; field: string }): Promise<PaymentStart> {
    const method = payment.provider;
    let payer = input.buyerUserId;
    if (method === 'wechat') {
      const wechat = this.providers.wechat;
      if (!wechat) throw methodProblem(method, 'unavailable', input.field);
      const openid = await repo.findWechatOpenid(this.db, { userId: input.buyerUserId, appId: wechat.appid });
      if (!openid) throw methodProblem(method, 'wechat_account_required', input.field);
      payer = openid;
    }
    const provider = this.provider(method);
    if (!provider) throw methodProblem(method, 'unavailable', input.field);
    try {
      const created = await provider.createPayment({
        outTradeNo: payment.outTradeNo,
        amount: { amount: payment.amountFen, currency: 'CNY' },
        description: input.description,
        payerOpenid: payer,
        notifyUrl: this.notifyUrl,
        expiresAt: input.expiresAt,
      });
      return created.kind === 'sandbox' ? { kind: 'sandbox', url: created.url } : { kind: 'wx.requestPayment', params: created.params };
    } catch (error) {
      this.log.warn({ err: error, outTradeNo: payment.outTradeNo, provider: method }, 'payment provider refused to open a payment');
      throw providerFailure(error);
    }
  }

  private async checkoutOrThrow(checkoutId: string): Promise<repo.CheckoutOrders> {
    const checkout = await repo.findCheckout(this.db, checkoutId);
    if (!checkout) throw new Error(`checkout ${checkoutId} is missing`);
    return checkout;
  }

  // ---- The provider's word: notifications and queries ----

  /**
   * A payment notification as it reached us (headers and the untouched body). Verified and
   * decoded by the provider, then recorded once however often it is repeated.
   */
  async handleNotification(method: PaymentMethod, headers: RawNotification['headers'], body: string | Buffer): Promise<NotificationOutcome> {
    const provider = this.provider(method);
    if (!provider) return { ok: false, status: 404, reason: 'not_configured', message: `${method} payments are not configured here` };
    let transaction: PaymentTransaction;
    try {
      ({ transaction } = await provider.parsePaymentNotification({ headers, body }));
    } catch (error) {
      const refused = refusedMessage(error);
      if (!refused) throw error;
      this.log.warn({ err: error, provider: method }, 'payment notification refused');
      return refused;
    }
    return this.applyTransaction(method, transaction);
  }

  /**
   * The one path from "the provider says this transaction exists" to our records, for
   * notifications and queries alike.
   */
  private async applyTransaction(method: PaymentMethod, transaction: PaymentTransaction): Promise<NotificationOutcome> {
    const payment = await repo.findPaymentByOutTradeNo(this.db, transaction.outTradeNo);
    const verdict = judgeTransaction(payment, method, transaction);
    if (verdict === 'ignore') return { ok: true, result: 'ignored', checkoutId: payment?.checkoutId ?? null };
    const reported = { transactionId: transaction.transactionId, amountFen: transaction.amount.total.amount, payerTotalFen: transaction.amount.payerTotal?.amount ?? null, successTime: transaction.successTime?.toISOString() ?? null };
    if (verdict === 'unknown_order' || !payment) {
      await this.recordAnomalyOnce({ kind: 'unknown_order', provider: method, reference: transaction.outTradeNo, details: { ...reported, ...(payment ? { recordedProvider: payment.provider } : {}) } });
      this.log.error({ outTradeNo: transaction.outTradeNo, provider: method }, 'payment reported for an order we do not know');
      return { ok: false, status: 404, reason: 'unknown_order', message: `no order ${transaction.outTradeNo}` };
    }
    if (verdict === 'amount_mismatch') {
      await this.recordAnomalyOnce({ kind: 'amount_mismatch', provider: method, reference: transaction.outTradeNo, details: { ...reported, expectedFen: payment.amountFen } });
      this.log.error({ outTradeNo: transaction.outTradeNo, provider: method, reportedFen: reported.amountFen, expectedFen: payment.amountFen }, 'payment amount differs from the order');
      return { ok: false, status: 400, reason: 'amount_mismatch', message: `amount ${reported.amountFen} differs from the order's ${payment.amountFen}` };
    }
    if (payment.status === 'paid') return { ok: true, result: 'already_recorded', checkoutId: payment.checkoutId };

    const now = this.clock();
    const paidAt = (transaction.successTime ?? now).toISOString();
    const transactionId = transaction.transactionId!;
    const recorded = await this.settlePayment({ payment, method, transactionId, paidAt, reported, now });
    if (recorded.fresh) this.log.info({ outTradeNo: payment.outTradeNo, provider: method, refunds: recorded.refunds }, 'payment recorded');
    return { ok: true, result: recorded.fresh ? 'paid' : 'already_recorded', checkoutId: payment.checkoutId };
  }

  /** The same report retried by the provider for a day is one thing for operators to look at. */
  private async recordAnomalyOnce(input: { kind: PaymentAnomalyKind; provider: string; reference: string; details: Record<string, unknown> }): Promise<void> {
    if (await repo.hasOpenAnomaly(this.db, input)) return;
    await repo.insertAnomaly(this.db, { ...input, now: this.clock().toISOString() });
  }

  /**
   * The fallback for a late or lost notification: payments unconfirmed for over 2 minutes (within
   * the last day) whose orders are not paid are looked up at their provider; a paid one is recorded
   * exactly as its notification would be, a closed one is closed here.
   */
  async queryPending(): Promise<{ checked: number; paid: number }> {
    const now = this.clock().getTime();
    const payments = await repo.findPendingPayments(this.db, {
      createdBefore: new Date(now - QUERY_AFTER_MS).toISOString(),
      createdAfter: new Date(now - QUERY_WINDOW_MS).toISOString(),
      limit: 50,
    });
    let paid = 0;
    for (const payment of payments) {
      const provider = this.provider(payment.provider);
      if (!provider) continue;
      let transaction: PaymentTransaction;
      try {
        transaction = await provider.queryPayment(payment.outTradeNo);
      } catch (error) {
        // Never opened at the provider (its start failed, or the sandbox restarted): nothing to learn.
        if (error instanceof PaymentProviderError && error.authenticated && error.providerCode === 'ORDER_NOT_EXIST') continue;
        this.log.warn({ err: error, outTradeNo: payment.outTradeNo }, 'payment query failed; asking again later');
        continue;
      }
      if (transaction.tradeState === 'SUCCESS' || transaction.tradeState === 'REFUND') {
        const outcome = await this.applyTransaction(payment.provider, transaction);
        if (outcome.ok && outcome.result === 'paid') paid++;
      } else if (transaction.tradeState === 'CLOSED') {
        await repo.markPaymentClosed(this.db, payment.id);
      }
    }
    return { checked: payments.length, paid };
  }

  // ---- Refunds ----

  /**
   * Sends every open refund now, once each, without waiting for its job (tests, an operator's
   * "send now"): requested → processing (a conditional update, so one sender claims each) → the
   * provider, with the refund's own out_refund_no → succeeded; processing ones (the provider still
   * at it, or a crash after sending) are sent again with the same number until the provider says
   * how it ended. A failure that may not have reached the provider goes back to requested; a
   * refusal for good is failed and shown to operators. The retrying itself is the refund's job's
   * (refund-job.ts): this pass only counts what it did.
   */
  async processRefunds(): Promise<{ sent: number; succeeded: number }> {
    const open = await repo.findOpenRefunds(this.db, 50);
    let sent = 0;
    let succeeded = 0;
    for (const refund of open) {
      const outcome = await this.sendRefund(refund, { resendClaimed: false });
      if (outcome.state !== 'skipped') sent++;
      if (outcome.state === 'succeeded') succeeded++;
    }
    return { sent, succeeded };
  }

  /** The open refunds (requested or processing), oldest first: what the send-refund sweep makes sure has a job. */
  async openRefundIds(limit = 200): Promise<string[]> {
    return (await repo.findOpenRefunds(this.db, limit)).map((r) => r.id);
  }

  /**
   * The send-refund job's handler: sends the refund once and answers how it ended; throws (so the
   * queue tries again after its back-off, under the same out_refund_no) while the outcome is not
   * known: no trustworthy answer, or the provider still processing it. A refund another sender
   * claimed meanwhile is sent too: resending the same number is harmless, and this job must not end
   * while the refund is open.
   */
  async sendRefundJob(refundId: string): Promise<{ refund: string; state: 'succeeded' | 'failed' | 'absent' }> {
    const refund = await repo.findRefundById(this.db, refundId);
    if (!refund) return { refund: refundId, state: 'absent' };
    if (refund.status === 'succeeded' || refund.status === 'failed') return { refund: refund.outRefundNo, state: refund.status };
    if (!this.provider(refund.provider)) throw new Error(`refund ${refund.outRefundNo}: ${refund.provider} payments are not configured in this process`);
    const outcome = await this.sendRefund(refund, { resendClaimed: true });
    if (outcome.state === 'retry') throw outcome.error;
    if (outcome.state === 'processing') throw new RefundStillProcessing(refund.outRefundNo);
    if (outcome.state === 'skipped') {
      // Ended by a notification between our read and our claim.
      const now = await repo.findRefundById(this.db, refundId);
      if (now?.status === 'succeeded' || now?.status === 'failed') return { refund: refund.outRefundNo, state: now.status };
      throw new Error(`refund ${refund.outRefundNo} could not be claimed; looked at again later`);
    }
    return { refund: refund.outRefundNo, state: outcome.state };
  }

  private async sendRefund(
    refund: repo.RefundRow,
    options: { resendClaimed: boolean },
  ): Promise<{ state: 'skipped' | 'succeeded' | 'processing' | 'failed' } | { state: 'retry'; error: unknown }> {
    const provider = this.provider(refund.provider);
    if (!provider) return { state: 'skipped' };
    if (refund.status === 'requested' && !(await repo.moveRefund(this.db, { id: refund.id, from: ['requested'], to: 'processing' }))) {
      // Claimed by another sender since it was read: a pass leaves it to that one; the refund's job sends it again (same number).
      if (!options.resendClaimed || (await repo.findRefundById(this.db, refund.id))?.status !== 'processing') return { state: 'skipped' };
    }
    try {
      const result = await provider.refund({
        outTradeNo: refund.outTradeNo,
        outRefundNo: refund.outRefundNo,
        refund: { amount: refund.amountFen, currency: 'CNY' },
        total: { amount: refund.paymentAmountFen, currency: 'CNY' },
        reason: [...refund.reason].slice(0, 80).join(''),
        ...(refund.provider === 'wechat' ? { notifyUrl: `${this.publicUrl}/api/payments/wechat/refund-notify` } : {}),
      });
      const state = refundStateOf(result.status);
      if (state === 'processing') return { state: 'processing' };
      await this.finishRefund(refund, state, { refundId: result.refundId, providerStatus: result.status, at: result.successTime });
      return { state };
    } catch (error) {
      if (refundFailureIsFinal(error)) {
        await this.finishRefund(refund, 'failed', { providerStatus: error instanceof PaymentProviderError ? (error.providerCode ?? error.code) : 'ERROR', message: error instanceof Error ? error.message : String(error) });
        return { state: 'failed' };
      }
      this.log.warn({ err: error, outRefundNo: refund.outRefundNo }, 'refund not confirmed; it will be sent again with the same number');
      await repo.moveRefund(this.db, { id: refund.id, from: ['processing'], to: 'requested' });
      return { state: 'retry', error };
    }
  }

  /** processing (or requested, from a refund notification) → succeeded / failed, once; a failure is shown to operators. */
  private async finishRefund(refund: repo.RefundRow, state: 'succeeded' | 'failed', details: { refundId?: string; providerStatus: string; at?: Date | null; message?: string }): Promise<boolean> {
    const now = this.clock();
    const completedAt = (details.at ?? now).toISOString();
    const moved = await this.db.transaction().execute(async (trx) => {
      if (!(await repo.moveRefund(trx, { id: refund.id, from: ['requested', 'processing'], to: state, completedAt }))) return false;
      await this.settleRefund(trx, { refundId: refund.id, state, at: completedAt });
      if (state === 'failed') {
        await repo.insertAnomaly(trx, {
          kind: 'refund_failed',
          provider: refund.provider,
          reference: refund.outTradeNo,
          details: { outRefundNo: refund.outRefundNo, refundFen: refund.amountFen, orderId: refund.orderId, providerStatus: details.providerStatus, ...(details.message ? { message: details.message } : {}) },
          now: now.toISOString(),
        });
      }
      return true;
    });
    if (moved) (state === 'failed' ? this.log.error.bind(this.log) : this.log.info.bind(this.log))({ outRefundNo: refund.outRefundNo, refundId: details.refundId, state }, `refund ${state}`);
    return moved;
  }

  /** A refund result notification (WeChat REFUND.SUCCESS / ABNORMAL / CLOSED): ends the refund once. */
  async handleRefundNotification(method: PaymentMethod, headers: RawNotification['headers'], body: string | Buffer): Promise<NotificationOutcome> {
    const provider = this.provider(method);
    if (!provider) return { ok: false, status: 404, reason: 'not_configured', message: `${method} payments are not configured here` };
    let notified;
    try {
      notified = await provider.parseRefundNotification({ headers, body });
    } catch (error) {
      const refused = refusedMessage(error);
      if (!refused) throw error;
      this.log.warn({ err: error, provider: method }, 'refund notification refused');
      return refused;
    }
    const refund = await repo.findRefundByOutRefundNo(this.db, notified.refund.outRefundNo);
    if (!refund || refund.provider !== method) return { ok: false, status: 404, reason: 'unknown_refund', message: `no refund ${notified.refund.outRefundNo}` };
    const state = refundStateOf(notified.refund.status);
    if (state !== 'processing' && (refund.status === 'requested' || refund.status === 'processing')) {
      await this.finishRefund(refund, state, { refundId: notified.refund.refundId, providerStatus: notified.refund.status, at: notified.refund.successTime });
    }
    return { ok: true, result: 'ignored', checkoutId: null };
  }

  // ---- The sandbox's page ----

  /** What the sandbox page shows for a payment number; NOT_FOUND unless it is a sandbox payment. */
  async sandboxView(outTradeNo: string): Promise<{ payment: repo.PaymentRow; checkout: repo.CheckoutOrders }> {
    const payment = await repo.findPaymentByOutTradeNo(this.db, outTradeNo);
    if (!payment || payment.provider !== 'sandbox' || !this.providers.sandbox) throw notFound();
    return { payment, checkout: await this.checkoutOrThrow(payment.checkoutId) };
  }

  /**
   * The tester's choice on the sandbox page. "success": the sandbox signs a notification and it
   * goes through handleNotification like WeChat's; "fail": nothing is recorded (the buyer may try again).
   */
  async sandboxPay(outTradeNo: string, result: 'success' | 'fail'): Promise<{ ok: true; checkoutId: string } | { ok: false; reason: SandboxRefusal; checkoutId: string }> {
    const { payment, checkout } = await this.sandboxView(outTradeNo);
    const sandbox = this.providers.sandbox!;
    if (result === 'fail') return { ok: false, reason: 'failed', checkoutId: checkout.id };
    if (payment.status === 'closed') return { ok: false, reason: 'closed', checkoutId: checkout.id };
    const notification = sandbox.pay({ outTradeNo, amountFen: payment.amountFen, payer: checkout.buyerUserId });
    const outcome = await this.handleNotification('sandbox', notification.headers, notification.body);
    if (!outcome.ok) return { ok: false, reason: 'refused', checkoutId: checkout.id };
    return { ok: true, checkoutId: checkout.id };
  }

  // ---- Operators ----

  /** Anomalies newest first: admins see all; operators those about their pavilions' orders. */
  async listAnomalies(caller: Caller | null, query: { status: 'open' | 'resolved' | 'all' }): Promise<repo.AnomalyRow[]> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const rows = await repo.findAnomalies(this.db, { status: query.status, limit: scope === 'all' ? 200 : 1000 });
    if (scope === 'all') return rows;
    return (await this.visibleTo(scope, rows)).slice(0, 200);
  }

  async resolveAnomaly(caller: Caller | null, id: string): Promise<repo.AnomalyRow> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const found = await repo.findAnomaly(this.db, id);
    if (!found || (scope !== 'all' && (await this.visibleTo(scope, [found])).length === 0)) throw notFound();
    if (!(await repo.resolveAnomaly(this.db, { id, now: this.clock().toISOString() }))) throw new AppError('INVALID_TRANSITION', { message: 'already resolved' });
    const resolved = await repo.findAnomaly(this.db, id);
    return resolved!;
  }

  /**
   * An anomaly about one order belongs to that order's pavilion; one about a payment, to the
   * pavilions of its checkout's orders; one about a number we never issued, to admins only.
   */
  private async visibleTo(pavilionIds: string[], rows: repo.AnomalyRow[]): Promise<repo.AnomalyRow[]> {
    const orderIdOf = (row: repo.AnomalyRow) => (typeof row.details.orderId === 'string' ? row.details.orderId : null);
    const { byOutTradeNo, byOrderId } = await repo.pavilionsOf(this.db, {
      outTradeNos: [...new Set(rows.map((r) => r.reference))],
      orderIds: [...new Set(rows.flatMap((r) => orderIdOf(r) ?? []))],
    });
    const mine = new Set(pavilionIds);
    return rows.filter((row) => {
      const orderId = orderIdOf(row);
      if (orderId) {
        const pavilion = byOrderId.get(orderId);
        return pavilion !== undefined && mine.has(pavilion);
      }
      return [...(byOutTradeNo.get(row.reference) ?? [])].some((p) => mine.has(p));
    });
  }
}

/** The provider took the refund and has not finished it: its job asks again later (the same number), unless the notification ends it first. */
export class RefundStillProcessing extends Error {
  constructor(outRefundNo: string) {
    super(`refund ${outRefundNo}: the provider is still processing it; asked again later under the same number`);
    this.name = 'RefundStillProcessing';
  }
}

function methodProblem(method: PaymentMethod, rule: 'unavailable' | 'wechat_account_required', field: string): AppError {
  const message =
    rule === 'unavailable'
      ? `${method === 'wechat' ? 'WeChat Pay' : 'The sandbox'} is not available here`
      : 'WeChat Pay needs a WeChat sign-in: open the store in the mini program to pay';
  return new AppError('VALIDATION_FAILED', { details: [{ field, rule, message }] });
}

/** A provider failure as the buyer gets it: nothing was charged; whether trying again may help. */
function providerFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof PaymentProviderError) {
    return new AppError('PAYMENT_PROVIDER_ERROR', { details: { ...(error.providerCode ? { providerCode: error.providerCode } : {}), retryable: error.retryable } });
  }
  return new AppError('PAYMENT_PROVIDER_ERROR', { details: { retryable: true } });
}

/** A notification the provider refused to vouch for: 401 for signatures, 400 for a malformed message. */
function refusedMessage(error: unknown): Extract<NotificationOutcome, { ok: false }> | null {
  if (!(error instanceof PaymentProviderError)) return null;
  if (error.code === 'MALFORMED_MESSAGE') return { ok: false, status: 400, reason: 'malformed', message: error.message };
  if (error.code === 'SIGNATURE_INVALID' || error.code === 'UNKNOWN_SERIAL' || error.code === 'STALE_TIMESTAMP' || error.code === 'DECRYPT_FAILED') {
    return { ok: false, status: 401, reason: 'signature', message: error.message };
  }
  return null;
}
