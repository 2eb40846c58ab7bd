import type { z } from 'zod';
import type { HsRate, HsRateImportIssue, HsRateImportResult, HsRateInput, hsRateListQuerySchema, ImportIssue, SheetFormat } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { sheetDownload, type SheetDownload } from '../../platform/sheets/sheet-download.ts';
import { detectSheetFormat, readSheet, SheetReadError, writeSheet } from '../../platform/sheets/sheet-file.ts';
import type { Upload } from '../../platform/uploads.ts';
import { hsSheetHeaders, rateToCells, readHsSheet, sameRate, type HsSheetRate } from './hs-rate-sheet.rules.ts';
import { deleteHsRate, findAllHsRates, findHsRate, findHsRates, upsertHsRate, type HsRateRecord } from './hs-rate.repository.ts';
import { HS_CODE, hsCodeIssues, hsRateIssues, suggestedFoodMark } from './hs-rate.rules.ts';

const toHsRate = (r: HsRateRecord): HsRate => ({
  hsCode: r.hs_code,
  descriptionEn: r.description_en,
  descriptionZh: r.description_zh,
  vatRateBp: r.vat_rate_bp,
  consumptionTaxRateBp: r.consumption_tax_rate_bp,
  tariffRateBp: r.tariff_rate_bp,
  retailEligible: r.retail_eligible === 1,
  retailModes: r.retail_modes,
  isFood: r.is_food === 1,
  updatedAt: r.updated_at,
});

const toRecord = (rate: HsSheetRate, updatedAt: string): HsRateRecord => ({
  hs_code: rate.hsCode,
  description_en: rate.descriptionEn,
  description_zh: rate.descriptionZh,
  vat_rate_bp: rate.vatRateBp,
  consumption_tax_rate_bp: rate.consumptionTaxRateBp,
  tariff_rate_bp: rate.tariffRateBp,
  retail_eligible: rate.retailEligible ? 1 : 0,
  retail_modes: rate.retailModes,
  is_food: rate.isFood ? 1 : 0,
  updated_at: updatedAt,
});

/** A row problem as the 400 names it: "row 3, column VAT (%) / 增值税率（%）", or "file" for the file as a whole. */
const toDetail = (issue: ImportIssue): HsRateImportIssue => ({
  field: issue.row === null ? 'file' : issue.column === null ? `row ${issue.row}` : `row ${issue.row}, column ${issue.column}`,
  ...issue,
});

/**
 * The HS rate table: VAT, consumption-tax and MFN tariff rates, Positive List eligibility and the food mark per HS code. One
 * table for the whole platform (a code's rates do not depend on the pavilion), so any operator and
 * the admins maintain it.
 */
export class HsRateService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  async list(caller: Caller | null, query: z.infer<typeof hsRateListQuerySchema>): Promise<{ items: HsRate[]; total: number }> {
    requireRole(caller, 'operator', 'admin');
    const { items, total } = await findHsRates(this.db, { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return { items: items.map(toHsRate), total };
  }

  /** Creates or replaces the rate of one code (the food mark, when not given, is the code's default). */
  async upsert(caller: Caller | null, hsCode: string, input: HsRateInput): Promise<HsRate> {
    requireRole(caller, 'operator', 'admin');
    const issues = hsRateIssues(hsCode, input);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
    const row: HsRateRecord = {
      hs_code: hsCode,
      description_en: input.descriptionEn,
      description_zh: input.descriptionZh,
      vat_rate_bp: input.vatRateBp,
      consumption_tax_rate_bp: input.consumptionTaxRateBp,
      tariff_rate_bp: input.tariffRateBp,
      retail_eligible: input.retailEligible ? 1 : 0,
      retail_modes: input.retailModes,
      is_food: (input.isFood ?? suggestedFoodMark(hsCode)) ? 1 : 0,
      updated_at: new Date().toISOString(),
    };
    await this.db.transaction().execute((trx) => upsertHsRate(trx, row));
    return toHsRate(row);
  }

  /**
   * Removes a code from the table. Products keep their own HS code in their content, so nothing
   * else changes here; a product whose code is gone is caught by its publication rules.
   */
  async remove(caller: Caller | null, hsCode: string): Promise<void> {
    requireRole(caller, 'operator', 'admin');
    const issues = hsCodeIssues(hsCode);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
    const deleted = await this.db.transaction().execute((trx) => deleteHsRate(trx, hsCode));
    if (!deleted) throw notFound();
  }

  /** One code's rate, or null: what the catalog and checkout ask. */
  async find(hsCode: string): Promise<HsRate | null> {
    if (!HS_CODE.test(hsCode)) return null;
    const row = await findHsRate(this.db, hsCode);
    return row ? toHsRate(row) : null;
  }

  /** The whole table as a spreadsheet (every column; rates as percentages, an empty tariff = not entered). */
  async exportSheet(caller: Caller | null, format: SheetFormat): Promise<SheetDownload> {
    requireRole(caller, 'operator', 'admin');
    const rows = (await findAllHsRates(this.db)).map((r) => rateToCells(toHsRate(r)));
    const bytes = await writeSheet(format, { name: 'HS rates', headers: hsSheetHeaders(), rows });
    return sheetDownload(bytes, `pavilion-hs-rates-${new Date().toISOString().slice(0, 10)}`, format);
  }

  /**
   * Reads a file in the export's format, all or nothing: every row is checked first, and any
   * problem answers 400 naming each by row and column, with nothing written. A valid file adds or
   * replaces each code it lists in one transaction; a row equal to the table is left untouched, and
   * codes the file does not list are left alone.
   */
  async importSheet(caller: Caller | null, upload: Upload): Promise<HsRateImportResult> {
    requireRole(caller, 'operator', 'admin');
    let raw;
    try {
      raw = await readSheet(upload.bytes, await detectSheetFormat(upload.bytes));
    } catch (err) {
      if (err instanceof SheetReadError) throw new AppError('VALIDATION_FAILED', { details: [toDetail(err.issue)] });
      throw err;
    }
    const { rates, rows, issues } = readHsSheet(raw);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues.map(toDetail) });
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const current = new Map((await findAllHsRates(trx)).map((r) => [r.hs_code, toHsRate(r)]));
      const result: HsRateImportResult = { created: 0, updated: 0, unchanged: 0, rows };
      for (const rate of rates) {
        const before = current.get(rate.hsCode);
        if (before && sameRate(before, rate)) {
          result.unchanged += 1;
          continue;
        }
        await upsertHsRate(trx, toRecord(rate, now));
        if (before) result.updated += 1;
        else result.created += 1;
      }
      return result;
    });
  }
}
