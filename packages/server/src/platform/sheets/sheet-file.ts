import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { parse as parseCsv } from 'csv-parse';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { fileTypeFromBuffer } from 'file-type';
import { validationMessages as m, type ImportIssue, type SheetFormat } from '@pavilion/contracts';
import { AppError } from '../errors.ts';
import type { SheetAnswer, SheetTask } from './sheet-worker.ts';
import type { RawRow, SheetContent } from './sheet-xlsx.ts';

/**
 * Spreadsheet files any feature imports or exports (the product sheet, the HS rate table, the
 * waybill sheet): XLSX read and written with exceljs in a worker thread, CSV with csv-parse and
 * csv-stringify (RFC 4180). Cells are text; what the columns mean is the feature's business.
 */
export type { RawRow, SheetContent, SheetSection } from './sheet-xlsx.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const sheetContentTypes: Record<SheetFormat, string> = { xlsx: XLSX_MIME, csv: 'text/csv; charset=utf-8' };

/**
 * A workbook unpacks to at most this much XML, and its worker gets at most this much memory: a
 * 10 MB upload could otherwise be a zip bomb that exhausts the server's memory.
 */
const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
const WORKER_HEAP_MB = 1024;

/** A problem with the file as a whole, reported like a row's: the import fails with it. */
export class SheetReadError extends Error {
  readonly issue: ImportIssue;
  constructor(issue: ImportIssue) {
    super(issue.message);
    this.issue = issue;
  }
}
const unreadable = (detail?: string) =>
  new SheetReadError({ row: null, column: null, rule: 'invalid_file', message: detail ? `${m.importUnreadable.en}: ${detail}` : m.importUnreadable.en });

const refuse = (found: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'invalid_file_type', message: m.importFileType.en, found }] });

/**
 * XLSX or CSV, told by content (never by the file's name): an XLSX is a zip holding a workbook; a
 * CSV is UTF-8 text (with or without a byte-order mark). Anything else is refused naming the field.
 */
export async function detectSheetFormat(bytes: Buffer): Promise<SheetFormat> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === XLSX_MIME) return 'xlsx';
  if (detected) throw refuse(detected.mime);
  if (bytes.includes(0) || decodeUtf8(bytes) === null) throw refuse('binary or not UTF-8');
  return 'csv';
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A CSV cell that starts like a formula (= + - @) would run when the file is opened in a
 * spreadsheet program (CSV injection): it is written with a leading apostrophe, which spreadsheets
 * show as text, and the apostrophe is taken off again on import.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const guardFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const unguardFormula = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** The rows of the first worksheet (XLSX) or of the file (CSV), cells as text, numbered as the spreadsheet shows them. */
export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<RawRow[]> {
  if (format === 'csv') return readCsv(bytes);
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null || unpacked > MAX_XLSX_UNPACKED_BYTES) throw unreadable();
  let answer: SheetAnswer<RawRow[]>;
  try {
    answer = await runSheetWorker<RawRow[]>({ op: 'read', bytes });
  } catch (err) {
    // A workbook that needs more memory than its worker may have is refused like a broken one.
    if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw unreadable();
    throw err;
  }
  if (!answer.ok) throw unreadable();
  return answer.value;
}

/**
 * Writes the sheet: the header row, the hints row if any, then the rows (an XLSX adds its lists sheet).
 * A CSV follows RFC 4180: records end in CRLF, and a cell holding a comma, a quote, CR or LF (the
 * hints, descriptions of several paragraphs) is quoted. csv-stringify quotes only the record
 * delimiter itself once one is given, so a bare LF would be written unquoted and any other CSV tool
 * would cut the row there: quote_record_delimiter asks it to quote CR and LF too.
 */
export async function writeSheet(format: SheetFormat, sheet: SheetContent): Promise<Buffer> {
  if (format === 'csv') {
    const records = [sheet.headers, ...(sheet.hints ? [sheet.hints] : []), ...sheet.rows].map((row) => row.map(guardFormula));
    return Buffer.from(stringifyCsv(records, { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true }), 'utf8');
  }
  const answer = await runSheetWorker<Uint8Array>({ op: 'write', sheet });
  if (!answer.ok) throw new Error(answer.message);
  return Buffer.from(answer.value.buffer, answer.value.byteOffset, answer.value.byteLength);
}

/**
 * Runs one workbook task in a worker thread: reading or writing thousands of rows would otherwise
 * hold the server's event loop for hundreds of milliseconds, and a hostile file would take its memory.
 */
function runSheetWorker<T>(task: SheetTask): Promise<SheetAnswer<T>> {
  return new Promise<SheetAnswer<T>>((resolve, reject) => {
    const worker = new Worker(new URL('./sheet-worker.ts', import.meta.url), { workerData: task, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let answered = false;
    worker.once('message', (value: SheetAnswer<T>) => {
      answered = true;
      resolve(value);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the spreadsheet worker stopped (exit ${code})`));
    });
  });
}

async function readCsv(bytes: Buffer): Promise<RawRow[]> {
  const text = decodeUtf8(bytes);
  if (text === null) throw unreadable();
  // Spreadsheets set to some locales write ";" (or tabs) between cells: the header row tells.
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ([',', ';', '\t'] as const).map((d) => ({ d, n: firstLine.split(d).length }));
  const delimiter = counts.reduce((a, b) => (b.n > a.n ? b : a)).d;
  const parser = parseCsv({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  // Fed in slices, each after a turn of the event loop, so a large file does not hold the server.
  const slices = async function* () {
    const size = 64 * 1024;
    for (let i = 0; i < text.length; i += size) {
      yield text.slice(i, i + size);
      await yieldToEventLoop();
    }
  };
  Readable.from(slices()).pipe(parser);
  const rows: RawRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) rows.push({ row: rows.length + 1, cells: record.map(unguardFormula) });
  } catch (err) {
    throw new SheetReadError({ row: (err as { lines?: number }).lines ?? null, column: null, rule: 'invalid_file', message: `${m.importUnreadable.en}: ${(err as Error).message}` });
  }
  return rows;
}

/** Sums the unpacked sizes a zip's central directory declares; null when it cannot be read or uses zip64. */
export function zipUnpackedSize(bytes: Buffer): number | null {
  const END = 0x06054b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return total;
}
