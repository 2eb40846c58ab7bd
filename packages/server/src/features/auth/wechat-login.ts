import { AppError } from '../../platform/errors.ts';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

/**
 * Exchanges a mini program's wx.login() code for the user's openid and session_key
 * (jscode2session). A strategy so deployments and tests can point it at another server.
 */
export interface WechatLoginClient {
  readonly appId: string;
  codeToSession(code: string): Promise<WechatSession>;
}

interface Jscode2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's error codes for jscode2session, as the API answers them (errcode ≠ 0). */
function errorFor(errcode: number, errmsg: string | undefined): AppError {
  const details = { wechatErrcode: errcode, wechatErrmsg: errmsg ?? '' };
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code already used
      return new AppError('WECHAT_CODE_INVALID', { details });
    case 45011: // API minute-quota reached for this user
      return new AppError('RATE_LIMITED', { details, retryAfterSeconds: 60 });
    case 40226: // high-risk user, intercepted by WeChat
      return new AppError('WECHAT_USER_BLOCKED', { details });
    default: // -1 system busy, and anything undocumented
      return new AppError('WECHAT_UNAVAILABLE', { details });
  }
}

export class HttpWechatLoginClient implements WechatLoginClient {
  readonly appId: string;
  private readonly appSecret: string;
  private readonly apiBase: string;
  private readonly timeoutMs: number;

  constructor(options: { appId: string; appSecret: string; apiBase: string; timeoutMs?: number }) {
    this.appId = options.appId;
    this.appSecret = options.appSecret;
    this.apiBase = options.apiBase;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async codeToSession(code: string): Promise<WechatSession> {
    // Appended, not resolved: an absolute path would drop a base's own path (an egress proxy's /weixin).
    const url = new URL(`${this.apiBase.replace(/\/+$/, '')}/sns/jscode2session`);
    url.search = new URLSearchParams({
      appid: this.appId,
      secret: this.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();

    let answer: Jscode2SessionAnswer;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      answer = (await response.json()) as Jscode2SessionAnswer;
    } catch (cause) {
      throw new AppError('WECHAT_UNAVAILABLE', { message: `jscode2session failed: ${String(cause)}` });
    }

    if (answer.errcode) throw errorFor(answer.errcode, answer.errmsg);
    if (!answer.openid || !answer.session_key) {
      throw new AppError('WECHAT_UNAVAILABLE', { message: 'jscode2session answered without openid or session_key' });
    }
    return { openid: answer.openid, sessionKey: answer.session_key, unionid: answer.unionid ?? null };
  }
}
