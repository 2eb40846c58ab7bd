import type { Money } from '@pavilion/contracts';

/**
 * The payment provider strategy: what checkout and the payment callbacks need from whoever moves the
 * buyer's money. `WechatPayProvider` speaks WeChat Pay API v3 (JSAPI / mini program); a sandbox
 * provider for demos and tests implements the same interface. Handed to `buildApp`, like the other
 * per-deployment strategies.
 *
 * What this layer does NOT decide: whether a paid amount equals the order's amount (AMOUNT_MISMATCH),
 * whether an event was already applied (idempotency), or what state the order moves to. Those are
 * the payment service's rules; the provider only proves that an event really comes from the provider
 * and turns it into typed, integer-money data.
 *
 * Amounts are integers in minor units (fen for CNY), never floats.
 */
export interface PaymentProvider {
  /** A short stable name stored with each payment ("wechat-pay", "sandbox"). */
  readonly name: string;

  /**
   * Opens a payment for our order number and returns what the buyer's client needs to pay it.
   * Idempotent on the provider's side for the same outTradeNo with the same parameters, so a call
   * that failed with a retryable error (or timed out) is retried with the SAME outTradeNo; a new
   * number for the same order risks a double payment.
   * Throws PaymentProviderError: INVALID_REQUEST before any call when the input breaks the
   * provider's limits; PROVIDER_ERROR, UNAVAILABLE, SIGNATURE_INVALID, … otherwise.
   */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;

  /**
   * Verifies a payment notification (the provider's callback to notifyUrl) from the raw request
   * headers and the raw body, exactly as received (re-serialised JSON would not verify), and
   * decodes it. Resolves only when the signature, the signing key, the timestamp and the
   * decryption all check out; throws PaymentProviderError (SIGNATURE_INVALID, UNKNOWN_SERIAL,
   * STALE_TIMESTAMP, DECRYPT_FAILED, MALFORMED_MESSAGE) otherwise, and the route must then answer
   * with a failure status so the provider retries. The same event may arrive several times.
   */
  parsePaymentNotification(request: RawNotification): Promise<PaymentNotification>;

  /**
   * Reads a payment's current state by our order number: the fallback when a notification is late
   * or lost (poll before giving up on an order, reconcile before closing it). The response is
   * signature-checked like a notification. An order the provider never saw is PROVIDER_ERROR with
   * providerCode ORDER_NOT_EXIST.
   */
  queryPayment(outTradeNo: string): Promise<PaymentTransaction>;

  /**
   * Closes an unpaid payment so the buyer can no longer pay it (order cancelled or expired, or
   * before paying again under a new number). Resolves once the provider confirms; closing an
   * already closed payment resolves too. A payment that was paid meanwhile is a PROVIDER_ERROR:
   * the caller must query and treat it as paid.
   */
  closePayment(outTradeNo: string): Promise<void>;

  /**
   * Asks for a refund of part or all of a paid payment. Idempotent on outRefundNo: retry a failed
   * or timed-out call with the same outRefundNo. The result is often PROCESSING; the final state
   * comes by refund notification (or a later query).
   */
  refund(input: RefundInput): Promise<RefundResult>;

  /** Like parsePaymentNotification, for the refund result callback. */
  parseRefundNotification(request: RawNotification): Promise<RefundNotification>;

  /**
   * Asks the provider to declare a paid payment to customs (the payment record, CEB411, which the
   * provider sends itself: 海关总署公告2018年第194号) and to check the buyer's identity against the
   * payer's. Idempotent on (outTradeNo, subOrderNo, customs): calling again answers the same
   * declaration, so a call whose answer was lost is simply repeated.
   */
  declareCustoms(input: CustomsDeclarationInput): Promise<CustomsDeclarationResult>;
}

