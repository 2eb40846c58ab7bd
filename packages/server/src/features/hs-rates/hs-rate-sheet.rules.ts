import { hsRetailModes, validationMessages as m, type HsRetailMode, type ImportIssue } from '@pavilion/contracts';
import type { RawRow } from '../../platform/sheets/sheet-file.ts';
import { HS_CODE, MAX_CONSUMPTION_TAX_RATE_BP, MAX_TARIFF_RATE_BP, MAX_VAT_RATE_BP, suggestedFoodMark } from './hs-rate.rules.ts';

/**
 * The HS rate table as a spreadsheet (CSV or XLSX): one row per code, every column of the table.
 * Rates are written as percentages with up to two decimals (13, 9.5, 0.25), as operators read them
 * in the tariff schedule; the table keeps basis points. An empty tariff cell is "not entered".
 * Headers are bilingual ("VAT (%) / 增值税率（%）"); either language alone or the key is recognised.
 */
const columns = [
  { key: 'hs_code', en: 'HS code', zh: 'HS 编码' },
  { key: 'description_en', en: 'Description (English)', zh: '英文描述' },
  { key: 'description_zh', en: 'Description (Chinese)', zh: '中文描述' },
  { key: 'vat_rate', en: 'VAT (%)', zh: '增值税率（%）' },
  { key: 'consumption_tax_rate', en: 'Consumption tax (%)', zh: '消费税率（%）' },
  { key: 'tariff_rate', en: 'MFN tariff (%)', zh: '最惠国关税率（%）' },
  { key: 'retail_eligible', en: 'Positive List (yes/no)', zh: '正面清单（是/否）' },
  { key: 'retail_modes', en: 'Retail modes (both/1210)', zh: '零售模式（both/1210）' },
  { key: 'is_food', en: 'Food (yes/no)', zh: '食品（是/否）' },
  /** Written for the reader; an import ignores it (the rows it changes get the time of the import). */
  { key: 'updated_at', en: 'Updated at', zh: '更新时间', readOnly: true },
] as const;
type Key = (typeof columns)[number]['key'];

/** At most this many rows in one file (China's tariff schedule has about 8,900 ten-digit codes). */
export const MAX_HS_SHEET_ROWS = 20_000;

const headerOf = (c: (typeof columns)[number]): string => `${c.en} / ${c.zh}`;
export const hsSheetHeaders = (): string[] => columns.map(headerOf);

/** One code's rates as the table keeps them (basis points), whether read from a file or from the table. */
export interface HsSheetRate {
  hsCode: string;
  descriptionEn: string;
  descriptionZh: string;
  vatRateBp: number;
  consumptionTaxRateBp: number;
  tariffRateBp: number | null;
  retailEligible: boolean;
  retailModes: HsRetailMode;
  isFood: boolean;
}

/** Basis points as a percentage with no trailing zeros: 1300 → "13", 950 → "9.5", 25 → "0.25". */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const cents = bp % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A percentage with at most two decimals (a trailing "%" allowed, zeros beyond the second decimal
 * too, as a spreadsheet may write 9.50 or 9.500), as whole basis points; null when it is not one.
 * Computed on the digits, never through floating point.
 */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,5})(?:\.(\d*))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const decimals = match[2] ?? '';
  if (!/^\d{0,2}0*$/.test(decimals)) return null;
  return Number(match[1]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
}

const yes = new Set(['yes', 'y', 'true', '1', '是']);
const no = new Set(['no', 'n', 'false', '0', '否']);
/** yes / no (also y, true, 1, 是 and n, false, 0, 否); null when the cell says neither. */
export function parseYesNo(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  return yes.has(word) ? true : no.has(word) ? false : null;
}

/** The table's rows as the sheet writes them, in the order given. */
export function rateToCells(rate: HsSheetRate & { updatedAt: string }): string[] {
  const cells: Record<Key, string> = {
    hs_code: rate.hsCode,
    description_en: rate.descriptionEn,
    description_zh: rate.descriptionZh,
    vat_rate: formatPercent(rate.vatRateBp),
    consumption_tax_rate: formatPercent(rate.consumptionTaxRateBp),
    tariff_rate: rate.tariffRateBp === null ? '' : formatPercent(rate.tariffRateBp),
    retail_eligible: rate.retailEligible ? 'yes' : 'no',
    retail_modes: rate.retailModes,
    is_food: rate.isFood ? 'yes' : 'no',
    updated_at: rate.updatedAt,
  };
  return columns.map((c) => cells[c.key]);
}

const normalize = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const lookup = new Map<string, Key>(columns.flatMap((c) => [c.key, c.en, c.zh, headerOf(c), `${c.en}/${c.zh}`].map((h) => [normalize(h), c.key] as const)));

/**
 * Every row of a file checked cell by cell: the rates it holds, or every problem with its row (as
 * the spreadsheet numbers it) and column (its header as the file writes it). A file with any
 * problem gives no rates, so nothing is written. The food cell may be left empty: the code's
 * default mark (suggestedFoodMark) is taken, as when the console leaves it out.
 */
