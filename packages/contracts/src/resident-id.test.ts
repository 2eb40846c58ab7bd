import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buyerIdentitySchema, residentIdNumberSchema } from './checkout.ts';
import { chinaCalendarDate, normaliseBuyerName, parseResidentId, residentIdCheckCharacter } from './resident-id.ts';
import { localizeIssue, validationMessages as m } from './validation.ts';

/**
 * An oracle written independently of the module: weight i is 2^(17−i) mod 11 (GB 11643 §4 derives
 * the table that way), and the check character c satisfies (Σ + value(c)) ≡ 1 (mod 11), X meaning 10.
 */
function withCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  for (let c = 0; c <= 10; c++) if ((sum + c) % 11 === 1) return body17 + (c === 10 ? 'X' : String(c));
  throw new Error('unreachable');
}
const wrongCheck = (valid: string): string => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

const now = new Date('2026-03-15T04:00:00Z'); // 12:00 in Beijing

test('the two examples printed in GB 11643-1999 pass, one of them ending in X', () => {
  assert.equal(residentIdCheckCharacter('11010519491231002'), 'X');
  assert.equal(residentIdCheckCharacter('44052418800101001'), '4');
  assert.deepEqual(parseResidentId('11010519491231002X', now), { ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
});

test('numbers computed here pass; every wrong check character fails', () => {
  for (const body of ['11010119900307123', '31011520000229456', '65010219680101777', '50022920251231001', '44030019070316001']) {
    const valid = withCheck(body);
    const parsed = parseResidentId(valid, now);
    assert.equal(parsed.ok, true, valid);
    for (const c of '0123456789X') {
      if (c === valid[17]) continue;
      assert.deepEqual(parseResidentId(body + c, now), { ok: false, problem: 'check_digit' }, body + c);
    }
  }
});

test('a lower-case x is accepted and upper-cased; spaces around are trimmed', () => {
  const parsed = parseResidentId(' 11010519491231002x ', now);
  assert.equal(parsed.ok && parsed.value, '11010519491231002X');
  assert.equal(residentIdNumberSchema.parse('11010519491231002x'), '11010519491231002X');
});

test('sex comes from the 17th digit: odd for men', () => {
  const man = parseResidentId(withCheck('11010119900307123'), now);
  assert.equal(man.ok && man.sex, 'male');
});

test('format: 18 characters, X only last, no 15-digit numbers, a mainland province prefix', () => {
  for (const bad of ['', '110101199003071', '1101011990030712345', '11010119900307X123', '1101011990030712A3', '１１０１０５１９４９１２３１００２Ｘ']) {
    assert.deepEqual(parseResidentId(bad, now), { ok: false, problem: 'format' }, bad);
  }
  assert.deepEqual(parseResidentId(withCheck('00010119900307123'), now), { ok: false, problem: 'region' });
  assert.deepEqual(parseResidentId(withCheck('99010119900307123'), now), { ok: false, problem: 'region' });
  assert.equal(parseResidentId(withCheck('81000019900307123'), now).ok, true, 'Hong Kong residence permit');
});

test('birth date: a real date, not in the future, not more than 120 years ago (China time)', () => {
  const birth = (yyyymmdd: string) => parseResidentId(withCheck(`110101${yyyymmdd}123`), now);
  assert.equal(birth('20000229').ok, true, 'leap day');
  assert.deepEqual(birth('19000229'), { ok: false, problem: 'birth_date' }, '1900 was not a leap year');
  assert.deepEqual(birth('19900230'), { ok: false, problem: 'birth_date' });
  assert.deepEqual(birth('19901301'), { ok: false, problem: 'birth_date' });
  assert.deepEqual(birth('19900000'), { ok: false, problem: 'birth_date' });
  assert.equal(birth('20260315').ok, true, 'born today');
  assert.deepEqual(birth('20260316'), { ok: false, problem: 'birth_date' }, 'tomorrow');
  assert.equal(birth('19060315').ok, true, 'exactly 120 years');
  assert.deepEqual(birth('19060314'), { ok: false, problem: 'birth_date' }, '120 years and a day');
  // The standard's own example was born in 1880: the checksum is right, the age is not.
  assert.deepEqual(parseResidentId('440524188001010014', now), { ok: false, problem: 'birth_date' });
  // 2026-03-15T16:30Z is already the 16th in Beijing: a baby born on the 16th is not in the future.
  assert.equal(parseResidentId(withCheck('11010120260316123'), new Date('2026-03-15T16:30:00Z')).ok, true);
  assert.equal(chinaCalendarDate(new Date('2025-12-31T15:59:59Z')), '2025-12-31');
  assert.equal(chinaCalendarDate(new Date('2025-12-31T16:00:00Z')), '2026-01-01');
});

test('names: 2–30 Chinese characters, a middle dot between parts, variants normalised', () => {
  assert.equal(normaliseBuyerName('张三'), '张三');
  assert.equal(normaliseBuyerName(' 欧阳 娜娜 '), '欧阳娜娜');
  assert.equal(normaliseBuyerName('买买提·艾力'), '买买提·艾力');
  assert.equal(normaliseBuyerName('买买提•艾力'), '买买提·艾力', 'bullet');
  assert.equal(normaliseBuyerName('买买提・艾力'), '买买提·艾力', 'katakana middle dot');
  assert.equal(normaliseBuyerName('买买提.艾力'), '买买提·艾力', 'full stop');
  assert.equal(normaliseBuyerName('𠈌一'), '𠈌一', 'a character outside the BMP counts once');
  assert.equal(normaliseBuyerName('王'), null, 'one character');
  assert.equal(normaliseBuyerName('王'.repeat(30))?.length, 30);
  assert.equal(normaliseBuyerName('王'.repeat(31)), null);
  for (const bad of ['Zhang San', '张3', '·张三', '张三·', '张··三', '张-三', '']) assert.equal(normaliseBuyerName(bad), null, bad);
});

test('the identity schema: normalised values, consent required, bilingual messages', () => {
  const parsed = buyerIdentitySchema.parse({ name: '张 三', idNumber: '11010519491231002x', consentToIdentityUse: true });
  assert.deepEqual(parsed, { name: '张三', idNumber: '11010519491231002X', consentToIdentityUse: true });
  assert.equal(buyerIdentitySchema.safeParse({ ...parsed, consentToIdentityUse: false }).success, false);
  const bad = buyerIdentitySchema.safeParse({ name: 'Z', idNumber: wrongCheck('11010519491231002X'), consentToIdentityUse: true });
  assert.equal(bad.success, false);
  const issues = bad.error?.issues.map((i) => ({ path: i.path.join('.'), rule: i.code, message: i.message })) ?? [];
  assert.deepEqual(issues.map((i) => i.path), ['name', 'idNumber']);
  assert.deepEqual(issues.map((i) => localizeIssue(i, 'zh-CN')), [m.buyerName.zh, m.residentIdCheckDigit.zh]);
});
