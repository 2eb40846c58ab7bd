import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateOtpCode, hashOtpCode, otpCodeMatches, otpState } from './otp.rules.ts';

test('codes are six digits, leading zeros kept', () => {
  for (let i = 0; i < 200; i++) assert.match(generateOtpCode(), /^\d{6}$/);
});

test('a code matches only for its phone and secret', () => {
  const hash = hashOtpCode('secret-a', '13800138000', '012345');
  assert.equal(otpCodeMatches('secret-a', '13800138000', '012345', hash), true);
  assert.equal(otpCodeMatches('secret-a', '13800138001', '012345', hash), false);
  assert.equal(otpCodeMatches('secret-b', '13800138000', '012345', hash), false);
  assert.equal(otpCodeMatches('secret-a', '13800138000', '012346', hash), false);
});

test('state: usable until expiry, after five attempts exhausted, once used consumed', () => {
  const now = new Date('2026-11-22T10:00:00.000Z');
  const base = { expires_at: '2026-11-22T10:05:00.000Z', consumed_at: null, attempts: 0 };
  assert.equal(otpState(base, now), 'usable');
  assert.equal(otpState({ ...base, attempts: 4 }, now), 'usable');
  assert.equal(otpState({ ...base, attempts: 5 }, now), 'exhausted');
  assert.equal(otpState(base, new Date('2026-11-22T10:05:00.000Z')), 'expired');
  assert.equal(otpState({ ...base, consumed_at: '2026-11-22T10:01:00.000Z' }, now), 'consumed');
});
