import { constants, createPrivateKey, createPublicKey, publicEncrypt, X509Certificate, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type {
  CustomsDeclarationInput,
  CustomsDeclarationResult,
  CreatePaymentInput,
  PaymentNotification,
  PaymentProvider,
  PaymentTransaction,
  RawNotification,
  RefundInput,
  RefundNotification,
  RefundResult,
  WxCreatedPayment,
} from './payment-provider.ts';
import { identityCheckResults, PaymentProviderError } from './payment-provider.ts';
import {
  authorizationHeader,
  createPaymentProblems,
  decryptAeadAes256Gcm,
  formatRfc3339Beijing,
  newNonce,
  paySignMessage,
  readSignedHeaders,
  refundProblems,
  requestSigningMessage,
  responseSigningMessage,
  signSha256WithRsa,
  timestampIsFresh,
  verifySha256WithRsa,
  wireErrorSchema,
  wireNotificationSchema,
  wirePrepaySchema,
  wireRefundSchema,
  wireTransactionSchema,
  wireCustomsDeclarationSchema,
  type WireRefund,
  type WireTransaction,
} from './wechat-pay.rules.ts';

export const WECHAT_PAY_API_BASE = 'https://api.mch.weixin.qq.com';

export interface WechatPayConfig {
  /** Our merchant number (直连商户号). */
  mchid: string;
  /** The mini program's appid the payer's openid belongs to. */
  appid: string;
  /** Serial number of our merchant API certificate: names the key our requests are signed with. */
  merchantSerialNo: string;
  /** Our merchant API private key (apiclient_key.pem), PKCS#8 or PKCS#1 PEM. */
  merchantPrivateKeyPem: string;
  /** The APIv3 key set in the merchant platform: exactly 32 characters, the AES key of notifications. */
  apiV3Key: string;
  /**
   * The keys WeChat Pay signs responses and notifications with, by the serial it sends in
   * Wechatpay-Serial: a platform certificate's serial → its certificate PEM, or a WeChat Pay public
   * key's id ("PUB_KEY_ID_…", what newer merchants get instead of certificates) → its public key PEM.
   * Several at once while WeChat rotates keys.
   */
  platformKeys: Record<string, string>;
  /** Default https://api.mch.weixin.qq.com; a test server or an egress proxy otherwise. */
  apiBase?: string;
  /** Per request, default 10 s. */
  timeoutMs?: number;
  /** Injected so tests can move time (the 5-minute signature window, expiry checks). */
  now?: () => number;
}

const NAME = 'wechat-pay';
/** See declareCustoms. */
export const CUSTOMS_ORDERS_PATH = '/v3/customs/orders';
const CNY = 'CNY' as const;

/**
 * The PaymentProvider over WeChat Pay API v3 (JSAPI, i.e. mini program payment), with node:crypto
 * only: the protocol is four signing strings, one AEAD and a handful of endpoints, which does not
 * justify a dependency holding our private key.
 */
export class WechatPayProvider implements PaymentProvider {
  readonly name = NAME;
  private readonly mchid: string;
  /** The mini program's appid: the payer's openid must be one under it. */
  readonly appid: string;
  private readonly merchantSerialNo: string;
  private readonly merchantKey: KeyObject;
  private readonly apiV3Key: Buffer;
  private readonly platformKeys: ReadonlyMap<string, KeyObject>;
  private readonly apiBase: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(config: WechatPayConfig) {
    this.mchid = config.mchid;
    this.appid = config.appid;
    this.merchantSerialNo = config.merchantSerialNo;
    // Parsed once, now: a bad key should stop the start, not the first buyer's payment.
    this.merchantKey = createPrivateKey(config.merchantPrivateKeyPem);
    this.apiV3Key = Buffer.from(config.apiV3Key, 'utf8');
    if (this.apiV3Key.length !== 32) throw new RangeError('apiV3Key must be 32 bytes (WeChat Pay sets 32 characters)');
    this.platformKeys = new Map(Object.entries(config.platformKeys).map(([serial, pem]) => platformKey(serial, pem)));
    if (this.platformKeys.size === 0) throw new RangeError('platformKeys: at least one WeChat Pay platform certificate or public key is needed');
    this.apiBase = (config.apiBase ?? WECHAT_PAY_API_BASE).replace(/\/+$/, '');
    this.timeoutMs = config.timeoutMs ?? 10_000;
    this.now = config.now ?? Date.now;
  }

  async createPayment(input: CreatePaymentInput): Promise<WxCreatedPayment> {
    rejectProblems(createPaymentProblems(input, this.now()));
    const answer = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.appid,
      mchid: this.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: formatRfc3339Beijing(input.expiresAt),
      notify_url: input.notifyUrl,
      amount: { total: input.amount.amount, currency: CNY },
      payer: { openid: input.payerOpenid },
    });
    const { prepay_id: prepayId } = parseWire(wirePrepaySchema, answer.json, 'the JSAPI prepay answer');

    const unsigned = {
      appId: this.appid,
      timeStamp: String(Math.floor(this.now() / 1000)),
      nonceStr: newNonce(),
      package: `prepay_id=${prepayId}`,
    };
    const paySign = signSha256WithRsa(paySignMessage(unsigned), this.merchantKey);
    return { kind: 'wx.requestPayment', prepayId, params: { ...unsigned, signType: 'RSA', paySign } };
  }

  async parsePaymentNotification(request: RawNotification): Promise<PaymentNotification> {
    const { envelope, resource } = this.openNotification(request, 'transaction');
    return { eventId: envelope.id, eventType: envelope.event_type, transaction: this.toTransaction(parseWire(wireTransactionSchema, resource, 'the notified transaction')) };
  }

  async queryPayment(outTradeNo: string): Promise<PaymentTransaction> {
    const query = new URLSearchParams({ mchid: this.mchid });
    const answer = await this.call('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?${query}`);
    return this.toTransaction(parseWire(wireTransactionSchema, answer.json, 'the transaction query answer'));
  }

  async closePayment(outTradeNo: string): Promise<void> {
    try {
      const answer = await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.mchid });
      // 204 is the only "closed"; a 202 USER_PAYING means the buyer is paying right now.
      if (answer.status !== 204) throw providerError(answer.status, answer.json, true);
    } catch (error) {
      // Closing twice is the goal reached, not a failure (a cancel and an expiry may race); only
      // WeChat's signed word for it counts, or a forged answer could leave an order payable.
      if (error instanceof PaymentProviderError && error.providerCode === 'ORDER_CLOSED' && error.authenticated) return;
      throw error;
    }
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    rejectProblems(refundProblems(input));
    const answer = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(input.notifyUrl === undefined ? {} : { notify_url: input.notifyUrl }),
      amount: { refund: input.refund.amount, total: input.total.amount, currency: CNY },
    });
    return toRefund(parseWire(wireRefundSchema, answer.json, 'the refund answer'));
  }

  async parseRefundNotification(request: RawNotification): Promise<RefundNotification> {
    const { envelope, resource } = this.openNotification(request, 'refund');
    const refund = parseWire(wireRefundSchema, resource, 'the notified refund');
    if (refund.mchid !== undefined && refund.mchid !== this.mchid) throw malformed('the refund belongs to another merchant');
    return { eventId: envelope.id, eventType: envelope.event_type, refund: toRefund(refund) };
  }

  /**
   * The customs declaration of a payment. What this relies on, from WeChat Pay's published customs
   * API (报关接口, API v3): POST …/customs/orders with appid, mchid, out_trade_no, transaction_id,
   * customs (e.g. SHANGHAI_ZS), merchant_customs_no, for a split order sub_order_no with fee_type,
   * order_fee, transport_fee, product_fee, and the buyer as certificate_type IDCARD,
   * certificate_id, certificate_name, each RSA-encrypted (RSAES-PKCS1-v1_5) with the key named in
   * the Wechatpay-Serial header; the answer carries state (PROCESSING / UNDECLARED / SUBMITTED /
   * SUCCESS / FAIL / EXCEPT), cert_check_result (UNCHECKED / SAME / DIFFERENT), verify_department,
   * verify_department_trade_id, explanation, modify_time. The cross-border merchants' documentation
   * places it under /v3/global/customs/orders on the Hong Kong host; the path is this one constant.
   */
  async declareCustoms(input: CustomsDeclarationInput): Promise<CustomsDeclarationResult> {
    const [serial, key] = [...this.platformKeys.entries()][0]!;
    const encrypt = (text: string) => publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(text, 'utf8')).toString('base64');
    const answer = await this.call('POST', CUSTOMS_ORDERS_PATH, {
      appid: this.appid,
      mchid: this.mchid,
      out_trade_no: input.outTradeNo,
      transaction_id: input.transactionId,
      customs: input.customs,
      merchant_customs_no: input.merchantCustomsNo,
      ...(input.subOrder
        ? {
            sub_order_no: input.subOrder.subOrderNo,
            fee_type: CNY,
            order_fee: input.subOrder.orderFee.amount,
            transport_fee: input.subOrder.transportFee.amount,
            product_fee: input.subOrder.productFee.amount,
          }
        : {}),
      certificate_type: 'IDCARD',
      certificate_id: encrypt(input.buyer.idNumber),
      certificate_name: encrypt(input.buyer.name),
    }, { 'wechatpay-serial': serial });
    const wire = parseWire(wireCustomsDeclarationSchema, answer.json, 'the customs declaration answer');
    if (wire.mchid !== this.mchid || wire.out_trade_no !== input.outTradeNo) throw malformed('the customs declaration answer is about another merchant or order');
    const identityCheck = identityCheckResults.find((r) => r === wire.cert_check_result) ?? 'UNCHECKED';
    const kept: Record<string, string> = {};
    for (const name of ['state', 'cert_check_result', 'verify_department', 'verify_department_trade_id', 'explanation', 'modify_time', 'sub_order_id', 'sub_order_no'] as const) {
      const value = wire[name];
      if (value !== undefined) kept[name] = String(value);
    }
    return { state: wire.state, identityCheck, answer: kept };
  }

  /** Signs and sends one API call; resolves only with an answer whose signature verified. */
  private async call(method: 'GET' | 'POST', url: string, body?: object, extraHeaders: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    // Serialised once: the bytes signed must be the bytes sent.
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonce = newNonce();
    const signature = signSha256WithRsa(requestSigningMessage({ method, url, timestamp, nonce, body: bodyText }), this.merchantKey);
    const headers: Record<string, string> = {
      authorization: authorizationHeader({ mchid: this.mchid, nonce_str: nonce, signature, timestamp, serial_no: this.merchantSerialNo }),
      accept: 'application/json',
      // WeChat Pay refuses requests without a User-Agent.
      'user-agent': 'pavilion-wechatpay/1 (node)',
      ...extraHeaders,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    let text: string;
    try {
      // Appended, not resolved, so a base with a path (an egress proxy) keeps it; the path signed
      // is WeChat's own, which is what WeChat checks.
      response = await fetch(`${this.apiBase}${url}`, { method, headers, body: body === undefined ? undefined : bodyText, signal: AbortSignal.timeout(this.timeoutMs) });
      text = await response.text();
    } catch (cause) {
      throw new PaymentProviderError('UNAVAILABLE', `WeChat Pay ${method} ${url.split('?')[0]} failed: ${String(cause)}`, { retryable: true, cause });
    }

    // A success must be signed. An error answer is checked when signed; a gateway's bare 5xx page is
    // not, and can do no more than make us retry.
    const signed = readSignedHeaders(response.headers);
    const unsignedError = !response.ok && 'problem' in signed && signed.problem === 'missing';
    if (!unsignedError) this.verifySigned(response.headers, text);
    const json = text === '' ? undefined : parseJson(text, `WeChat Pay's answer to ${method} ${url.split('?')[0]}`, response.ok);
    if (!response.ok) throw providerError(response.status, json, !unsignedError);
    return { status: response.status, json };
  }

  /** The signature check shared by answers and notifications. Throws; returns nothing on success. */
  private verifySigned(headers: RawNotification['headers'] | Headers, body: string | Buffer): void {
    const signed = readSignedHeaders(headers);
    if ('problem' in signed) {
      const why = { missing: 'Wechatpay-Timestamp/-Nonce/-Signature/-Serial missing', probe: 'a WECHATPAY/SIGNTEST/ probe signature', 'malformed-timestamp': 'Wechatpay-Timestamp is not a number of seconds' };
      throw new PaymentProviderError('SIGNATURE_INVALID', `Refused: ${why[signed.problem]}`);
    }
    const key = this.platformKeys.get(signed.serial);
    if (!key) throw new PaymentProviderError('UNKNOWN_SERIAL', `Refused: no WeChat Pay platform key with serial ${signed.serial}`);
    if (!verifySha256WithRsa(responseSigningMessage({ timestamp: signed.timestamp, nonce: signed.nonce, body }), signed.signature, key)) {
      throw new PaymentProviderError('SIGNATURE_INVALID', 'Refused: Wechatpay-Signature does not verify');
    }
    // After the signature, so STALE_TIMESTAMP always means "genuine but too old or too new": a replay or a skewed clock.
    if (!timestampIsFresh(signed.timestamp, this.now())) {
      throw new PaymentProviderError('STALE_TIMESTAMP', `Refused: Wechatpay-Timestamp ${signed.timestamp} is more than 5 minutes from now`);
    }
  }

  /** Verifies, parses and decrypts a notification; returns its envelope and the decrypted resource as JSON. */
  private openNotification(request: RawNotification, originalType: 'transaction' | 'refund') {
    this.verifySigned(request.headers, request.body);
    const text = typeof request.body === 'string' ? request.body : request.body.toString('utf8');
    const envelope = parseWire(wireNotificationSchema, parseJson(text, 'the notification', true), 'the notification');
    const { resource } = envelope;
    if (resource.algorithm !== 'AEAD_AES_256_GCM') throw malformed(`unknown resource algorithm ${resource.algorithm}`);
    if (resource.original_type !== originalType) throw malformed(`expected a ${originalType} resource, got ${resource.original_type}`);
    let plaintext: Buffer;
    try {
      plaintext = decryptAeadAes256Gcm({
        key: this.apiV3Key,
        nonce: Buffer.from(resource.nonce, 'utf8'),
        associatedData: Buffer.from(resource.associated_data ?? '', 'utf8'),
        ciphertextWithTag: Buffer.from(resource.ciphertext, 'base64'),
      });
    } catch (cause) {
      throw new PaymentProviderError('DECRYPT_FAILED', 'The notification resource does not decrypt with the APIv3 key', { cause });
    }
    return { envelope, resource: parseJson(plaintext.toString('utf8'), 'the decrypted resource', true) };
  }

  private toTransaction(wire: WireTransaction): PaymentTransaction {
    // Signed by WeChat, but for whom: an answer about another merchant's order is not ours to act on.
    if (wire.mchid !== this.mchid || wire.appid !== this.appid) throw malformed(`transaction ${wire.out_trade_no} belongs to another merchant or app`);
    return {
      outTradeNo: wire.out_trade_no,
      transactionId: wire.transaction_id || null,
      tradeState: wire.trade_state,
      amount: {
        total: { amount: wire.amount.total, currency: CNY },
        payerTotal: wire.amount.payer_total === undefined ? null : { amount: wire.amount.payer_total, currency: CNY },
      },
      successTime: wire.success_time === undefined ? null : new Date(wire.success_time),
      payerOpenid: wire.payer?.openid || null,
    };
  }
}

