import { AppError } from '../../platform/errors.ts';
import { companyScope, exporterScope, requireRole } from '../../platform/access.ts';
import type { Caller } from '../../platform/sessions.ts';

/** The importer company a member acts for (owner or buyer). */
export const companyOf = (caller: Caller | null): string => companyScope(requireRole(caller, 'company_member'));

/** The company, only for its owner: a buyer member may trade but not change the company's registration. */
export function ownedCompanyOf(caller: Caller | null): string {
  const signedIn = requireRole(caller, 'company_member');
  const grant = signedIn.grants.find((g) => g.role === 'company_member' && g.companyId);
  if (!grant?.companyId || grant.companyRole !== 'owner') throw new AppError('FORBIDDEN');
  return grant.companyId;
}

export const exporterOf = (caller: Caller | null): string => exporterScope(requireRole(caller, 'exporter_member'));

/** A 400 naming one field and the rule it broke (messages from the contracts' table). */
export const fieldError = (field: string, rule: string, message: string): AppError => new AppError('VALIDATION_FAILED', { details: [{ field: `body.${field}`, rule, message }] });
