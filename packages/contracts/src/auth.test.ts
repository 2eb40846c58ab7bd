import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailSchema, mainlandMobileSchema, passwordSchema } from './auth.ts';
import { localeFromAcceptLanguage } from './locale.ts';

test('mainland mobile numbers: +86 and spaces are dropped, other numbers refused', () => {
  assert.equal(mainlandMobileSchema.parse('+86 138 0013 8000'), '13800138000');
  assert.equal(mainlandMobileSchema.parse('8613800138000'), '13800138000');
  assert.equal(mainlandMobileSchema.parse('19912345678'), '19912345678');
  for (const bad of ['12800138000', '1380013800', '138001380001', '+1 415 555 0100', '']) {
    assert.equal(mainlandMobileSchema.safeParse(bad).success, false, bad);
  }
});

test('emails are trimmed and lower-cased; passwords need 10 characters', () => {
  assert.equal(emailSchema.parse('  Ayesha@Example.PK '), 'ayesha@example.pk');
  assert.equal(emailSchema.safeParse('not-an-email').success, false);
  assert.equal(passwordSchema.safeParse('123456789').success, false);
  assert.equal(passwordSchema.safeParse('1234567890').success, true);
});

test('Accept-Language picks Chinese for any zh variant, English otherwise', () => {
  assert.equal(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8'), 'zh-CN');
  assert.equal(localeFromAcceptLanguage('zh-TW'), 'zh-CN');
  assert.equal(localeFromAcceptLanguage('en-GB,en'), 'en');
  assert.equal(localeFromAcceptLanguage(undefined), 'en');
});
