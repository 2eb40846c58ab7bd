import assert from 'node:assert/strict';
import { test } from 'node:test';
import { otpVerifyRequestSchema } from './auth.ts';
import { localizeIssue, validationMessages } from './validation.ts';

test('our schema messages come back in Chinese, zod\'s own by rule, English unchanged', () => {
  const parsed = otpVerifyRequestSchema.safeParse({ phone: '123', code: 'abc' });
  assert.equal(parsed.success, false);
  const issues = parsed.error?.issues.map((i) => ({ rule: i.code, message: i.message })) ?? [];
  assert.deepEqual(issues.map((i) => localizeIssue(i, 'zh-CN')), [validationMessages.mobile.zh, validationMessages.otpCode.zh]);
  assert.deepEqual(issues.map((i) => localizeIssue(i, 'en')), [validationMessages.mobile.en, validationMessages.otpCode.en]);
  assert.equal(localizeIssue({ rule: 'too_big', message: 'Too big: expected string to have <=128 characters' }, 'zh-CN'), '太长或太大');
});
