import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCnyFen } from '@pavilion/contracts';
import {
  chinaMonth, commissionOf, commissionRateAt, DEFAULT_COMMISSION_BP, lineDescription, monthEnd, monthStart, nextMonth, previousMonth, settleReturn, settleSale, statementTotals,
} from './settlement.rules.ts';

test('the commission is rounded half up to the fen and the share is what is left', () => {
  assert.equal(commissionOf(10_000, 800), 800);
  // 8% of ¥123.45 is 9.876 → 9.88
  assert.equal(commissionOf(12_345, 800), 988);
  // 8% of 6 fen is 0.48 fen → 0; of 7 fen 0.56 → 1; at 2.5%, 250 fen → 6.25 → 6 and 100 fen → 2.5 → 3 (half up)
  assert.equal(commissionOf(6, 800), 0);
  assert.equal(commissionOf(7, 800), 1);
  assert.equal(commissionOf(250, 250), 6, '6.25 fen → 6');
  assert.equal(commissionOf(100, 250), 3, '2.5 fen → 3 (half up)');
  assert.equal(commissionOf(5_000, 0), 0);
  assert.throws(() => commissionOf(100, 5001), RangeError);
  assert.throws(() => commissionOf(100, -1), RangeError);
  const s = settleSale({ goodsFen: 12_345, commissionBp: 800, currency: 'CNY', rateMicro: 1_000_000 });
  assert.deepEqual(s, { goodsFen: 12_345, commissionFen: 988, shareFen: 11_357, shareMinor: 11_357 });
});

test("the share goes back into the exporter's currency at the line's own rate, half up to its minor unit", () => {
  // 4,500.00 PKR at 0.025 CNY/PKR is ¥112.50; 8% commission ¥9.00; share ¥103.50 = 4,140.00 PKR.
  const goods = toCnyFen(450_000, 'PKR', 25_000);
  assert.equal(goods, 11_250);
  assert.deepEqual(settleSale({ goodsFen: goods, commissionBp: 800, currency: 'PKR', rateMicro: 25_000 }), { goodsFen: 11_250, commissionFen: 900, shareFen: 10_350, shareMinor: 414_000 });
  // FJD at 3.1825: share ¥92.00 → 28.908091… FJD → 28.91
  assert.equal(settleSale({ goodsFen: 10_000, commissionBp: 800, currency: 'FJD', rateMicro: 3_182_500 }).shareMinor, 2891);
  // The same yuan at another order's rate gives another amount: the rate is the line's, not today's.
  assert.equal(settleSale({ goodsFen: 10_000, commissionBp: 800, currency: 'FJD', rateMicro: 3_200_000 }).shareMinor, 2875);
  // VUV has no minor unit: whole vatu. ¥92.00 at 0.0605 CNY/VUV = 1,520.66… → 1,521 VT.
  assert.equal(settleSale({ goodsFen: 10_000, commissionBp: 800, currency: 'VUV', rateMicro: 60_500 }).shareMinor, 1521);
  // Exactly half a vatu goes up: a ¥1.50 share at 1 CNY per VUV is 1.5 VT → 2.
  assert.equal(settleSale({ goodsFen: 150, commissionBp: 0, currency: 'VUV', rateMicro: 1_000_000 }).shareMinor, 2);
});

test("a statement's lines add up to its total to the minor unit, whatever the rates and currencies of its lines' orders", () => {
  // Many small lines at awkward rates: rounding per line then summing is the statement's rule, so
  // the total is the sum of the lines as shown (never a conversion of the summed yuan).
  const rates = [3_182_500, 3_190_125, 3_177_777, 3_201_001];
  const lines = Array.from({ length: 57 }, (_, i) => settleSale({ goodsFen: 1_001 + i * 37, commissionBp: 800, currency: 'FJD', rateMicro: rates[i % rates.length] ?? 3_182_500 }));
  const total = statementTotals(lines);
  assert.equal(total.shareMinor, lines.reduce((n, l) => n + l.shareMinor, 0));
  assert.equal(total.goodsFen, total.commissionFen + total.shareFen);
  assert.equal(total.goodsFen, lines.reduce((n, l) => n + l.goodsFen, 0));
  // With a refund line in the month the sum still holds, and it may go down.
  const refund = settleReturn({ quantity: 2, goodsFen: 2_002, commissionBp: 800, currency: 'FJD', rateMicro: 3_182_500 }, 1);
  const withRefund = statementTotals([...lines, refund]);
  assert.equal(withRefund.shareMinor, total.shareMinor + refund.shareMinor);
  assert.ok(refund.shareMinor < 0);
});

