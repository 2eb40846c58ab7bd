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
        req: (req: { method: string; url: string; id: string; ip?: string }) => ({ method: req.method, url: req.url, id: req.id }),
      },
    },
    destination,
  );
}
