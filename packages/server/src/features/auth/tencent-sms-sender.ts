import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { signTc3 } from '../../platform/tencent-cloud.ts';
import { maskPhone } from '../accounts/index.ts';
import type { Config } from '../../platform/config.ts';
import type { SmsSender } from './sms-sender.ts';

/** The settings (checked at start, see platform/config.ts) and where to log failures (never the code). */
export type TencentSmsOptions = Extract<Config['sms'], { sender: 'tencent' }>['tencent'] & {
  log: FastifyBaseLogger;
  /** Unix time in ms (the signature carries it; Tencent refuses a request more than 5 minutes off). */
  now?: () => number;
  timeoutMs?: number;
};

interface SendStatus {
  SerialNo?: string;
  PhoneNumber?: string;
  Fee?: number;
  Code?: string;
  Message?: string;
}

interface SendSmsAnswer {
  Response?: {
    SendStatusSet?: SendStatus[];
    Error?: { Code?: string; Message?: string };
    RequestId?: string;
  };
}

const ACTION = 'SendSms';
const VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Seconds until the next midnight in China, when Tencent's per-number daily counts start again. */
function secondsToChinaMidnight(nowMs: number): number {
  const day = 86_400_000;
  const chinaMs = nowMs + 8 * 3_600_000;
  return Math.max(1, Math.ceil((day - (chinaMs % day)) / 1000));
}

/**
 * What a per-number status (SendStatusSet[].Code) or a request error (Response.Error.Code) means
 * for the buyer. Codes from Tencent's SMS error list; anything else is the provider's problem, not
 * the buyer's (SMS_UNAVAILABLE, logged with Tencent's code for the operator).
 */
export function smsErrorFor(code: string, nowMs: number): AppError {
  const details = { provider: 'tencent', providerCode: code };
  switch (code) {
    case 'LimitExceeded.PhoneNumberThirtySecondLimit':
      return new AppError('SMS_LIMIT_REACHED', { details, retryAfterSeconds: 30 });
    case 'LimitExceeded.PhoneNumberOneHourLimit':
      return new AppError('SMS_LIMIT_REACHED', { details, retryAfterSeconds: 3600 });
    case 'LimitExceeded.PhoneNumberDailyLimit':
    case 'LimitExceeded.PhoneNumberSameContentDailyLimit':
    case 'LimitExceeded.DailyLimit':
      return new AppError('SMS_LIMIT_REACHED', { details, retryAfterSeconds: secondsToChinaMidnight(nowMs) });
    case 'InvalidParameterValue.IncorrectPhoneNumber':
    case 'FailedOperation.PhoneNumberInBlacklist':
    case 'FailedOperation.PhoneNumberParseFail':
    case 'UnsupportedOperation.UnsupportedRegion':
    case 'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber':
      return new AppError('SMS_NUMBER_REJECTED', { details });
    default:
      return new AppError('SMS_UNAVAILABLE', { details });
  }
}

/**
 * Sends the login code through Tencent Cloud SMS (SendSms, API 2021-01-11), signed with
 * TC3-HMAC-SHA256. The code goes into the request body only: never into a log line or an error.
 */
export class TencentSmsSender implements SmsSender {
  readonly delivery = 'sms' as const;
  private readonly options: TencentSmsOptions;
  private readonly endpoint: URL;

  constructor(options: TencentSmsOptions) {
    this.options = options;
    this.endpoint = new URL(`${options.apiBase.replace(/\/+$/, '')}/`);
  }

  async sendLoginCode(input: { phone: string; code: string; ttlMinutes: number }): Promise<void> {
    const o = this.options;
    const nowMs = (o.now ?? Date.now)();
    const phoneNumber = `+86${input.phone}`;
    const payload = JSON.stringify({
      PhoneNumberSet: [phoneNumber],
      SmsSdkAppId: o.sdkAppId,
      SignName: o.signName,
      TemplateId: o.templateId,
      TemplateParamSet: o.templateParams === 'code' ? [input.code] : [input.code, String(input.ttlMinutes)],
    });
    const timestamp = Math.floor(nowMs / 1000);
    const signed = signTc3({
      secretId: o.secretId,
      secretKey: o.secretKey,
      service: 'sms',
      host: this.endpoint.host,
      action: ACTION,
      timestamp,
      payload,
      contentType: CONTENT_TYPE,
    });
    const to = maskPhone(input.phone);

    let answer: SendSmsAnswer;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          authorization: signed.authorization,
          'content-type': CONTENT_TYPE,
          'x-tc-action': ACTION,
          'x-tc-version': VERSION,
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': o.region,
        },
        body: payload,
        signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      answer = (await response.json()) as SendSmsAnswer;
    } catch (cause) {
      o.log.error({ sms: { to, provider: 'tencent', error: String(cause) } }, 'SMS provider unreachable');
      throw new AppError('SMS_UNAVAILABLE', { message: `Tencent SendSms failed: ${String(cause)}` });
    }

    const requestId = answer.Response?.RequestId;
    const error = answer.Response?.Error;
    if (error) {
      const code = error.Code ?? 'unknown';
      o.log.error({ sms: { to, provider: 'tencent', code, message: error.Message, requestId } }, 'SMS provider refused the request');
      throw smsErrorFor(code, nowMs);
    }
    const status = answer.Response?.SendStatusSet?.find((s) => s.PhoneNumber === phoneNumber) ?? answer.Response?.SendStatusSet?.[0];
    if (!status) {
      o.log.error({ sms: { to, provider: 'tencent', requestId } }, 'SMS provider answered without a send status');
      throw new AppError('SMS_UNAVAILABLE', { message: 'Tencent SendSms answered without SendStatusSet' });
    }
    // A number succeeded if and only if its Code is "Ok".
    if (status.Code !== 'Ok') {
      const code = status.Code ?? 'unknown';
      const failure = smsErrorFor(code, nowMs);
      const level = failure.code === 'SMS_UNAVAILABLE' ? 'error' : 'warn';
      o.log[level]({ sms: { to, provider: 'tencent', code, message: status.Message, requestId } }, 'SMS not sent');
      throw failure;
    }
    o.log.info({ sms: { to, provider: 'tencent', serialNo: status.SerialNo, fee: status.Fee, requestId } }, 'Login code sent by SMS');
  }
}
