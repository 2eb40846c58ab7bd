import type { Db, Trx } from '../../db/database.ts';
import type { NewUser, UserRow } from './account.table.ts';
import type { CompanyMemberRole, Role } from '@pavilion/contracts';
import { newId } from '../../platform/ids.ts';

export interface RoleRow {
  role: Role;
  pavilion_id: string | null;
  exporter_id: string | null;
  company_id: string | null;
  company_role: CompanyMemberRole | null;
}

export function findUserByEmail(db: Db | Trx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserByPhone(db: Db | Trx, phone: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export function findUserById(db: Db | Trx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db | Trx, user: Omit<NewUser, 'id' | 'created_at' | 'updated_at'>): Promise<UserRow> {
  const now = new Date().toISOString();
  return db
    .insertInto('users')
    .values({ id: newId(), ...user, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertRole(db: Db | Trx, userId: string, grant: Partial<RoleRow> & { role: Role }): Promise<void> {
  await db
    .insertInto('user_roles')
    .values({
      id: newId(),
      user_id: userId,
      role: grant.role,
      pavilion_id: grant.pavilion_id ?? null,
      exporter_id: grant.exporter_id ?? null,
      company_id: grant.company_id ?? null,
      company_role: grant.company_role ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** The role grants of a user with the names of what each is scoped to (one query). */
export function findRoleGrants(db: Db | Trx, userId: string) {
  return db
    .selectFrom('user_roles as r')
    .leftJoin('pavilions as p', 'p.id', 'r.pavilion_id')
    .leftJoin('exporters as e', 'e.id', 'r.exporter_id')
    .leftJoin('buyer_companies as c', 'c.id', 'r.company_id')
    .select([
      'r.role',
      'r.company_role',
      'p.id as pavilion_id',
      'p.slug as pavilion_slug',
      'p.name_en as pavilion_name_en',
      'p.name_zh as pavilion_name_zh',
      'e.id as exporter_id',
      'e.trading_name_en as exporter_name_en',
      'e.trading_name_zh as exporter_name_zh',
      'c.id as company_id',
      'c.name_zh as company_name_zh',
      'c.name_en as company_name_en',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.created_at')
    .execute();
}

export function hasWechatAccount(db: Db | Trx, userId: string): Promise<boolean> {
  return db
    .selectFrom('wechat_accounts')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}
