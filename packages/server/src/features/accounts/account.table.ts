import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { CompanyMemberRole, Locale, Role } from '@pavilion/contracts';
import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: accounts. Users and their role grants are created and changed through the account service only.

export interface UsersTable {
  id: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  display_name: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: Role;
  pavilion_id: string | null;
  exporter_id: string | null;
  company_id: string | null;
  company_role: CompanyMemberRole | null;
  created_at: Timestamp;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

export interface AccountTables {
  users: UsersTable;
  user_roles: UserRolesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const accountTableColumns = {
  users: {
    id: 'not null', email: 'null', phone: 'null', password_hash: 'null', display_name: 'not null', locale: 'not null', status: 'not null',
    created_at: 'not null', updated_at: 'not null',
  },
  user_roles: {
    id: 'not null', user_id: 'not null', role: 'not null', pavilion_id: 'null', exporter_id: 'null', company_id: 'null', company_role: 'null',
    created_at: 'not null',
  },
} as const satisfies TableColumns<AccountTables>;
