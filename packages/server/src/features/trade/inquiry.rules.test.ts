import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inquiryStatusesFrom, median, nextInquiryStatus, responseFigures } from './inquiry.rules.ts';

test('the exporter marks an inquiry quoted; either side closes it; closed is final', () => {
  assert.equal(nextInquiryStatus('open', 'quote', 'exporter'), 'quoted');
  assert.equal(nextInquiryStatus('open', 'quote', 'company'), null);
  assert.equal(nextInquiryStatus('quoted', 'quote', 'exporter'), null);
  assert.equal(nextInquiryStatus('open', 'close', 'company'), 'closed');
  assert.equal(nextInquiryStatus('quoted', 'close', 'exporter'), 'closed');
  assert.equal(nextInquiryStatus('closed', 'close', 'company'), null);
  assert.deepEqual(inquiryStatusesFrom('close', 'company'), ['open', 'quoted']);
  assert.deepEqual(inquiryStatusesFrom('quote', 'exporter'), ['open']);
});

test('median: odd count the middle, even count the mean of the middle two rounded down, none null', () => {
  assert.equal(median([]), null);
  assert.equal(median([300, 100, 200]), 200);
  assert.equal(median([100, 400, 201, 10]), 150);
  assert.equal(median([1, 2]), 1);
});

test('response figures: the 48-hour window, unanswered inquiries not yet due, the median of answers', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  const figures = responseFigures(
    [
      { createdAt: h(100), firstResponseAt: h(99) }, // answered in 1 h
      { createdAt: h(100), firstResponseAt: h(52) }, // answered in exactly 48 h: in time
      { createdAt: h(100), firstResponseAt: h(51) }, // 49 h: late
      { createdAt: h(49), firstResponseAt: null }, // 49 h without an answer: failed
      { createdAt: h(2), firstResponseAt: null }, // 2 h old: not due yet
    ],
    now,
  );
  assert.deepEqual(figures, { inquiries: 5, answered: 3, due: 4, answeredInTime: 2, responseRateBp: 5000, medianResponseSeconds: 48 * 3600 });
  assert.equal(responseFigures([{ createdAt: h(1), firstResponseAt: null }], now).responseRateBp, null);
});
