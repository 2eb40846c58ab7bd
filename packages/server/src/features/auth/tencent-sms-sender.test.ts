import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsErrorFor } from './tencent-sms-sender.ts';

test("Tencent's per-number codes become the buyer's errors, with how long to wait", () => {
  // 2026-12-07 15:30 UTC is 23:30 in China: the daily count starts again in 30 minutes.
  const now = Date.UTC(2026, 11, 7, 15, 30);
  const daily = smsErrorFor('LimitExceeded.PhoneNumberDailyLimit', now);
  assert.equal(daily.code, 'SMS_LIMIT_REACHED');
  assert.equal(daily.retryAfterSeconds, 30 * 60);
  assert.equal(smsErrorFor('LimitExceeded.PhoneNumberThirtySecondLimit', now).retryAfterSeconds, 30);
  assert.equal(smsErrorFor('LimitExceeded.PhoneNumberOneHourLimit', now).retryAfterSeconds, 3600);
  assert.equal(smsErrorFor('InvalidParameterValue.IncorrectPhoneNumber', now).code, 'SMS_NUMBER_REJECTED');
  assert.equal(smsErrorFor('FailedOperation.PhoneNumberInBlacklist', now).code, 'SMS_NUMBER_REJECTED');
  // The provider's own problems are not the buyer's: the same "try later" answer, whatever they are.
  for (const code of ['AuthFailure.SignatureFailure', 'FailedOperation.InsufficientBalanceInSmsPackage', 'FailedOperation.TemplateIncorrectOrUnapproved', 'Something.New']) {
    assert.equal(smsErrorFor(code, now).code, 'SMS_UNAVAILABLE', code);
  }
  assert.deepEqual(daily.details, { provider: 'tencent', providerCode: 'LimitExceeded.PhoneNumberDailyLimit' });
});
