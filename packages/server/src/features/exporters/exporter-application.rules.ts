import { validationMessages as m, type ExporterStatus, type ValidationIssue } from '@pavilion/contracts';

/** An application's fields, as the contracts name them. */
export interface ApplicationValues {
  legalName: string;
  tradingNameEn: string;
  tradingNameZh: string;
  country: string;
  city: string;
  address: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  registrationNumber: string | null;
  gaccRegistrationNumber: string | null;
  manufacturerName: string | null;
  manufacturerAddress: string | null;
  categories: string[];
  storyEn: string;
  storyZh: string;
}
export type ApplicationField = keyof ApplicationValues;

export const applicationFields: readonly ApplicationField[] = [
  'legalName', 'tradingNameEn', 'tradingNameZh', 'country', 'city', 'address', 'contactName', 'contactEmail', 'contactPhone',
  'registrationNumber', 'gaccRegistrationNumber', 'manufacturerName', 'manufacturerAddress', 'categories', 'storyEn', 'storyZh',
];

/**
 * Once approved the exporter may still keep its contact details, address and story current;
 * everything the operators checked against the documents (names, country, registration and GACC
 * numbers, manufacturer, categories) stays as approved. While suspended no edit reaches these rules:
 * the suspended-exporter guard (platform/access.ts) refuses every write of its members.
 */
export const editableOnceApproved: ReadonlySet<ApplicationField> = new Set([
  'city', 'address', 'contactName', 'contactEmail', 'contactPhone', 'storyEn', 'storyZh',
]);

const reviewed = (status: ExporterStatus): boolean => status === 'approved' || status === 'suspended';

/** How an edit is handled: `full` (pending, or rejected and resubmitted) or `contact` (approved or suspended). */
export const editMode = (status: ExporterStatus): 'full' | 'contact' => (reviewed(status) ? 'contact' : 'full');

/** The fields the exporter may not change in this status. */
export function lockedFields(status: ExporterStatus): ApplicationField[] {
  return reviewed(status) ? applicationFields.filter((f) => !editableOnceApproved.has(f)) : [];
}

function sameValue(a: ApplicationValues[ApplicationField], b: ApplicationValues[ApplicationField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  return a === b;
}

/**
 * The issues for locked fields an edit would change. Sending a locked field back unchanged is
 * fine, so a form can send the whole application.
 */
export function lockedChangeIssues(status: ExporterStatus, current: ApplicationValues, update: Partial<ApplicationValues>): ValidationIssue[] {
  const locked = new Set(lockedFields(status));
  return applicationFields
    .filter((f) => locked.has(f) && update[f] !== undefined && !sameValue(update[f], current[f]))
    .map((f) => ({ field: `body.${f}`, rule: 'locked', message: m.lockedOnceApproved.en }));
}

/** What the review needs from every application (the demo's older rows may lack some). */
const requiredForReview: readonly ApplicationField[] = ['address', 'contactName', 'contactEmail', 'contactPhone', 'registrationNumber', 'categories'];

const isBlank = (value: ApplicationValues[ApplicationField]): boolean =>
  value === null || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/**
 * A complete application for review: the required fields, and for food makers the GACC
 * registration number with the manufacturer's name and address. GACC Decree 248 (进口食品境外生产企业
 * 注册管理规定, in force 2022-01-01) requires every overseas manufacturer of food exported to China
 * to be registered with the General Administration of Customs.
 */
export function applicationIssues(values: ApplicationValues, options: { requiresGacc: boolean }): ValidationIssue[] {
  const issues: ValidationIssue[] = requiredForReview
    .filter((f) => isBlank(values[f]))
    .map((f) => ({ field: `body.${f}`, rule: 'required', message: m.required.en }));
  if (options.requiresGacc) {
    for (const f of ['gaccRegistrationNumber', 'manufacturerName', 'manufacturerAddress'] as const) {
      if (isBlank(values[f])) issues.push({ field: `body.${f}`, rule: 'required_for_food', message: m.requiredForFood.en });
    }
  }
  return issues;
}

/**
 * Whether the chosen categories need the GACC registration: a category is food when it, or the
 * category above it, is marked food (`path` lists the slugs from the root: "coffee-tea/kava/").
 */
export function requiresGacc(chosen: Array<{ path: string }>, foodPaths: ReadonlySet<string>): boolean {
  return chosen.some((c) => ancestorPaths(c.path).some((p) => foodPaths.has(p)));
}

/** "a/b/c/" → ["a/", "a/b/", "a/b/c/"]. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}
