import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findUncleanText, isCleanText, isoDateSchema, isRealDate, isSingleLine, multiLineText, singleLineText } from './text.ts';

test('text may hold tab, LF and CR, never NUL, the other C0 controls, U+FFFE/U+FFFF or half a surrogate pair', () => {
  assert.equal(isCleanText('椰子油\n\t100 ml\r\n😀'), true);
  for (const bad of ['a\u0000b', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', 'a\uD800', '\uDC00b', '\uDC00\uD800']) {
    assert.equal(isCleanText(bad), false, JSON.stringify(bad));
  }
  assert.equal(isSingleLine('科技园南区 1 栋 101'), true);
  assert.equal(isSingleLine('a\tb'), false);
  assert.equal(isSingleLine('a\nb'), false);
  assert.equal(singleLineText(10).safeParse('  ok  ').data, 'ok');
  assert.equal(singleLineText(10).safeParse('o\rk').success, false);
  assert.equal(multiLineText(10).safeParse('o\nk').data, 'o\nk');
  assert.equal(multiLineText(10).safeParse('o\u0000k').success, false);
});

test('every unclean string of a request is found with its path, keys included', () => {
  assert.deepEqual(findUncleanText({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\u0001': 1, d: null, e: 3 } }), [{ path: ['b', 1] }, { path: ['c', 'k\u0001'] }]);
  assert.deepEqual(findUncleanText(undefined), []);
});

test('dates are real days', () => {
  for (const good of ['2026-12-07', '2024-02-29', '1900-01-01', '2999-12-31']) assert.equal(isRealDate(good), true, good);
  for (const bad of ['0000-00-00', '2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '1899-12-31', '3000-01-01', '2026-1-01']) {
    assert.equal(isRealDate(bad), false, bad);
    assert.equal(isoDateSchema.safeParse(bad).success, false, bad);
  }
});
