import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashInvitationToken, INVITATION_TTL_MS, invitationState, looksLikeInvitationToken, newInvitationToken } from './invitations.rules.ts';

test('tokens are 32 random bytes in base64url and stored only as their SHA-256', () => {
  const token = newInvitationToken();
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.ok(looksLikeInvitationToken(token));
  assert.notEqual(newInvitationToken(), token);
  assert.match(hashInvitationToken(token), /^[0-9a-f]{64}$/);
  assert.ok(!looksLikeInvitationToken(`${token}=`));
  assert.ok(!looksLikeInvitationToken('short'));
});

test('an invitation is open for 7 days, until accepted', () => {
  const created = new Date('2026-11-22T10:00:00Z');
  const expires_at = new Date(created.getTime() + INVITATION_TTL_MS).toISOString();
  assert.equal(expires_at, '2026-11-29T10:00:00.000Z');
  assert.equal(invitationState({ accepted_at: null, expires_at }, new Date('2026-11-29T09:59:59Z')), 'open');
  assert.equal(invitationState({ accepted_at: null, expires_at }, new Date('2026-11-29T10:00:00Z')), 'expired');
  assert.equal(invitationState({ accepted_at: '2026-11-23T00:00:00Z', expires_at }, new Date('2026-11-23T01:00:00Z')), 'accepted');
});
