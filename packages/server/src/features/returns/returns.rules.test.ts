import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  arriveBy, checkEligibility, checkQuantities, isLateArrival, nextReturnStatus, outRefundNoOf, refundAmounts, restoredQuota, returnNumber, returnStage, shareOfUnits, type OrderLineAmounts,
} from './returns.rules.ts';

// Released at 10:00 China time on 1 December 2026.
const releasedAt = '2026-12-01T02:00:00.000Z';
const deliveredAt = '2026-12-03T04:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('return eligibility', () => {
  const base = { status: 'delivered' as const, releasedAt, deliveredAt, reason: 'damaged' as const };

  test('30 days from release, China calendar days: the last moment of 31 December China time is in, midnight is out', () => {
    assert.equal(checkEligibility({ ...base, now: at('2026-12-31T15:59:59.999Z') }), null);
    assert.deepEqual(checkEligibility({ ...base, now: at('2026-12-31T16:00:00.000Z') }), { problem: 'window_closed', lastDay: '2026-12-31', rule: 'release_30_days' });
  });

  test('a release late in the China evening counts from that China day, not the UTC one', () => {
    // 16:30 UTC on 1 December is 00:30 on 2 December in China: the 30 days run to the end of 1 January, China time.
    const late = '2026-12-01T16:30:00.000Z';
    assert.equal(checkEligibility({ ...base, releasedAt: late, now: at('2027-01-01T15:59:59.000Z') }), null);
    assert.equal(checkEligibility({ ...base, releasedAt: late, now: at('2027-01-01T16:00:00.000Z') })?.problem, 'window_closed');
  });

  test('delivered and completed orders may be returned; shipped, paid, refunded may not; nor one customs has not released', () => {
    const now = at('2026-12-05T00:00:00Z');
    assert.equal(checkEligibility({ ...base, status: 'completed', now }), null);
    for (const status of ['shipped', 'paid', 'refunded', 'cancelled'] as const) assert.deepEqual(checkEligibility({ ...base, status, now }), { problem: 'not_returnable', status });
    assert.deepEqual(checkEligibility({ ...base, releasedAt: null, now }), { problem: 'not_released' });
  });

  test('the return without a reason is open 7 days from delivery (China days), inside the 30 from release', () => {
    const noReason = { ...base, reason: 'no_longer_wanted' as const };
    assert.equal(checkEligibility({ ...noReason, now: at('2026-12-10T15:59:59Z') }), null);
    assert.deepEqual(checkEligibility({ ...noReason, now: at('2026-12-10T16:00:00Z') }), { problem: 'window_closed', lastDay: '2026-12-10', rule: 'no_reason_7_days' });
    // Other reasons still have their 30 days.
    assert.equal(checkEligibility({ ...base, now: at('2026-12-10T16:00:00Z') }), null);
  });

  test('the goods must be back within 45 days of release', () => {
    assert.equal(arriveBy(releasedAt), '2027-01-15');
  });
});

describe('return quantities', () => {
  const lines = [
    { orderLineId: 'a', bought: 3, taken: 1 },
    { orderLineId: 'b', bought: 1, taken: 0 },
  ];
  test('up to what was bought less what other returns hold', () => {
    assert.deepEqual(checkQuantities([{ orderLineId: 'a', quantity: 2 }, { orderLineId: 'b', quantity: 1 }], lines), []);
    assert.deepEqual(checkQuantities([{ orderLineId: 'a', quantity: 3 }], lines), [{ orderLineId: 'a', asked: 3, left: 2, rule: 'too_many' }]);
  });
  test('a line of another order, or the same line twice, is refused', () => {
    assert.deepEqual(checkQuantities([{ orderLineId: 'x', quantity: 1 }], lines), [{ orderLineId: 'x', asked: 1, left: 0, rule: 'not_in_order' }]);
    assert.deepEqual(checkQuantities([{ orderLineId: 'b', quantity: 1 }, { orderLineId: 'b', quantity: 1 }], lines), [{ orderLineId: 'b', asked: 1, left: 1, rule: 'duplicate_line' }]);
  });
});

describe('the return state table', () => {
  test('requested → approved | refused → … → refunded, nothing else', () => {
    assert.equal(nextReturnStatus('requested', 'approve'), 'approved');
    assert.equal(nextReturnStatus('requested', 'refuse'), 'refused');
    assert.equal(nextReturnStatus('approved', 'ship_back'), 'return_shipped');
    assert.equal(nextReturnStatus('return_shipped', 'ship_back'), 'return_shipped', 'the tracking number may be corrected while in transit');
    assert.equal(nextReturnStatus('return_shipped', 'receive'), 'received');
    assert.equal(nextReturnStatus('received', 'refund'), 'refunded');
    assert.equal(nextReturnStatus('approved', 'receive'), null, 'no refund without the goods back');
    assert.equal(nextReturnStatus('refused', 'approve'), null);
    assert.equal(nextReturnStatus('requested', 'ship_back'), null);
    assert.equal(nextReturnStatus('refunded', 'refund'), null);
  });
  test('the queue tells a received return by its refund', () => {
    assert.equal(returnStage('return_shipped', null), 'in_transit');
    assert.equal(returnStage('received', 'requested'), 'received');
    assert.equal(returnStage('received', 'processing'), 'refunding');
    assert.equal(returnStage('received', 'failed'), 'refund_failed');
    assert.equal(returnStage('refunded', 'succeeded'), 'refunded');
  });
});

