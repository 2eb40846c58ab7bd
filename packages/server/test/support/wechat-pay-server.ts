import { constants, createCipheriv, createSign, createVerify, generateKeyPairSync, privateDecrypt, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat Pay API v3 (api.mch.weixin.qq.com), speaking the protocol of
 * /work/shared/domain/wechat-douyin.md so the real WechatPayProvider can be tested over real HTTP.
 * It deliberately shares no code with the adapter: the signing strings and the AES-GCM are written
 * again here, so a mistake in the adapter's rules cannot be mirrored and pass.
 *
 * - Every request's Authorization (WECHATPAY2-SHA256-RSA2048) is checked with the merchant's public
 *   key over METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n, the mchid and serial_no must be the merchant's,
 *   the timestamp within 5 minutes: 401 SIGN_ERROR otherwise.
 * - POST /v3/pay/transactions/jsapi → {prepay_id}; GET /v3/pay/transactions/out-trade-no/{no}?mchid=
 *   → the transaction; POST …/{no}/close → 204; POST /v3/refund/domestic/refunds → the refund.
 *   Business errors answer {code, message} with WeChat's status codes.
 * - Every answer (errors too) is signed with the platform key: Wechatpay-Timestamp, -Nonce,
 *   -Signature, -Serial over TIMESTAMP\nNONCE\nBODY\n.
 * - It makes the notifications WeChat would post (payment success, refund success): the resource
 *   encrypted with the APIv3 key, the whole signed; and the pieces to forge bad ones.
 * - Faults the test switches on for the next request(s).
 */

export type WechatPayFault =
  | { kind: 'system-error' }
  | { kind: 'frequency-limited' }
  /** An unsigned HTML 502 from a gateway in front of WeChat Pay. */
  | { kind: 'gateway-502' }
  /** A success answer whose body was changed after signing. */
  | { kind: 'tampered-answer' }
  /** A success answer signed by a key the merchant does not know. */
  | { kind: 'unknown-serial' }
  /** A success answer signed 10 minutes ago (a replay). */
  | { kind: 'stale-answer' }
  | { kind: 'slow'; delayMs: number };

export interface ReceivedRequest {
  method: string;
  /** Path and query as sent (what was signed). */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Whether the Authorization signature verified. */
  authorized: boolean;
}

export interface FakeOrder {
  outTradeNo: string;
  appid: string;
  description: string;
  notifyUrl: string;
  timeExpire: string | undefined;
  total: number;
  payerOpenid: string;
  prepayIds: string[];
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId: string | null;
  payerTotal: number | null;
  successTime: string | null;
  refunded: number;
}

export interface FakeRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  refund: number;
  total: number;
  reason: string | undefined;
  status: 'PROCESSING' | 'SUCCESS';
  createTime: string;
  successTime: string | null;
}

export interface SignOptions {
  /** Seconds; default the server's now. */
  timestamp?: number;
  nonce?: string;
  serial?: string;
  /** Sign with another key (a forger's). */
  privateKey?: KeyObject;
  /** Replace the signature outright (e.g. a WECHATPAY/SIGNTEST/ probe). */
  signature?: string;
}

export interface SignedMessage {
  headers: Record<string, string>;
  body: string;
}

