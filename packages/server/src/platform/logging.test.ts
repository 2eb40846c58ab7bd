import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskUrl } from './logging.ts';

test('tokens in URLs are masked in logs, ids are kept', () => {
  assert.equal(maskUrl('/api/auth/invitations/Zq3x9v8b7n6m5l4k3j2h1g0f9e8d7c6b5a4s3d2f1g0h/accept'), '/api/auth/invitations/[redacted]/accept');
  assert.equal(maskUrl('/api/store/products/6f1c2b1e-8d8a-4a4e-9a53-2f8f2b6d0c11'), '/api/store/products/6f1c2b1e-8d8a-4a4e-9a53-2f8f2b6d0c11');
  assert.equal(maskUrl('/callback?code=abc123&state=x'), '/callback?code=[redacted]&state=x');
});
