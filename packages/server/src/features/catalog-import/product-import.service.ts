import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  countries, currencies, productContentSchema,
  type ImportIssue, type ImportResult, type ProductContent, type SheetFormat, type StoredProductContent,
  validationMessages as m,
} from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findRevisions } from '../catalog/index.ts';
import type { ProductService } from '../catalog/index.ts';
import {
  buildProductContent, checkFileSkus, checkRef, contentToRows, exampleProduct, groupRows, isProductId, issueAt, issueForField, MAX_IMPORT_ROWS, readHeader, sameContent, type ImportLookups, type ProductRows, type SheetLayout,
} from './product-sheet.rules.ts';
import { sheetHeaders, sheetHints } from './product-sheet.columns.ts';
import type { SheetDownload } from '../../platform/sheets/sheet-download.ts';
import { detectSheetFormat, readSheet, SheetReadError, sheetContentTypes, writeSheet, type SheetContent } from '../../platform/sheets/sheet-file.ts';

export type ImportPhase = 'validating' | 'importing';
export type ImportProgress = (phase: ImportPhase, processedRows: number, totalRows: number) => void;
export type ImportOutcome =
  | { ok: true; format: SheetFormat; result: ImportResult }
  | { ok: false; format: SheetFormat | null; totalRows: number; errors: ImportIssue[] };

/** Rows checked (or products written) between two turns of the event loop. */
const ROWS_PER_TURN = 50;
const PRODUCTS_PER_TURN = 25;
/** Ids per `in (…)` list: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

interface PlannedProduct {
  group: ProductRows;
  productId: string | null;
  content: ProductContent;
  action: 'created' | 'updated' | 'unchanged';
}

/** Thrown inside the import transaction to roll it back with the problems found while writing. */
class ImportRejected extends Error {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    super('import rejected');
    this.issues = issues;
  }
}

/**
 * Bulk import and export of an exporter's products as XLSX or CSV (see product-sheet.rules.ts for
 * the format). An import is all or nothing: every row is checked first, and only a file without a
 * single problem is written, in one transaction, through the product service's own rules. Re-importing
 * a file is safe: product_ref names the product each row group updates.
 */