export interface WechatPayServer {
  /** The API base to configure the adapter with (no trailing slash). */
  readonly url: string;
  readonly mchid: string;
  readonly appid: string;
  readonly apiV3Key: string;
  /** The id WeChat Pay signs with: a WeChat Pay public key id (PUB_KEY_ID_…). */
  readonly platformSerial: string;
  readonly platformPublicKeyPem: string;
  readonly requests: ReceivedRequest[];
  readonly orders: Map<string, FakeOrder>;
  readonly refunds: Map<string, FakeRefund>;
  /** The buyer pays (as wx.requestPayment would end); payerTotal < total when a WeChat coupon applied. */
  pay(outTradeNo: string, options?: { payerTotal?: number }): FakeOrder;
  /** WeChat finishes a refund (PROCESSING → SUCCESS). */
  settleRefund(outRefundNo: string): FakeRefund;
  /** The TRANSACTION.SUCCESS notification WeChat would post for a paid order. */
  paymentNotification(outTradeNo: string, sign?: SignOptions): SignedMessage;
  /** The REFUND.SUCCESS notification for a settled refund. */
  refundNotification(outRefundNo: string, sign?: SignOptions): SignedMessage;
  /** Signs any body as WeChat Pay signs answers and notifications. */
  sign(body: string, options?: SignOptions): Record<string, string>;
  /** Encrypts a resource as notifications carry it. */
  encryptResource(plaintext: string, originalType: string, associatedData?: string): NotificationResource;
  failNext(fault: WechatPayFault, times?: number): void;
  /** Customs declarations received (POST /v3/customs/orders), by out_trade_no and sub_order_no, with the buyer decrypted. */
  readonly customsDeclarations: Map<string, { customs: string; merchantCustomsNo: string; certificateId: string; certificateName: string; subOrderNo: string | null; orderFee: number | null }>;
  /** The payer's real-name ID as WeChat knows it: the declaration's identity check compares the buyer with it (SAME when not set). */
  setPayerIdentity(outTradeNo: string, idNumber: string): void;
  /** Moves this server's clock (its signed timestamps, its check of the merchant's). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface NotificationResource {
  original_type: string;
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

const MAX_SKEW_SECONDS = 300;

/** Starts the server on a free port; it verifies our requests with the merchant public key the test generated. */
export async function startWechatPayServer(options: {
  merchantPublicKey: KeyObject;
  merchantSerialNo: string;
  mchid?: string;
  appid?: string;
  apiV3Key?: string;
}): Promise<WechatPayServer> {
  const mchid = options.mchid ?? '1900009191';
  const appid = options.appid ?? `wx${randomBytes(8).toString('hex')}`;
  const apiV3Key = options.apiV3Key ?? randomBytes(16).toString('hex'); // 32 characters
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platformSerial = `PUB_KEY_ID_01${Array.from({ length: 30 }, () => Math.floor(Math.random() * 10)).join('')}`;
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const orders = new Map<string, FakeOrder>();
  const refunds = new Map<string, FakeRefund>();
  const requests: ReceivedRequest[] = [];
  const faults: WechatPayFault[] = [];
  const pending = new Set<NodeJS.Timeout>();
  let offsetMs = 0;
  const nowMs = () => Date.now() + offsetMs;
  const nowSeconds = () => Math.floor(nowMs() / 1000);
  const rfc3339 = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

  const sign = (body: string, signOptions: SignOptions = {}): Record<string, string> => {
    const timestamp = String(signOptions.timestamp ?? nowSeconds());
    const nonce = signOptions.nonce ?? randomBytes(16).toString('hex');
    const signature =
      signOptions.signature ??
      createSign('sha256').update(`${timestamp}\n${nonce}\n${body}\n`, 'utf8').sign(signOptions.privateKey ?? platform.privateKey, 'base64');
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': signOptions.serial ?? platformSerial,
    };
  };