export function readHsSheet(raw: RawRow[]): { rates: HsSheetRate[]; rows: number; issues: ImportIssue[] } {
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) return { rates: [], rows: 0, issues: [{ row: null, column: null, rule: 'no_rows', message: m.hsSheetNoRows.en }] };
  const issues: ImportIssue[] = [];
  const at = new Map<Key, { index: number; header: string }>();
  header.cells.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const key = lookup.get(normalize(trimmed));
    if (!key) issues.push({ row: header.row, column: trimmed, rule: 'unknown_column', message: m.hsSheetUnknownColumn.en });
    else if (at.has(key)) issues.push({ row: header.row, column: trimmed, rule: 'duplicate_column', message: m.importDuplicateColumn.en });
    else at.set(key, { index, header: trimmed });
  });
  for (const c of columns) {
    if (!('readOnly' in c) && !at.has(c.key)) issues.push({ row: header.row, column: headerOf(c), rule: 'missing_column', message: m.hsSheetMissingColumn.en });
  }
  if (issues.length > 0) return { rates: [], rows: 0, issues };
  const body = nonEmpty.slice(1);
  if (body.length === 0) return { rates: [], rows: 0, issues: [{ row: null, column: null, rule: 'no_rows', message: m.hsSheetNoRows.en }] };
  if (body.length > MAX_HS_SHEET_ROWS) return { rates: [], rows: body.length, issues: [{ row: null, column: null, rule: 'too_many_rows', message: m.hsSheetTooManyRows.en }] };

  const rates: HsSheetRate[] = [];
  const seen = new Set<string>();
  for (const r of body) {
    const cell = (key: Key) => (r.cells[at.get(key)?.index ?? -1] ?? '').trim();
    const before = issues.length;
    const problem = (key: Key, rule: string, message: string) => issues.push({ row: r.row, column: at.get(key)?.header ?? key, rule, message });

    const hsCode = cell('hs_code');
    if (!hsCode) problem('hs_code', 'required', m.required.en);
    else if (!HS_CODE.test(hsCode)) problem('hs_code', 'hs_code', m.hsCode.en);
    else if (seen.has(hsCode)) problem('hs_code', 'duplicate', m.hsSheetDuplicateCode.en);
    seen.add(hsCode);

    const descriptionEn = cell('description_en');
    if (!descriptionEn) problem('description_en', 'required', m.required.en);
    else if (descriptionEn.length > 300) problem('description_en', 'too_big', m.hsSheetDescriptionEn.en);
    const descriptionZh = cell('description_zh');
    if (!descriptionZh) problem('description_zh', 'required', m.required.en);
    else if (descriptionZh.length > 200) problem('description_zh', 'too_big', m.hsSheetDescriptionZh.en);

    const rate = (key: Key, max: number, message: string, optional: boolean): number | null => {
      const text = cell(key);
      if (text === '') {
        if (!optional) problem(key, 'required', m.required.en);
        return null;
      }
      const bp = parsePercent(text);
      if (bp === null || bp > max) problem(key, 'rate_range', message);
      return bp;
    };
    const vatRateBp = rate('vat_rate', MAX_VAT_RATE_BP, m.hsSheetVatRate.en, false);
    const consumptionTaxRateBp = rate('consumption_tax_rate', MAX_CONSUMPTION_TAX_RATE_BP, m.hsSheetConsumptionTaxRate.en, false);
    const tariffRateBp = rate('tariff_rate', MAX_TARIFF_RATE_BP, m.hsSheetTariffRate.en, true);

    const retailEligible = parseYesNo(cell('retail_eligible'));
    if (retailEligible === null) problem('retail_eligible', cell('retail_eligible') ? 'yes_no' : 'required', cell('retail_eligible') ? m.importYesNo.en : m.required.en);
    const modeText = cell('retail_modes').toLowerCase();
    const retailModes = (hsRetailModes as readonly string[]).includes(modeText) ? (modeText as HsRetailMode) : null;
    if (!retailModes) problem('retail_modes', modeText ? 'retail_modes' : 'required', modeText ? m.hsSheetRetailModes.en : m.required.en);
    const foodText = cell('is_food');
    const isFood = foodText === '' ? suggestedFoodMark(hsCode) : parseYesNo(foodText);
    if (isFood === null) problem('is_food', 'yes_no', m.importYesNo.en);

    if (issues.length > before || vatRateBp === null || consumptionTaxRateBp === null || retailEligible === null || !retailModes || isFood === null) continue;
    rates.push({ hsCode, descriptionEn, descriptionZh, vatRateBp, consumptionTaxRateBp, tariffRateBp, retailEligible, retailModes, isFood });
  }
  return { rates: issues.length > 0 ? [] : rates, rows: body.length, issues };
}

/** Whether a row of the file says exactly what the table already holds (then it is left untouched). */
export const sameRate = (a: HsSheetRate, b: HsSheetRate): boolean =>
  a.descriptionEn === b.descriptionEn &&
  a.descriptionZh === b.descriptionZh &&
  a.vatRateBp === b.vatRateBp &&
  a.consumptionTaxRateBp === b.consumptionTaxRateBp &&
  a.tariffRateBp === b.tariffRateBp &&
  a.retailEligible === b.retailEligible &&
  a.retailModes === b.retailModes &&
  a.isFood === b.isFood;