describe('refund amounts', () => {
  // Two lines: 3 vases (goods 100.00, freight 10.01, tax 9.10) and 1 tin (goods 50.00, freight 5.00, tax 4.55).
  const orderLines: OrderLineAmounts[] = [
    { orderLineId: 'vase', quantity: 3, goodsFen: 10_000, freightFen: 1_001, taxFen: 910 },
    { orderLineId: 'tin', quantity: 1, goodsFen: 5_000, freightFen: 500, taxFen: 455 },
  ];
  const quota = 16_501; // goods + freight

  test('a part of a line: its goods and tax for the units, no freight, the allowance for that part', () => {
    const r = refundAmounts({ orderLines, orderQuotaFen: quota, before: new Map(), freightBeforeFen: 0, returned: [{ orderLineId: 'vase', quantity: 1 }] });
    assert.deepEqual(r.lines, [{ orderLineId: 'vase', quantity: 1, goodsFen: 3_333, taxFen: 303, quotaFen: 3_667 }]);
    assert.equal(r.freightFen, 0);
    assert.equal(r.refundFen, 3_636);
    assert.equal(r.wholeOrder, false);
  });

  test('the parts add up: one unit at a time, then the rest, gives back exactly the order, freight and allowance included', () => {
    const before = new Map<string, number>();
    const totals = { goods: 0, tax: 0, freight: 0, refund: 0, quota: 0 };
    const steps = [[{ orderLineId: 'vase', quantity: 1 }], [{ orderLineId: 'vase', quantity: 1 }], [{ orderLineId: 'tin', quantity: 1 }, { orderLineId: 'vase', quantity: 1 }]];
    steps.forEach((returned, i) => {
      const r = refundAmounts({ orderLines, orderQuotaFen: quota, before, freightBeforeFen: totals.freight, returned });
      assert.equal(r.wholeOrder, i === steps.length - 1);
      totals.goods += r.goodsFen;
      totals.tax += r.taxFen;
      totals.freight += r.freightFen;
      totals.refund += r.refundFen;
      totals.quota += r.quotaFen;
      for (const l of r.lines) before.set(l.orderLineId, (before.get(l.orderLineId) ?? 0) + l.quantity);
    });
    assert.deepEqual(totals, { goods: 15_000, tax: 1_365, freight: 1_501, refund: 17_866, quota: quota });
  });

  test('the whole order at once is the order total', () => {
    const r = refundAmounts({ orderLines, orderQuotaFen: quota, before: new Map(), freightBeforeFen: 0, returned: [{ orderLineId: 'vase', quantity: 3 }, { orderLineId: 'tin', quantity: 1 }] });
    assert.equal(r.refundFen, 10_000 + 1_001 + 910 + 5_000 + 500 + 455);
    assert.equal(r.quotaFen, quota);
  });

  test('shares of units are the one allocation, cumulative: every split of a line adds up to it', () => {
    for (const total of [0, 1, 7, 10_000, 99_999]) {
      for (const quantity of [1, 2, 3, 7]) {
        let sum = 0;
        for (let n = 1; n <= quantity; n++) sum += shareOfUnits(total, n, quantity) - shareOfUnits(total, n - 1, quantity);
        assert.equal(sum, total, `${total} over ${quantity}`);
      }
    }
  });

  test('the allowance never goes below zero', () => {
    assert.equal(restoredQuota(5_000, 3_000), 2_000);
    assert.equal(restoredQuota(1_000, 3_000), 0);
  });
});

describe('return numbers', () => {
  test('the China date and six characters; the refund number is the return number', () => {
    const n = returnNumber('2026-12-01');
    assert.match(n, /^RT20261201-[0-9A-HJKMNP-TV-Z]{6}$/);
    assert.equal(outRefundNoOf(n), n);
    assert.match(outRefundNoOf(n), /^[0-9A-Za-z_\-|*@]{1,64}$/, "WeChat's out_refund_no charset");
  });
});

test('late return: goods back after the 45th China day keep their tax and allowance; goods and freight still go back', () => {
  const releasedAt = '2026-12-01T02:00:00.000Z'; // 1 December, 10:00 China time: the 45th day is 15 January
  assert.equal(isLateArrival(releasedAt, new Date('2027-01-15T15:59:59.999Z')), false, '23:59:59.999 on 15 January, China time');
  assert.equal(isLateArrival(releasedAt, new Date('2027-01-15T16:00:00.000Z')), true, '00:00 on 16 January, China time');

  const orderLines: OrderLineAmounts[] = [{ orderLineId: 'a', quantity: 1, goodsFen: 30_000, freightFen: 2_000, taxFen: 2_912 }];
  const onTime = refundAmounts({ orderLines, orderQuotaFen: 32_000, before: new Map(), freightBeforeFen: 0, returned: [{ orderLineId: 'a', quantity: 1 }] });
  assert.deepEqual([onTime.goodsFen, onTime.taxFen, onTime.freightFen, onTime.refundFen, onTime.quotaFen], [30_000, 2_912, 2_000, 34_912, 32_000]);
  const late = refundAmounts({ orderLines, orderQuotaFen: 32_000, before: new Map(), freightBeforeFen: 0, returned: [{ orderLineId: 'a', quantity: 1 }], late: true });
  assert.deepEqual([late.goodsFen, late.taxFen, late.freightFen, late.refundFen, late.quotaFen], [30_000, 0, 2_000, 32_000, 0]);
  assert.deepEqual(late.lines.map((l) => [l.taxFen, l.quotaFen]), [[0, 0]]);
});
