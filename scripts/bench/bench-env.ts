import { randomBytes } from 'node:crypto';

/**
 * What a benchmark's server needs to start in production mode (every secret set): throwaway keys,
 * made anew each run.
 */
export function productionSecrets(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    IDENTITY_KEYS: JSON.stringify({ bench: randomBytes(32).toString('base64') }),
    IDENTITY_KEY_ID: 'bench',
    IDENTITY_LOOKUP_KEY: randomBytes(32).toString('base64'),
  };
}
