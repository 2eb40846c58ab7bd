import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, describeError, nextPeriodStart, retryDelayMs } from './job.rules.ts';

const policy = { baseDelayMs: 10_000, maxDelayMs: 600_000 };

test('the wait doubles with each failed attempt and stops at the cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, policy)), [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000]);
  assert.equal(retryDelayMs(1_000, policy), 600_000);
});

test('a failed attempt is tried again later until the attempts are spent, then it is dead', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  assert.deepEqual(afterFailure({ attempts: 1, maxAttempts: 3, now, policy }), { state: 'pending', runAt: new Date('2026-12-07T10:00:10Z') });
  assert.deepEqual(afterFailure({ attempts: 2, maxAttempts: 3, now, policy }), { state: 'pending', runAt: new Date('2026-12-07T10:00:20Z') });
  assert.deepEqual(afterFailure({ attempts: 3, maxAttempts: 3, now, policy }), { state: 'failed' });
});

test('periods of a few seconds are aligned on the clock, so every process sees the same boundaries', () => {
  assert.equal(nextPeriodStart({ everyMs: 60_000 }, new Date('2026-12-07T10:00:00.000Z')).toISOString(), '2026-12-07T10:01:00.000Z');
  assert.equal(nextPeriodStart({ everyMs: 60_000 }, new Date('2026-12-07T10:00:59.999Z')).toISOString(), '2026-12-07T10:01:00.000Z');
  assert.equal(nextPeriodStart({ everyMs: 15_000 }, new Date('2026-12-07T10:00:16.000Z')).toISOString(), '2026-12-07T10:00:30.000Z');
  assert.throws(() => nextPeriodStart({ everyMs: 0 }, new Date()), /everyMs/);
});

test('a daily schedule runs later today, or tomorrow once its time has passed', () => {
  const daily = { dailyAtUtc: { hour: 16, minute: 1 } };
  assert.equal(nextPeriodStart(daily, new Date('2026-11-22T15:00:00Z')).toISOString(), '2026-11-22T16:01:00.000Z');
  assert.equal(nextPeriodStart(daily, new Date('2026-11-22T16:01:00Z')).toISOString(), '2026-11-23T16:01:00.000Z');
  assert.equal(nextPeriodStart(daily, new Date('2026-11-30T17:00:00Z')).toISOString(), '2026-12-01T16:01:00.000Z');
});

test('an error is kept with its message and cut to a readable length', () => {
  assert.match(describeError(new Error('disk full')), /^Error: disk full/);
  assert.equal(describeError('plain'), 'plain');
  assert.equal(describeError(new Error('x'.repeat(10_000))).length, 4000);
});
