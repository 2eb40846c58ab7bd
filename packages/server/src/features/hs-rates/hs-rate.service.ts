import type { z } from 'zod';
import type { HsRate, HsRateInput, hsRateListQuerySchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { deleteHsRate, findHsRate, findHsRates, upsertHsRate, type HsRateRecord } from './hs-rate.repository.ts';
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
}
