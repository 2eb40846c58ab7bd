import { createHash, createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small S3-speaking server for tests (PUT, GET and DELETE of objects, path-style and
 * virtual-hosted addressing), which checks AWS Signature V4 as a real store does: an unknown key,
 * a wrong signature, another region, a stale date or a body whose SHA-256 is not the signed one is
 * refused with S3's error code. Its signature code is checked against AWS's published examples
 * (s3-server.test.ts), so a client it accepts signs correctly.
 */

export const TEST_S3 = { region: 'cn-test-1', bucket: 'pavilion-files', accessKeyId: 'PAVILIONTESTKEY', secretAccessKey: 'pavilion-test-secret-0123456789abcdef' } as const;

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** RFC 3986 encoding of one path segment or query part, as SigV4 wants it. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignedRequest {
  method: string;
  /** The path as sent (percent-encoded). */
  path: string;
  /** The query string as sent, without '?'. */
  query: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  signedHeaders: string[];
  /** x-amz-content-sha256, or the hash of the body. */
  payloadHash: string;
}

/** SigV4 step 1 for S3: the path is encoded once (S3 does not double-encode), the query sorted. */
export function canonicalRequest(req: SignedRequest): string {
  const canonicalPath = req.path.split('/').map((segment) => uriEncode(decodeURIComponent(segment))).join('/') || '/';
  const query = req.query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [k = '', v = ''] = pair.split(/=(.*)/s);
      return [uriEncode(decodeURIComponent(k.replace(/\+/g, ' '))), uriEncode(decodeURIComponent(v.replace(/\+/g, ' ')))] as const;
    })
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = req.signedHeaders.map((name) => `${name}:${(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [req.method, canonicalPath, query, headers, req.signedHeaders.join(';'), req.payloadHash].join('\n');
}

/** SigV4 steps 2 to 4: the string to sign, the derived key, the signature (hex). */
export function signatureOf(options: { canonicalRequest: string; datetime: string; region: string; service: string; secretAccessKey: string }): string {
  const date = options.datetime.slice(0, 8);
  const scope = `${date}/${options.region}/${options.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', options.datetime, scope, createHash('sha256').update(options.canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, date), options.region), options.service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

export interface S3TestServer {
  /** http://127.0.0.1:port */
  endpoint: string;
  /** The objects of the bucket, by key. */
  objects: Map<string, Buffer>;
  /** Each request's method, key and signed payload hash, in order. */
  requests: Array<{ method: string; key: string; payloadHash: string }>;
  /** The next `times` requests are answered with this status and S3 error code (a store that is down, throttling, or refusing). */
  fail(status: number, code: string, times?: number): void;
  /** The next requests get no answer at all (a store that hangs), until `recover()`. */
  stall(): void;
  /** Answers normally again. */
  recover(): void;
  close(): Promise<void>;
}

export async function startS3Server(options: { buckets?: string[]; region?: string; credentials?: Record<string, string> } = {}): Promise<S3TestServer> {
  const region = options.region ?? TEST_S3.region;
  const credentials = options.credentials ?? { [TEST_S3.accessKeyId]: TEST_S3.secretAccessKey };
  const buckets = new Map((options.buckets ?? [TEST_S3.bucket]).map((name) => [name, new Map<string, Buffer>()]));
  const requests: S3TestServer['requests'] = [];
  let failures: { status: number; code: string; times: number } | null = null;
  let stalled = false;

  const errorReply = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const [rawPath = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));

    // Who is asking, and did they sign this very request?
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    if (!auth) return errorReply(res, 403, 'AccessDenied', 'Anonymous access is forbidden for this operation');
    const [, accessKeyId = '', date = '', scopeRegion, service, signed = '', signature] = auth;
    const secret = credentials[accessKeyId];
    if (secret === undefined) return errorReply(res, 403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.');
    if (scopeRegion !== region || service !== 's3') return errorReply(res, 400, 'AuthorizationHeaderMalformed', `the region '${scopeRegion ?? ''}' is wrong; expecting '${region}'`);
    const datetime = headers['x-amz-date'] ?? '';
    const signedHeaders = signed.split(';');
    if (!/^\d{8}T\d{6}Z$/.test(datetime) || !datetime.startsWith(date) || !signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) {
      return errorReply(res, 403, 'AccessDenied', 'host and x-amz-date must be signed');
    }
    const at = Date.UTC(+datetime.slice(0, 4), +datetime.slice(4, 6) - 1, +datetime.slice(6, 8), +datetime.slice(9, 11), +datetime.slice(11, 13), +datetime.slice(13, 15));
    if (Math.abs(Date.now() - at) > 15 * 60_000) return errorReply(res, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    const payloadHash = headers['x-amz-content-sha256'];
    if (payloadHash === undefined) return errorReply(res, 400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    const expected = signatureOf({ canonicalRequest: canonicalRequest({ method: req.method ?? 'GET', path: rawPath, query, headers, signedHeaders, payloadHash }), datetime, region, service, secretAccessKey: secret });
    if (expected !== signature) return errorReply(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex')) {
      return errorReply(res, 400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    // Path-style (/bucket/key) or virtual-hosted (bucket.host/key).
    const host = (headers.host ?? '').split(':')[0] ?? '';
    const hosted = [...buckets.keys()].find((name) => host.startsWith(`${name}.`));
    const segments = rawPath.split('/').slice(1).map(decodeURIComponent);
    const bucketName = hosted ?? segments.shift() ?? '';
    const key = segments.join('/');
    requests.push({ method: req.method ?? '', key, payloadHash });

    if (stalled) return;
    if (failures) {
      const { status, code } = failures;
      if (--failures.times <= 0) failures = null;
      return errorReply(res, status, code, 'failure set by the test');
    }
    const bucket = buckets.get(bucketName);
    if (!bucket) return errorReply(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (key === '') return errorReply(res, 501, 'NotImplemented', 'bucket operations are not implemented by the test server');
    switch (req.method) {
      case 'PUT':
        // Stored only once the whole body has arrived and matched its hash: S3's PUT is atomic.
        bucket.set(key, body);
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return void res.end();
      case 'GET': {
        const object = bucket.get(key);
        if (!object) return errorReply(res, 404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.length });
        return void res.end(object);
      }
      case 'DELETE':
        bucket.delete(key);
        res.writeHead(204);
        return void res.end();
      default:
        return errorReply(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => errorReply(res, 500, 'InternalError', String(err)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects: buckets.get(options.buckets?.[0] ?? TEST_S3.bucket)!,
    requests,
    fail(status, code, times = 1) {
      failures = { status, code, times };
    },
    stall() {
      stalled = true;
    },
    recover() {
      failures = null;
      stalled = false;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export { EMPTY_SHA256 };
