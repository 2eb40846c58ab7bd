import assert from 'node:assert/strict';
import { test } from 'node:test';
import { msUntilNext } from './schedule.ts';

test('the next run is later today, or tomorrow once the time has passed', () => {
  assert.equal(msUntilNext(new Date('2026-11-22T15:00:00Z'), 16, 1), 61 * 60_000);
  assert.equal(msUntilNext(new Date('2026-11-22T16:01:00Z'), 16, 1), 24 * 3_600_000);
  assert.equal(msUntilNext(new Date('2026-11-22T17:00:00Z'), 16, 1), 23 * 3_600_000 + 60_000);
});
