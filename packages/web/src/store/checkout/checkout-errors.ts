import type { ErrorCode, Locale } from '@pavilion/contracts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../shared/errors.ts';

/**
 * Refusals whose message the server writes for this buyer (by how much the order is over, what remains
 * of the year's allowance) in the Accept-Language it was sent: shown as given.
 */
const serverWorded: readonly ErrorCode[] = ['ORDER_LIMIT_EXCEEDED', 'ANNUAL_QUOTA_EXCEEDED', 'OUT_OF_STOCK', 'NOT_PURCHASABLE'];

export function checkoutErrorText(error: unknown, locale: Locale): string {
  if (isApiError(error) && serverWorded.includes(error.code) && error.message.trim() !== '') return error.message;
  return errorText(error, locale);
}

/** A limit of 财关税〔2018〕49号 refused the order: the buyer must change the lines or the identity. */
export function isLimitError(error: unknown): boolean {
  return isApiError(error, 'ORDER_LIMIT_EXCEEDED') || isApiError(error, 'ANNUAL_QUOTA_EXCEEDED');
}

/** Stock or availability changed since the cart was read: going back to the cart shows which lines. */
export function isCartProblem(error: unknown): boolean {
  return isApiError(error, 'OUT_OF_STOCK') || isApiError(error, 'NOT_PURCHASABLE');
}