export interface CustomsDeclarationInput {
  outTradeNo: string;
  transactionId: string;
  /** The customs office, as the provider codes it (WeChat Pay: SHANGHAI_ZS, GUANGZHOU_ZS, …). */
  customs: string;
  /** The merchant's customs registration number. */
  merchantCustomsNo: string;
  /** When one payment paid several orders: this order's number and its share (a split declaration). */
  subOrder?: { subOrderNo: string; orderFee: Money; productFee: Money; transportFee: Money };
  /** The buyer (订购人) as the order names them: the provider checks them against the payer. Clear text: only on this path. */
  buyer: { name: string; idNumber: string };
}

/** UNCHECKED not checked (yet); SAME the payer is the buyer; DIFFERENT they differ (the order must be held). */
export const identityCheckResults = ['UNCHECKED', 'SAME', 'DIFFERENT'] as const;
export type IdentityCheckResult = (typeof identityCheckResults)[number];

export interface CustomsDeclarationResult {
  /** The provider's declaration state (WeChat Pay: PROCESSING, UNDECLARED, SUBMITTED, SUCCESS, FAIL, EXCEPT). */
  state: string;
  identityCheck: IdentityCheckResult;
  /** What the provider answered, without personal data, to show operators. */
  answer: Record<string, string>;
}

/** A callback as it reached us: header names in any case, the body untouched. */
export interface RawNotification {
  headers: Record<string, string | string[] | undefined>;
  body: string | Buffer;
}

export interface CreatePaymentInput {
  /** Our payment number, unique per merchant (WeChat: 6–32 of [0-9A-Za-z_-|*]). */
  outTradeNo: string;
  /** What the buyer is charged; WeChat Pay JSAPI takes CNY only. */
  amount: Money;
  /** Shown to the buyer in the payment sheet and in their bill (WeChat: ≤ 127 characters). */
  description: string;
  /** Who pays, as the provider knows them: WeChat, the buyer's openid under our mini program's appid (from wx.login); the sandbox, our user id. */
  payerOpenid: string;
  /** Where the provider posts the payment result (https, no query string). */
  notifyUrl: string;
  /** After this the buyer can no longer pay; the order is then closed. */
  expiresAt: Date;
}

/** What the client does to pay: a discriminated union so another provider can add its own way. */
export type CreatedPayment =
  | {
      kind: 'wx.requestPayment';
      /** Pass as-is to wx.requestPayment() in the mini program. */
      params: WxRequestPaymentParams;
      /** The provider's id for this prepared payment (WeChat prepay_id, valid 2 hours). */
      prepayId: string;
    }
  | {
      /** The sandbox: a page of ours where the tester chooses the outcome. */
      kind: 'sandbox';
      url: string;
    };

/** What WeChat Pay's createPayment gives. */
export type WxCreatedPayment = Extract<CreatedPayment, { kind: 'wx.requestPayment' }>;

/** The parameters of the mini program's wx.requestPayment(), field names as WeChat spells them. */
export interface WxRequestPaymentParams {
  appId: string;
  /** Seconds since the epoch, 10 digits, as a string. */
  timeStamp: string;
  nonceStr: string;
  /** "prepay_id=…" */
  package: string;
  signType: 'RSA';
  /** SHA256withRSA by the merchant key over "appId\ntimeStamp\nnonceStr\npackage\n", Base64. */
  paySign: string;
}

/**
 * WeChat Pay's trade states (the sandbox provider speaks the same vocabulary):
 * SUCCESS paid; REFUND paid, then (partly) refunded; NOTPAY not paid yet; CLOSED closed unpaid;
 * REVOKED cancelled (payment-code only); USERPAYING the buyer is entering their password;
 * PAYERROR the payment failed (e.g. bank refused).
 */
export const tradeStates = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const;
export type TradeState = (typeof tradeStates)[number];

/** A payment as the provider sees it (from a notification or a query). */
export interface PaymentTransaction {
  outTradeNo: string;
  /** The provider's transaction number; null until paid. */
  transactionId: string | null;
  tradeState: TradeState;
  amount: {
    /** What the order asked for. */
    total: Money;
    /** What the buyer actually paid (total minus provider-side coupons); null until paid. */
    payerTotal: Money | null;
  };
  /** When the payment succeeded; null until paid. */
  successTime: Date | null;
  /** Who paid; null when the provider does not say (unpaid). */
  payerOpenid: string | null;
}

