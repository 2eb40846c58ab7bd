import type { TestApp } from './test-app.ts';
import { tokenFor } from './sessions.ts';

/** A new buyer account (signed up by phone code, as a real buyer does) and a bearer token for it. */
export async function signUpBuyer(ta: TestApp, phone: string): Promise<string> {
  const sent = await ta.app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone } });
  if (sent.statusCode !== 202) throw new Error(`otp request for ${phone}: ${sent.statusCode} ${sent.body}`);
  const verified = await ta.app.inject({ method: 'POST', url: '/api/auth/otp/verify', payload: { phone, code: ta.sms.lastCodeFor(phone), session: 'token' } });
  if (verified.statusCode !== 200) throw new Error(`otp verify for ${phone}: ${verified.statusCode} ${verified.body}`);
  return tokenFor(ta.testDb.database.db, phone);
}