export class ProductImportService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly products: ProductService;

  constructor(deps: { db: Db; clock: Clock; products: ProductService }) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.products = deps.products;
  }

  // -------------------------------------------------------------------------------------------
  // HTTP: downloads scoped to the caller's exporter (imports run as jobs: product-import-jobs.ts).

  async exportFor(caller: Caller | null, format: SheetFormat): Promise<SheetDownload> {
    return this.exportFile(exporterScope(requireRole(caller, 'exporter_member')), format);
  }

  async templateFor(caller: Caller | null, format: SheetFormat): Promise<SheetDownload> {
    return this.template(exporterScope(requireRole(caller, 'exporter_member')), format);
  }

  // -------------------------------------------------------------------------------------------
  // The import itself (the CLI calls it directly).

  /**
   * Reads, checks and (when every row is right) writes a file of products for an exporter.
   * Nothing is written when any row has a problem; the answer lists each with row and column.
   */
  async importFile(exporterId: string, bytes: Buffer, onProgress: ImportProgress = () => {}): Promise<ImportOutcome> {
    const format = await detectSheetFormat(bytes);
    const fail = (errors: ImportIssue[], totalRows = 0): ImportOutcome => ({ ok: false, format, totalRows, errors: sortIssues(errors) });

    let raw;
    try {
      raw = await readSheet(bytes, format);
    } catch (err) {
      if (err instanceof SheetReadError) return fail([err.issue]);
      throw err;
    }
    const headerAt = raw.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
    const header = raw[headerAt];
    if (!header) return fail([{ row: null, column: null, rule: 'no_rows', message: m.importNoRows.en }]);
    const { layout, issues: headerIssues } = readHeader(header);
    if (headerIssues.some((i) => i.rule === 'missing_column')) return fail(headerIssues);
    const { products, rowCount } = groupRows(layout, raw.slice(headerAt + 1));
    if (rowCount === 0) return fail([...headerIssues, { row: null, column: null, rule: 'no_rows', message: m.importNoRows.en }]);
    if (rowCount > MAX_IMPORT_ROWS) return fail([{ row: null, column: null, rule: 'too_many_rows', message: m.importTooManyRows.en }], rowCount);

    onProgress('validating', 0, rowCount);
    const checked = await this.validate(exporterId, layout, products, (done) => onProgress('validating', done, rowCount));
    const issues = [...headerIssues, ...checked.issues];
    if (issues.length > 0) return fail(issues, rowCount);

    onProgress('importing', 0, rowCount);
    const now = this.clock().toISOString();
    const written = new Map<PlannedProduct, string>();
    try {
      await this.db.transaction().execute(async (trx) => {
        let done = 0;
        for (const [i, plan] of checked.plan.entries()) {
          if (plan.action !== 'unchanged') {
            try {
              const productId = await this.products.writeInTransaction(trx, { exporterId, productId: plan.productId, content: plan.content, now });
              written.set(plan, productId);
              if (plan.action === 'created' && !isProductId(plan.group.ref)) {
                await trx.insertInto('product_import_refs').values({ exporter_id: exporterId, ref: plan.group.ref, product_id: productId, created_at: now }).execute();
              }
            } catch (err) {
              // Checked above, but the catalog may have changed meanwhile (a SKU taken, a product archived).
              if (err instanceof AppError) throw new ImportRejected(issuesFromServiceError(layout, plan.group, err));
              throw err;
            }
          }
          done += plan.group.rows.length;
          onProgress('importing', done, rowCount);
          if (i % PRODUCTS_PER_TURN === PRODUCTS_PER_TURN - 1) await yieldToEventLoop();
        }
      });
    } catch (err) {
      if (err instanceof ImportRejected) return fail(err.issues, rowCount);
      throw err;
    }

    const count = (action: PlannedProduct['action']) => checked.plan.filter((p) => p.action === action).length;
    return {
      ok: true,
      format,
      result: {
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        rows: rowCount,
        products: checked.plan.map((p) => ({ ref: p.group.ref, row: p.group.rows[0]?.row ?? 0, productId: written.get(p) ?? p.productId ?? '', action: p.action })),
      },
    };
  }

  /** Checks every row against the catalog as it stands, reading it in a few batched queries. */
  private async validate(exporterId: string, layout: SheetLayout, products: ProductRows[], onRows: (done: number) => void): Promise<{ issues: ImportIssue[]; plan: PlannedProduct[] }> {
    const { db } = this;
    const refs = products.map((p) => p.ref).filter(Boolean);
    const imageIds = [...new Set(products.flatMap((p) => p.rows.flatMap((r) => (r.values.get('image_ids') ?? '').split(';').map((s) => s.trim()).filter(isProductId))))];

    const [categories, brands, variants, byId, byKey, images] = await Promise.all([
      db.selectFrom('categories').select('id').execute(),
      db.selectFrom('brands').select(['id', 'name_en', 'name_zh']).where('exporter_id', '=', exporterId).execute(),
      db.selectFrom('variants').select(['id', 'sku', 'product_id']).where('exporter_id', '=', exporterId).execute(),
      this.inChunks(refs.filter(isProductId), (ids) => db.selectFrom('products').select(['id', 'status', 'working_revision_id', 'live_revision_id']).where('exporter_id', '=', exporterId).where('id', 'in', ids).execute()),
      this.inChunks(refs.filter((r) => !isProductId(r)), (keys) =>
        db.selectFrom('product_import_refs as r').innerJoin('products as p', 'p.id', 'r.product_id')
          .select(['r.ref', 'p.id', 'p.status', 'p.working_revision_id', 'p.live_revision_id'])
          .where('r.exporter_id', '=', exporterId).where('r.ref', 'in', keys).execute()),
      this.inChunks(imageIds, (ids) => db.selectFrom('media').select('id').where('owner', '=', `exporter:${exporterId}`).where('id', 'in', ids).execute()),
    ]);
    const targets = new Map<string, { id: string; status: string; revisionId: string | null }>();
    for (const p of byId) targets.set(p.id, { id: p.id, status: p.status, revisionId: p.working_revision_id ?? p.live_revision_id });
    for (const p of byKey) targets.set(p.ref, { id: p.id, status: p.status, revisionId: p.working_revision_id ?? p.live_revision_id });
    const contents = new Map<string, StoredProductContent>();
    const revisionIds = [...targets.values()].map((t) => t.revisionId).filter((id): id is string => id !== null);
    // Parsed a hundred at a time, with a turn of the event loop between: a thousand contents take a while.
    for (let i = 0; i < revisionIds.length; i += 100) {
      for (const [id, revision] of await findRevisions(db, revisionIds.slice(i, i + 100))) contents.set(id, revision.content);
      await yieldToEventLoop();
    }

    const lookups: ImportLookups = {
      categoryIds: new Set(categories.map((c) => c.id)),
      brands: brands.map((b) => ({ id: b.id, nameEn: b.name_en, nameZh: b.name_zh })),
      ownedImageIds: new Set(images.map((i) => i.id)),
      variantsBySku: new Map(variants.map((v) => [v.sku, { id: v.id, productId: v.product_id }])),
    };

    const issues: ImportIssue[] = [];
    const plan: PlannedProduct[] = [];
    const claimed = new Set<string>();
    let done = 0;
    let sinceTurn = 0;
    for (const group of products) {
      const firstRow = group.rows[0]?.row ?? null;
      const refIssues = checkRef(layout, group);
      issues.push(...refIssues);
      const target = targets.get(group.ref);
      if (refIssues.length === 0 && isProductId(group.ref) && !target) issues.push(issueAt(layout, firstRow, 'product_ref', 'unknown', m.importUnknownProduct.en));
      else if (target?.status === 'archived') issues.push(issueAt(layout, firstRow, 'product_ref', 'archived', m.importArchived.en));
      else if (target && claimed.has(target.id)) issues.push(issueAt(layout, firstRow, 'product_ref', 'duplicate', m.duplicate.en));
      if (target) claimed.add(target.id);

      const base = target?.revisionId ? (contents.get(target.revisionId) ?? null) : null;
      const built = buildProductContent(layout, group, { productId: target?.id ?? null, base }, lookups);
      issues.push(...built.issues);
      if (built.content && refIssues.length === 0) {
        const action = !target ? 'created' : base && sameContent(built.content, base) ? 'unchanged' : 'updated';
        plan.push({ group, productId: target?.id ?? null, content: built.content, action });
      }

      done += group.rows.length;
      sinceTurn += group.rows.length;
      if (sinceTurn >= ROWS_PER_TURN) {
        sinceTurn = 0;
        onRows(done);
        await yieldToEventLoop();
      }
    }
    onRows(done);
    issues.push(...checkFileSkus(layout, products));
    return { issues, plan };
  }

  private async inChunks<T, R>(items: T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
    const out: R[] = [];
    for (const chunk of chunks(items)) out.push(...(await query(chunk)));
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Export and template.

  /** Every product of the exporter but the archived ones, with its working content if any, else its live content. */
  async exportFile(exporterId: string, format: SheetFormat): Promise<SheetDownload> {
    const { db } = this;
    const products = await db
      .selectFrom('products')
      .select(['id', 'working_revision_id', 'live_revision_id'])
      .where('exporter_id', '=', exporterId)
      .where('status', '!=', 'archived')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const lists = await this.lists(exporterId);
    const brandName = (id: string) => lists.brands.find((b) => b.id === id)?.nameEn ?? id;
    const rows: string[][] = [];
    for (let i = 0; i < products.length; i += 100) {
      const batch = products.slice(i, i + 100);
      const revisions = await findRevisions(db, batch.map((p) => p.working_revision_id ?? p.live_revision_id));
      for (const p of batch) {
        const revision = revisions.get(p.working_revision_id ?? p.live_revision_id ?? '');
        if (revision) rows.push(...contentToRows(p.id, revision.content, brandName));
      }
      await yieldToEventLoop();
    }
    const bytes = await writeSheet(format, productSheet(rows, lists));
    return { bytes, fileName: `pavilion-products-${this.clock().toISOString().slice(0, 10)}.${format}`, contentType: sheetContentTypes[format] };
  }

  /** The header, the hints row, and an example product whose rows are notes (product_ref starts with #). */
  async template(exporterId: string, format: SheetFormat): Promise<SheetDownload> {
    const rows = contentToRows('#example-vase', productContentSchema.parse(exampleProduct), () => '');
    const bytes = await writeSheet(format, productSheet(rows, await this.lists(exporterId)));
    return { bytes, fileName: `pavilion-products-template.${format}`, contentType: sheetContentTypes[format] };
  }

  private async lists(exporterId: string): Promise<SheetLists> {
    const [categories, brands] = await Promise.all([
      this.db.selectFrom('categories').select(['id', 'name_en', 'name_zh']).orderBy('path').execute(),
      this.db.selectFrom('brands').select(['id', 'name_en', 'name_zh']).where('exporter_id', '=', exporterId).orderBy('name_en').execute(),
    ]);
    return {
      categories: categories.map((c) => ({ id: c.id, nameEn: c.name_en, nameZh: c.name_zh })),
      currencies: Object.entries(currencies).map(([code, c]) => ({ code, nameEn: c.en, nameZh: c.zh, digits: c.digits })),
      countries: Object.entries(countries).map(([code, c]) => ({ code, nameEn: c.en, nameZh: c.zh })),
      brands: brands.map((b) => ({ id: b.id, nameEn: b.name_en, nameZh: b.name_zh })),
    };
  }
}

