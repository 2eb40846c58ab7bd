import type { z } from 'zod';
import type { companyProfileSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { companyScope, requireRole } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';

export class CompanyService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  /** The buyer company (importer) the signed-in member belongs to, and its members. */
  async getOwnCompany(caller: Caller | null): Promise<z.infer<typeof companyProfileSchema>> {
    const companyId = companyScope(requireRole(caller, 'company_member'));
    const company = await this.db
      .selectFrom('buyer_companies')
      .select(['id', 'name_zh', 'name_en', 'city'])
      .where('id', '=', companyId)
      .executeTakeFirst();
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
      company: { id: company.id, nameZh: company.name_zh, nameEn: company.name_en, city: company.city },
      members: members.map((m) => ({ id: m.id, displayName: m.display_name, memberRole: m.company_role ?? 'buyer' })),
    };
  }
}
