import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '@pavilion/contracts';
import type { Config } from './config.ts';
import { SESSION_COOKIE } from './sessions.ts';

export type App = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The error responses most routes can give, documented in OpenAPI once. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  429: errorBodySchema,
} as const;

/** A response whose body is a file's bytes (a download), documented with each content type it can have. */
export const fileDownload = (description: string, contentTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(contentTypes.map((type) => [type.split(';')[0] ?? type, { schema: z.string().meta({ format: 'binary' }) }])),
});

/** A redirect (303 See Other) with no body: the Location header says where to go. */
export const seeOther = z.null().describe('See Other: the Location header says where to go');

/** A page of HTML (the sandbox payment page). */
export const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'cookieSecure'>, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'cookieSecure'>): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}
