import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import { resolveSession, SESSION_COOKIE, type Caller } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, or null. Resolved before every /api handler. */
    caller: Caller | null;
    /** How the presented credentials arrived (CSRF rules apply to cookies only). */
    credentials: 'cookie' | 'bearer' | 'none';
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a browser sends Origin on every cross-site (and same-site) POST. A write that arrives
 * without bearer credentials must come from our own origin when it carries our session cookie or
 * asks for one; API clients that use bearer tokens are not exposed to CSRF.
 */
function checkOrigin(request: FastifyRequest, allowedOrigins: Set<string>): void {
  if (!UNSAFE.has(request.method) || request.credentials === 'bearer') return;
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  const host = request.headers.host;
  if (origin) {
    if (allowedOrigins.has(origin)) return;
    if (host && safeHost(origin) === host) return;
    throw new AppError('CSRF_REJECTED');
  }
  if (request.credentials === 'cookie') throw new AppError('CSRF_REJECTED');
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** The caller behind the request's bearer token or session cookie, or null (for routes outside /api/, such as private media). */
export async function resolveCaller(request: FastifyRequest, options: { db: Db; clock: Clock }): Promise<Caller | null> {
  const token = bearerToken(request) ?? request.cookies[SESSION_COOKIE];
  return token ? resolveSession(options.db, token, options.clock()) : null;
}

export function registerRequestContext(app: FastifyInstance, options: { db: Db; clock: Clock; allowedOrigins: string[] }): void {
  const allowedOrigins = new Set(options.allowedOrigins);
  app.decorateRequest('caller', null);
  app.decorateRequest('credentials', 'none');
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    request.credentials = bearer ? 'bearer' : cookie ? 'cookie' : 'none';
    checkOrigin(request, allowedOrigins);
    const token = bearer ?? cookie;
    if (token) request.caller = await resolveSession(options.db, token, options.clock());
  });
}
