import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cbecQuotaYear, checkCbecLimits, describeCbecLimitVerdict, sumQuotaUsedFen, type CbecLimitInput } from './cbec-limits.rules.ts';

/** One line of one product; by default a product whose exporter declared one unit an indivisible good. */
const oneLine = (quantity: number, indivisible = true): CbecLimitInput['lines'] => [{ quantity, indivisible }];
const fresh = { usedThisYearFen: 0 };

test('per order: 4,999.99 and 5,000.00 pass, 5,000.01 is refused by one fen', () => {
  const below = checkCbecLimits({ dutiableValueFen: 499_999, lines: oneLine(3), ...fresh });
  assert.equal(below.ok && below.regime, 'cbec');
  const at = checkCbecLimits({ dutiableValueFen: 500_000, lines: oneLine(3), ...fresh });
  assert.equal(at.ok && at.regime, 'cbec');
  assert.deepEqual(checkCbecLimits({ dutiableValueFen: 500_001, lines: oneLine(3), ...fresh }), {
    ok: false,
    code: 'ORDER_LIMIT_EXCEEDED',
    limitFen: 500_000,
    overByFen: 1,
    orderValueFen: 500_001,
    annualLimitFen: 2_600_000,
    annualUsedFen: 0,
    annualRemainingFen: 2_600_000,
  });
});

test('one indivisible item at 6,000 passes at full general-trade tax and counts in the quota', () => {
  assert.deepEqual(checkCbecLimits({ dutiableValueFen: 600_000, lines: oneLine(1), usedThisYearFen: 1_000_000 }), {
    ok: true,
    regime: 'general',
    orderValueFen: 600_000,
    annualLimitFen: 2_600_000,
    annualUsedFen: 1_000_000,
    annualRemainingFen: 1_600_000,
    annualRemainingAfterFen: 1_000_000,
  });
});

test('6,000 in two items is refused, as two lines or as a quantity of two, or as one unit of a set not declared indivisible', () => {
  for (const lines of [oneLine(2), [{ quantity: 1, indivisible: true }, { quantity: 1, indivisible: true }], oneLine(1, false)]) {
    const verdict = checkCbecLimits({ dutiableValueFen: 600_000, lines, ...fresh });
    assert.equal(!verdict.ok && verdict.code, 'ORDER_LIMIT_EXCEEDED', JSON.stringify(lines));
    assert.equal(!verdict.ok && verdict.overByFen, 100_000);
  }
});

test('the single-item exception still needs the yearly quota', () => {
  const verdict = checkCbecLimits({ dutiableValueFen: 600_000, lines: oneLine(1), usedThisYearFen: 2_100_000 });
  assert.equal(!verdict.ok && verdict.code, 'ANNUAL_QUOTA_EXCEEDED');
  assert.equal(!verdict.ok && verdict.overByFen, 100_000);
  assert.equal(verdict.annualRemainingFen, 500_000);
});

test('the yearly quota across several orders and a refund', () => {
  const year = 2026;
  const orders = [
    { paidAt: new Date('2025-12-31T15:30:00Z'), dutiableValueFen: 490_000, refundedValueFen: 0 }, // 23:30 on 31 Dec in Beijing: 2025
    { paidAt: new Date('2025-12-31T16:30:00Z'), dutiableValueFen: 500_000, refundedValueFen: 0 }, // 00:30 on 1 Jan in Beijing: 2026
    { paidAt: new Date('2026-02-01T02:00:00Z'), dutiableValueFen: 500_000, refundedValueFen: 0 },
    { paidAt: new Date('2026-03-01T02:00:00Z'), dutiableValueFen: 500_000, refundedValueFen: 0 },
    { paidAt: new Date('2026-04-01T02:00:00Z'), dutiableValueFen: 500_000, refundedValueFen: 0 },
    { paidAt: new Date('2026-05-01T02:00:00Z'), dutiableValueFen: 500_000, refundedValueFen: 0 },
  ];
  let used = sumQuotaUsedFen(orders, year);
  assert.equal(used, 2_500_000, 'five orders of 5,000 in 2026; the one before midnight counts in 2025');

  // 1,000.00 left: exactly that passes, one fen more does not.
  const exact = checkCbecLimits({ dutiableValueFen: 100_000, lines: oneLine(2), usedThisYearFen: used });
  assert.equal(exact.ok && exact.annualRemainingAfterFen, 0);
  const over = checkCbecLimits({ dutiableValueFen: 100_001, lines: oneLine(2), usedThisYearFen: used });
  assert.deepEqual(over.ok ? null : [over.code, over.overByFen, over.annualRemainingFen], ['ANNUAL_QUOTA_EXCEEDED', 1, 100_000]);

  // A return of 3,000.00 of goods from the February order gives the quota back.
  orders[2] = { ...orders[2]!, refundedValueFen: 300_000 };
  used = sumQuotaUsedFen(orders, year);
  assert.equal(used, 2_200_000);
  const after = checkCbecLimits({ dutiableValueFen: 400_000, lines: oneLine(2), usedThisYearFen: used });
  assert.equal(after.ok && after.annualRemainingAfterFen, 0);
  assert.equal(sumQuotaUsedFen(orders, 2025), 490_000);
});

