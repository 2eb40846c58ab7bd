import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, isUnifiedSocialCreditCode } from './credit-code.ts';

// Codes printed on the business licences these companies publish.
const published = [
  ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
  ['91440300708461136T', 'Shenzhen Tencent Computer Systems Co., Ltd.'],
  ['9144030071526726XG', 'Tencent Technology (Shenzhen) Co., Ltd.'],
  ['91110108551385082Q', 'Beijing Xiaomi Technology Co., Ltd.'],
  ['91110000710925462X', 'China Petroleum & Chemical Corporation'],
] as const;

test('published codes pass, with their check character recomputed', () => {
  for (const [code, company] of published) {
    assert.equal(isUnifiedSocialCreditCode(code), true, company);
    assert.equal(creditCodeCheckChar(code.slice(0, 17)), code[17], company);
  }
});

test('a wrong check character, a changed digit or swapped neighbours are refused', () => {
  assert.equal(isUnifiedSocialCreditCode('914403001922038217'), false);
  assert.equal(isUnifiedSocialCreditCode('914403001922038316'), false);
  assert.equal(isUnifiedSocialCreditCode('914403001922030826'), false);
});

test('each 17th character gives its own check character (its weight, 28, is prime to 31)', () => {
  const stem = '9144030019220382';
  const outcomes = new Set([...'0123456789'].map((d) => creditCodeCheckChar(stem + d)));
  assert.equal(outcomes.size, 10);
  for (const c of outcomes) assert.match(c ?? '', /^[0-9A-HJ-NPQRTUWXY]$/);
});

test('letters outside the set, lower case, wrong length and a non-numeric division code are refused', () => {
  assert.equal(isUnifiedSocialCreditCode('9144030019220382I6'), false);
  assert.equal(isUnifiedSocialCreditCode('91440300708461136t'), false);
  assert.equal(isUnifiedSocialCreditCode('91440300708461136'), false);
  assert.equal(isUnifiedSocialCreditCode('9144030070846113600'), false);
  assert.equal(creditCodeCheckChar('9144O300708461136'), null);
  // A well-weighted code whose 3rd–8th characters are not the six digits of a division code.
  const stem = '91A4030070846113';
  const check = creditCodeCheckChar(`${stem}6`);
  assert.ok(check);
  assert.equal(isUnifiedSocialCreditCode(`${stem}6${check}`), false);
});
