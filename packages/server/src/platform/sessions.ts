import { createHash, randomBytes } from 'node:crypto';
import type { CompanyMemberRole, Role } from '@pavilion/contracts';
import type { Db, Trx } from '../db/database.ts';

export const SESSION_COOKIE = 'pavilion_session';
export type SessionTransport = 'cookie' | 'token';

export interface Grant {
  role: Role;
  pavilionId: string | null;
  exporterId: string | null;
  companyId: string | null;
  companyRole: CompanyMemberRole | null;
}

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Caller {
  userId: string;
  sessionId: string;
  transport: SessionTransport;
  grants: Grant[];
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db | Trx,
  options: { userId: string; transport: SessionTransport; ttlHours: number; now: Date },
): Promise<{ token: string; expiresAt: string }> {
  const token = `pv_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: options.userId,
      transport: options.transport,
      created_at: options.now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The caller behind a token, or null when the token is unknown, expired, revoked or its user disabled. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<Caller | null> {
  if (!/^pv_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const session = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.transport'])
    .where('s.id', '=', hashToken(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!session) return null;
  const grants = await db
    .selectFrom('user_roles')
    .select(['role', 'pavilion_id', 'exporter_id', 'company_id', 'company_role'])
    .where('user_id', '=', session.user_id)
    .execute();
  return {
    userId: session.user_id,
    sessionId: session.id,
    transport: session.transport,
    grants: grants.map((g) => ({
      role: g.role,
      pavilionId: g.pavilion_id,
      exporterId: g.exporter_id,
      companyId: g.company_id,
      companyRole: g.company_role,
    })),
  };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
