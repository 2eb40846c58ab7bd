import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { maskEmail } from './notification.rules.ts';

export interface MailMessage {
  /** Stable per outbox row (see SEND_NOTIFICATION_EMAIL): a resend carries the same one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one notification email. A deployment plugs in its mail service here; the default writes
 * the message to the server log, for development and demos. `send` resolves once the message was
 * accepted for delivery and rejects when it was not (its job retries it).
 */
export interface Mailer {
  readonly delivery: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

export class LogMailer implements Mailer {
  readonly delivery = 'log' as const;
  private readonly log: FastifyBaseLogger;

  constructor(log: FastifyBaseLogger) {
    this.log = log;
  }

  async send(message: MailMessage): Promise<void> {
    // Development mailer: the text must be readable by whoever runs the server. The address is masked.
    const to = maskEmail(message.to);
    this.log.info({ mail: { to, messageId: message.messageId, subject: message.subject } }, `Email to ${to}: ${message.subject}\n${message.text}`);
  }
}

export interface SmtpSettings {
  /** smtp:// or smtps:// with credentials, or host/port/user/password. */
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  from: string;
}

export class SmtpMailer implements Mailer {
  readonly delivery = 'smtp' as const;
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(settings: SmtpSettings) {
    this.from = settings.from;
    this.transport = settings.url
      ? nodemailer.createTransport(settings.url)
      : nodemailer.createTransport({
          host: settings.host,
          port: settings.port ?? 587,
          secure: settings.port === 465,
          ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
        });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
  }

  close(): void {
    this.transport.close();
  }
}