  const encryptResource = (plaintext: string, originalType: string, associatedData = originalType): NotificationResource => {
    const nonce = randomBytes(6).toString('hex'); // 12 characters, used as 12 UTF-8 bytes
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.toString('base64'), associated_data: associatedData, nonce };
  };

  const transactionOf = (order: FakeOrder) => ({
    appid: order.appid,
    mchid,
    out_trade_no: order.outTradeNo,
    ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: order.state,
    trade_state_desc: { NOTPAY: '订单未支付', SUCCESS: '支付成功', CLOSED: '订单已关闭', REFUND: '转入退款' }[order.state],
    ...(order.successTime ? { bank_type: 'OTHERS', success_time: order.successTime } : {}),
    ...(order.state === 'NOTPAY' || order.state === 'CLOSED' ? {} : { payer: { openid: order.payerOpenid } }),
    amount: {
      total: order.total,
      ...(order.payerTotal === null ? {} : { payer_total: order.payerTotal, currency: 'CNY' }),
      payer_currency: 'CNY',
    },
  });

  const refundOf = (refund: FakeRefund, order: FakeOrder) => ({
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: order.transactionId ?? '',
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: refund.successTime } : {}),
    create_time: refund.createTime,
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.refund,
      // Coupons are not refunded in cash: the payer gets back their share.
      payer_total: order.payerTotal ?? order.total,
      payer_refund: Math.floor((refund.refund * (order.payerTotal ?? order.total)) / order.total),
      currency: 'CNY',
    },
  });

  /** A fault that spoils the signature of the answer being sent (set around one route() call). */
  let answerFault: WechatPayFault | undefined;

  const send = (res: ServerResponse, status: number, body: object | null) => {
    const text = body === null ? '' : JSON.stringify(body);
    const fault = answerFault;
    const headers =
      fault?.kind === 'unknown-serial'
        ? sign(text, { privateKey: stranger.privateKey, serial: 'PUB_KEY_ID_0199999999999999999999999999999999' })
        : fault?.kind === 'stale-answer'
          ? sign(text, { timestamp: nowSeconds() - 600 })
          : sign(text);
    const sent = fault?.kind === 'tampered-answer' ? text.replace(/"prepay_id":"wx/, '"prepay_id":"wy').replace(/"total":(\d)/, '"total":9$1') : text;
    res.writeHead(status, { ...headers, 'Request-ID': randomUUID(), ...(body === null ? {} : { 'content-type': 'application/json; charset=utf-8' }), 'content-length': Buffer.byteLength(sent) });
    res.end(sent);
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { code, message });

  /** The merchant's signature, checked as WeChat Pay checks it. */
  const authorized = (req: IncomingMessage, body: string): boolean => {
    const header = req.headers.authorization ?? '';
    const prefix = 'WECHATPAY2-SHA256-RSA2048 ';
    if (!header.startsWith(prefix)) return false;
    const fields: Record<string, string> = {};
    for (const match of header.slice(prefix.length).matchAll(/([a-z_]+)="([^"]*)"/g)) fields[match[1]!] = match[2]!;
    const { mchid: signer, nonce_str: nonce, signature, timestamp, serial_no: serial } = fields;
    if (signer !== mchid || serial !== options.merchantSerialNo || !nonce || !signature || !timestamp) return false;
    if (Math.abs(Number(timestamp) - nowSeconds()) > MAX_SKEW_SECONDS) return false;
    const message = `${req.method}\n${req.url}\n${timestamp}\n${nonce}\n${body}\n`;
    return createVerify('sha256').update(message, 'utf8').verify(options.merchantPublicKey, Buffer.from(signature, 'base64'));
  };

  type Json = Record<string, unknown>;
  const isFen = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

  const jsapi = (res: ServerResponse, body: Json) => {
    const amount = body.amount as Json | undefined;
    const payer = body.payer as Json | undefined;
    const outTradeNo = String(body.out_trade_no ?? '');
    if (body.mchid !== mchid) return fail(res, 400, 'PARAM_ERROR', 'mchid与请求头中的商户号不一致');
    if (body.appid !== appid) return fail(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (!/^[0-9A-Za-z_\-|*]{6,32}$/.test(outTradeNo)) return fail(res, 400, 'PARAM_ERROR', 'out_trade_no长度或字符不符合要求');
    if (typeof body.description !== 'string' || body.description.length === 0 || body.description.length > 127) return fail(res, 400, 'PARAM_ERROR', 'description长度不符合要求');
    if (typeof body.notify_url !== 'string' || !body.notify_url.startsWith('https://') || body.notify_url.includes('?')) return fail(res, 400, 'PARAM_ERROR', 'notify_url格式不正确');
    if (!amount || !isFen(amount.total) || (amount.currency ?? 'CNY') !== 'CNY') return fail(res, 400, 'PARAM_ERROR', 'amount.total必须为正整数(分)');
    if (!payer || typeof payer.openid !== 'string' || payer.openid === '') return fail(res, 400, 'PARAM_ERROR', '缺少参数payer.openid');

    const existing = orders.get(outTradeNo);
    if (existing) {
      if (existing.state === 'CLOSED') return fail(res, 400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.state !== 'NOTPAY') return fail(res, 400, 'INVALID_REQUEST', '该订单已支付');
      // The same number again is allowed only with the same parameters (a retry), not for another sale.
      if (existing.total !== amount.total || existing.description !== body.description || existing.payerOpenid !== payer.openid) {
        return fail(res, 403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      }
    }
    const order: FakeOrder = existing ?? {
      outTradeNo,
      appid,
      description: body.description,
      notifyUrl: body.notify_url,
      timeExpire: typeof body.time_expire === 'string' ? body.time_expire : undefined,
      total: amount.total,
      payerOpenid: payer.openid,
      prepayIds: [],
      state: 'NOTPAY',
      transactionId: null,
      payerTotal: null,
      successTime: null,
      refunded: 0,
    };
    const prepayId = `wx${new Date(nowMs()).toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(10).toString('hex')}`;
    order.prepayIds.push(prepayId);
    orders.set(outTradeNo, order);
    send(res, 200, { prepay_id: prepayId });
  };

  const close = (res: ServerResponse, outTradeNo: string, body: Json) => {
    if (body.mchid !== mchid) return fail(res, 400, 'PARAM_ERROR', 'mchid与请求头中的商户号不一致');
    const order = orders.get(outTradeNo);
    if (!order) return fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail(res, 400, 'INVALID_REQUEST', '订单已支付');
    order.state = 'CLOSED';
    send(res, 204, null);
  };

  const refund = (res: ServerResponse, body: Json) => {
    const amount = body.amount as Json | undefined;
    const order = orders.get(String(body.out_trade_no ?? ''));
    const outRefundNo = String(body.out_refund_no ?? '');
    if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo)) return fail(res, 400, 'PARAM_ERROR', 'out_refund_no不符合要求');
    if (!amount || !isFen(amount.refund) || !isFen(amount.total) || amount.currency !== 'CNY') return fail(res, 400, 'PARAM_ERROR', 'amount不符合要求');
    if (!order || order.state === 'NOTPAY' || order.state === 'CLOSED') return fail(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const existing = refunds.get(outRefundNo);
    if (existing) return send(res, 200, refundOf(existing, order)); // the same out_refund_no is the same refund
    if (amount.total !== order.total) return fail(res, 400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致');
    if (order.refunded + amount.refund > order.total) return fail(res, 400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const created: FakeRefund = {
      outRefundNo,
      refundId: `50${Date.now()}${randomBytes(6).toString('hex')}`.slice(0, 32),
      outTradeNo: order.outTradeNo,
      refund: amount.refund,
      total: amount.total,
      reason: typeof body.reason === 'string' ? body.reason : undefined,
      status: 'PROCESSING',
      createTime: rfc3339(nowMs()),
      successTime: null,
    };
    refunds.set(outRefundNo, created);
    order.refunded += amount.refund;
    order.state = 'REFUND';
    send(res, 200, refundOf(created, order));
  };

  const customsDeclarations: WechatPayServer['customsDeclarations'] = new Map();
  const payerIdentities = new Map<string, string>();
  const decryptField = (value: unknown): string | null => {
    if (typeof value !== 'string' || value === '') return null;
    try {
      return privateDecrypt({ key: platform.privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(value, 'base64')).toString('utf8');
    } catch {
      return null;
    }
  };
  // The customs declaration (报关): answered like WeChat Pay's, idempotent on out_trade_no + sub_order_no + customs.
  const customsDeclare = (req: IncomingMessage, res: ServerResponse, body: Json) => {
    if (body.mchid !== mchid) return fail(res, 400, 'PARAM_ERROR', 'mchid与请求头中的商户号不一致');
    if (body.appid !== appid) return fail(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const outTradeNo = String(body.out_trade_no ?? '');
    const order = orders.get(outTradeNo);
    if (!order || (order.state !== 'SUCCESS' && order.state !== 'REFUND')) return fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    if (body.transaction_id !== order.transactionId) return fail(res, 400, 'PARAM_ERROR', 'transaction_id与订单不符');
    if (typeof body.customs !== 'string' || !/^[A-Z_]+$/.test(body.customs)) return fail(res, 400, 'PARAM_ERROR', 'customs不合法');
    if (typeof body.merchant_customs_no !== 'string' || body.merchant_customs_no === '') return fail(res, 400, 'PARAM_ERROR', '缺少merchant_customs_no');
    if (req.headers['wechatpay-serial'] !== platformSerial) return fail(res, 400, 'PARAM_ERROR', 'Wechatpay-Serial与加密所用的平台公钥不符');
    const certificateId = decryptField(body.certificate_id);
    const certificateName = decryptField(body.certificate_name);
    if (body.certificate_type !== 'IDCARD' || !certificateId || !certificateName) return fail(res, 400, 'PARAM_ERROR', '证件信息解密失败');
    const subOrderNo = typeof body.sub_order_no === 'string' ? body.sub_order_no : null;
    customsDeclarations.set(`${outTradeNo}/${subOrderNo ?? ''}`, {
      customs: body.customs, merchantCustomsNo: body.merchant_customs_no, certificateId, certificateName, subOrderNo, orderFee: typeof body.order_fee === 'number' ? body.order_fee : null,
    });
    const payer = payerIdentities.get(outTradeNo);
    send(res, 200, {
      appid, mchid, out_trade_no: outTradeNo, transaction_id: order.transactionId, customs: body.customs, merchant_customs_no: body.merchant_customs_no,
      ...(subOrderNo ? { sub_order_no: subOrderNo, sub_order_id: `S${outTradeNo}`.slice(0, 32) } : {}),
      state: 'SUBMITTED',
      cert_check_result: payer === undefined || payer === certificateId ? 'SAME' : 'DIFFERENT',
      verify_department: 'OTHERS',
      verify_department_trade_id: `VD${order.transactionId}`.slice(0, 32),
      modify_time: rfc3339(nowMs()),
    });
  };

  const route = (req: IncomingMessage, res: ServerResponse, rawBody: string) => {
    const url = new URL(req.url ?? '/', 'http://wechatpay.test');
    const entry: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: rawBody, authorized: authorized(req, rawBody) };
    requests.push(entry);
    if (!entry.authorized) return fail(res, 401, 'SIGN_ERROR', '签名错误，请检查后再试');

    let body: Json = {};
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody) as Json;
      } catch {
        return fail(res, 400, 'PARAM_ERROR', '请求体不是合法的JSON');
      }
    }
    const closeMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(url.pathname);
    const queryMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return jsapi(res, body);
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return refund(res, body);
    if (req.method === 'POST' && url.pathname === '/v3/customs/orders') return customsDeclare(req, res, body);
    if (req.method === 'POST' && closeMatch) return close(res, decodeURIComponent(closeMatch[1]!), body);
    if (req.method === 'GET' && queryMatch) {
      if (url.searchParams.get('mchid') !== mchid) return fail(res, 400, 'PARAM_ERROR', 'mchid与请求头中的商户号不一致');
      const order = orders.get(decodeURIComponent(queryMatch[1]!));
      return order ? send(res, 200, transactionOf(order)) : fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    fail(res, 404, 'NOT_FOUND', '请求的资源不存在');
  };

  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const fault = faults.shift();
      if (!fault) return route(req, res, rawBody);
      switch (fault.kind) {
        case 'system-error':
          return fail(res, 500, 'SYSTEM_ERROR', '系统错误');
        case 'frequency-limited':
          return fail(res, 429, 'FREQUENCY_LIMITED', '频率超限');
        case 'gateway-502': {
          const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
          res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
          return res.end(page);
        }
        case 'slow': {
          const timer = setTimeout(() => {
            pending.delete(timer);
            if (!res.destroyed) route(req, res, rawBody);
          }, fault.delayMs);
          pending.add(timer);
          return;
        }
        default:
          // Answer normally, but sign (or spoil) the answer the way the fault says; route() answers synchronously.
          answerFault = fault;
          try {
            return route(req, res, rawBody);
          } finally {
            answerFault = undefined;
          }
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  const notification = (eventType: string, summary: string, resource: NotificationResource, signOptions?: SignOptions): SignedMessage => {
    const body = JSON.stringify({ id: randomUUID(), create_time: rfc3339(nowMs()), resource_type: 'encrypt-resource', event_type: eventType, summary, resource });
    return { headers: sign(body, signOptions), body };
  };

  const server: WechatPayServer = {
    url: `http://127.0.0.1:${port}`,
    mchid,
    appid,
    apiV3Key,
    platformSerial,
    platformPublicKeyPem: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    requests,
    orders,
    refunds,
    customsDeclarations,
    setPayerIdentity(outTradeNo, idNumber) {
      payerIdentities.set(outTradeNo, idNumber);
    },
    pay(outTradeNo, payOptions = {}) {
      const order = orders.get(outTradeNo);
      if (!order || order.state !== 'NOTPAY') throw new Error(`order ${outTradeNo} cannot be paid (${order?.state ?? 'unknown'})`);
      order.state = 'SUCCESS';
      order.transactionId = `42000${Date.now()}${Math.floor(Math.random() * 1e9)}`.slice(0, 28);
      order.payerTotal = payOptions.payerTotal ?? order.total;
      order.successTime = rfc3339(nowMs());
      return order;
    },
    settleRefund(outRefundNo) {
      const found = refunds.get(outRefundNo);
      if (!found) throw new Error(`no refund ${outRefundNo}`);
      found.status = 'SUCCESS';
      found.successTime = rfc3339(nowMs());
      return found;
    },
    paymentNotification(outTradeNo, signOptions) {
      const order = orders.get(outTradeNo);
      if (!order || order.state === 'NOTPAY' || order.state === 'CLOSED') throw new Error(`order ${outTradeNo} is not paid`);
      return notification('TRANSACTION.SUCCESS', '支付成功', encryptResource(JSON.stringify(transactionOf(order)), 'transaction'), signOptions);
    },
    refundNotification(outRefundNo, signOptions) {
      const found = refunds.get(outRefundNo);
      const order = found && orders.get(found.outTradeNo);
      if (!found || !order) throw new Error(`no refund ${outRefundNo}`);
      const wire = refundOf(found, order);
      const resource = {
        mchid,
        out_trade_no: wire.out_trade_no,
        transaction_id: wire.transaction_id,
        out_refund_no: wire.out_refund_no,
        refund_id: wire.refund_id,
        refund_status: found.status,
        ...(found.successTime ? { success_time: found.successTime } : {}),
        user_received_account: wire.user_received_account,
        amount: { total: wire.amount.total, refund: wire.amount.refund, payer_total: wire.amount.payer_total, payer_refund: wire.amount.payer_refund },
      };
      return notification(`REFUND.${found.status}`, '退款成功', encryptResource(JSON.stringify(resource), 'refund'), signOptions);
    },
    sign,
    encryptResource,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    advance(ms) {
      offsetMs += ms;
    },
    async close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
