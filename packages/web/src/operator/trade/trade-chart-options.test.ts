import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countsOption, hoursOption, ratesOption, type FigureBar } from './trade-chart-options.ts';

const labels = { inquiries: 'I', quotes: 'Q', orders: 'O', responseRate: 'R', conversion: 'C', medianResponse: 'M', hours: (v: number) => `${v} h` };
const rows: FigureBar[] = [
  { name: 'Bula Coconut', inquiries: 4, quotes: 2, orders: 1, responseRateBp: 7500, conversionBp: 5000, medianResponseSeconds: 9000 },
  { name: 'Santo Sandalwood', inquiries: 0, quotes: 0, orders: 0, responseRateBp: null, conversionBp: 0, medianResponseSeconds: null },
];
const data = (option: ReturnType<typeof countsOption>) => (Array.isArray(option.series) ? option.series.map((s) => [s.name, s.data]) : []);

test('counts are grouped bars of inquiries, quotes and orders per row', () => {
  assert.deepEqual(data(countsOption(rows, labels)), [['I', [4, 0]], ['Q', [2, 0]], ['O', [1, 0]]]);
});

test('rates are per cent, with no bar where no inquiry is due; the median is in hours to one decimal', () => {
  assert.deepEqual(data(ratesOption(rows, labels)), [['R', [75, null]], ['C', [50, 0]]]);
  assert.deepEqual(data(hoursOption(rows, labels)), [['M', [2.5, null]]]);
  const series = hoursOption(rows, labels).series;
  const format = Array.isArray(series) ? series[0]?.tooltip?.valueFormatter : undefined;
  assert.deepEqual([format?.(2.5, 0), format?.('-', 1)], ['2.5 h', '—']);
});
