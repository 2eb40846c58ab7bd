import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineProblem, nextRfqStatus, rfqStatusAt, rfqStatusesFrom, takesQuotes } from './rfq.rules.ts';

const now = new Date('2026-12-01T08:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

test('a deadline lies ahead, at most 90 days', () => {
  assert.equal(deadlineProblem(now, now), 'deadlineNotFuture');
  assert.equal(deadlineProblem(days(-1), now), 'deadlineNotFuture');
  assert.equal(deadlineProblem(new Date(now.getTime() + 1000), now), null);
  assert.equal(deadlineProblem(days(90), now), null);
  assert.equal(deadlineProblem(new Date(days(90).getTime() + 1000), now), 'deadlineTooFar');
});

test('RFQ states: the deadline closes an open one; accepting and cancelling are final', () => {
  assert.equal(nextRfqStatus('open', 'deadline'), 'closed_deadline');
  assert.equal(nextRfqStatus('open', 'accept'), 'accepted');
  assert.equal(nextRfqStatus('closed_deadline', 'accept'), 'accepted');
  assert.equal(nextRfqStatus('closed_deadline', 'deadline'), null);
  assert.equal(nextRfqStatus('accepted', 'cancel'), null);
  assert.equal(nextRfqStatus('cancelled', 'accept'), null);
  assert.deepEqual(rfqStatusesFrom('accept'), ['open', 'closed_deadline']);
});

test('an open RFQ reads as closed_deadline from its deadline on, and takes quotes only before it', () => {
  const deadline = days(1).toISOString();
  assert.equal(rfqStatusAt('open', deadline, now), 'open');
  assert.equal(rfqStatusAt('open', deadline, days(1)), 'closed_deadline');
  assert.equal(rfqStatusAt('accepted', deadline, days(2)), 'accepted');
  assert.equal(takesQuotes('open', deadline, new Date(days(1).getTime() - 1)), true);
  assert.equal(takesQuotes('open', deadline, days(1)), false);
  assert.equal(takesQuotes('accepted', deadline, now), false);
});
