import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPercent, hsSheetHeaders, parsePercent, parseYesNo, rateToCells, readHsSheet } from './hs-rate-sheet.rules.ts';

test('rates are written as percentages with no trailing zeros, and read back to the same basis points', () => {
  assert.deepEqual([1300, 950, 1325, 25, 5, 0, 10_000, 9_999].map(formatPercent), ['13', '9.5', '13.25', '0.25', '0.05', '0', '100', '99.99']);
  for (let bp = 0; bp <= 10_000; bp += 1) assert.equal(parsePercent(formatPercent(bp)), bp);
});

test('a percentage has at most two decimals; a trailing % and zeros a spreadsheet adds are accepted', () => {
  assert.deepEqual(['13', '9.50', '9.500', ' 6.5 % ', '13.', '0.05'].map(parsePercent), [1300, 950, 950, 650, 1300, 5]);
  for (const text of ['6.125', '-1', '1e2', '13,5', 'abc', '', '.5']) assert.equal(parsePercent(text), null, text);
});

test('yes/no cells in either language', () => {
  assert.deepEqual(['yes', 'Y', 'TRUE', '1', '是', 'no', 'n', 'false', '0', '否', 'maybe', ''].map(parseYesNo), [true, true, true, true, true, false, false, false, false, false, null, null]);
});

test('rows written by the export read back to the same rates', () => {
  const rate = { hsCode: '3303000010', descriptionEn: 'Perfumes', descriptionZh: '香水', vatRateBp: 1300, consumptionTaxRateBp: 1500, tariffRateBp: null, retailEligible: true, retailModes: '1210' as const, isFood: false };
  const raw = [hsSheetHeaders(), rateToCells({ ...rate, updatedAt: '2026-01-01T00:00:00.000Z' })].map((cells, i) => ({ row: i + 1, cells }));
  assert.deepEqual(readHsSheet(raw), { rates: [rate], rows: 1, issues: [] });
});

test('a header without a required column, or with an unknown one, is refused on the header row', () => {
  const headers = hsSheetHeaders().filter((h) => !h.startsWith('MFN tariff'));
  const { issues } = readHsSheet([{ row: 1, cells: [...headers, 'Colour'] }, { row: 2, cells: [] }]);
  assert.deepEqual(issues.map((i) => [i.row, i.column, i.rule]), [[1, 'Colour', 'unknown_column'], [1, 'MFN tariff (%) / 最惠国关税率（%）', 'missing_column']]);
});
