import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Tencent Cloud SMS (POST / with X-TC-Action SendSms, version 2021-01-11),
 * speaking the protocol the way sms.tencentcloudapi.com does, so the real TencentSmsSender is tested
 * over real HTTP:
 * - the TC3-HMAC-SHA256 Authorization is recomputed here, independently of the app's signer, over
 *   the SignedHeaders the request names (AuthFailure.SignatureFailure when it does not match,
 *   AuthFailure.SecretIdNotFound for another SecretId, AuthFailure.SignatureExpire when the
 *   timestamp is more than 5 minutes off, InvalidParameter for a wrong action or version);
 * - the body is checked (SmsSdkAppId, SignName, TemplateId, +86 numbers, TemplateParamSet);
 * - success answers `SendStatusSet` with Code "Ok" per number; a number the test marks answers its
 *   own Code (LimitExceeded.PhoneNumberDailyLimit, …); `fault` makes the next answer an HTTP 500.
 * Errors are `{"Response":{"Error":{"Code","Message"},"RequestId"}}` with HTTP 200, as Tencent does.
 */

export interface ReceivedSms {
  phoneNumbers: string[];
  templateParams: string[];
  headers: Record<string, string>;
  body: string;
}

export interface TencentSmsServer {
  readonly url: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly sdkAppId: string;
  readonly signName: string;
  readonly templateId: string;
  /** Messages accepted (Code Ok), in order. */
  readonly sent: ReceivedSms[];
  /** Every request received, accepted or not, and what the server answered. */
  readonly requests: Array<{ headers: Record<string, string>; body: string; answer: unknown }>;
  /** The next SendSms to this number (+86…) answers this per-number Code instead of Ok. */
  failNumber(phoneNumber: string, code: string, message?: string): void;
  /** The next request answers HTTP 500. */
  failNextWithHttp500(): void;
  /** The settings the app needs to talk to this server. */
  env(overrides?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The signature the server expects, written from the documentation's steps (not the app's signer). */
function expectedSignature(options: { secretKey: string; date: string; timestamp: string; signedHeaders: string[]; headers: Record<string, string>; body: string }): string {
  const canonicalHeaders = options.signedHeaders.map((name) => `${name}:${(name === 'x-tc-action' ? options.headers[name]?.toLowerCase() : options.headers[name]) ?? ''}\n`).join('');
  const canonical = `POST\n/\n\n${canonicalHeaders}\n${options.signedHeaders.join(';')}\n${sha256Hex(options.body)}`;
  const toSign = `TC3-HMAC-SHA256\n${options.timestamp}\n${options.date}/sms/tc3_request\n${sha256Hex(canonical)}`;
  let key: Buffer = createHmac('sha256', `TC3${options.secretKey}`).update(options.date).digest();
  key = createHmac('sha256', key).update('sms').digest();
  key = createHmac('sha256', key).update('tc3_request').digest();
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export async function startTencentSmsServer(options: { secretId?: string; secretKey?: string } = {}): Promise<TencentSmsServer> {
  const secretId = options.secretId ?? 'AKIDlocal0test0secret0id0000000000';
  const secretKey = options.secretKey ?? 'localTestSecretKey0000000000000000';
  const sdkAppId = '1400787878';
  const signName = '国家馆';
  const templateId = '449739';
  const sent: ReceivedSms[] = [];
  const requests: TencentSmsServer['requests'] = [];
  const numberFaults = new Map<string, { code: string; message: string }>();
  let http500 = false;

  const error = (code: string, message: string) => ({ Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } });

  const handle = (headers: Record<string, string>, body: string): { status: number; answer: unknown } => {
    if (http500) {
      http500 = false;
      return { status: 500, answer: 'Internal Server Error' };
    }
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    if (!auth) return { status: 200, answer: error('AuthFailure.InvalidAuthorization', 'Authorization is malformed') };
    const [, id, date, signedHeaderList, signature] = auth as unknown as [string, string, string, string, string];
    if (id !== secretId) return { status: 200, answer: error('AuthFailure.SecretIdNotFound', 'The SecretId is not found') };
    const timestamp = headers['x-tc-timestamp'] ?? '';
    if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - Date.now() / 1000) > 300) {
      return { status: 200, answer: error('AuthFailure.SignatureExpire', 'Signature expired') };
    }
    if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) return { status: 200, answer: error('AuthFailure.SignatureFailure', 'The credential date is not the UTC date of X-TC-Timestamp') };
    const signedHeaders = signedHeaderList.split(';');
    if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) return { status: 200, answer: error('AuthFailure.SignatureFailure', 'content-type and host must be signed') };
    if (expectedSignature({ secretKey, date, timestamp, signedHeaders, headers, body }) !== signature) {
      return { status: 200, answer: error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated') };
    }
    if (headers['x-tc-action'] !== 'SendSms') return { status: 200, answer: error('InvalidAction', `Action ${headers['x-tc-action']} is not found`) };
    if (headers['x-tc-version'] !== '2021-01-11') return { status: 200, answer: error('NoSuchVersion', 'The API version is not supported') };
    if (!headers['x-tc-region']) return { status: 200, answer: error('InvalidParameter.MissingParameter', 'X-TC-Region is missing') };

    let request: { PhoneNumberSet?: unknown; SmsSdkAppId?: unknown; SignName?: unknown; TemplateId?: unknown; TemplateParamSet?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return { status: 200, answer: error('InvalidParameter', 'The body is not JSON') };
    }
    if (request.SmsSdkAppId !== sdkAppId) return { status: 200, answer: error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId does not exist') };
    if (request.SignName !== signName) return { status: 200, answer: error('FailedOperation.SignatureIncorrectOrUnapproved', 'The signature is not approved') };
    if (request.TemplateId !== templateId) return { status: 200, answer: error('FailedOperation.TemplateIncorrectOrUnapproved', 'The template is not approved') };
    const numbers = request.PhoneNumberSet;
    if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > 200 || !numbers.every((n) => typeof n === 'string')) {
      return { status: 200, answer: error('InvalidParameter', 'PhoneNumberSet must list 1 to 200 numbers') };
    }
    const params = request.TemplateParamSet;
    if (!Array.isArray(params) || !params.every((p) => typeof p === 'string')) return { status: 200, answer: error('InvalidParameterValue.TemplateParameterFormatError', 'TemplateParamSet must be strings') };

    const statuses = (numbers as string[]).map((phoneNumber) => {
      const base = { SerialNo: randomUUID(), PhoneNumber: phoneNumber, Fee: 1, IsoCode: 'CN' };
      if (!/^\+861[3-9]\d{9}$/.test(phoneNumber)) return { ...base, Fee: 0, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect phone number' };
      const fault = numberFaults.get(phoneNumber);
      if (fault) {
        numberFaults.delete(phoneNumber);
        return { ...base, Fee: 0, Code: fault.code, Message: fault.message };
      }
      sent.push({ phoneNumbers: [phoneNumber], templateParams: params as string[], headers, body });
      return { ...base, Code: 'Ok', Message: 'send success' };
    });
    return { status: 200, answer: { Response: { SendStatusSet: statuses, RequestId: randomUUID() } } };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const { status, answer } = req.method === 'POST' && req.url === '/' ? handle(headers, body) : { status: 404, answer: 'not found' };
      requests.push({ headers, body, answer });
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      res.writeHead(status, { 'content-type': typeof answer === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    secretId,
    secretKey,
    sdkAppId,
    signName,
    templateId,
    sent,
    requests,
    failNumber(phoneNumber, code, message = code) {
      numberFaults.set(phoneNumber, { code, message });
    },
    failNextWithHttp500() {
      http500 = true;
    },
    env(overrides = {}) {
      return {
        SMS_SENDER: 'tencent',
        TENCENTCLOUD_SECRET_ID: secretId,
        TENCENTCLOUD_SECRET_KEY: secretKey,
        TENCENT_SMS_SDK_APP_ID: sdkAppId,
        TENCENT_SMS_SIGN_NAME: signName,
        TENCENT_SMS_TEMPLATE_ID: templateId,
        TENCENT_SMS_API_BASE: url,
        ...overrides,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
