import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CreatePaymentInput, RefundInput } from './payment-provider.ts';
import { refundStatuses, tradeStates } from './payment-provider.ts';

/*
 * The WeChat Pay API v3 protocol as pure functions: the signing strings, the Authorization header,
 * the signed-message checks, the AES-256-GCM resource, WeChat's input limits and wire shapes.
 * No HTTP and no clock of their own: wechat-pay.ts feeds them, the local test server reuses the
 * string builders, and the tests pin them to the published examples (/work/shared/domain/wechat-douyin.md).
 */

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** WeChat's rule: a signed response or notification more than 5 minutes off our clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** WeChat sends probe notifications whose signature starts so; they must fail verification. */
export const PROBE_SIGNATURE_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Request signing string: a GET has an empty body but keeps its trailing "\n". `url` is the path with its query, as sent. */
export function requestSigningMessage(request: { method: string; url: string; timestamp: string; nonce: string; body: string }): string {
  return `${request.method}\n${request.url}\n${request.timestamp}\n${request.nonce}\n${request.body}\n`;
}

/** Response and notification signing string; bytes, because the body is signed as received. */
export function responseSigningMessage(message: { timestamp: string; nonce: string; body: string | Buffer }): Buffer {
  const body = typeof message.body === 'string' ? Buffer.from(message.body, 'utf8') : message.body;
  return Buffer.concat([Buffer.from(`${message.timestamp}\n${message.nonce}\n`, 'utf8'), body, Buffer.from('\n', 'utf8')]);
}

