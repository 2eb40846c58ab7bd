import { errorMessages, localizeIssue, publicationIssueSchema, type Locale, type PublicationIssue } from '@pavilion/contracts';
import { isApiError } from '../api/client.ts';

/** A message about one field, by its dotted path in the request body: `variants.0.sku`. */
export type FieldIssue = { path: string; message: string };

/** `variants.0.sku` → `['variants', 0, 'sku']`: the name path of the antd Form.Item showing it. */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function pathOf(name: readonly PropertyKey[]): string {
  return name.map(String).join('.');
}

/** zod issues of a contract's request schema, in the reader's language. */
export function issuesOfZod(issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => ({ path: pathOf(issue.path), message: localizeIssue({ rule: issue.code, message: issue.message }, locale) }));
}

/**
 * The fields an API answer names: VALIDATION_FAILED details (already in the caller's language) and
 * ALREADY_EXISTS details such as `{ field: 'body.slug', rule: 'unique' }`, whose message may be absent.
 */
export function issuesOfAnswer(error: unknown, locale: Locale): FieldIssue[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  if (error.code !== 'VALIDATION_FAILED' && error.code !== 'ALREADY_EXISTS') return [];
  const fallback = errorMessages[error.code][locale === 'zh-CN' ? 'zh' : 'en'];
  return error.details.flatMap((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null || !('field' in detail) || typeof detail.field !== 'string') return [];
    const message = 'message' in detail && typeof detail.message === 'string' && detail.message !== '' ? detail.message : fallback;
    return [{ path: detail.field.replace(/^(body|query|params)\./, ''), message }];
  });
}

/** The failed publication rules of a PUBLICATION_RULES_FAILED answer (422). */
export function publicationIssuesOf(error: unknown): PublicationIssue[] {
  if (!isApiError(error, 'PUBLICATION_RULES_FAILED') || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail: unknown) => {
    const parsed = publicationIssueSchema.safeParse(detail);
    return parsed.success ? [parsed.data] : [];
  });
}
