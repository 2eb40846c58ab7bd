import { errorMessages, localizeIssue, type ErrorCode, type Locale } from '@pavilion/contracts';
import { isApiError } from '../api/client.ts';

/** What a person reads for any failure: the contract's message for the API code, in the current language. */
export function errorText(error: unknown, locale: Locale): string {
  // Anything that is not an API answer (a bug in the page, a response that broke its contract) is ours.
  const code: ErrorCode = isApiError(error) ? error.code : 'INTERNAL';
  const message = errorMessages[code];
  return locale === 'zh-CN' ? message.zh : message.en;
}

export type FieldErrors = Partial<Record<string, string>>;

/** VALIDATION_FAILED details by form field: `body.email` → `email`. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiError(error, 'VALIDATION_FAILED')) return {};
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.field.replace(/^(body|query|params)\./, '');
    fields[field] ??= issue.message;
  }
  return fields;
}

/** A zod issue list (from a contract's request schema) by top-level field: the first message wins. */
export function fieldErrorsOfIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[],
  locale: Locale,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    fields[field] ??= localizeIssue({ rule: issue.code, message: issue.message }, locale);
  }
  return fields;
}
