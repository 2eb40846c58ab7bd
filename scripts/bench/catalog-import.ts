/**
 * `npm run bench:import`: imports a file of BENCH_ROWS (default 5,000) product rows (five variants a
 * product) as CSV and as XLSX into a fresh SQLite database (or PostgreSQL with BENCH_DATABASE_URL,
 * an empty database), then exports it. Prints the time of each phase and the longest the event loop
 * was held (what a request arriving meanwhile would wait). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openDatabase, type DatabaseTarget } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrator.ts';
import { seedDemo } from '../../packages/server/src/features/demo/seed.ts';
import { demoExporters } from '../../packages/server/src/features/demo/demo-data.ts';
import { MediaService } from '../../packages/server/src/features/media/media.service.ts';
import { RateService } from '../../packages/server/src/features/rates/rate.service.ts';
import { currenciesPricedIn } from '../../packages/server/src/features/catalog/priced-currencies.ts';
import { ProductService } from '../../packages/server/src/features/catalog/product.service.ts';
import { ProductImportService, type ImportPhase } from '../../packages/server/src/features/catalog-import/product-import.service.ts';
import { headerOf, sheetColumns } from '../../packages/server/src/features/catalog-import/product-sheet.columns.ts';
import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { DirectoryFileStore } from '../../packages/server/src/platform/file-store.ts';
import { productCsv, type SheetRowInput } from '../../packages/server/test/support/product-sheets.ts';

const rowsWanted = Number(process.env.BENCH_ROWS ?? 5000);
const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-bench-import-'));
const target: DatabaseTarget = process.env.BENCH_DATABASE_URL
  ? { dialect: 'postgres', url: process.env.BENCH_DATABASE_URL }
  : { dialect: 'sqlite', file: path.join(dir, 'bench.db') };

function rows(prefix: string): SheetRowInput[] {
  const out: SheetRowInput[] = [];
  const colours = ['Red|红色', 'Blue|蓝色', 'Green|绿色', 'White|白色', 'Black|黑色'];
  for (let i = 0; out.length < rowsWanted; i += 1) {
    for (const [c, colour] of colours.entries()) {
      out.push({
        product_ref: `${prefix}-${i}`, title_en: `Glazed tile ${i}`, title_zh: `釉面砖 ${i}`, category: 'pottery-ceramics', currency: 'PKR', origin_country: 'PK',
        description_en: 'Thrown and glazed by hand in Multan.\nEach one differs a little.', option1_name: 'Colour|颜色', option1_values: colours.join('; '),
        sku: `${prefix.toUpperCase()}-${i}-${c}`, option1_value: colour.split('|')[0] ?? '', price: `${1000 + i}.50`, weight_grams: '400', hs_code: '6913900000',
        tiers: '100=900.00; 500=850.00', incoterms: 'FOB', elabel_name_zh: '釉面砖', elabel_origin_zh: '巴基斯坦', elabel_net_content_zh: '1 片',
      });
      if (out.length >= rowsWanted) break;
    }
  }
  return out;
}

async function xlsx(input: SheetRowInput[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Products');
  sheet.addRow(sheetColumns.map((c) => headerOf(c.key)));
  for (const r of input) sheet.addRow(sheetColumns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function measure<T>(label: string, fn: (mark: (phase: string) => void) => Promise<T>): Promise<T> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const started = performance.now();
  const phases: string[] = [];
  let last = started;
  let phase = 'reading';
  const mark = (next: string) => {
    if (next === phase) return;
    const now = performance.now();
    phases.push(`${phase} ${(now - last).toFixed(0)} ms`);
    phase = next;
    last = now;
  };
  delay.enable();
  const result = await fn(mark);
  delay.disable();
  const now = performance.now();
  phases.push(`${phase} ${(now - last).toFixed(0)} ms`);
  console.log(`${label.padEnd(22)} ${(now - started).toFixed(0).padStart(6)} ms   (${phases.join(', ')})   event loop held at most ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
  return result;
}

async function main() {
  const database = openDatabase({ database: target });
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const db = database.db;
    const exporter = await db.selectFrom('exporters').select('id').where('trading_name_en', '=', demoExporters[0].tradingNameEn).executeTakeFirstOrThrow();
    const clock = systemClock;
    const products = new ProductService({ db, clock, media: new MediaService({ db, files: new DirectoryFileStore(path.join(dir, 'files')) }), rates: new RateService({ db, clock, pricedCurrencies: (filter) => currenciesPricedIn(db, filter) }) });
    const imports = new ProductImportService({ db, clock, products });
    console.log(`Importing ${rowsWanted.toLocaleString('en')} rows (${Math.ceil(rowsWanted / 5).toLocaleString('en')} products) on ${target.dialect}`);

    for (const format of ['csv', 'xlsx'] as const) {
      const input = rows(`bench-${format}`);
      const bytes = format === 'csv' ? productCsv(input) : await xlsx(input);
      const outcome = await measure(`import ${format} (${(bytes.length / 1024).toFixed(0)} KB)`, (mark) =>
        imports.importFile(exporter.id, bytes, (phase: ImportPhase) => mark(phase)),
      );
      if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
      await measure(`import ${format} again`, (mark) => imports.importFile(exporter.id, bytes, (phase: ImportPhase) => mark(phase)));
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await measure(`export ${format}`, () => imports.exportFile(exporter.id, format));
      console.log(`  ${(file.bytes.length / 1024).toFixed(0)} KB`);
    }
  } finally {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