/**
 * A platform certificate (its serial checked against the name it is filed under, and filed under
 * the upper-case hex WeChat sends in Wechatpay-Serial) or a WeChat Pay public key under its id.
 */
function platformKey(serial: string, pem: string): [string, KeyObject] {
  if (pem.includes('BEGIN CERTIFICATE')) {
    const certificate = new X509Certificate(pem);
    if (certificate.serialNumber.toUpperCase() !== serial.toUpperCase()) {
      throw new RangeError(`platformKeys: the certificate filed under ${serial} has serial ${certificate.serialNumber}`);
    }
    return [certificate.serialNumber.toUpperCase(), certificate.publicKey];
  }
  return [serial, createPublicKey(pem)];
}

function toRefund(wire: WireRefund): RefundResult {
  const status = wire.status ?? wire.refund_status;
  if (status === undefined) throw malformed(`refund ${wire.out_refund_no} carries no status`);
  return {
    outRefundNo: wire.out_refund_no,
    outTradeNo: wire.out_trade_no,
    refundId: wire.refund_id,
    transactionId: wire.transaction_id || null,
    status,
    amount: {
      refund: { amount: wire.amount.refund, currency: CNY },
      total: { amount: wire.amount.total, currency: CNY },
      payerRefund: wire.amount.payer_refund === undefined ? null : { amount: wire.amount.payer_refund, currency: CNY },
    },
    successTime: wire.success_time === undefined ? null : new Date(wire.success_time),
  };
}

