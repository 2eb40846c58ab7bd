import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseString as parseCsvString, writeToBuffer as writeCsvToBuffer } from 'fast-csv';
import { validationMessages as m } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart } from '../support/catalog-fixtures.ts';
import { csvRows, xlsxRows } from '../support/product-sheets.ts';
import { demoAdmin, demoBuyer, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const H = {
  code: 'HS code / HS 编码',
  vat: 'VAT (%) / 增值税率（%）',
  consumption: 'Consumption tax (%) / 消费税率（%）',
  tariff: 'MFN tariff (%) / 最惠国关税率（%）',
  eligible: 'Positive List (yes/no) / 正面清单（是/否）',
  modes: 'Retail modes (both/1210) / 零售模式（both/1210）',
  food: 'Food (yes/no) / 食品（是/否）',
};

/** A CSV as an operator's spreadsheet saves it: RFC 4180, CRLF, quoted where needed. */
const toCsv = (rows: string[][]): Buffer =>
  Buffer.from(rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n', 'utf8');

describe('operator: the HS rate table as a spreadsheet (export, all-or-nothing import)', () => {
  let ta: TestApp;
  let operator: Record<string, string>;
  let admin: Record<string, string>;
  let buyer: Record<string, string>;
  let exporter: Record<string, string>;

  before(async () => {
    ta = await createTestApp();
    const db = ta.testDb.database.db;
    operator = bearer(await tokenFor(db, demoPavilions[0].operator.email));
    admin = bearer(await tokenFor(db, demoAdmin.email));
    buyer = bearer(await tokenFor(db, demoBuyer.phone));
    exporter = bearer(await tokenFor(db, demoExporters[0].member.email));
    // Rates the export must write as percentages: a tariff with decimals, one not entered, a 1210-only code.
    await db
      .insertInto('hs_rates')
      .values([
        { hs_code: '3303000010', description_en: 'Perfumes, "eau de parfum", of 10 ml or more', description_zh: '香水', vat_rate_bp: 1300, consumption_tax_rate_bp: 1500, tariff_rate_bp: 325, retail_eligible: 1, retail_modes: 'both', is_food: 0, updated_at: '2026-01-02T03:04:05.000Z' },
        { hs_code: '0804502000', description_en: 'Mangoes, fresh', description_zh: '鲜芒果', vat_rate_bp: 900, consumption_tax_rate_bp: 0, tariff_rate_bp: 1500, retail_eligible: 1, retail_modes: '1210', is_food: 1, updated_at: '2026-01-02T03:04:05.000Z' },
        { hs_code: '6913900000', description_en: 'Ceramic ornaments, other', description_zh: '其他陶瓷装饰品', vat_rate_bp: 1300, consumption_tax_rate_bp: 0, tariff_rate_bp: null, retail_eligible: 1, retail_modes: 'both', is_food: 0, updated_at: '2026-01-02T03:04:05.000Z' },
        { hs_code: '7113191100', description_en: 'Jewellery of gold, set with diamonds', description_zh: '镶嵌钻石的黄金首饰', vat_rate_bp: 1300, consumption_tax_rate_bp: 1000, tariff_rate_bp: null, retail_eligible: 0, retail_modes: 'both', is_food: 0, updated_at: '2026-01-02T03:04:05.000Z' },
        { hs_code: '1211903999', description_en: '-Kava root, dried (for "infusion"), line one\nline two', description_zh: '卡瓦根，干', vat_rate_bp: 900, consumption_tax_rate_bp: 0, tariff_rate_bp: 5, retail_eligible: 1, retail_modes: 'both', is_food: 0, updated_at: '2026-01-02T03:04:05.000Z' },
      ])
      .onConflict((oc) => oc.column('hs_code').doNothing())
      .execute();
  });
  after(() => ta.close());

  /** Everything an import may change: the whole table, updated_at included. */
  const table = () => ta.testDb.database.db.selectFrom('hs_rates').selectAll().orderBy('hs_code').execute();
  const exportAs = (format: 'csv' | 'xlsx', headers = operator) => ta.app.inject({ method: 'GET', url: `/api/operator/hs-rates/export?format=${format}`, headers });
  const importFile = (bytes: Buffer, headers: Record<string, string> = operator, name = 'hs-rates.csv') =>
    ta.app.inject({ method: 'POST', url: '/api/operator/hs-rates/import', ...multipart({ name, type: 'application/octet-stream', bytes }, {}, headers) });

  test('the export writes every column, rates as percentages and an empty tariff for "not entered"', async () => {
    const csv = await exportAs('csv');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="pavilion-hs-rates-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header = [], ...rows] = csvRows(csv.rawPayload);
    for (const h of Object.values(H)) assert.ok(header.includes(h), h);
    const row = (code: string) => rows.find((r) => r[header.indexOf(H.code)] === code) ?? [];
    const cell = (code: string, h: string) => row(code)[header.indexOf(h)];
    assert.deepEqual([cell('3303000010', H.vat), cell('3303000010', H.consumption), cell('3303000010', H.tariff), cell('3303000010', H.food)], ['13', '15', '3.25', 'no']);
    assert.deepEqual([cell('0804502000', H.vat), cell('0804502000', H.tariff), cell('0804502000', H.modes), cell('0804502000', H.food)], ['9', '15', '1210', 'yes']);
    assert.equal(cell('6913900000', H.tariff), '', 'a tariff not entered is an empty cell');
    assert.equal(cell('1211903999', H.tariff), '0.05');
    assert.equal(cell('7113191100', H.eligible), 'no');
    assert.equal(rows.length, (await table()).length, 'one row per code');

    const xlsx = await exportAs('xlsx', admin);
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.equal(xlsx.headers['content-type'], XLSX);
    const sheet = await xlsxRows(xlsx.rawPayload);
    // The CSV writes a cell that starts like a formula with a leading apostrophe (read back without it).
    assert.equal(cell('1211903999', 'Description (English) / 英文描述'), `'-Kava root, dried (for "infusion"), line one\nline two`);
    const unguarded = rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
    assert.deepEqual(sheet, [header, ...unguarded], 'the workbook holds the same cells as the CSV');
  });

  test('importing an export (CSV or XLSX) changes nothing', async () => {
    const before = await table();
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await exportAs(format);
      const res = await importFile(exported.rawPayload, operator, `hs-rates.${format}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { created: 0, updated: 0, unchanged: before.length, rows: before.length }, format);
      assert.deepEqual(await table(), before, `${format}: every row as it was, updated_at too`);
    }
  });

  test('an edited workbook updates the tariff and the food mark of its row, adds a new code, leaves the rest alone', async () => {
    const before = await table();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportAs('xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    let perfumeRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(col(H.code)).value === '3303000010') perfumeRow = n;
    });
    sheet.getRow(perfumeRow).getCell(col(H.tariff)).value = 6.5; // typed as a number, as a spreadsheet keeps it
    sheet.getRow(perfumeRow).getCell(col(H.food)).value = 'yes';
    const added = sheet.addRow([]);
    const values: Record<string, string> = { [H.code]: '0901210000', 'Description (English) / 英文描述': 'Coffee, roasted', 'Description (Chinese) / 中文描述': '焙炒咖啡', [H.vat]: '13', [H.consumption]: '0', [H.tariff]: '', [H.eligible]: '是', [H.modes]: 'both', [H.food]: '' };
    for (const [h, v] of Object.entries(values)) added.getCell(col(h)).value = v;
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), operator, 'edited.xlsx');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 1, updated: 1, unchanged: before.length - 1, rows: before.length + 1 });

    const after = await table();
    const perfume = after.find((r) => r.hs_code === '3303000010');
    assert.equal(perfume?.tariff_rate_bp, 650);
    assert.equal(perfume?.is_food, 1);
    assert.notEqual(perfume?.updated_at, '2026-01-02T03:04:05.000Z');
    const listed = (await ta.app.inject({ method: 'GET', url: '/api/operator/hs-rates?q=0901210000', headers: operator })).json();
    assert.deepEqual(
      { tariff: listed.items[0]?.tariffRateBp, food: listed.items[0]?.isFood, vat: listed.items[0]?.vatRateBp, eligible: listed.items[0]?.retailEligible },
      { tariff: null, food: true, vat: 1300, eligible: true },
      'an empty tariff is not entered; an empty food cell takes the code\'s default (coffee is food)',
    );
    assert.deepEqual(after.filter((r) => !['3303000010', '0901210000'].includes(r.hs_code)), before.filter((r) => r.hs_code !== '3303000010'), 'other codes untouched');
  });

  test('a file with one bad row changes nothing and names the row and column, in the caller\'s language', async () => {
    const before = await table();
    const [header = [], ...rows] = csvRows((await exportAs('csv')).rawPayload);
    const edited = rows.map((r) => [...r]);
    // Row 2 (the first data row) gets a valid change that must not be written either.
    edited[0]![header.indexOf(H.tariff)] = '12';
    // Row 4: VAT of 130%, a Positive List cell of "maybe", and an unknown mode.
    edited[2]![header.indexOf(H.vat)] = '130';
    edited[2]![header.indexOf(H.eligible)] = 'maybe';
    edited[2]![header.indexOf(H.modes)] = '9610';
    const file = toCsv([header, ...edited]);

    const zh = await importFile(file, { ...operator, 'accept-language': 'zh-CN' });
    assert.equal(zh.statusCode, 400, zh.body);
    assert.equal(zh.json().error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      zh.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]),
      [[`row 4, column ${H.vat}`, 'rate_range'], [`row 4, column ${H.eligible}`, 'yes_no'], [`row 4, column ${H.modes}`, 'retail_modes']],
    );
    assert.equal(zh.json().error.details[0].message, m.hsSheetVatRate.zh);
    assert.equal(zh.json().error.details[0].row, 4);
    assert.equal(zh.json().error.details[0].column, H.vat);
    const en = await importFile(file);
    assert.equal(en.statusCode, 400);
    assert.deepEqual(en.json().error.details.map((d: { message: string }) => d.message), [m.hsSheetVatRate.en, m.importYesNo.en, m.hsSheetRetailModes.en]);
    assert.deepEqual(await table(), before, 'nothing written, not even the valid row');

    // A malformed code, a tariff of three decimals, the same code twice.
    const twice = rows.map((r) => [...r]);
    twice[0]![header.indexOf(H.code)] = '3303.00.00';
    twice[1]![header.indexOf(H.tariff)] = '6.125';
    twice.push([...rows[2]!]);
    const res = await importFile(toCsv([header, ...twice]));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]),
      [[`row 2, column ${H.code}`, 'hs_code'], [`row 3, column ${H.tariff}`, 'rate_range'], [`row ${twice.length + 1}, column ${H.code}`, 'duplicate']],
    );
    assert.deepEqual(await table(), before);
  });

  test('a CSV export read and written back by another CSV tool (fast-csv) still imports, unchanged', async () => {
    const before = await table();
    const exported = await exportAs('csv');
    const ours = csvRows(exported.rawPayload);
    const theirs = await new Promise<string[][]>((resolve, reject) => {
      const rows: string[][] = [];
      parseCsvString<string[], string[]>(exported.rawPayload.toString('utf8').replace(/^\uFEFF/, ''))
        .on('error', reject)
        .on('data', (row: string[]) => rows.push(row))
        .on('end', () => resolve(rows));
    });
    assert.deepEqual(theirs, ours, 'another CSV tool reads the same rows and cells (quotes in a description included)');
    const rewritten = await writeCsvToBuffer(theirs, { rowDelimiter: '\n' });
    const res = await importFile(rewritten, admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 0, updated: 0, unchanged: before.length, rows: before.length });
    assert.deepEqual(await table(), before);
  });

  test('only operators and admins: nobody signed in 401, a buyer or an exporter 403, and nothing changes', async () => {
    const before = await table();
    const file = (await exportAs('csv')).rawPayload;
    const edited = csvRows(file);
    edited[1]![edited[0]!.indexOf(H.vat)] = '1';
    for (const [who, headers, status] of [['anonymous', {}, 401], ['buyer', buyer, 403], ['exporter', exporter, 403]] as const) {
      assert.equal((await exportAs('csv', headers)).statusCode, status, `${who} export`);
      assert.equal((await exportAs('xlsx', headers)).statusCode, status, `${who} export xlsx`);
      assert.equal((await importFile(toCsv(edited), headers)).statusCode, status, `${who} import`);
    }
    assert.deepEqual(await table(), before);
  });

  test('OpenAPI documents both routes: binary downloads with their content types, the import result, every status', async () => {
    const doc = (await ta.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const exportOp = doc.paths['/api/operator/hs-rates/export'].get;
    const lists = (op: { responses: Record<string, unknown> }, statuses: string[]) => assert.deepEqual(statuses.filter((c) => !(c in op.responses)), [], 'every status it answers is documented');
    lists(exportOp, ['200', '400', '401', '403', '429', '500']);
    assert.deepEqual(Object.keys(exportOp.responses['200'].content).sort(), ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv; charset=utf-8']);
    assert.equal(exportOp.responses['200'].content['text/csv; charset=utf-8'].schema.format, 'binary');
    assert.ok(exportOp.parameters.some((p: { name: string }) => p.name === 'format'));
    const importOp = doc.paths['/api/operator/hs-rates/import'].post;
    lists(importOp, ['200', '400', '401', '403', '413', '415', '429', '500', '503']);
    assert.ok(importOp.responses['200'].content['application/json'].schema.properties.unchanged);
  });

  test('not a spreadsheet, no file, or an unknown format: 400 naming the field', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const res = await importFile(png, operator, 'table.png');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, 'file');
    const format = await ta.app.inject({ method: 'GET', url: '/api/operator/hs-rates/export?format=pdf', headers: operator });
    assert.equal(format.statusCode, 400);
    assert.equal(format.json().error.details[0].field, 'querystring.format');
    const json = await ta.app.inject({ method: 'POST', url: '/api/operator/hs-rates/import', payload: { file: 'x' }, headers: operator });
    assert.equal(json.statusCode, 415);
  });
});
