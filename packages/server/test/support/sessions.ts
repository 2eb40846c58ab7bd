import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/demo-data.ts';
import { ORIGIN } from './test-app.ts';

/** A bearer token for the demo account with this email (or phone), made directly for speed. */
export async function tokenFor(db: Db, login: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('email', '=', login), eb('phone', '=', login)]))
    .executeTakeFirstOrThrow();
  const { token } = await createSession(db, { userId: user.id, transport: 'token', ttlHours: 1, now: new Date() });
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in through the real endpoint and returns the session cookie header to send back. */
export async function cookieLogin(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: ORIGIN },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pavilion_session');
  if (!cookie) throw new Error('no session cookie');
  return `pavilion_session=${cookie.value}`;
}
