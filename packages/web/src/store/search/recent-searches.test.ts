import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRecentSearch, parseRecentSearches, recentLimit } from './recent-searches.ts';

test('the newest search comes first, once, whatever its case and spacing', () => {
  assert.deepEqual(addRecentSearch(['蜂蜜', 'Coconut Oil', '盐灯'], '  coconut   oil '), ['coconut oil', '蜂蜜', '盐灯']);
  assert.deepEqual(addRecentSearch(['蜂蜜'], '   '), ['蜂蜜']);
});

test('at most ten are kept, the oldest dropped', () => {
  const full = Array.from({ length: recentLimit }, (_, index) => `word ${index}`);
  const next = addRecentSearch(full, '椰子');
  assert.equal(next.length, recentLimit);
  assert.equal(next[0], '椰子');
  assert.ok(!next.includes(`word ${recentLimit - 1}`));
});

test('storage holding anything else reads as no history', () => {
  assert.deepEqual(parseRecentSearches(null), []);
  assert.deepEqual(parseRecentSearches('not json'), []);
  assert.deepEqual(parseRecentSearches('{"a":1}'), []);
  assert.deepEqual(parseRecentSearches('["椰子", 3, "", "honey"]'), ['椰子', 'honey']);
});
