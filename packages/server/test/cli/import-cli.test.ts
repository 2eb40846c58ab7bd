import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validationMessages as m } from '@pavilion/contracts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { pngImage } from '../support/catalog-fixtures.ts';
import { productCsv, vaseRows } from '../support/product-sheets.ts';
import { seedDemo } from '../../src/features/demo/seed.ts';
import { demoExporters } from '../../src/features/demo/demo-data.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');

describe('pavilion import and export (the CLI)', () => {
  let tdb: TestDatabase;
  let env: Record<string, string>;
  let exporterId: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const file = (name: string, bytes: Buffer) => {
    const target = path.join(tdb.dir, name);
    writeFileSync(target, bytes);
    return target;
  };
  const productCount = async () =>
    Number((await tdb.database.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('exporter_id', '=', exporterId).executeTakeFirstOrThrow()).n);

  before(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.database.db);
    const url = tdb.target.dialect === 'postgres' ? tdb.target.url : `sqlite:${tdb.target.file}`;
    env = { DATABASE_URL: url, DATA_DIR: tdb.dir, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
    const exporter = await tdb.database.db.selectFrom('exporters').select('id').where('trading_name_en', '=', demoExporters[0].tradingNameEn).executeTakeFirstOrThrow();
    exporterId = exporter.id;
  });
  after(() => tdb.drop());

  test('--help on import and export', () => {
    const top = run('--help');
    assert.match(top.stdout, /\bimport\b/);
    assert.match(top.stdout, /\bexport\b/);
    const help = run('import', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--exporter <id>/);
    assert.match(help.stdout, /imports nothing/);
    assert.match(run('export', '--help').stdout, /--format <format>/);
  });

  test('a good file: progress, then what was created; the same file again changes nothing', async () => {
    const csv = file('good.csv', productCsv([...vaseRows('vase-1', 'CLI-VASE'), { product_ref: 'mat-1', title_en: 'Mat', category: 'woven-crafts', currency: 'PKR', sku: 'CLI-MAT', price: '800', weight_grams: '300', origin_country: 'PK' }]));
    const res = run('import', csv, '--exporter', exporterId);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /2 created, 0 updated, 0 unchanged \(3 rows\)/);
    assert.match(res.stdout, /^3\s+vase-1\s+created\s+[0-9a-f-]{36}$/m, 'a table of the products with their new ids');
    assert.match(res.stderr, /Validating: 3 rows[\s\S]*Importing: 3 rows[\s\S]*Importing: done/, 'progress, a line a phase when not on a terminal');
    assert.equal(await productCount(), 2);
    const statuses = await tdb.database.db.selectFrom('products').select('status').where('exporter_id', '=', exporterId).execute();
    assert.deepEqual(statuses.map((s) => s.status), ['draft', 'draft']);

    const again = run('import', csv, '--exporter', exporterId);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /0 created, 0 updated, 2 unchanged/);
    assert.equal(await productCount(), 2);
  });

  test('a file with errors: the problems as a table, exit status 1, nothing imported', async () => {
    const rows = vaseRows('vase-2', 'CLI-VASE2');
    rows[0] = { ...rows[0], price: '12.345', category: 'teapots' };
    const res = run('import', file('bad.csv', productCsv(rows)), '--exporter', exporterId);
    assert.equal(res.status, 1);
    assert.match(res.stdout, /^Row\s+Column\s+Problem$/m);
    assert.ok(res.stdout.includes(`3    Category / 类目  ${m.unknownCategory.en}`), res.stdout);
    assert.ok(res.stdout.includes(`3    Price / 价格     ${m.importPrice.en}`), 'columns line up, Chinese counted double width');
    assert.match(res.stderr, /2 problems in .*bad\.csv: nothing was imported/);
    assert.equal(await productCount(), 2);
  });

  test('a picture is refused (status 1); an unknown exporter or a missing file is a usage error (status 2)', async () => {
    const png = run('import', file('photo.csv', await pngImage('#aa3300')), '--exporter', exporterId);
    assert.equal(png.status, 1);
    assert.match(png.stderr, /must be an XLSX workbook or a UTF-8 CSV file: nothing was imported/);
    const nobody = run('import', file('ok.csv', productCsv(vaseRows('v', 'X'))), '--exporter', '00000000-0000-4000-8000-000000000000');
    assert.equal(nobody.status, 2);
    assert.match(nobody.stderr, /no exporter with id 00000000-0000-4000-8000-000000000000/);
    const missing = run('import', path.join(tdb.dir, 'nowhere.xlsx'), '--exporter', exporterId);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nowhere\.xlsx/);
    assert.equal(run('import', path.join(tdb.dir, 'ok.csv')).status, 1, 'commander: --exporter is required');
    assert.equal(await productCount(), 2);
  });

  test('export writes the products in the import format; importing the export changes nothing', () => {
    const xlsx = path.join(tdb.dir, 'out.xlsx');
    const exported = run('export', xlsx, '--exporter', exporterId);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Exported 2 products to .*out\.xlsx \(xlsx\)/);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'a workbook (a zip)');
    const back = run('import', xlsx, '--exporter', exporterId);
    assert.equal(back.status, 0, back.stdout);
    assert.match(back.stdout, /0 created, 0 updated, 2 unchanged/);

    const csv = path.join(tdb.dir, 'out.data');
    assert.equal(run('export', csv, '--exporter', exporterId, '--format', 'csv').status, 0);
    assert.match(readFileSync(csv, 'utf8'), /^\ufeffProduct ref \/ 商品编号,/);
    assert.match(run('import', csv, '--exporter', exporterId).stdout, /2 unchanged/);
  });
});
