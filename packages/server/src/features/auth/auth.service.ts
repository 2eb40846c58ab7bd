import type { Me } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { Config } from '../../platform/config.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { unusablePasswordHash, verifyPassword } from '../../platform/password.ts';
import type { RateLimit, RateLimiter } from '../../platform/rate-limiter.ts';
import { createSession, type Caller, type SessionTransport } from '../../platform/sessions.ts';
import * as accounts from '../accounts/index.ts';
import { maskPhone, toMe } from '../accounts/index.ts';
import {
  OTP_MAX_ATTEMPTS,
  OTP_RESEND_AFTER_SECONDS,
  OTP_TTL_SECONDS,
  generateOtpCode,
  hashOtpCode,
  otpCodeMatches,
  otpState,
} from './otp.rules.ts';
import { attemptVerdict, otpFailureLimits, otpSendLimits, passwordFailureLimits, type AttemptLimits } from './sign-in-limits.rules.ts';
import type { SmsSender } from './sms-sender.ts';
import type { WechatLoginClient } from './wechat-login.ts';

const MINUTE = 60;
/** Per address, across accounts. Per account (× address) limits: sign-in-limits.rules.ts, which says why. */
export const limits = {
  loginPerIp: { name: 'login:ip', max: 30, windowSeconds: 15 * MINUTE },
  otpSendPerIp: { name: 'otp:ip', max: 20, windowSeconds: 60 * MINUTE },
  otpVerifyPerIp: { name: 'otp-verify:ip', max: 30, windowSeconds: 15 * MINUTE },
  wechatPerIp: { name: 'wechat:ip', max: 60, windowSeconds: MINUTE },
} as const satisfies Record<string, RateLimit>;

/** Another login linked this openid first: roll back and look again. */
class LostLinkRace extends Error {}

export interface AuthDeps {
  db: Db;
  config: Pick<Config, 'secretKey' | 'sessionTtlHours'>;
  clock: Clock;
  rateLimiter: RateLimiter;
  sms: SmsSender;
  wechat: WechatLoginClient | null;
}

export interface NewSession {
  me: Me;
  token: string;
  expiresAt: string;
}

export class AuthService {
  private readonly deps: AuthDeps;

  constructor(deps: AuthDeps) {
    this.deps = deps;
  }

  async loginWithPassword(input: { email: string; password: string; transport: SessionTransport; ip: string }): Promise<NewSession> {
    const { db, rateLimiter } = this.deps;
    await rateLimiter.hit(limits.loginPerIp, input.ip);
    await this.refuseIfLimited(passwordFailureLimits, input.email, input.ip);

    const user = await accounts.findUserByEmail(db, input.email);
    // Hash even when there is no such account, so the answer's timing does not reveal which emails exist.
    const ok = await verifyPassword(input.password, user?.password_hash ?? unusablePasswordHash);
    if (!user || !ok) {
      await this.countAttempt(passwordFailureLimits, input.email, input.ip);
      throw new AppError('INVALID_CREDENTIALS');
    }
    return this.startSession(user.id, input.transport);
  }

