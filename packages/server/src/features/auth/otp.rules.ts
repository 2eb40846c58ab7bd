import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A code lives 5 minutes and allows 5 tries; a new one may be asked for after 60 seconds. */
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_AFTER_SECONDS = 60;

export const generateOtpCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Codes are stored as a keyed hash bound to the phone, never in clear. */
export function hashOtpCode(secretKey: string, phone: string, code: string): string {
  return createHmac('sha256', secretKey).update(`otp:${phone}:${code}`).digest('base64url');
}

export function otpCodeMatches(secretKey: string, phone: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashOtpCode(secretKey, phone, code));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export type OtpState = 'usable' | 'expired' | 'consumed' | 'exhausted';

export function otpState(challenge: { expires_at: string; consumed_at: string | null; attempts: number }, now: Date): OtpState {
  if (challenge.consumed_at) return 'consumed';
  if (challenge.attempts >= OTP_MAX_ATTEMPTS) return 'exhausted';
  if (challenge.expires_at <= now.toISOString()) return 'expired';
  return 'usable';
}
