import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's jscode2session (GET /sns/jscode2session), speaking the protocol the
 * way api.weixin.qq.com does, so the real HttpWechatLoginClient can be tested over real HTTP:
 * - appid and secret are checked (40013 invalid appid, 40125 invalid appsecret), grant_type must be
 *   authorization_code (40002), js_code must be present (41008);
 * - a code from wx.login() is valid once and for 5 minutes: a reused code answers 40163, an unknown
 *   or expired one 40029;
 * - success answers `{session_key, openid, unionid?}` without errcode (or with errcode 0, as some
 *   WeChat endpoints do), with content-type text/plain, as WeChat does;
 * - faults the test switches on for the next request(s): 45011, 40226, -1, HTTP 500, broken JSON,
 *   an answer slower than the client's timeout.
 */

/** WeChat's rule: a wx.login() code expires after 5 minutes. */
export const CODE_TTL_MS = 5 * 60 * 1000;

export type WechatFault =
  | { kind: 'rate-limited' }
  | { kind: 'high-risk-user' }
  | { kind: 'system-busy' }
  | { kind: 'http-500' }
  | { kind: 'malformed-json' }
  | { kind: 'slow'; delayMs: number };

export interface IssuedCode {
  code: string;
  openid: string;
  unionid: string | null;
  /** What jscode2session answers for this code: the key that must stay on the server. */
  sessionKey: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

interface CodeEntry extends IssuedCode {
  issuedAt: number;
  used: boolean;
}

export interface WechatServer {
  /** The API base to configure the client with, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Every request received, in order, with its query parameters. */
  readonly requests: ReceivedRequest[];
  /** Every session_key this server has handed out (to check none of them leaks). */
  readonly sessionKeysAnswered: string[];
  /** Success answers carry `errcode: 0, errmsg: "ok"` instead of leaving errcode out. */
  answerErrcodeZero: boolean;
  /** Issues a one-time code as wx.login() would, for this user. */
  issueCode(user: { openid: string; unionid?: string }): IssuedCode;
  /** The next `times` requests (default 1) get this fault instead of the normal answer. */
  failNext(fault: WechatFault, times?: number): void;
  /** Moves this server's clock (to expire codes). */
  advance(ms: number): void;
  close(): Promise<void>;
}

const errors = {
  invalidAppid: { errcode: 40013, errmsg: 'invalid appid' },
  invalidSecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  invalidGrantType: { errcode: 40002, errmsg: 'invalid grant_type' },
  missingCode: { errcode: 41008, errmsg: 'missing code' },
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  codeUsed: { errcode: 40163, errmsg: 'code been used' },
  rateLimited: { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
  highRisk: { errcode: 40226, errmsg: 'high risk user' },
  busy: { errcode: -1, errmsg: 'system error' },
} as const;

/** WeChat appends a request id to every errmsg ("invalid code, rid: 65a1...") */
const withRid = (e: { errcode: number; errmsg: string }) => ({ errcode: e.errcode, errmsg: `${e.errmsg}, rid: ${randomBytes(6).toString('hex')}` });

export async function startWechatServer(
  options: { appId?: string; appSecret?: string; /** Serve under this path prefix, like an egress proxy. */ basePath?: string } = {},
): Promise<WechatServer> {
  const appId = options.appId ?? `wx${randomBytes(8).toString('hex')}`;
  const appSecret = options.appSecret ?? randomBytes(16).toString('hex');
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const codes = new Map<string, CodeEntry>();
  const faults: WechatFault[] = [];
  const requests: ReceivedRequest[] = [];
  const sessionKeysAnswered: string[] = [];
  const pending = new Set<NodeJS.Timeout>();
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;

  const send = (res: ServerResponse, status: number, body: string) => {
    // WeChat labels its JSON as text/plain; clients must parse it anyway.
    res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, body: object) => send(res, 200, JSON.stringify(body));

  const answer = (query: Record<string, string>, res: ServerResponse): void => {
    const fault = faults.shift();
    if (fault) {
      switch (fault.kind) {
        case 'rate-limited':
          return sendJson(res, withRid(errors.rateLimited));
        case 'high-risk-user':
          return sendJson(res, withRid(errors.highRisk));
        case 'system-busy':
          return sendJson(res, withRid(errors.busy));
        case 'http-500':
          return send(res, 500, '<html><body><h1>500 Internal Server Error</h1></body></html>');
        case 'malformed-json':
          return send(res, 200, '{"session_key":"cut off in the midd');
        case 'slow': {
          const timer = setTimeout(() => {
            pending.delete(timer);
            if (!res.destroyed) respond(query, res);
          }, fault.delayMs);
          pending.add(timer);
          return;
        }
      }
    }
    respond(query, res);
  };

  /** The normal jscode2session behaviour. */
  const respond = (query: Record<string, string>, res: ServerResponse): void => {
    if (query.appid !== appId) return sendJson(res, withRid(errors.invalidAppid));
    if (query.secret !== appSecret) return sendJson(res, withRid(errors.invalidSecret));
    if (query.grant_type !== 'authorization_code') return sendJson(res, withRid(errors.invalidGrantType));
    if (!query.js_code) return sendJson(res, withRid(errors.missingCode));

    const entry = codes.get(query.js_code);
    if (!entry || now() - entry.issuedAt > CODE_TTL_MS) return sendJson(res, withRid(errors.invalidCode));
    if (entry.used) return sendJson(res, withRid(errors.codeUsed));
    entry.used = true;
    sessionKeysAnswered.push(entry.sessionKey);
    sendJson(res, {
      session_key: entry.sessionKey,
      openid: entry.openid,
      ...(entry.unionid === null ? {} : { unionid: entry.unionid }),
      ...(server.answerErrcodeZero ? { errcode: 0, errmsg: 'ok' } : {}),
    });
  };

  const http: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://wechat.test');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? '', path: url.pathname, query });
    if (req.method !== 'GET' || url.pathname !== `${basePath}/sns/jscode2session`) {
      return send(res, 404, '<html><body>404 Not Found</body></html>');
    }
    answer(query, res);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  const server: WechatServer = {
    url: `http://127.0.0.1:${port}${basePath}`,
    appId,
    appSecret,
    requests,
    sessionKeysAnswered,
    answerErrcodeZero: false,
    issueCode(user) {
      const issued: IssuedCode = {
        // wx.login() codes are 32 characters of base64-ish text.
        code: randomBytes(24).toString('base64url'),
        openid: user.openid,
        unionid: user.unionid ?? null,
        // session_key: 16 random bytes, base64 (24 characters).
        sessionKey: randomBytes(16).toString('base64'),
      };
      codes.set(issued.code, { ...issued, issuedAt: now(), used: false });
      return issued;
    },
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

/** An openid as WeChat forms them: 28 characters starting with "o". */
export const newOpenid = (): string => `o${randomBytes(20).toString('base64url')}`;
