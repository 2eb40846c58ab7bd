import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, unusablePasswordHash, verifyPassword } from './password.ts';

test('a password verifies against its own hash only', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.ok(!hash.includes('correct horse'));
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('correct horse batterY', hash), false);
  assert.notEqual(await hashPassword('correct horse battery'), hash, 'salted');
});

test('the placeholder hash and malformed hashes match nothing', async () => {
  assert.equal(await verifyPassword('', unusablePasswordHash), false);
  assert.equal(await verifyPassword('anything', 'md5$abc'), false);
});
