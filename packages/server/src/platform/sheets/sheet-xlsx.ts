import ExcelJS from 'exceljs';

/**
 * XLSX reading and writing with exceljs. Both hold the thread for as long as the workbook takes
 * (hundreds of milliseconds for thousands of rows), so they run in a worker (sheet-worker.ts).
 */

/** Cells as text, by position, with the row number the spreadsheet shows. */
export interface RawRow {
  row: number;
  cells: string[];
}

/** A titled table on the workbook's second sheet (the values a column may take, with their names). */
export interface SheetSection {
  title: string;
  heads: string[];
  rows: string[][];
}

/**
 * What a sheet holds: the header row, an optional hints row, then the rows, every cell text. An
 * XLSX names its first worksheet `name` and, when `lists` is given, adds a second worksheet of them.
 */
export interface SheetContent {
  name: string;
  headers: string[];
  hints?: string[];
  rows: string[][];
  lists?: { name: string; sections: SheetSection[] };
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
 * The main sheet (header, hints, rows; every cell text, so SKUs, barcodes, HS codes, prices and rates
 * keep their zeros), and the lists sheet when the content has one.
 */
export async function writeXlsx(sheet: SheetContent): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pavilion';
  const main = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  main.columns = sheet.headers.map((header) => ({ width: Math.min(40, Math.max(14, header.length * 0.9)), style: { numFmt: '@' } }));
  const header = main.addRow(sheet.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
  if (sheet.hints) {
    const hints = main.addRow(sheet.hints);
    hints.font = { italic: true, color: { argb: 'FF6B7280' }, size: 9 };
    hints.alignment = { wrapText: true, vertical: 'top' };
    hints.height = 60;
  }
  for (const row of sheet.rows) main.addRow(row);

  if (sheet.lists) {
    const lists = workbook.addWorksheet(sheet.lists.name);
    lists.columns = [{ width: 24 }, { width: 32 }, { width: 24 }, { width: 10 }];
    for (const section of sheet.lists.sections) {
      lists.addRow([section.title]).font = { bold: true, size: 12 };
      lists.addRow(section.heads).font = { bold: true };
      for (const r of section.rows) lists.addRow(r);
      lists.addRow([]);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
