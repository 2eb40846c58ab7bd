import type { z } from 'zod';
import type { adminUserListQuerySchema, adminUserListSchema, Role } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/password.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findUserByEmail, insertRole, insertUser } from './account.repository.ts';
import { maskPhone } from './account.rules.ts';

export interface CreateStaffUserInput {
  email: string;
  password: string;
  displayName: string;
  role: Exclude<Role, 'buyer'>;
  locale?: 'zh-CN' | 'en';
  /** operator: the pavilion slugs it runs. */
  pavilionSlugs?: string[];
  /** exporter_member: the exporter it belongs to. */
  exporterId?: string;
  /** company_member: the company and the member's role in it. */
  companyId?: string;
  companyRole?: 'owner' | 'buyer';
}

export class AccountService {
  private readonly db: Db;

  constructor(options: { db: Db }) {
    this.db = options.db;
  }

  /** Creates a password account with its role grants, in one transaction (CLI and demo seed). */
  async createStaffUser(input: CreateStaffUserInput): Promise<{ id: string }> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, input.email)) {
        throw new AppError('ALREADY_EXISTS', { message: `an account with email ${input.email} already exists` });
      }
      const user = await insertUser(trx, {
        email: input.email,
        phone: null,
        password_hash: passwordHash,
        display_name: input.displayName,
        locale: input.locale ?? (input.role === 'exporter_member' ? 'en' : 'zh-CN'),
      });
      switch (input.role) {
        case 'operator': {
          const slugs = input.pavilionSlugs ?? [];
          if (slugs.length === 0) throw new AppError('VALIDATION_FAILED', { message: 'an operator needs at least one pavilion' });
          const pavilions = await trx.selectFrom('pavilions').select(['id', 'slug']).where('slug', 'in', slugs).execute();
          const unknown = slugs.filter((s) => !pavilions.some((p) => p.slug === s));
          if (unknown.length > 0) throw new AppError('NOT_FOUND', { message: `no pavilion with slug ${unknown.join(', ')}`, details: { field: 'pavilionSlugs' } });
          for (const p of pavilions) await insertRole(trx, user.id, { role: 'operator', pavilion_id: p.id });
          break;
        }
        case 'exporter_member':
          if (!input.exporterId) throw new AppError('VALIDATION_FAILED', { message: 'an exporter member needs an exporter' });
          if (!(await trx.selectFrom('exporters').select('id').where('id', '=', input.exporterId).executeTakeFirst())) {
            throw new AppError('NOT_FOUND', { message: `no exporter with id ${input.exporterId}`, details: { field: 'exporterId' } });
          }
          await insertRole(trx, user.id, { role: 'exporter_member', exporter_id: input.exporterId });
          break;
        case 'company_member':
          if (!input.companyId) throw new AppError('VALIDATION_FAILED', { message: 'a company member needs a company' });
          if (!(await trx.selectFrom('buyer_companies').select('id').where('id', '=', input.companyId).executeTakeFirst())) {
            throw new AppError('NOT_FOUND', { message: `no importer company with id ${input.companyId}`, details: { field: 'companyId' } });
          }
          await insertRole(trx, user.id, { role: 'company_member', company_id: input.companyId, company_role: input.companyRole ?? 'buyer' });
          break;
        case 'admin':
          await insertRole(trx, user.id, { role: 'admin' });
          break;
      }
      return { id: user.id };
    });
  }

  async listUsers(caller: Caller | null, query: z.infer<typeof adminUserListQuerySchema>): Promise<z.infer<typeof adminUserListSchema>> {
    requireRole(caller, 'admin');
    let base = this.db.selectFrom('users as u');
    if (query.role) {
      const role = query.role;
      base = base.where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role)));
    }
    const [users, total] = await Promise.all([
      base
        .select(['u.id', 'u.display_name', 'u.email', 'u.phone', 'u.status', 'u.created_at'])
        .orderBy('u.created_at')
        .orderBy('u.id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const roles =
      users.length === 0
        ? []
        : await this.db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute();
    return {
      total: Number(total.n),
      items: users.map((u) => ({
        id: u.id,
        displayName: u.display_name,
        email: u.email,
        phone: u.phone ? maskPhone(u.phone) : null,
        status: u.status,
        roles: [...new Set(roles.filter((r) => r.user_id === u.id).map((r) => r.role))],
        createdAt: u.created_at,
      })),
    };
  }
}
