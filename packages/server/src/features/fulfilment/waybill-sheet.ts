import { TRACKING_NUMBER, validationMessages as m, type CarrierCode, type ImportIssue } from '@pavilion/contracts';
import { detectSheetFormat, readSheet, SheetReadError } from '../../platform/sheets/sheet-file.ts';
import { carrierFromCell } from './fulfilment.rules.ts';

/**
 * The bonded warehouse's waybill sheet (CSV or XLSX, told by content, read as the product import
 * reads its files): a header row, then one row per parcel. Headers are bilingual like the product
 * template's ("Tracking number / 运单号"), and either language alone or the key is recognised.
 */
const columns = [
  { key: 'order_number', en: 'Order number', zh: '订单号', required: true },
  { key: 'carrier', en: 'Carrier', zh: '承运商', required: true },
  { key: 'tracking_number', en: 'Tracking number', zh: '运单号', required: true },
  { key: 'carrier_name', en: 'Carrier name', zh: '承运商名称', required: false },
  { key: 'weight_grams', en: 'Weight (g)', zh: '重量（克）', required: false },
] as const;
type Key = (typeof columns)[number]['key'];

export const MAX_WAYBILL_ROWS = 2_000;
export const waybillHeaders = (): string[] => columns.map((c) => `${c.en} / ${c.zh}`);

export interface WaybillRow {
  row: number;
  orderNumber: string;
  carrier: CarrierCode;
  carrierName: string;
  trackingNumber: string;
  weightGrams?: number;
  /** Each column's header as the file writes it, for the problems named by column. */
  headers: Partial<Record<string, string>>;
}

const normalize = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const lookup = new Map<string, Key>(columns.flatMap((c) => [c.key, c.en, c.zh, `${c.en} / ${c.zh}`, `${c.en}/${c.zh}`].map((h) => [normalize(h), c.key] as const)));

/** The rows, each checked cell by cell; every problem with its row and column. */
export async function readWaybillSheet(bytes: Buffer): Promise<{ rows: WaybillRow[]; issues: ImportIssue[] }> {
  let raw;
  try {
    raw = await readSheet(bytes, await detectSheetFormat(bytes));
  } catch (err) {
    if (err instanceof SheetReadError) return { rows: [], issues: [err.issue] };
    throw err;
  }
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) return { rows: [], issues: [{ row: null, column: null, rule: 'no_rows', message: m.waybillNoRows.en }] };
  const issues: ImportIssue[] = [];
  const at = new Map<Key, number>();
  const headers: Partial<Record<string, string>> = {};
  header.cells.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const key = lookup.get(normalize(trimmed));
    if (!key) issues.push({ row: header.row, column: trimmed, rule: 'unknown_column', message: m.importUnknownColumn.en });
    else if (at.has(key)) issues.push({ row: header.row, column: trimmed, rule: 'duplicate_column', message: m.importDuplicateColumn.en });
    else {
      at.set(key, index);
      headers[key] = trimmed;
    }
  });
  for (const c of columns) {
    if (c.required && !at.has(c.key)) issues.push({ row: header.row, column: `${c.en} / ${c.zh}`, rule: 'missing_column', message: m.importMissingColumn.en });
  }
  if (issues.length > 0) return { rows: [], issues };
  const body = nonEmpty.slice(1);
  if (body.length === 0) return { rows: [], issues: [{ row: null, column: null, rule: 'no_rows', message: m.waybillNoRows.en }] };
  if (body.length > MAX_WAYBILL_ROWS) return { rows: [], issues: [{ row: null, column: null, rule: 'too_many_rows', message: m.waybillTooManyRows.en }] };

  const rows: WaybillRow[] = [];
  for (const r of body) {
    const cell = (key: Key) => {
      const index = at.get(key);
      return index === undefined ? '' : (r.cells[index] ?? '').trim();
    };
    const problem = (key: Key, rule: string, message: string) => issues.push({ row: r.row, column: headers[key] ?? key, rule, message });
    const orderNumber = cell('order_number');
    if (!orderNumber) problem('order_number', 'required', m.required.en);
    const carrierCell = cell('carrier');
    const carrier = carrierFromCell(carrierCell);
    if (!carrierCell) problem('carrier', 'required', m.required.en);
    else if (!carrier) problem('carrier', 'unknown', m.waybillUnknownCarrier.en);
    const trackingNumber = cell('tracking_number').toUpperCase();
    if (!trackingNumber) problem('tracking_number', 'required', m.required.en);
    else if (!TRACKING_NUMBER.test(trackingNumber)) problem('tracking_number', 'invalid_format', m.trackingNumber.en);
    const weightCell = cell('weight_grams');
    const weight = weightCell === '' ? undefined : Number(weightCell);
    if (weight !== undefined && !(Number.isInteger(weight) && weight > 0 && weight <= 1_000_000)) problem('weight_grams', 'invalid_format', m.shipmentWeight.en);
    if (!orderNumber || !carrier || !trackingNumber || !TRACKING_NUMBER.test(trackingNumber)) continue;
    rows.push({
      row: r.row, orderNumber, carrier, carrierName: carrier === 'other' ? cell('carrier_name') : '', trackingNumber, headers,
      ...(weight !== undefined && Number.isInteger(weight) && weight > 0 ? { weightGrams: weight } : {}),
    });
  }
  return { rows, issues };
}
