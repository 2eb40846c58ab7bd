import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../accounts/index.ts';

/**
 * Sends the one-time login code to a mainland mobile number. A deployment plugs in its SMS
 * provider here; the default writes the code to the server log, for development and demos.
 */
export interface SmsSender {
  /** `log` tells the sign-in page to say where a developer finds the code. */
  readonly delivery: 'sms' | 'log';
  sendLoginCode(options: { phone: string; code: string; ttlMinutes: number }): Promise<void>;
}

export class LogSmsSender implements SmsSender {
  readonly delivery = 'log' as const;
  private readonly log: FastifyBaseLogger;

  constructor(log: FastifyBaseLogger) {
    this.log = log;
  }

  async sendLoginCode(options: { phone: string; code: string; ttlMinutes: number }): Promise<void> {
    // Development sender: the code must be readable by whoever runs the server. The phone is masked.
    this.log.info({ sms: { to: maskPhone(options.phone), code: options.code } }, `Login code for ${maskPhone(options.phone)}: ${options.code}`);
  }
}
