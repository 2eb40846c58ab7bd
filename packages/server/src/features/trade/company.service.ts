import type { z } from 'zod';
import { validationMessages as m, type buyerCompanySchema, type companyProfileSchema, type companyUpdateSchema, type operatorCompanySchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { companyOf, ownedCompanyOf } from './trade-access.ts';

type Company = z.infer<typeof buyerCompanySchema>;
const columns = ['id', 'name_zh', 'name_en', 'city', 'address', 'credit_code', 'verified_at'] as const;
const toCompany = (c: { id: string; name_zh: string; name_en: string | null; city: string; address: string | null; credit_code: string | null; verified_at: string | null }): Company => ({
  id: c.id,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  city: c.city,
  address: c.address,
  creditCode: c.credit_code,
  verifiedAt: c.verified_at,
});

export class CompanyService {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  /** The buyer company (importer) the signed-in member belongs to, and its members. */
  async getOwnCompany(caller: Caller | null): Promise<z.infer<typeof companyProfileSchema>> {
    const companyId = companyOf(caller);
    const company = await this.db.selectFrom('buyer_companies').select(columns).where('id', '=', companyId).executeTakeFirst();
    if (!company) throw notFound();
    const members = await this.db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.display_name', 'r.company_role'])
      .where('r.role', '=', 'company_member')
      .where('r.company_id', '=', companyId)
      .orderBy('u.display_name')
      .execute();
    return {
      company: toCompany(company),
      members: members.map((mb) => ({ id: mb.id, displayName: mb.display_name, memberRole: mb.company_role ?? 'buyer' })),
    };
  }

  /**
   * The owner edits the registration. A verification vouches for a name and a credit code: changing
   * either ends it, in the same update, so no company shows "verified" for details nobody checked.
   */
  async updateOwnCompany(caller: Caller | null, input: z.infer<typeof companyUpdateSchema>): Promise<z.infer<typeof companyProfileSchema>> {
    const companyId = ownedCompanyOf(caller);
    const current = await this.db.selectFrom('buyer_companies').select(columns).where('id', '=', companyId).executeTakeFirstOrThrow();
    const changesIdentity = (input.nameZh !== undefined && input.nameZh !== current.name_zh) || (input.creditCode !== undefined && input.creditCode !== current.credit_code);
    try {
      await this.db
        .updateTable('buyer_companies')
        .set({
          ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.city !== undefined ? { city: input.city } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          ...(input.creditCode !== undefined ? { credit_code: input.creditCode } : {}),
          ...(changesIdentity ? { verified_at: null, verified_by: null } : {}),
        })
        .where('id', '=', companyId)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS', { details: [{ field: 'body.creditCode', rule: 'taken', message: m.creditCodeTaken.en }] });
      throw error;
    }
    return this.getOwnCompany(caller);
  }

  /**
   * Companies for operators, unverified first. Importers belong to no pavilion: every operator
   * meets them (an RFQ may go to all pavilions), so every operator may see and verify them.
   */
  async listForOperator(caller: Caller | null): Promise<Array<z.infer<typeof operatorCompanySchema>>> {
    operatorScope(requireRole(caller, 'operator', 'admin'));
    const rows = await this.db
      .selectFrom('buyer_companies as c')
      .select(columns.map((c) => `c.${c}` as const))
      .select((eb) => eb.selectFrom('user_roles as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.company_id', '=', 'c.id').where('r.role', '=', 'company_member').as('member_count'))
      .orderBy((eb) => eb.case().when('c.verified_at', 'is', null).then(0).else(1).end())
      .orderBy('c.name_zh')
      .execute();
    return rows.map((r) => ({ ...toCompany(r), memberCount: Number(r.member_count ?? 0) }));
  }

  /** Marks the company verified (its credit code checked against the national register, outside Pavilion). */
  async verify(caller: Caller | null, companyId: string): Promise<Company> {
    const signedIn = requireRole(caller, 'operator', 'admin');
    const company = await this.db.selectFrom('buyer_companies').select(columns).where('id', '=', companyId).executeTakeFirst();
    if (!company) throw notFound();
    if (!company.credit_code) throw new AppError('INVALID_TRANSITION', { details: { action: 'verify', reason: 'no_credit_code' } });
    const moved = await this.db
      .updateTable('buyer_companies')
      .set({ verified_at: this.clock().toISOString(), verified_by: signedIn.userId })
      .where('id', '=', companyId)
      .where('verified_at', 'is', null)
      .where('credit_code', '=', company.credit_code)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { action: 'verify', reason: 'already_verified' } });
    const row = await this.db.selectFrom('buyer_companies').select(columns).where('id', '=', companyId).executeTakeFirstOrThrow();
    return toCompany(row);
  }
}