/** The values a product row may name, listed on the workbook's second sheet. */
interface SheetLists {
  categories: Array<{ id: string; nameEn: string; nameZh: string }>;
  currencies: Array<{ code: string; nameEn: string; nameZh: string; digits: number }>;
  countries: Array<{ code: string; nameEn: string; nameZh: string }>;
  brands: Array<{ nameEn: string; nameZh: string; id: string }>;
}

/** The Products sheet (bilingual headers, hints row) and its Lists sheet of categories, currencies, countries and brands. */
const productSheet = (rows: string[][], lists: SheetLists): SheetContent => ({
  name: 'Products',
  headers: sheetHeaders(),
  hints: sheetHints(),
  rows,
  lists: {
    name: 'Lists',
    sections: [
      { title: 'Categories / 类目', heads: ['Category (id) / 类目编号', 'English', '中文'], rows: lists.categories.map((c) => [c.id, c.nameEn, c.nameZh]) },
      { title: 'Currencies / 币种', heads: ['Currency / 币种', 'English', '中文', 'Decimals / 小数位'], rows: lists.currencies.map((c) => [c.code, c.nameEn, c.nameZh, String(c.digits)]) },
      { title: 'Origin countries / 原产国', heads: ['Origin country / 原产国', 'English', '中文'], rows: lists.countries.map((c) => [c.code, c.nameEn, c.nameZh]) },
      { title: 'Your brands / 您的品牌', heads: ['Brand / 品牌', '中文', 'id'], rows: lists.brands.map((b) => [b.nameEn, b.nameZh, b.id]) },
    ],
  },
});

/** A refusal from the product service while writing, as problems at the cells they concern. */
function issuesFromServiceError(layout: SheetLayout, group: ProductRows, err: AppError): ImportIssue[] {
  const details = Array.isArray(err.details) ? (err.details as Array<{ field?: unknown; rule?: unknown; message?: unknown }>) : [];
  const issues = details.flatMap((d) => (typeof d.field === 'string' ? [issueForField(layout, group, d.field, String(d.rule ?? err.code), String(d.message ?? err.message))] : []));
  if (issues.length > 0) return issues.map(({ key: _key, ...issue }) => issue);
  return [issueAt(layout, group.rows[0]?.row ?? null, 'product_ref', err.code.toLowerCase(), err.message === err.code ? 'this product changed while the file was imported: import it again' : err.message)];
}

/** Problems in reading order: by row (within a row, in the order they were found, which follows the columns). */
const sortIssues = (issues: ImportIssue[]): ImportIssue[] => [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
