import type { Locale } from '@pavilion/contracts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../shared/errors.ts';

/**
 * A return's refusal in words: the server's own message for the after-sale codes (it names the last
 * day, the units left, and comes in the caller's language), the general message for anything else.
 */
export function returnFailureText(error: unknown, locale: Locale): string {
  if (isApiError(error) && error.code.startsWith('RETURN_') && error.message !== '') return error.message;
  return errorText(error, locale);
}
