import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type {
  CustomsDeclarationInput,
  CustomsDeclarationResult,
  CreatedPayment,
  CreatePaymentInput,
  PaymentNotification,
  PaymentProvider,
  PaymentTransaction,
  RawNotification,
  RefundInput,
  RefundNotification,
  RefundResult,
} from './payment-provider.ts';
import { PaymentProviderError, tradeStates } from './payment-provider.ts';
import { readSignedHeaders, timestampIsFresh } from './wechat-pay.rules.ts';

/** The key name the sandbox signs with, sent as Wechatpay-Serial like WeChat's platform key id. */
export const SANDBOX_SERIAL = 'PAVILION-SANDBOX-HMAC-1';

/**
 * A payment provider for demos and development: nobody's money moves. The buyer is sent to a page
 * of ours (`/api/payments/sandbox/pay/<outTradeNo>`) where they choose the outcome; a success
 * becomes a notification signed like WeChat's (Wechatpay-Timestamp/-Nonce/-Signature/-Serial over
 * TIMESTAMP\nNONCE\nBODY\n, the timestamp held to the same 5 minutes), only with HMAC-SHA256 under
 * a key derived from SECRET_KEY, and it goes through the same notification handling as WeChat's.
 *
 * State lives in memory: after a restart the sandbox has forgotten unpaid payments (a query answers
 * ORDER_NOT_EXIST, as WeChat does for a number it never saw). Refunds succeed at once.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly key: Buffer;
  private readonly publicUrl: string;
  private readonly now: () => number;
  private readonly payments = new Map<string, { total: number; state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'; transactionId: string | null; successTime: Date | null; payer: string | null; refunded: number }>();
  private readonly refunds = new Map<string, RefundResult>();

  constructor(options: { secretKey: string; publicUrl: string; now?: () => number }) {
    // A key of its own: a sandbox signature can never be a valid session hash or anything else keyed by SECRET_KEY.
    this.key = createHmac('sha256', options.secretKey).update('pavilion/sandbox-payments/v1').digest();
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
  }

  /** The page the buyer is sent to. */
  pageUrl(outTradeNo: string): string {
    return `${this.publicUrl}/api/payments/sandbox/pay/${encodeURIComponent(outTradeNo)}`;
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const known = this.payments.get(input.outTradeNo);
    if (known && known.state !== 'NOTPAY') throw new PaymentProviderError('PROVIDER_ERROR', `sandbox payment ${input.outTradeNo} is ${known.state}`, { providerCode: known.state === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDER_PAID', authenticated: true });
    if (!known) this.payments.set(input.outTradeNo, { total: input.amount.amount, state: 'NOTPAY', transactionId: null, successTime: null, payer: null, refunded: 0 });
    return { kind: 'sandbox', url: this.pageUrl(input.outTradeNo) };
  }

  /**
   * The tester chose "pay": the sandbox takes the money and writes the TRANSACTION.SUCCESS
   * notification it would post to us, signed. Paying twice gives the same transaction again.
   */
  pay(input: { outTradeNo: string; amountFen: number; payer: string }): RawNotification {
    const known = this.payments.get(input.outTradeNo);
    if (known?.state === 'CLOSED') throw new PaymentProviderError('PROVIDER_ERROR', `sandbox payment ${input.outTradeNo} is closed`, { providerCode: 'ORDER_CLOSED', authenticated: true });
    const paid =
      known && known.state !== 'NOTPAY'
        ? known
        : { total: input.amountFen, state: 'SUCCESS' as const, transactionId: `SB${Date.now()}${randomBytes(5).toString('hex').toUpperCase()}`, successTime: new Date(this.now()), payer: input.payer, refunded: known?.refunded ?? 0 };
    this.payments.set(input.outTradeNo, paid);
    const body = JSON.stringify({ id: randomUUID(), create_time: new Date(this.now()).toISOString(), event_type: 'TRANSACTION.SUCCESS', transaction: this.wireTransaction(input.outTradeNo) });
    return { headers: this.sign(body), body };
  }

  /** Signs a body as the sandbox signs notifications (exported for tests that forge or replay). */
  sign(body: string, options: { timestampSeconds?: number } = {}): Record<string, string> {
    const timestamp = String(options.timestampSeconds ?? Math.floor(this.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': this.mac(timestamp, nonce, body).toString('base64'),
      'Wechatpay-Serial': SANDBOX_SERIAL,
    };
  }

  async parsePaymentNotification(request: RawNotification): Promise<PaymentNotification> {
    const text = this.verify(request);
    const parsed = notificationSchema.safeParse(parseJson(text));
    if (!parsed.success) throw new PaymentProviderError('MALFORMED_MESSAGE', 'the sandbox notification is not what the sandbox sends');
    const { transaction: wire } = parsed.data;
    return {
      eventId: parsed.data.id,
      eventType: parsed.data.event_type,
      transaction: {
        outTradeNo: wire.out_trade_no,
        transactionId: wire.transaction_id,
        tradeState: wire.trade_state,
        amount: { total: { amount: wire.total_fen, currency: 'CNY' }, payerTotal: wire.payer_total_fen === null ? null : { amount: wire.payer_total_fen, currency: 'CNY' } },
        successTime: wire.success_time === null ? null : new Date(wire.success_time),
        payerOpenid: wire.payer,
      },
    };
  }

  async queryPayment(outTradeNo: string): Promise<PaymentTransaction> {
    if (!this.payments.has(outTradeNo)) throw notExist(outTradeNo);
    const wire = this.wireTransaction(outTradeNo);
    return {
      outTradeNo,
      transactionId: wire.transaction_id,
      tradeState: wire.trade_state,
      amount: { total: { amount: wire.total_fen, currency: 'CNY' }, payerTotal: wire.payer_total_fen === null ? null : { amount: wire.payer_total_fen, currency: 'CNY' } },
      successTime: wire.success_time === null ? null : new Date(wire.success_time),
      payerOpenid: wire.payer,
    };
  }

  async closePayment(outTradeNo: string): Promise<void> {
    const known = this.payments.get(outTradeNo);
    if (known && (known.state === 'SUCCESS' || known.state === 'REFUND')) {
      throw new PaymentProviderError('PROVIDER_ERROR', `sandbox payment ${outTradeNo} was paid`, { providerCode: 'ORDER_PAID', authenticated: true });
    }
    if (known) known.state = 'CLOSED';
    else this.payments.set(outTradeNo, { total: 0, state: 'CLOSED', transactionId: null, successTime: null, payer: null, refunded: 0 });
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const existing = this.refunds.get(input.outRefundNo);
    if (existing) return existing; // the same out_refund_no is the same refund
    const paid = this.payments.get(input.outTradeNo);
    // Forgotten after a restart: the sandbox takes our word for the payment (nothing real moves).
    if (paid && (paid.state === 'NOTPAY' || paid.state === 'CLOSED')) throw new PaymentProviderError('PROVIDER_ERROR', `sandbox payment ${input.outTradeNo} was not paid`, { providerCode: 'RESOURCE_NOT_EXISTS', httpStatus: 404, authenticated: true });
    if (paid && paid.refunded + input.refund.amount > input.total.amount) {
      throw new PaymentProviderError('PROVIDER_ERROR', 'refund exceeds what is left of the payment', { providerCode: 'INVALID_REQUEST', httpStatus: 400, authenticated: true });
    }
    if (paid) {
      paid.refunded += input.refund.amount;
      paid.state = 'REFUND';
    }
    const result: RefundResult = {
      outRefundNo: input.outRefundNo,
      outTradeNo: input.outTradeNo,
      refundId: `SBR${Date.now()}${randomBytes(4).toString('hex').toUpperCase()}`,
      transactionId: paid?.transactionId ?? null,
      status: 'SUCCESS',
      amount: { refund: input.refund, total: input.total, payerRefund: input.refund },
      successTime: new Date(this.now()),
    };
    this.refunds.set(input.outRefundNo, result);
    return result;
  }

  async parseRefundNotification(request: RawNotification): Promise<RefundNotification> {
    this.verify(request);
    // Refunds succeed within the call; the sandbox never posts a refund result.
    throw new PaymentProviderError('MALFORMED_MESSAGE', 'the sandbox sends no refund notifications');
  }

  /**
   * Answers like WeChat Pay's customs declaration: SUBMITTED, with the identity check SAME, except
   * for demos and tests of the other outcomes: a buyer ID number ending in 9 is DIFFERENT (the payer
   * is not the buyer), one ending in 8 is UNCHECKED. Nothing is sent anywhere.
   */
  async declareCustoms(input: CustomsDeclarationInput): Promise<CustomsDeclarationResult> {
    const last = input.buyer.idNumber.slice(-1);
    const identityCheck = last === '9' ? 'DIFFERENT' : last === '8' ? 'UNCHECKED' : 'SAME';
    return {
      state: 'SUBMITTED',
      identityCheck,
      answer: { state: 'SUBMITTED', cert_check_result: identityCheck, verify_department: 'OTHERS', ...(input.subOrder ? { sub_order_no: input.subOrder.subOrderNo } : {}) },
    };
  }

  private mac(timestamp: string, nonce: string, body: string | Buffer): Buffer {
    return createHmac('sha256', this.key).update(`${timestamp}\n${nonce}\n`).update(body).update('\n').digest();
  }

  /** The same checks as WeChat's, in the same order; returns the body as text. */
  private verify(request: RawNotification): string {
    const signed = readSignedHeaders(request.headers);
    if ('problem' in signed) throw new PaymentProviderError('SIGNATURE_INVALID', `Refused: sandbox signature headers ${signed.problem}`);
    if (signed.serial !== SANDBOX_SERIAL) throw new PaymentProviderError('UNKNOWN_SERIAL', `Refused: no sandbox key ${signed.serial}`);
    const given = Buffer.from(signed.signature, 'base64');
    const expected = this.mac(signed.timestamp, signed.nonce, request.body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new PaymentProviderError('SIGNATURE_INVALID', 'Refused: the sandbox signature does not verify');
    if (!timestampIsFresh(signed.timestamp, this.now())) throw new PaymentProviderError('STALE_TIMESTAMP', `Refused: timestamp ${signed.timestamp} is more than 5 minutes from now`);
    return typeof request.body === 'string' ? request.body : request.body.toString('utf8');
  }

  private wireTransaction(outTradeNo: string): WireSandboxTransaction {
    const known = this.payments.get(outTradeNo);
    if (!known) throw notExist(outTradeNo);
    const paid = known.state === 'SUCCESS' || known.state === 'REFUND';
    return {
      out_trade_no: outTradeNo,
      transaction_id: paid ? known.transactionId : null,
      trade_state: known.state,
      total_fen: known.total,
      payer_total_fen: paid ? known.total : null,
      success_time: paid && known.successTime ? known.successTime.toISOString() : null,
      payer: paid ? known.payer : null,
    };
  }
}

const fen = z.number().int().nonnegative().refine(Number.isSafeInteger);
const wireTransactionSchema = z.object({
  out_trade_no: z.string(),
  transaction_id: z.string().nullable(),
  trade_state: z.enum(tradeStates),
  total_fen: fen,
  payer_total_fen: fen.nullable(),
  success_time: z.string().nullable(),
  payer: z.string().nullable(),
});
type WireSandboxTransaction = z.infer<typeof wireTransactionSchema>;
const notificationSchema = z.object({ id: z.string(), create_time: z.string(), event_type: z.string(), transaction: wireTransactionSchema });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const notExist = (outTradeNo: string) =>
  new PaymentProviderError('PROVIDER_ERROR', `the sandbox has no payment ${outTradeNo}`, { providerCode: 'ORDER_NOT_EXIST', httpStatus: 404, authenticated: true });
