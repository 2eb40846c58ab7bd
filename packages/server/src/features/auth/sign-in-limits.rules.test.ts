import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attemptVerdict, otpFailureLimits, otpSendLimits, passwordFailureLimits } from './sign-in-limits.rules.ts';

const limits = passwordFailureLimits;

test('an address is slowed after 5 failures on an account, then stopped for the day after 20', () => {
  assert.deepEqual(attemptVerdict({ pair: 4, pairDaily: 4, account: 4 }, limits), { allowed: true });
  assert.deepEqual(attemptVerdict({ pair: 5, pairDaily: 5, account: 5 }, limits), { allowed: false, by: 'pair' });
  // A new short window: it may try again...
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 15, account: 15 }, limits), { allowed: true });
  // ...until its daily allowance is used.
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 20, account: 20 }, limits), { allowed: false, by: 'pairDaily' });
});

test("other addresses' failures never refuse an address that has not tried the account", () => {
  for (const account of [0, 5, 49, 50, 10_000]) {
    assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 0, account }, limits), { allowed: true }, `account-wide ${account}`);
  }
});

test('past the account-wide ceiling, an address that already tried it twice today waits; one typo is forgiven', () => {
  assert.deepEqual(attemptVerdict({ pair: 2, pairDaily: 2, account: 49 }, limits), { allowed: true });
  assert.deepEqual(attemptVerdict({ pair: 1, pairDaily: 1, account: 50 }, limits), { allowed: true });
  assert.deepEqual(attemptVerdict({ pair: 2, pairDaily: 2, account: 50 }, limits), { allowed: false, by: 'ceiling' });
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 3, account: 50 }, limits), { allowed: false, by: 'ceiling' });
});

test('phone codes past the ceiling: a buyer who asked twice today may still ask a third time', () => {
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 2, account: 20 }, otpSendLimits), { allowed: true });
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 3, account: 20 }, otpSendLimits), { allowed: false, by: 'ceiling' });
});

test('phone codes: one per minute and five a day per phone and address; the phone-wide ceiling is higher', () => {
  assert.equal(otpSendLimits.pair.max, 1);
  assert.equal(otpSendLimits.pair.windowSeconds, 60);
  assert.ok(otpSendLimits.ceiling.max > otpSendLimits.pairDaily.max);
  assert.ok(otpFailureLimits.ceiling.max > otpFailureLimits.pair.max);
  assert.deepEqual(attemptVerdict({ pair: 1, pairDaily: 1, account: 1 }, otpSendLimits), { allowed: false, by: 'pair' });
  assert.deepEqual(attemptVerdict({ pair: 0, pairDaily: 0, account: 20 }, otpSendLimits), { allowed: true });
});
