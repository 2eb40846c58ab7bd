import type { RateLimit } from '../../platform/rate-limiter.ts';
import { OTP_RESEND_AFTER_SECONDS } from './otp.rules.ts';

/**
 * How sign-in attempts are limited without handing strangers a lockout.
 *
 * Counting failures per account alone (the old scheme: five wrong passwords lock the account for
 * everyone, from anywhere; ten codes asked for a phone block it until the day ends) lets anyone who
 * knows an email or a phone number lock its owner out. Counting per address alone lets a botnet
 * guess without end. So every attempt is counted three ways:
 *
 * - per account (email or phone) × address, with growing delays: a few tries per short window, then
 *   a daily allowance. A guesser is slowed, then stopped for the day; only that address is.
 * - per account, across addresses, with a much higher ceiling. Past it the account is under a
 *   distributed attack: an address that has already tried it a few times today waits out the
 *   window, but an address that has not (the owner's phone, office or home) still gets its try.
 *   The attack then costs a new address every few tries, and the owner is never refused from an
 *   address that was not guessing.
 * - per address across accounts (the older `login:ip`, `otp:ip`, `otp-verify:ip` limits), so one
 *   address cannot spray many accounts.
 *
 * Phone codes use the same shape twice: for asking (an SMS costs money and annoys the owner, so the
 * ceiling also stops a flood of texts) and for wrong codes. A code still allows five tries, so a
 * stranger who guesses right after the owner asked can spoil that one code; the owner then asks
 * again at once, which the stranger cannot stop.
 */
export interface AttemptLimits {
  /** Per account × address, short window: the first delay. */
  pair: RateLimit;
  /** Per account × address, one day: the longer delay once the short windows keep filling. */
  pairDaily: RateLimit;
  /** Per account across addresses: past it only addresses that have barely tried the account today get a try. */
  ceiling: RateLimit;
  /**
   * Past the ceiling, how many attempts today an address may have made and still try: room for the
   * owner's own typo or second code, while a guesser needs a new address every few attempts.
   */
  ceilingAllowance: number;
}

export interface AttemptCounts {
  /** This address on this account, in the short window. */
  pair: number;
  /** This address on this account, today. */
  pairDaily: number;
  /** Every address on this account, in the ceiling's window. */
  account: number;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; by: 'pair' | 'pairDaily' | 'ceiling' };

/** Whether an address may try this account now, from what has been counted so far. */
export function attemptVerdict(counts: AttemptCounts, limits: AttemptLimits): AttemptVerdict {
  if (counts.pairDaily >= limits.pairDaily.max) return { allowed: false, by: 'pairDaily' };
  if (counts.pair >= limits.pair.max) return { allowed: false, by: 'pair' };
  if (counts.account >= limits.ceiling.max && counts.pairDaily >= limits.ceilingAllowance) return { allowed: false, by: 'ceiling' };
  return { allowed: true };
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Wrong passwords. */
export const passwordFailureLimits = {
  pair: { name: 'login:account-address', max: 5, windowSeconds: 15 * MINUTE },
  pairDaily: { name: 'login:account-address:day', max: 20, windowSeconds: DAY },
  ceiling: { name: 'login:account', max: 50, windowSeconds: 15 * MINUTE },
  ceilingAllowance: 2,
} as const satisfies AttemptLimits;

/** Codes asked for a phone (each one an SMS). */
export const otpSendLimits = {
  pair: { name: 'otp:phone-address', max: 1, windowSeconds: OTP_RESEND_AFTER_SECONDS },
  pairDaily: { name: 'otp:phone-address:day', max: 5, windowSeconds: DAY },
  ceiling: { name: 'otp:phone:day', max: 20, windowSeconds: DAY },
  ceilingAllowance: 3,
} as const satisfies AttemptLimits;

/** Wrong codes entered for a phone. */
export const otpFailureLimits = {
  pair: { name: 'otp-fail:phone-address', max: 5, windowSeconds: 15 * MINUTE },
  pairDaily: { name: 'otp-fail:phone-address:day', max: 20, windowSeconds: DAY },
  ceiling: { name: 'otp-fail:phone', max: 20, windowSeconds: 15 * MINUTE },
  ceilingAllowance: 2,
} as const satisfies AttemptLimits;
