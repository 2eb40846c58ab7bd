import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * JSON logs with request ids. Credentials and personal data never reach them: auth headers,
 * cookies and anything that looks like a password, code, phone or ID number is redacted.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.phone',
          '*.idNumber',
          '*.sessionKey',
          '*.session_key',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string; ip?: string }) => ({ method: req.method, url: maskUrl(req.url), id: req.id }),
      },
    },
    destination,
  );
}

/** Secrets that travel in URLs (invitation tokens, one-time links) never reach the log: long random segments are masked. */
export function maskUrl(url: string): string {
  const uuid = /^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return url
    .replace(/\/[A-Za-z0-9_-]{32,}(?=[/?#]|$)/g, (segment) => (uuid.test(segment) ? segment : '/[redacted]')).replace(/([?&](?:token|code)=)[^&#]*/gi, '$1[redacted]');
}
