import { createHash, randomBytes } from 'node:crypto';

/** An invitation link works for 7 days, once. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/** 32 random bytes, base64url: the link carries it, the database keeps only its SHA-256. */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** Anything else cannot be one of ours: answered 404 without a database lookup. */
export const looksLikeInvitationToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export type InvitationState = 'open' | 'accepted' | 'expired';

export function invitationState(invitation: { accepted_at: string | null; expires_at: string }, now: Date): InvitationState {
  if (invitation.accepted_at !== null) return 'accepted';
  return new Date(invitation.expires_at).getTime() > now.getTime() ? 'open' : 'expired';
}
