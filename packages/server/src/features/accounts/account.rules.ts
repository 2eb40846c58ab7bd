import type { Me, RoleGrant } from '@pavilion/contracts';
import type { UserRow } from './account.table.ts';
import type { findRoleGrants } from './account.repository.ts';

type GrantRow = Awaited<ReturnType<typeof findRoleGrants>>[number];

/** 13812345678 → 138****5678: the account page shows whose phone it is without exposing it whole. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

export function toRoleGrant(row: GrantRow): RoleGrant {
  return {
    role: row.role,
    pavilion:
      row.pavilion_id && row.pavilion_slug && row.pavilion_name_en && row.pavilion_name_zh
        ? { id: row.pavilion_id, slug: row.pavilion_slug, nameEn: row.pavilion_name_en, nameZh: row.pavilion_name_zh }
        : null,
    exporter:
      row.exporter_id && row.exporter_name_en && row.exporter_name_zh
        ? { id: row.exporter_id, nameEn: row.exporter_name_en, nameZh: row.exporter_name_zh }
        : null,
    company:
      row.company_id && row.company_name_zh && row.company_role
        ? { id: row.company_id, nameZh: row.company_name_zh, nameEn: row.company_name_en, memberRole: row.company_role }
        : null,
  };
}

export function toMe(user: UserRow, grants: GrantRow[], wechat: boolean): Me {
  return {
    id: user.id,
    displayName: user.display_name,
    email: user.email,
    phone: user.phone ? maskPhone(user.phone) : null,
    wechat,
    locale: user.locale,
    roles: grants.map(toRoleGrant),
  };
}
