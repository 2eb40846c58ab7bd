import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { signTc3, tc3Date } from './tencent-cloud.ts';

/**
 * The documentation's example (Tencent Cloud API 3.0 signature v3): DescribeInstances on
 * cvm.tencentcloudapi.com at 1551113065, with this body byte for byte (the \u escapes are literal).
 */
const example = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  action: 'DescribeInstances',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  contentType: 'application/json; charset=utf-8',
};

test('the example body hashes as published', () => {
  assert.equal(createHash('sha256').update(example.payload).digest('hex'), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
});

test('the credential date is the UTC date of the timestamp', () => {
  assert.equal(tc3Date(1551113065), '2019-02-25');
  // 2019-02-25 23:30 UTC is already the 26th in China: the UTC date is the one signed.
  assert.equal(tc3Date(Date.UTC(2019, 1, 25, 23, 30) / 1000), '2019-02-25');
});

test('content-type;host: the published canonical request hash and signature', () => {
  const signed = signTc3({ ...example, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
  assert.equal(signed.canonicalRequestHash, '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
  assert.equal(signed.signedHeaders, 'content-type;host');
  assert.equal(signed.signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  assert.equal(
    signed.authorization,
    'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  );
  assert.equal(signTc3({ ...example, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' }).signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
});

test('content-type;host;x-tc-action: the published canonical request hash and signatures', () => {
  const signed = signTc3({ ...example, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******', signAction: true });
  assert.equal(signed.canonicalRequestHash, '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  assert.equal(signed.signedHeaders, 'content-type;host;x-tc-action');
  assert.equal(signed.signature, 'be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
  assert.equal(signTc3({ ...example, secretKey: '*'.repeat(32), signAction: true }).signature, '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
});

test('any change to the body, the host, the time or the key changes the signature', () => {
  const base = signTc3({ ...example, secretKey: 'k'.repeat(32) }).signature;
  assert.notEqual(signTc3({ ...example, secretKey: 'k'.repeat(32), payload: example.payload.replace('1', '2') }).signature, base);
  assert.notEqual(signTc3({ ...example, secretKey: 'k'.repeat(32), host: 'sms.tencentcloudapi.com' }).signature, base);
  assert.notEqual(signTc3({ ...example, secretKey: 'k'.repeat(32), timestamp: example.timestamp + 1 }).signature, base);
  assert.notEqual(signTc3({ ...example, secretKey: 'j'.repeat(32) }).signature, base);
});
