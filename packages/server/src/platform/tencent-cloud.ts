import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), as the API's signature documentation
 * describes it: a canonical request of the method, path `/`, the (empty, for POST) query, the signed
 * headers (lowercase `name:value` lines, sorted) and the body's SHA-256; a string to sign naming the
 * UTC date of the timestamp and the service; a key derived from the secret key through the date,
 * the service and `tc3_request`. Checked against the documentation's published signatures in
 * tencent-cloud.test.ts.
 */

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  /** The service's short name, the first label of its host: `sms`, `cvm`, `tmt`. */
  service: string;
  /** The Host header as sent (may carry a port). */
  host: string;
  /** The API action; signed (as its lowercased value) when `signAction` is set. */
  action: string;
  /** Unix seconds: also sent as X-TC-Timestamp; its UTC date goes into the credential scope. */
  timestamp: number;
  /** The body, exactly as sent. */
  payload: string;
  /** The Content-Type, exactly as sent. */
  contentType: string;
  /** Also sign `x-tc-action` (the documentation's demo does; the SDK signs content-type and host only). */
  signAction?: boolean;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  signedHeaders: string;
  /** The canonical request's SHA-256 (hex), for checks against the documentation's example. */
  canonicalRequestHash: string;
}

/** The UTC date (YYYY-MM-DD) of a Unix timestamp: 1551113065 → 2019-02-25. */
export const tc3Date = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);

export function signTc3(input: Tc3SignInput): Tc3Signature {
  const headers: Array<[string, string]> = [
    ['content-type', input.contentType],
    ['host', input.host],
    ...(input.signAction ? [['x-tc-action', input.action.toLowerCase()] as [string, string]] : []),
  ];
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(input.payload)].join('\n');
  const canonicalRequestHash = sha256Hex(canonicalRequest);

  const date = tc3Date(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, canonicalRequestHash].join('\n');
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    signedHeaders,
    canonicalRequestHash,
  };
}
