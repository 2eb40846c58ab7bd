import type { Role } from '@pavilion/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import type { Caller } from './sessions.ts';

/**
 * Authorization helpers for services. The rule everywhere: no caller → 401; a caller whose role
 * may not use that part of the API → 403; a resource outside the caller's scope → 404 (the caller
 * never learns it exists).
 */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError('UNAUTHENTICATED');
  return caller;
}

export function requireRole(caller: Caller | null, ...roles: Role[]): Caller {
  const signedIn = requireCaller(caller);
  if (!signedIn.grants.some((g) => roles.includes(g.role))) throw new AppError('FORBIDDEN');
  return signedIn;
}

export const isAdmin = (caller: Caller): boolean => caller.grants.some((g) => g.role === 'admin');

/** The pavilions an operator runs; `'all'` for platform admins. */
export function operatorScope(caller: Caller): string[] | 'all' {
  if (isAdmin(caller)) return 'all';
  return caller.grants.flatMap((g) => (g.role === 'operator' && g.pavilionId ? [g.pavilionId] : []));
}

/** The exporter a member belongs to (one per account). */
export function exporterScope(caller: Caller): string {
  const grant = caller.grants.find((g) => g.role === 'exporter_member' && g.exporterId);
  if (!grant?.exporterId) throw new AppError('FORBIDDEN');
  return grant.exporterId;
}

export function companyScope(caller: Caller): string {
  const grant = caller.grants.find((g) => g.role === 'company_member' && g.companyId);
  if (!grant?.companyId) throw new AppError('FORBIDDEN');
  return grant.companyId;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The exporter-member guard for suspension: a suspended exporter is read-only. Every write on an
 * exporter route (`/api/exporter/…`) by a member of a suspended exporter answers 403
 * EXPORTER_SUSPENDED before the handler runs; reads go through. Kept here, once, so a route added
 * later is covered without remembering to check. Runs after the caller is resolved.
 */
export function registerSuspendedExporterGuard(app: FastifyInstance, options: { isSuspended: (exporterId: string) => Promise<boolean> }): void {
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method) || !request.caller) return;
    if (!request.routeOptions.url?.startsWith('/api/exporter/')) return;
    const exporterIds = request.caller.grants.flatMap((g) => (g.role === 'exporter_member' && g.exporterId ? [g.exporterId] : []));
    for (const exporterId of exporterIds) {
      if (await options.isSuspended(exporterId)) throw new AppError('EXPORTER_SUSPENDED');
    }
  });
}