test('both limits broken: the per-order one is reported, with the remaining quota', () => {
  const verdict = checkCbecLimits({ dutiableValueFen: 700_000, lines: oneLine(2), usedThisYearFen: 2_500_000 });
  assert.equal(!verdict.ok && verdict.code, 'ORDER_LIMIT_EXCEEDED');
  assert.equal(verdict.annualRemainingFen, 100_000);
});

test('the quota year is the calendar year in China', () => {
  assert.equal(cbecQuotaYear(new Date('2025-12-31T15:59:59.999Z')), 2025);
  assert.equal(cbecQuotaYear(new Date('2025-12-31T16:00:00Z')), 2026);
});

test('limits come from configuration', () => {
  const limits = { perOrderFen: 200_000, annualFen: 2_000_000 }; // the 2016 values
  const verdict = checkCbecLimits({ dutiableValueFen: 300_000, lines: oneLine(2), usedThisYearFen: 0, limits });
  assert.equal(!verdict.ok && verdict.overByFen, 100_000);
});

test('bilingual messages say how much over and what remains', () => {
  const order = checkCbecLimits({ dutiableValueFen: 500_001, lines: oneLine(2), usedThisYearFen: 2_000_000 });
  assert.equal(
    describeCbecLimitVerdict(order, { locale: 'en', year: 2026 }),
    "The dutiable value of this order is ¥5,000.01, ¥0.01 over the ¥5,000.00 allowed for one cross-border order. Please remove items. ¥6,000.00 of the buyer's 2026 allowance remains.",
  );
  assert.equal(describeCbecLimitVerdict(order, { locale: 'zh-CN', year: 2026 }), '本单完税价格为 ¥5,000.01，超出跨境电商单次交易限值 ¥5,000.00，超出 ¥0.01，请减少商品。订购人 2026 年度剩余额度为 ¥6,000.00。');
  const year = checkCbecLimits({ dutiableValueFen: 300_000, lines: oneLine(2), usedThisYearFen: 2_450_000 });
  assert.equal(
    describeCbecLimitVerdict(year, { locale: 'zh-CN', year: 2026 }),
    '本单 ¥3,000.00 将使订购人超出 2026 年度跨境电商交易限值 ¥26,000.00，超出 ¥1,500.00；本年度剩余额度为 ¥1,500.00。',
  );
  assert.match(describeCbecLimitVerdict(year, { locale: 'en', year: 2026 }) ?? '', /over the ¥26,000\.00 cross-border allowance for 2026 by ¥1,500\.00\. ¥1,500\.00 of the allowance remains/);
  const single = checkCbecLimits({ dutiableValueFen: 600_000, lines: oneLine(1), usedThisYearFen: 0 });
  assert.match(describeCbecLimitVerdict(single, { locale: 'en', year: 2026 }) ?? '', /full general-trade rates/);
  assert.equal(describeCbecLimitVerdict(checkCbecLimits({ dutiableValueFen: 100, lines: oneLine(1), usedThisYearFen: 0 }), { locale: 'en', year: 2026 }), null);
});

test('amounts must be integer fen', () => {
  assert.throws(() => checkCbecLimits({ dutiableValueFen: 100.5, lines: oneLine(1), usedThisYearFen: 0 }), RangeError);
  assert.throws(() => checkCbecLimits({ dutiableValueFen: 100, lines: oneLine(1), usedThisYearFen: -1 }), RangeError);
});
