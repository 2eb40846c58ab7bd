import ExcelJS from 'exceljs';
import type { RawRow } from './product-sheet.rules.ts';

/**
 * XLSX reading and writing with exceljs. Both hold the thread for as long as the workbook takes
 * (hundreds of milliseconds for thousands of rows), so they run in a worker (sheet-worker.ts).
 */

export interface SheetLists {
  categories: Array<{ id: string; nameEn: string; nameZh: string }>;
  currencies: Array<{ code: string; nameEn: string; nameZh: string; digits: number }>;
  countries: Array<{ code: string; nameEn: string; nameZh: string }>;
  brands: Array<{ nameEn: string; nameZh: string; id: string }>;
}

export interface SheetContent {
  headers: string[];
  hints: string[];
  rows: string[][];
  lists: SheetLists;
}

/** The rows of the first worksheet, cells as text, numbered as the spreadsheet shows them. */
export async function readXlsx(bytes: Uint8Array): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer interface (an ArrayBuffer); Node's Buffer is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** A cell's value as the text a person sees (formulas by their result, dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/**
 * The Products sheet (header, hints, rows; every cell text, so SKUs, barcodes, HS codes and prices
 * keep their zeros), and a Lists sheet of the categories, currencies, countries and brands a row may name.
 */
export async function writeXlsx(sheet: SheetContent): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pavilion';
  const products = workbook.addWorksheet('Products', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  products.columns = sheet.headers.map((header) => ({ width: Math.min(40, Math.max(14, header.length * 0.9)), style: { numFmt: '@' } }));
  const header = products.addRow(sheet.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
  const hints = products.addRow(sheet.hints);
  hints.font = { italic: true, color: { argb: 'FF6B7280' }, size: 9 };
  hints.alignment = { wrapText: true, vertical: 'top' };
  hints.height = 60;
  for (const row of sheet.rows) products.addRow(row);

  const lists = workbook.addWorksheet('Lists');
  lists.columns = [{ width: 24 }, { width: 32 }, { width: 24 }, { width: 10 }];
  const section = (title: string, heads: string[], rows: Array<Array<string | number>>) => {
    lists.addRow([title]).font = { bold: true, size: 12 };
    lists.addRow(heads).font = { bold: true };
    for (const r of rows) lists.addRow(r.map(String));
    lists.addRow([]);
  };
  section('Categories / 类目', ['Category (id) / 类目编号', 'English', '中文'], sheet.lists.categories.map((c) => [c.id, c.nameEn, c.nameZh]));
  section('Currencies / 币种', ['Currency / 币种', 'English', '中文', 'Decimals / 小数位'], sheet.lists.currencies.map((c) => [c.code, c.nameEn, c.nameZh, c.digits]));
  section('Origin countries / 原产国', ['Origin country / 原产国', 'English', '中文'], sheet.lists.countries.map((c) => [c.code, c.nameEn, c.nameZh]));
  section('Your brands / 您的品牌', ['Brand / 品牌', '中文', 'id'], sheet.lists.brands.map((b) => [b.nameEn, b.nameZh, b.id]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