export interface PaymentNotification {
  /** The provider's notification id: the same event retried keeps its id. */
  eventId: string;
  /** e.g. TRANSACTION.SUCCESS */
  eventType: string;
  transaction: PaymentTransaction;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our refund number, unique per merchant (WeChat: 1–64 of [0-9A-Za-z_-|*@]). */
  outRefundNo: string;
  /** How much goes back: 0 < refund ≤ total. */
  refund: Money;
  /** The payment's original total (the provider checks it). */
  total: Money;
  /** Shown to the buyer (WeChat: ≤ 80 characters). */
  reason?: string;
  /** Where the provider posts the refund result; without it the result must be queried. */
  notifyUrl?: string;
}

/** SUCCESS refunded; PROCESSING under way; CLOSED refund closed; ABNORMAL needs manual handling (e.g. the buyer's card was cancelled). */
export const refundStatuses = ['SUCCESS', 'PROCESSING', 'CLOSED', 'ABNORMAL'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export interface RefundResult {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  transactionId: string | null;
  status: RefundStatus;
  amount: {
    refund: Money;
    total: Money;
    /** What goes back to the buyer's own funds (refund minus provider-side coupons); null when not given. */
    payerRefund: Money | null;
  };
  successTime: Date | null;
}

export interface RefundNotification {
  eventId: string;
  /** REFUND.SUCCESS, REFUND.ABNORMAL or REFUND.CLOSED */
  eventType: string;
  refund: RefundResult;
}

/**
 * Why a provider call or notification failed. Kept separate from AppError: these are the adapter's
 * outcomes, which the payment service turns into its own answers (a forged callback is a 401 to
 * WeChat, an unavailable provider a 502 to the buyer).
 */
export type PaymentProviderErrorCode =
  /** Our input breaks the provider's limits (lengths, charset, https notify URL, integer fen); nothing was sent. */
  | 'INVALID_REQUEST'
  /** A signature is missing, malformed, does not verify, or is a WECHATPAY/SIGNTEST/ probe. */
  | 'SIGNATURE_INVALID'
  /** The message names a signing key (Wechatpay-Serial) we do not hold: forged, or the platform key rotated. */
  | 'UNKNOWN_SERIAL'
  /** The signed timestamp is more than 5 minutes from our clock: a replay, or a badly skewed clock. */
  | 'STALE_TIMESTAMP'
  /** The encrypted resource failed AES-256-GCM authentication (tampered, or the wrong APIv3 key). */
  | 'DECRYPT_FAILED'
  /** The message verified but is not what the protocol promises (not JSON, fields missing, another merchant). */
  | 'MALFORMED_MESSAGE'
  /** The provider answered with an error ({code, message}); see providerCode and httpStatus. */
  | 'PROVIDER_ERROR'
  /** No answer: connection failed or timed out. The call may or may not have taken effect: retry it as is. */
  | 'UNAVAILABLE';

export class PaymentProviderError extends Error {
  readonly code: PaymentProviderErrorCode;
  /** The provider's own error code (WeChat: SIGN_ERROR, ORDER_NOT_EXIST, SYSTEM_ERROR, …). */
  readonly providerCode: string | undefined;
  readonly httpStatus: number | undefined;
  /** Whether repeating the same call (same outTradeNo / outRefundNo) may succeed. */
  readonly retryable: boolean;
  /**
   * Whether the provider's error answer carried a verified signature. An unsigned one (a gateway's
   * page, or a forgery) may be reported and retried, but never taken as a fact about the payment.
   */
  readonly authenticated: boolean;

  constructor(
    code: PaymentProviderErrorCode,
    message: string,
    options: { providerCode?: string; httpStatus?: number; retryable?: boolean; authenticated?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PaymentProviderError';
    this.code = code;
    this.providerCode = options.providerCode;
    this.httpStatus = options.httpStatus;
    this.retryable = options.retryable ?? false;
    this.authenticated = options.authenticated ?? false;
  }
}
