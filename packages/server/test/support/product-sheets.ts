import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { headerOf, sheetColumns, sheetHints, type ColumnKey } from '../../src/features/catalog-import/product-sheet.columns.ts';

/** One spreadsheet row by column key; columns not given are blank. */
export type SheetRowInput = Partial<Record<ColumnKey, string>>;

/**
 * A product CSV as an exporter would save it: the bilingual header row, the hints row (so data
 * starts on row 3, as in the template), then the rows. `columns` limits the file to some columns.
 */
export function productCsv(rows: SheetRowInput[], options: { columns?: ColumnKey[]; hints?: boolean } = {}): Buffer {
  const keys = options.columns ?? sheetColumns.map((c) => c.key);
  const hints = sheetHints();
  const records = [
    keys.map(headerOf),
    ...(options.hints === false ? [] : [keys.map((k) => hints[sheetColumns.findIndex((c) => c.key === k)] ?? '')]),
    ...rows.map((r) => keys.map((k) => r[k] ?? '')),
  ];
  return Buffer.from(stringify(records, { bom: true }), 'utf8');
}

/** A good product: two sizes of a vase, in rupees, with a tier, HS code and e-label; no Chinese title. */
export function vaseRows(ref: string, skuPrefix: string, overrides: SheetRowInput = {}): SheetRowInput[] {
  const product: SheetRowInput = {
    product_ref: ref,
    title_en: 'Blue pottery vase',
    category: 'pottery-ceramics',
    currency: 'PKR',
    option1_name: 'Size|尺寸',
    option1_values: 'Small|小号; Large|大号',
    description_en: 'Thrown by hand in Multan.\nPainted in cobalt.',
    tags: 'blue pottery; handmade',
    moq: '20',
    tiers: '100=3800.00; 500=3500',
    sample_price: '5000',
    lead_time_days: '30',
    incoterms: 'FOB; CIF',
    hs_code: '6913.90.0000',
    retail_sale: 'yes',
    customs_modes: '9610',
    origin_country: 'PK',
    certifications: 'iso22000|ISO-42|Bureau Veritas|2030-01-31',
    elabel_name_zh: '陶瓷花瓶',
    elabel_origin_zh: '巴基斯坦',
    elabel_net_content_zh: '1 件',
    ...overrides,
  };
  return [
    { ...product, sku: `${skuPrefix}-S`, option1_value: 'Small', price: '4500.00', weight_grams: '900', barcode: '8964000123457' },
    // The second row leaves the product's columns blank: they are taken from the first.
    { product_ref: ref, sku: `${skuPrefix}-L`, option1_value: '大号', price: '7,800.50', weight_grams: '1800' },
  ];
}

/** The first worksheet's rows as text (what a person sees), for checking templates and exports. */
export async function xlsxRows(bytes: Buffer, sheet = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[sheet]?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return rows;
}

export const csvRows = (bytes: Buffer | string): string[][] => parse(bytes, { bom: true, relax_column_count: true }) as string[][];