  async requestOtp(input: { phone: string; ip: string }): Promise<{ delivery: 'sms' | 'log'; expiresInSeconds: number; resendAfterSeconds: number }> {
    const { db, rateLimiter, clock, config, sms } = this.deps;
    await rateLimiter.hit(limits.otpSendPerIp, input.ip);
    await this.refuseIfLimited(otpSendLimits, input.phone, input.ip);
    await this.countAttempt(otpSendLimits, input.phone, input.ip);

    const now = clock();
    const code = generateOtpCode();
    const challengeId = newId();
    await db.transaction().execute(async (trx) => {
      // A new code replaces any earlier one still open for this phone.
      await trx
        .updateTable('otp_challenges')
        .set({ consumed_at: now.toISOString() })
        .where('phone', '=', input.phone)
        .where('consumed_at', 'is', null)
        .execute();
      await trx
        .insertInto('otp_challenges')
        .values({
          id: challengeId,
          phone: input.phone,
          code_hash: hashOtpCode(config.secretKey, input.phone, code),
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + OTP_TTL_SECONDS * 1000).toISOString(),
          consumed_at: null,
        })
        .execute();
    });
    try {
      await sms.sendLoginCode({ phone: input.phone, code, ttlMinutes: OTP_TTL_SECONDS / 60 });
    } catch (error) {
      // Never delivered: the code must not stay usable.
      await db.updateTable('otp_challenges').set({ consumed_at: now.toISOString() }).where('id', '=', challengeId).execute();
      throw error;
    }
    return { delivery: sms.delivery, expiresInSeconds: OTP_TTL_SECONDS, resendAfterSeconds: OTP_RESEND_AFTER_SECONDS };
  }

  /** Checks the code; a phone seen for the first time becomes a buyer account. */
  async verifyOtp(input: { phone: string; code: string; transport: SessionTransport; ip: string }): Promise<NewSession> {
    const { db, rateLimiter, clock, config } = this.deps;
    await rateLimiter.hit(limits.otpVerifyPerIp, input.ip);
    await this.refuseIfLimited(otpFailureLimits, input.phone, input.ip);
    const now = clock();

    const challenge = await db
      .selectFrom('otp_challenges')
      .selectAll()
      .where('phone', '=', input.phone)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const state = challenge ? otpState(challenge, now) : 'expired';
    if (!challenge || state === 'expired' || state === 'consumed') throw new AppError('OTP_EXPIRED');
    if (state === 'exhausted') throw new AppError('OTP_TOO_MANY_ATTEMPTS');

    // Count the try first, conditionally, so concurrent guesses cannot exceed the limit.
    const counted = await db
      .updateTable('otp_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', challenge.id)
      .where('attempts', '<', OTP_MAX_ATTEMPTS)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    if (counted.numUpdatedRows === 0n) throw new AppError('OTP_TOO_MANY_ATTEMPTS');

    if (!otpCodeMatches(config.secretKey, input.phone, input.code, challenge.code_hash)) {
      await this.countAttempt(otpFailureLimits, input.phone, input.ip);
      const attemptsLeft = OTP_MAX_ATTEMPTS - (challenge.attempts + 1);
      if (attemptsLeft <= 0) throw new AppError('OTP_TOO_MANY_ATTEMPTS');
      throw new AppError('OTP_INVALID', { details: { attemptsLeft } });
    }

    const userId = await db.transaction().execute(async (trx) => {
      const consumed = await trx
        .updateTable('otp_challenges')
        .set({ consumed_at: now.toISOString() })
        .where('id', '=', challenge.id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      if (consumed.numUpdatedRows === 0n) throw new AppError('OTP_EXPIRED');
      const existing = await accounts.findUserByPhone(trx, input.phone);
      if (existing) return existing.id;
      const user = await accounts.insertUser(trx, {
        phone: input.phone,
        email: null,
        password_hash: null,
        display_name: maskPhone(input.phone),
        locale: 'zh-CN',
      });
      await accounts.insertRole(trx, user.id, { role: 'buyer' });
      return user.id;
    });
    return this.startSession(userId, input.transport);
  }

  /** Mini-program login: the code from wx.login() → jscode2session → our buyer account for that openid. */
  async loginWithWechat(input: { code: string; transport: SessionTransport; ip: string }): Promise<NewSession> {
    const { db, rateLimiter, wechat, clock } = this.deps;
    if (!wechat) throw new AppError('WECHAT_NOT_CONFIGURED');
    await rateLimiter.hit(limits.wechatPerIp, input.ip);
    const session = await wechat.codeToSession(input.code);
    const now = clock().toISOString();

    // A new user's logins can race (a mini program calling wx.login twice at launch): the loser's link
    // insert conflicts, its transaction (and the user it made) is rolled back, and the retry finds the link.
    const link = () => db.transaction().execute(async (trx) => {
      const linked = await trx
        .selectFrom('wechat_accounts')
        .select(['id', 'user_id'])
        .where('app_id', '=', wechat.appId)
        .where('openid', '=', session.openid)
        .executeTakeFirst();
      if (linked) {
        await trx
          .updateTable('wechat_accounts')
          .set({ session_key: session.sessionKey, updated_at: now, ...(session.unionid ? { unionid: session.unionid } : {}) })
          .where('id', '=', linked.id)
          .execute();
        return linked.user_id;
      }
      const user = await accounts.insertUser(trx, {
        email: null,
        phone: null,
        password_hash: null,
        display_name: `微信用户 ${session.openid.slice(-4)}`,
        locale: 'zh-CN',
      });
      await accounts.insertRole(trx, user.id, { role: 'buyer' });
      const inserted = await trx
        .insertInto('wechat_accounts')
        .values({
          id: newId(),
          user_id: user.id,
          app_id: wechat.appId,
          openid: session.openid,
          unionid: session.unionid,
          session_key: session.sessionKey,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['app_id', 'openid']).doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows === 0n) throw new LostLinkRace();
      return user.id;
    }).catch((error: unknown) => {
      if (error instanceof LostLinkRace) return null;
      throw error;
    });
    const userId = (await link()) ?? (await link());
    if (userId === null) throw new AppError('WECHAT_UNAVAILABLE', { message: 'wechat account link kept conflicting' });
    return this.startSession(userId, input.transport);
  }

  async me(caller: Caller): Promise<Me> {
    return this.loadMe(caller.userId);
  }

  /** Signs in an account another feature has just created (an exporter's application, an accepted invitation). */
  async startSessionFor(userId: string, transport: SessionTransport): Promise<NewSession> {
    return this.startSession(userId, transport);
  }

  /** RATE_LIMITED (with Retry-After) when this address may not try this account now: see sign-in-limits.rules.ts. */
  private async refuseIfLimited(set: AttemptLimits, account: string, address: string): Promise<void> {
    const { rateLimiter } = this.deps;
    const pairKey = `${account}|${address}`;
    const pair = await rateLimiter.count(set.pair, pairKey);
    const pairDaily = await rateLimiter.count(set.pairDaily, pairKey);
    const ceiling = await rateLimiter.count(set.ceiling, account);
    const verdict = attemptVerdict({ pair: pair.hits, pairDaily: pairDaily.hits, account: ceiling.hits }, set);
    if (!verdict.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: { pair, pairDaily, ceiling }[verdict.by].retryAfterSeconds });
  }

  /** Counts one attempt (a failure, or a code sent) of this address on this account. */
  private async countAttempt(set: AttemptLimits, account: string, address: string): Promise<void> {
    const { rateLimiter } = this.deps;
    const pairKey = `${account}|${address}`;
    await rateLimiter.add(set.pair, pairKey);
    await rateLimiter.add(set.pairDaily, pairKey);
    await rateLimiter.add(set.ceiling, account);
  }

  private async startSession(userId: string, transport: SessionTransport): Promise<NewSession> {
    const { db, clock, config } = this.deps;
    const user = await accounts.findUserById(db, userId);
    if (user?.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
    const { token, expiresAt } = await createSession(db, { userId, transport, ttlHours: config.sessionTtlHours, now: clock() });
    return { me: await this.loadMe(userId), token, expiresAt };
  }

  private async loadMe(userId: string): Promise<Me> {
    const { db } = this.deps;
    const user = await accounts.findUserById(db, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const [grants, wechat] = await Promise.all([accounts.findRoleGrants(db, userId), accounts.hasWechatAccount(db, userId)]);
    return toMe(user, grants, wechat);
  }
}