/** What wx.requestPayment's paySign signs. */
export function paySignMessage(params: { appId: string; timeStamp: string; nonceStr: string; package: string }): string {
  return `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function authorizationHeader(fields: AuthorizationFields): string {
  return (
    `${AUTH_SCHEMA} mchid="${fields.mchid}",nonce_str="${fields.nonce_str}",` +
    `signature="${fields.signature}",timestamp="${fields.timestamp}",serial_no="${fields.serial_no}"`
  );
}

/** Reads an Authorization header back (the five fields in any order); null when it is not one. */
export function parseAuthorizationHeader(header: string): AuthorizationFields | null {
  const prefix = `${AUTH_SCHEMA} `;
  if (!header.startsWith(prefix)) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(prefix.length).split(',')) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!match || fields.has(match[1]!)) return null;
    fields.set(match[1]!, match[2]!);
  }
  const get = (name: keyof AuthorizationFields) => fields.get(name);
  const [mchid, nonce_str, signature, timestamp, serial_no] = [get('mchid'), get('nonce_str'), get('signature'), get('timestamp'), get('serial_no')];
  if (fields.size !== 5 || !mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** 32 upper-case hex characters, like WeChat's own examples (its limit is 32). */
export const newNonce = (): string => randomBytes(16).toString('hex').toUpperCase();

/** SHA256withRSA (PKCS#1 v1.5), Base64: every signature in the v3 protocol. */
export function signSha256WithRsa(message: string | Buffer, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function verifySha256WithRsa(message: string | Buffer, signatureBase64: string, publicKey: KeyObject): boolean {
  // Buffer.from(…, 'base64') skips junk silently; a signature that is not strict Base64 is not one.
  if (!BASE64.test(signatureBase64) || signatureBase64.length % 4 !== 0) return false;
  return createVerify('RSA-SHA256').update(message).verify(publicKey, Buffer.from(signatureBase64, 'base64'));
}

const GCM_TAG_BYTES = 16;

/** AEAD_AES_256_GCM as WeChat uses it: the 16-byte tag is appended to the ciphertext. Throws when the tag does not authenticate. */
export function decryptAeadAes256Gcm(input: { key: Buffer; nonce: Buffer; associatedData: Buffer; ciphertextWithTag: Buffer }): Buffer {
  if (input.key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  if (input.ciphertextWithTag.length < GCM_TAG_BYTES) throw new RangeError('ciphertext shorter than its tag');
  const cut = input.ciphertextWithTag.length - GCM_TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', input.key, input.nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(input.ciphertextWithTag.subarray(cut));
  decipher.setAAD(input.associatedData);
  return Buffer.concat([decipher.update(input.ciphertextWithTag.subarray(0, cut)), decipher.final()]);
}

/** The inverse, for the local WeChat Pay server and the tests. */
export function encryptAeadAes256Gcm(input: { key: Buffer; nonce: Buffer; associatedData: Buffer; plaintext: Buffer }): Buffer {
  const cipher = createCipheriv('aes-256-gcm', input.key, input.nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(input.associatedData);
  return Buffer.concat([cipher.update(input.plaintext), cipher.final(), cipher.getAuthTag()]);
}

export type SignedHeaderProblem = 'missing' | 'probe' | 'malformed-timestamp';

/** The four Wechatpay-* headers of a signed response or notification, or why they are unusable. */
export function readSignedHeaders(
  headers: Record<string, string | string[] | undefined> | Headers,
): { timestamp: string; nonce: string; signature: string; serial: string } | { problem: SignedHeaderProblem } {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    // A header sent twice is not a signature we can trust either way.
    return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  };
  const timestamp = get('wechatpay-timestamp');
  const nonce = get('wechatpay-nonce');
  const signature = get('wechatpay-signature');
  const serial = get('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return { problem: 'missing' };
  if (signature.startsWith(PROBE_SIGNATURE_PREFIX)) return { problem: 'probe' };
  if (!/^\d{1,12}$/.test(timestamp)) return { problem: 'malformed-timestamp' };
  return { timestamp, nonce, signature, serial };
}

/** Whether a signed timestamp (seconds) is within WeChat's 5 minutes of `nowMs`, either way. */
export function timestampIsFresh(timestampSeconds: string, nowMs: number): boolean {
  return Math.abs(Number(timestampSeconds) * 1000 - nowMs) <= MAX_CLOCK_SKEW_SECONDS * 1000;
}

/** time_expire: RFC 3339 to the second; written in Beijing time as WeChat's examples are. */
export function formatRfc3339Beijing(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}

// WeChat's published limits on the fields we send.
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const MAX_DESCRIPTION_CHARS = 127;
const MAX_REFUND_REASON_CHARS = 80;
const MAX_NOTIFY_URL_CHARS = 255;

function notifyUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notifyUrl is not a URL';
  }
  if (url.protocol !== 'https:') return 'notifyUrl must be https';
  // WeChat posts to the URL as given and drops a query string, so a query would silently lose data.
  if (url.search || url.hash || value.includes('?')) return 'notifyUrl must not carry a query string or fragment';
  if (value.length > MAX_NOTIFY_URL_CHARS) return `notifyUrl is longer than ${MAX_NOTIFY_URL_CHARS} characters`;
  return null;
}

const isPositiveFen = (amount: number): boolean => Number.isSafeInteger(amount) && amount > 0;

/** Every way the input breaks WeChat's JSAPI limits, checked before anything is signed or sent. */
export function createPaymentProblems(input: CreatePaymentInput, nowMs: number): string[] {
  const problems: string[] = [];
  if (!OUT_TRADE_NO.test(input.outTradeNo)) problems.push('outTradeNo must be 6–32 of 0-9 A-Z a-z _ - | *');
  if (input.amount.currency !== 'CNY') problems.push('WeChat Pay JSAPI charges CNY only');
  if (!isPositiveFen(input.amount.amount)) problems.push('amount must be a positive integer number of fen');
  const descriptionChars = [...input.description].length;
  if (descriptionChars === 0 || descriptionChars > MAX_DESCRIPTION_CHARS) problems.push(`description must be 1–${MAX_DESCRIPTION_CHARS} characters`);
  if (!input.payerOpenid || input.payerOpenid.length > 128) problems.push('payerOpenid must be 1–128 characters');
  const urlProblem = notifyUrlProblem(input.notifyUrl);
  if (urlProblem) problems.push(urlProblem);
  if (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt.getTime() <= nowMs) problems.push('expiresAt must be in the future');
  return problems;
}

export function refundProblems(input: RefundInput): string[] {
  const problems: string[] = [];
  if (!OUT_TRADE_NO.test(input.outTradeNo)) problems.push('outTradeNo must be 6–32 of 0-9 A-Z a-z _ - | *');
  if (!OUT_REFUND_NO.test(input.outRefundNo)) problems.push('outRefundNo must be 1–64 of 0-9 A-Z a-z _ - | * @');
  if (input.refund.currency !== 'CNY' || input.total.currency !== 'CNY') problems.push('WeChat Pay refunds CNY only');
  if (!isPositiveFen(input.refund.amount) || !isPositiveFen(input.total.amount)) problems.push('refund and total must be positive integer numbers of fen');
  else if (input.refund.amount > input.total.amount) problems.push('refund must not exceed the total');
  if (input.reason !== undefined && [...input.reason].length > MAX_REFUND_REASON_CHARS) problems.push(`reason must be at most ${MAX_REFUND_REASON_CHARS} characters`);
  if (input.notifyUrl !== undefined) {
    const urlProblem = notifyUrlProblem(input.notifyUrl);
    if (urlProblem) problems.push(urlProblem);
  }
  return problems;
}

// ---- Wire shapes (what WeChat sends). Not strict: WeChat adds fields over time. ----

/** Fen on the wire: an integer, never a float. */
const fen = z.number().int().nonnegative().refine(Number.isSafeInteger, { message: 'must be a safe integer' });
const rfc3339 = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an RFC 3339 time' });

export const wireErrorSchema = z.object({ code: z.string(), message: z.string().optional() });

export const wirePrepaySchema = z.object({ prepay_id: z.string().min(1) });

/** The customs declaration's answer (see WechatPayProvider.declareCustoms); unknown fields are ignored. */
export const wireCustomsDeclarationSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  state: z.string().min(1),
  cert_check_result: z.string().optional(),
  verify_department: z.string().optional(),
  verify_department_trade_id: z.string().optional(),
  explanation: z.string().optional(),
  modify_time: z.string().optional(),
  sub_order_no: z.string().optional(),
  sub_order_id: z.string().optional(),
});

/** A transaction, as the query answers it and as a payment notification's resource decrypts. */
export const wireTransactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(tradeStates),
  success_time: rfc3339.optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z.object({
    total: fen,
    payer_total: fen.optional(),
    currency: z.literal('CNY').optional(),
    payer_currency: z.literal('CNY').optional(),
  }),
});
export type WireTransaction = z.infer<typeof wireTransactionSchema>;

/** A refund, as POST /v3/refund/domestic/refunds answers it and as a refund notification decrypts. */
export const wireRefundSchema = z.object({
  mchid: z.string().optional(),
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string().optional(),
  out_trade_no: z.string(),
  // The answer calls it `status`, the notification `refund_status`.
  status: z.enum(refundStatuses).optional(),
  refund_status: z.enum(refundStatuses).optional(),
  success_time: rfc3339.optional(),
  amount: z.object({ total: fen, refund: fen, payer_refund: fen.optional() }),
});
export type WireRefund = z.infer<typeof wireRefundSchema>;

/** A notification's envelope: the resource is what is encrypted. */
export const wireNotificationSchema = z.object({
  id: z.string(),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string(),
  resource: z.object({
    original_type: z.string(),
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
  }),
});
export type WireNotification = z.infer<typeof wireNotificationSchema>;
