import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { sheetFormats, type SheetFormat } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { createProgressBar, formatTable } from '../../platform/terminal.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/uploads.ts';
import type { ProductImportService } from './product-import.service.ts';

interface CliContext {
  withDatabase<T>(fn: (database: { db: Db }) => Promise<T>): Promise<T>;
  /** Where product pictures go: the store the server uses (FILE_STORE). */
  files(): FileStore;
  /** An error the CLI reports as a usage problem (exit status 2). */
  usageError(message: string): Error;
}

/**
 * The import service over the database, as the server builds it (the same rules and checks). Loaded
 * when a command needs it, so the other commands start without the spreadsheet libraries.
 */
async function importService(db: Db, files: FileStore): Promise<ProductImportService> {
  const [{ MediaService }, { RateService }, { ProductService }, { ProductImportService }, { currenciesPricedIn }] = await Promise.all([
    import('../media/index.ts'), import('../rates/index.ts'), import('../catalog/index.ts'), import('./product-import.service.ts'), import('../catalog/index.ts'),
  ]);
  const clock = systemClock;
  const media = new MediaService({ db, files });
  const products = new ProductService({ db, clock, media, rates: new RateService({ db, clock, pricedCurrencies: (filter) => currenciesPricedIn(db, filter) }) });
  return new ProductImportService({ db, clock, products });
}

async function requireExporter(db: Db, id: string, ctx: CliContext): Promise<void> {
  const exporter = await db.selectFrom('exporters').select('id').where('id', '=', id).executeTakeFirst();
  if (!exporter) throw ctx.usageError(`--exporter: no exporter with id ${id}; \`pavilion list\` shows the exporter ids`);
}

/** `pavilion import` and `pavilion export`: the exporter console's bulk import and export, on the database directly. */
export function productImportCommands(ctx: CliContext): Command[] {
  const importCommand = new Command('import')
    .description("Import an exporter's products from an XLSX or CSV file (the console's template): all or nothing")
    .argument('<file>', 'the .xlsx or .csv file (the type is told by content)')
    .requiredOption('--exporter <id>', 'the exporter the products belong to')
    .addHelpText('after', '\nEvery row is checked first. A file with any problem imports nothing: the problems are listed\nby row and column and the exit status is 1. Importing the same file again updates the same\nproducts (by product_ref). New products are drafts.')
    .action(async (file: string, opts: { exporter: string }) => {
      const bytes = await readFile(file).catch(() => {
        throw ctx.usageError(`cannot read ${file}`);
      });
      if (bytes.length > MAX_UPLOAD_BYTES) throw ctx.usageError(`${file} is larger than 10 MB: split it into several files`);
      await ctx.withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        await requireExporter(db, opts.exporter, ctx);
        const bar = createProgressBar(process.stderr);
        const labels = { validating: 'Validating', importing: 'Importing' } as const;
        let outcome;
        try {
          outcome = await (await importService(db, ctx.files())).importFile(opts.exporter, bytes, (phase, done, total) => bar.update(labels[phase], done, total));
        } catch (err) {
          bar.finish();
          if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
            console.error(`pavilion: ${file} must be an XLSX workbook or a UTF-8 CSV file: nothing was imported`);
            process.exitCode = 1;
            return;
          }
          throw err;
        }
        bar.finish();
        if (!outcome.ok) {
          console.log(formatTable(['Row', 'Column', 'Problem'], outcome.errors.map((e) => [e.row === null ? '-' : String(e.row), e.column ?? '-', e.message])));
          console.error(`pavilion: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} in ${file}: nothing was imported`);
          process.exitCode = 1;
          return;
        }
        const { result } = outcome;
        console.log(formatTable(['Row', 'Product ref', 'Action', 'Product id'], result.products.map((p) => [String(p.row), p.ref, p.action, p.productId])));
        console.log(`\nImported ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged (${result.rows} rows).`);
      });
    });

  const exportCommand = new Command('export')
    .description("Export an exporter's products (not archived) to an XLSX or CSV file in the import format")
    .argument('<file>', 'where to write it')
    .requiredOption('--exporter <id>', 'the exporter whose products to export')
    .addOption(new Option('--format <format>', 'the file format (default: from the file name, else xlsx)').choices(sheetFormats))
    .action(async (file: string, opts: { exporter: string; format?: SheetFormat }) => {
      const format: SheetFormat = opts.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
      await ctx.withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        await requireExporter(db, opts.exporter, ctx);
        const sheet = await (await importService(db, ctx.files())).exportFile(opts.exporter, format);
        await writeFile(file, sheet.bytes);
        const products = await db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('exporter_id', '=', opts.exporter).where('status', '!=', 'archived').executeTakeFirstOrThrow();
        console.log(`Exported ${Number(products.n)} products to ${file} (${format}).`);
      });
    });

  return [importCommand, exportCommand];
}