function rejectProblems(problems: string[]): void {
  if (problems.length > 0) throw new PaymentProviderError('INVALID_REQUEST', problems.join('; '));
}

const malformed = (why: string) => new PaymentProviderError('MALFORMED_MESSAGE', `WeChat Pay message refused: ${why}`);

function parseJson(text: string, what: string, required: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (!required) return undefined;
    throw new PaymentProviderError('MALFORMED_MESSAGE', `${what} is not JSON`, { cause });
  }
}

function parseWire<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw malformed(`${what} is not what the protocol promises (${fields})`);
  }
  return parsed.data;
}

/** WeChat's codes that say "the same call again later may work". */
const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'SYSTEMERROR', 'FREQUENCY_LIMITED', 'USER_PAYING', 'USERPAYING', 'BANK_ERROR']);

function providerError(status: number, json: unknown, authenticated: boolean): PaymentProviderError {
  const parsed = wireErrorSchema.safeParse(json);
  const providerCode = parsed.success ? parsed.data.code : undefined;
  const providerMessage = parsed.success ? (parsed.data.message ?? '') : 'no {code, message} body';
  return new PaymentProviderError('PROVIDER_ERROR', `WeChat Pay answered ${status}${providerCode === undefined ? '' : ` ${providerCode}`}: ${providerMessage}`, {
    ...(providerCode === undefined ? {} : { providerCode }),
    httpStatus: status,
    authenticated,
    retryable: status >= 500 || status === 429 || (providerCode !== undefined && RETRYABLE_CODES.has(providerCode)),
  });
}
