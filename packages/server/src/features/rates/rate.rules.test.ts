import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStaleRate, rateAgeDays } from './rate.rules.ts';

test('a rate’s age counts China days from its effective date, across months and years', () => {
  assert.equal(rateAgeDays('2026-10-21', '2026-12-07'), 47);
  assert.equal(rateAgeDays('2026-12-07', '2026-12-07'), 0);
  assert.equal(rateAgeDays('2026-12-28', '2027-01-04'), 7);
});

test('stale only beyond the configured age: 7 days old is fine, 8 is not', () => {
  assert.equal(isStaleRate('2026-11-30', '2026-12-07', 7), false);
  assert.equal(isStaleRate('2026-11-29', '2026-12-07', 7), true);
  assert.equal(isStaleRate('2026-10-21', '2026-12-07', 60), false);
});
