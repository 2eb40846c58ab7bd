import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalRequest, EMPTY_SHA256, signatureOf } from './s3-server.ts';

/**
 * The test S3 server's signature check against AWS's published Signature V4 examples: if it
 * computes these, a client it accepts signs as AWS, OSS, COS and MinIO expect.
 */

// The S3 documentation's examples ("Signature calculations for the Authorization header: transferring payload in a single chunk").
const s3Example = { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', datetime: '20130524T000000Z', region: 'us-east-1', service: 's3' };
const s3Host = 'examplebucket.s3.amazonaws.com';

test('SigV4: the S3 documentation examples (GET object with a range, PUT object, GET bucket lifecycle, list objects)', () => {
  const cases: Array<{ name: string; method: string; path: string; query: string; headers: Record<string, string>; signature: string }> = [
    {
      name: 'GET object',
      method: 'GET', path: '/test.txt', query: '',
      headers: { host: s3Host, range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': s3Example.datetime },
      signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    },
    {
      name: 'PUT object (a $ in the key, a Date and a storage class header signed)',
      method: 'PUT', path: '/test%24file.text', query: '',
      headers: {
        date: 'Fri, 24 May 2013 00:00:00 GMT', host: s3Host,
        'x-amz-content-sha256': createHash('sha256').update('Welcome to Amazon S3.').digest('hex'),
        'x-amz-date': s3Example.datetime, 'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      },
      signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    },
    {
      name: 'GET bucket lifecycle (a query key without value)',
      method: 'GET', path: '/', query: 'lifecycle',
      headers: { host: s3Host, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': s3Example.datetime },
      signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    },
    {
      name: 'GET bucket (query parameters sorted)',
      method: 'GET', path: '/', query: 'prefix=J&max-keys=2',
      headers: { host: s3Host, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': s3Example.datetime },
      signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    },
  ];
  for (const c of cases) {
    const signedHeaders = Object.keys(c.headers).sort();
    const canonical = canonicalRequest({ method: c.method, path: c.path, query: c.query, headers: c.headers, signedHeaders, payloadHash: c.headers['x-amz-content-sha256']! });
    assert.equal(signatureOf({ ...s3Example, canonicalRequest: canonical }), c.signature, c.name);
  }
});

test('SigV4: the general test suite\'s get-vanilla', () => {
  const headers = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
  const canonical = canonicalRequest({ method: 'GET', path: '/', query: '', headers, signedHeaders: ['host', 'x-amz-date'], payloadHash: EMPTY_SHA256 });
  assert.equal(canonical, 'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n' + EMPTY_SHA256);
  const signature = signatureOf({ canonicalRequest: canonical, datetime: '20150830T123600Z', region: 'us-east-1', service: 'service', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
  assert.equal(signature, '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
});