test('a whole line returned reverses its sale exactly; part of it reverses its part of the goods', () => {
  const sale = { quantity: 3, goodsFen: 30_001, commissionBp: 750, currency: 'TOP' as const, rateMicro: 2_987_654 };
  const sold = settleSale(sale);
  const all = settleReturn(sale, 3);
  assert.deepEqual(all, { goodsFen: -sold.goodsFen, commissionFen: -sold.commissionFen, shareFen: -sold.shareFen, shareMinor: -sold.shareMinor });
  const one = settleReturn(sale, 1);
  assert.equal(one.goodsFen, -10_000, '30,001 × 1/3 = 10,000.33 → 10,000');
  assert.equal(one.commissionFen, -750);
  assert.equal(one.shareFen, one.goodsFen - one.commissionFen);
  assert.throws(() => settleReturn(sale, 4), RangeError);
  assert.throws(() => settleReturn(sale, 0), RangeError);
  assert.throws(() => settleReturn(sale, 2, 2), RangeError, 'only one unit is left to return');
});

test('returns of a line in several parcels add up to exactly its sale, negated, to the fen and the minor unit', () => {
  // Awkward figures on purpose: thirds of the goods value and 7.77% do not divide evenly.
  for (const sale of [
    { quantity: 3, goodsFen: 30_001, commissionBp: 777, currency: 'TOP' as const, rateMicro: 2_987_654 },
    { quantity: 7, goodsFen: 12_345, commissionBp: 1250, currency: 'VUV' as const, rateMicro: 60_531 },
  ]) {
    const sold = settleSale(sale);
    for (const parcels of [[1, 1, 1], [1, 2], [2, 1]].map((p) => (sale.quantity === 7 ? [...p, sale.quantity - p.reduce((a, b) => a + b, 0)] : p))) {
      let returned = 0;
      const lines = parcels.map((q) => {
        const line = settleReturn(sale, q, returned);
        returned += q;
        assert.equal(line.shareFen, line.goodsFen - line.commissionFen);
        return line;
      });
      assert.deepEqual(statementTotals([sold, ...lines]), { goodsFen: 0, commissionFen: 0, shareFen: 0, shareMinor: 0 }, `${sale.currency} in parcels ${parcels.join('+')}`);
    }
  }
});

test('the commission rate in force is the latest that took effect at or before the instant, else the default', () => {
  const rates = [
    { rateBp: 600, effectiveFrom: '2026-11-01T00:00:00.000Z' },
    { rateBp: 1000, effectiveFrom: '2026-11-20T00:00:00.000Z' },
  ];
  assert.deepEqual(commissionRateAt(rates, '2026-10-31T23:59:59.999Z'), { rateBp: DEFAULT_COMMISSION_BP, isDefault: true });
  assert.deepEqual(commissionRateAt(rates, '2026-11-01T00:00:00.000Z'), { rateBp: 600, isDefault: false });
  assert.deepEqual(commissionRateAt(rates, '2026-11-19T23:00:00.000Z'), { rateBp: 600, isDefault: false });
  assert.deepEqual(commissionRateAt(rates, '2026-12-01T00:00:00.000Z'), { rateBp: 1000, isDefault: false });
  assert.deepEqual(commissionRateAt([], '2026-12-01T00:00:00.000Z'), { rateBp: 800, isDefault: true });
});

test('months are China months (UTC+8)', () => {
  assert.equal(chinaMonth('2026-11-30T15:59:59.999Z'), '2026-11');
  assert.equal(chinaMonth('2026-11-30T16:00:00.000Z'), '2026-12', 'midnight in Beijing starts December');
  assert.equal(monthStart('2026-12'), '2026-11-30T16:00:00.000Z');
  assert.equal(monthEnd('2026-12'), '2026-12-31T16:00:00.000Z');
  assert.equal(nextMonth('2026-12'), '2027-01');
  assert.equal(previousMonth('2027-01'), '2026-12');
  assert.equal(previousMonth('2026-10'), '2026-09');
  assert.equal(lineDescription('Vase', []), 'Vase');
  assert.equal(lineDescription('Vase', ['Blue', '20 cm']), 'Vase (Blue, 20 cm)');
});
