import { isApiError } from '../api/client.ts';

/** The state a page hands to its login page, so that signing in leads back to it. */
export type ReturnState = { from: string };

export function returnState(pathname: string): ReturnState {
  return { from: pathname };
}

/** Where to go after signing in: the page that sent the visitor to log in, if it is one of ours. */
export function returnPath(state: unknown, fallback: string): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    // Only paths of this app: never "//evil.example" or an absolute URL.
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return fallback;
}

/** A 401: the session is missing or expired, so the page should send the visitor to log in. */
export function needsSignIn(error: unknown): boolean {
  return isApiError(error, 'UNAUTHENTICATED');
}
