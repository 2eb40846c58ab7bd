import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, test } from 'node:test';
import type { CreatePaymentInput, RefundInput } from './payment-provider.ts';
import {
  authorizationHeader,
  createPaymentProblems,
  decryptAeadAes256Gcm,
  encryptAeadAes256Gcm,
  formatRfc3339Beijing,
  parseAuthorizationHeader,
  paySignMessage,
  readSignedHeaders,
  refundProblems,
  requestSigningMessage,
  responseSigningMessage,
  signSha256WithRsa,
  timestampIsFresh,
  verifySha256WithRsa,
} from './wechat-pay.rules.ts';

/*
 * Vectors. The domain document publishes the signing STRINGS (a request and a paySign), not
 * signatures: WeChat's example key is not public. So the signatures below were made outside this
 * code, with the OpenSSL command line over the exact bytes of the published strings:
 *   printf 'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n' > req.txt
 *   openssl dgst -sha256 -sign key.pem req.txt | base64 -w0
 * with the throwaway test key below (generated for these vectors, used nowhere else).
 * SHA256withRSA PKCS#1 v1.5 is deterministic, so node:crypto must produce the same Base64, and a
 * second, hand-written RSA check (BigInt arithmetic, below) must accept it.
 */
const TEST_ONLY_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC29H2dKr65riXY
wh9OcU6846mHSE1p4Sr6I49k52jNOOyMLDO/5SK1kASpph+6Ls1/ip8iNGGSu68X
UdenXjtHP40BiPJc0Tdiqv+G3Jt45Nuw9uGBOWhl8I9Jwzgf+O3a8s8i++SQqjGq
fsCzlX1I+j3qTV6w9I2m6LNS74ylh8gsrPQISaHVUNCAYzn71fU45iy8E78YXO9S
PJ/tcYptvhUdzy/yD+d6l7b/TymaUQDuNmuLqyJIsWWfv0w94b98o8YTEL0DtgLf
DUV/L5hlpa9LLQXi8PWx3lQIv2DB764eWi5hwYO9x0Q0+CQW+OrPRJ7rXorRCmbc
q6no7PHnAgMBAAECggEAUN+er1z31kh+/mRBRoGb1q+kfuKdJdKdFtmlR2trzlv9
ZLEdZxQ41Z2GEiAXIkwSFvEGCy6wexZv/ZT2CUwEVChpgmYxDIqHOxxvvAPEzhoM
axuW73KbDYTbMjYTlz6IliKDIenLTY+OSNmjAT9xlFLaD7qHwx03iLKQona1621s
37z0heAKMDuFsQUWTHDIwEuCjkiMyXbvuJoVO9/c6mmLp0R3oQs1CdjceOFvFFLp
WyHgJxl/oQ8iImaWyNX+Oo5bE9Op774uHjw6FxJlV2eQ0hiUqutxtGHlKcUbf4kn
NKgnnZTW7kjuLk0rhnXvnqpqfy+sFhxnMtTr5lf4MQKBgQDYvOlRW5ooBXJLAv7k
aHu3pL5J6FIRN/63DlXC5WdLlvGgnaNliqjwocDVoLE0yKdfeLX16m+IDsbXORQd
KZ+EckEe7TICV+X/y3YnMZFKp+S4ekiy+Ach2RCk+vHGRvWdfRexUXXFOA/TL8+1
Et5NZa9i4LIdpcmVBTdOAbLZvQKBgQDYGOsZFFFPpAYg2jS+5VkHOSupIAsIQiPZ
/8W6JPY25rfmeDeJGtVaF4KlVcx9qqzQk3cQQ5EMEt5r9aiBNne4ATUqKN4zeXW4
NUXaWt6B99Ia+pa/lBUszIYgxJRiHTIZ1ueA0BEHSqu4SUt7TWaKEoXvzUrJerVv
bMbIEj7KcwKBgCO64Ovcogk+/JyJHeQhpWOc8RHWDtFv3bnnzxOWJfU8KRFFa45t
0XP59oRBPXVqLs16ZOTphQF1Diqk6j/0gKug+kNS7w+b1frZW90SOtWH4BjZb+qx
INvfoPLRu9HoGM2htaoxt6yPlWxHUYKUXbl8rfErAbIJhrXeakOd3BIxAoGBAMXO
mXVNidiS1iFAXEPZgJMCHBsl/7NBh7vHSuFHcDF1JCVNKdjQvTdIigh570Og9au/
MJ+smZspsnu0VNhiWVgPkvDSlAMeTUmfSh/ESiVCCgs0EsWu8WselDBugT0GaJQK
icL5snywN1vri7KEeTYuGngVvT2Mm4QxWAxP1zZNAoGAKJWjeyfN0zgUmeYXL9po
lTAbrDp+lQIjLZavHs5jCPhab2L1JCD/PkqDy+RF02bNc6ZVZlMJuNS4Q3odnPS4
M+L4bmZa1e/3FmqmhSPS5wwfzdFg3J6k3YHFS5pPFr+s8JCLe1R4PgRIpWf66gR5
DOG49kFzT52SE22U5fioBC4=
-----END PRIVATE KEY-----
`;

const PUBLISHED_REQUEST_SIGNING_STRING = 'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n';
const OPENSSL_REQUEST_SIGNATURE = 'ZaJxRjeqa2Ad/HnE4bC6jp7znijP+u/4EoBU2G7hDL5VgsEMQEEDslbyiygj8feqwDgBDuSBRRnnePXvINmSfDvCrPcyfGl5qC/EYGhkcYnUGhVjAfPW8AdsbGNtvf4SuDXfe7l2Am6GFIUO2YcaHqNKC5blfza2OsZ3x2cgYA7iKAvCOjtEM+HHPh7cnLiQWDQCqDleSVKg5tYYq8ijA/GGrGwbh14ltURZzCL3QOttAhzaPQuKAz6OMZsjHFsT7D5xxs1dLoj+V3Q3gKC1FpHuzbEqVbXc7jQfV+Yiy+q4WKnH/JI1tDWeghaoDzQ/b+NMgZyxhv3yYgGpWOP1Dg==';

const PUBLISHED_PAYSIGN_STRING = 'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n';
const OPENSSL_PAYSIGN = 'CVcV35A6WfKlroyEx19dQh5bTUq07CGL6UEQUKGOAGEVfKcZ8nK+m7wghwz6RvZlVJgFgPJG07IIVMmuTLJiAKlOpAj26xdqWliur8v3L1wSywz0X/8Cxfi59/QgVeMRljU8uAiTRvGkLmiU0bWM7AgW2NS22qq4Sedi2j8gZcPEudMGNVCCu9MdUUfK4oZo3w8A1T6+ZlES4asmSylF7wqiTkxiCGJQ2+hjRcMW2756c7PQ+NHsog0S5L3aLNdL/gjzviqh+2P4Pu2CIH4AjWLJuW+6nKiK/cZcrpTM9JkqD5pBC0g073l0IsEb2p6YsOJ2grt84yk+hqgxkEwM9Q==';

/**
 * RSASSA-PKCS1-v1_5 verification written out from RFC 8017 §8.2.2 with BigInt, sharing nothing with
 * node:crypto's RSA: s^e mod n must equal 0x00 01 FF…FF 00 ‖ DigestInfo(SHA-256) ‖ hash.
 */
function rfc8017Verify(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  const jwk = publicKey.export({ format: 'jwk' });
  const toBigInt = (b64url: string) => BigInt(`0x${Buffer.from(b64url, 'base64url').toString('hex')}`);
  const n = toBigInt(jwk.n!);
  const e = toBigInt(jwk.e!);
  const k = Buffer.from(jwk.n!, 'base64url').length;
  const s = BigInt(`0x${Buffer.from(signatureBase64, 'base64').toString('hex')}`);
  if (s >= n) return false;
  let m = 1n;
  for (let base = s % n, exp = e; exp > 0n; exp >>= 1n, base = (base * base) % n) if (exp & 1n) m = (m * base) % n;
  const em = Buffer.from(m.toString(16).padStart(k * 2, '0'), 'hex');
  const digestInfo = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  const t = Buffer.concat([digestInfo, createHash('sha256').update(message, 'utf8').digest()]);
  const expected = Buffer.concat([Buffer.from([0x00, 0x01]), Buffer.alloc(k - t.length - 3, 0xff), Buffer.from([0x00]), t]);
  return em.equals(expected);
}

describe('signing strings: the published examples', () => {
  test('the request signing string of the published GET /v3/certificates example', () => {
    assert.equal(
      requestSigningMessage({ method: 'GET', url: '/v3/certificates', timestamp: '1554208460', nonce: '593BEC0C930BF1AFEB40B4A08C8FB242', body: '' }),
      PUBLISHED_REQUEST_SIGNING_STRING,
    );
  });

  test('a POST signs its body, followed by a newline', () => {
    assert.equal(
      requestSigningMessage({ method: 'POST', url: '/v3/pay/transactions/jsapi', timestamp: '1554208460', nonce: 'N', body: '{"a":1}' }),
      'POST\n/v3/pay/transactions/jsapi\n1554208460\nN\n{"a":1}\n',
    );
  });

  test('the paySign string of the published wx.requestPayment example', () => {
    assert.equal(
      paySignMessage({ appId: 'wx8888888888888888', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100' }),
      PUBLISHED_PAYSIGN_STRING,
    );
  });

  test('the answer / notification string is TIMESTAMP\\nNONCE\\nBODY\\n, byte for byte', () => {
    const body = '{"id":"EV-2018","summary":"支付成功"}';
    assert.deepEqual(responseSigningMessage({ timestamp: '1554209980', nonce: 'c5ac7061fccab6bf3e254dcf98995b8c', body }), Buffer.from(`1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n${body}\n`));
    assert.deepEqual(responseSigningMessage({ timestamp: '1', nonce: 'n', body: Buffer.from(body) }), Buffer.from(`1\nn\n${body}\n`));
  });
});

describe('SHA256withRSA against signatures made by OpenSSL', () => {
  const privateKey = createPrivateKey(TEST_ONLY_KEY_PEM);
  const publicKey = createPublicKey(privateKey);

  test('node:crypto signs the published request string exactly as OpenSSL did', () => {
    assert.equal(signSha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING, privateKey), OPENSSL_REQUEST_SIGNATURE);
  });

  test('node:crypto signs the published paySign string exactly as OpenSSL did', () => {
    assert.equal(signSha256WithRsa(PUBLISHED_PAYSIGN_STRING, privateKey), OPENSSL_PAYSIGN);
  });

  test('the independent RFC 8017 check accepts both signatures and refuses a changed message', () => {
    assert.ok(rfc8017Verify(PUBLISHED_REQUEST_SIGNING_STRING, OPENSSL_REQUEST_SIGNATURE, publicKey));
    assert.ok(rfc8017Verify(PUBLISHED_PAYSIGN_STRING, OPENSSL_PAYSIGN, publicKey));
    assert.ok(!rfc8017Verify(PUBLISHED_PAYSIGN_STRING.replace('1414561699', '1414561700'), OPENSSL_PAYSIGN, publicKey));
  });

  test('verifySha256WithRsa accepts the OpenSSL signatures and refuses tampering, other keys and junk', () => {
    assert.ok(verifySha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING, OPENSSL_REQUEST_SIGNATURE, publicKey));
    assert.ok(!verifySha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING.replace('GET', 'PUT'), OPENSSL_REQUEST_SIGNATURE, publicKey));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    assert.ok(!verifySha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING, OPENSSL_REQUEST_SIGNATURE, other));
    assert.ok(!verifySha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING, `${OPENSSL_REQUEST_SIGNATURE}!`, publicKey), 'not Base64');
    assert.ok(!verifySha256WithRsa(PUBLISHED_REQUEST_SIGNING_STRING, '', publicKey));
  });

  test('a fresh signature by node:crypto passes the independent check (any message, any key)', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const message = 'POST\n/v3/refund/domestic/refunds\n1700000000\nABC\n{"reason":"退货"}\n';
    assert.ok(rfc8017Verify(message, signSha256WithRsa(message, pair.privateKey), pair.publicKey));
  });
});

describe('Authorization header', () => {
  const fields = { mchid: '1900009191', nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242', signature: 'uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmUgx9Ma6FmdJ/DVr2JjtwRlt9BZmFPhmGa8D3Pk9fV2ZBQ==', timestamp: '1554208460', serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C' };

  test('is WECHATPAY2-SHA256-RSA2048 followed by the five quoted fields', () => {
    assert.equal(
      authorizationHeader(fields),
      `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="${fields.signature}",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"`,
    );
  });

  test('reads back, with the fields in any order', () => {
    assert.deepEqual(parseAuthorizationHeader(authorizationHeader(fields)), fields);
    const shuffled = `WECHATPAY2-SHA256-RSA2048 serial_no="${fields.serial_no}", timestamp="${fields.timestamp}",signature="${fields.signature}",mchid="${fields.mchid}",nonce_str="${fields.nonce_str}"`;
    assert.deepEqual(parseAuthorizationHeader(shuffled), fields);
  });

  test('refuses another scheme, a missing, duplicated or unknown field', () => {
    assert.equal(parseAuthorizationHeader(authorizationHeader(fields).replace('WECHATPAY2-SHA256-RSA2048', 'Bearer')), null);
    assert.equal(parseAuthorizationHeader(authorizationHeader(fields).replace(/,serial_no="[^"]*"/, '')), null);
    assert.equal(parseAuthorizationHeader(`${authorizationHeader(fields)},mchid="1"`), null);
    assert.equal(parseAuthorizationHeader(`${authorizationHeader(fields)},extra="1"`), null);
  });
});

describe('AEAD_AES_256_GCM', () => {
  test('decrypts the GCM specification\'s test case 16 (256-bit key, with AAD), tag appended as WeChat does', () => {
    // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16.
    const key = Buffer.from('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308', 'hex');
    const nonce = Buffer.from('cafebabefacedbaddecaf888', 'hex');
    const associatedData = Buffer.from('feedfacedeadbeeffeedfacedeadbeefabaddad2', 'hex');
    const plaintext = 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39';
    const ciphertext = '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662';
    const tag = '76fc6ece0f4e1768cddf8853bb2d551b';
    const ciphertextWithTag = Buffer.from(ciphertext + tag, 'hex');
    assert.equal(decryptAeadAes256Gcm({ key, nonce, associatedData, ciphertextWithTag }).toString('hex'), plaintext);
    assert.equal(encryptAeadAes256Gcm({ key, nonce, associatedData, plaintext: Buffer.from(plaintext, 'hex') }).toString('hex'), ciphertext + tag);
  });

  const key = Buffer.from('0123456789abcdefghijklmnopqrstuv', 'utf8');
  const nonce = Buffer.from('fdasflkja484', 'utf8');
  const associatedData = Buffer.from('transaction', 'utf8');
  const sealed = encryptAeadAes256Gcm({ key, nonce, associatedData, plaintext: Buffer.from('{"out_trade_no":"PV20260001"}') });

  test('a changed tag, ciphertext, nonce, AAD or key does not decrypt', () => {
    const flip = (buffer: Buffer, at: number) => {
      const copy = Buffer.from(buffer);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    };
    assert.throws(() => decryptAeadAes256Gcm({ key, nonce, associatedData, ciphertextWithTag: flip(sealed, sealed.length - 1) }));
    assert.throws(() => decryptAeadAes256Gcm({ key, nonce, associatedData, ciphertextWithTag: flip(sealed, 0) }));
    assert.throws(() => decryptAeadAes256Gcm({ key, nonce: Buffer.from('fdasflkja485'), associatedData, ciphertextWithTag: sealed }));
    assert.throws(() => decryptAeadAes256Gcm({ key, nonce, associatedData: Buffer.from('refund'), ciphertextWithTag: sealed }));
    assert.throws(() => decryptAeadAes256Gcm({ key: Buffer.from('0123456789abcdefghijklmnopqrstuw'), nonce, associatedData, ciphertextWithTag: sealed }));
    assert.throws(() => decryptAeadAes256Gcm({ key, nonce, associatedData, ciphertextWithTag: sealed.subarray(0, 10) }), 'shorter than a tag');
    assert.equal(decryptAeadAes256Gcm({ key, nonce, associatedData, ciphertextWithTag: sealed }).toString(), '{"out_trade_no":"PV20260001"}');
  });
});

describe('signed headers and timestamps', () => {
  const good = { 'Wechatpay-Timestamp': '1554209980', 'wechatpay-nonce': 'c5ac7061fccab6bf3e254dcf98995b8c', 'WECHATPAY-SIGNATURE': 'abc=', 'Wechatpay-Serial': 'PUB_KEY_ID_0114232134912410000000000000' };

  test('are read whatever the case of the header names', () => {
    assert.deepEqual(readSignedHeaders(good), { timestamp: '1554209980', nonce: 'c5ac7061fccab6bf3e254dcf98995b8c', signature: 'abc=', serial: 'PUB_KEY_ID_0114232134912410000000000000' });
    assert.deepEqual(readSignedHeaders(new Headers(good)), readSignedHeaders(good));
  });

  test('a probe signature, a missing or doubled header, a non-numeric timestamp are refused', () => {
    assert.deepEqual(readSignedHeaders({ ...good, 'WECHATPAY-SIGNATURE': 'WECHATPAY/SIGNTEST/abc' }), { problem: 'probe' });
    assert.deepEqual(readSignedHeaders({ ...good, 'Wechatpay-Serial': undefined }), { problem: 'missing' });
    assert.deepEqual(readSignedHeaders({ ...good, 'WECHATPAY-SIGNATURE': ['a', 'b'] }), { problem: 'missing' });
    assert.deepEqual(readSignedHeaders({ ...good, 'Wechatpay-Timestamp': '1554209980.5' }), { problem: 'malformed-timestamp' });
  });

  test('five minutes either way is fresh, a second more is not', () => {
    const now = 1_554_209_980_000;
    assert.ok(timestampIsFresh('1554209980', now));
    assert.ok(timestampIsFresh(String(1_554_209_980 - 300), now));
    assert.ok(timestampIsFresh(String(1_554_209_980 + 300), now));
    assert.ok(!timestampIsFresh(String(1_554_209_980 - 301), now));
    assert.ok(!timestampIsFresh(String(1_554_209_980 + 301), now));
  });
});

describe('what we send', () => {
  test('time_expire is RFC 3339 in Beijing time, to the second', () => {
    assert.equal(formatRfc3339Beijing(new Date('2018-06-08T02:34:56.789Z')), '2018-06-08T10:34:56+08:00');
    assert.equal(formatRfc3339Beijing(new Date('2026-12-31T20:00:00Z')), '2027-01-01T04:00:00+08:00');
  });

  const now = Date.parse('2026-11-22T12:00:00Z');
  const payment: CreatePaymentInput = {
    outTradeNo: 'PV2026112200001',
    amount: { amount: 12_345, currency: 'CNY' },
    description: '木尔坦蓝陶 - 花瓶',
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    notifyUrl: 'https://pavilion.example/api/payments/wechat/notify',
    expiresAt: new Date(now + 30 * 60_000),
  };

  test('a proper JSAPI payment has no problem', () => {
    assert.deepEqual(createPaymentProblems(payment, now), []);
  });

  const bad: Array<[string, Partial<CreatePaymentInput>]> = [
    ['a 5-character out_trade_no', { outTradeNo: 'PV123' }],
    ['a 33-character out_trade_no', { outTradeNo: 'P'.repeat(33) }],
    ['an out_trade_no with a dot', { outTradeNo: 'PV.2026.0001' }],
    ['fractional fen', { amount: { amount: 123.45, currency: 'CNY' } }],
    ['zero fen', { amount: { amount: 0, currency: 'CNY' } }],
    ['another currency', { amount: { amount: 100, currency: 'PKR' } }],
    ['a 128-character description', { description: '陶'.repeat(128) }],
    ['an empty description', { description: '' }],
    ['an http notify URL', { notifyUrl: 'http://pavilion.example/notify' }],
    ['a notify URL with a query', { notifyUrl: 'https://pavilion.example/notify?order=1' }],
    ['an expiry in the past', { expiresAt: new Date(now - 1) }],
    ['no openid', { payerOpenid: '' }],
  ];
  for (const [name, change] of bad) {
    test(`${name} is refused before anything is sent`, () => {
      assert.equal(createPaymentProblems({ ...payment, ...change }, now).length, 1);
    });
  }

  test('a 127-character Chinese description is within the limit (characters, not bytes)', () => {
    assert.deepEqual(createPaymentProblems({ ...payment, description: '陶'.repeat(127) }, now), []);
  });

  const refund: RefundInput = { outTradeNo: 'PV2026112200001', outRefundNo: 'RF2026112200001', refund: { amount: 2_345, currency: 'CNY' }, total: { amount: 12_345, currency: 'CNY' }, reason: '商品破损' };

  test('a refund up to the total passes; more than the total, fractions or a long reason do not', () => {
    assert.deepEqual(refundProblems(refund), []);
    assert.deepEqual(refundProblems({ ...refund, refund: { amount: 12_345, currency: 'CNY' } }), []);
    assert.equal(refundProblems({ ...refund, refund: { amount: 12_346, currency: 'CNY' } }).length, 1);
    assert.equal(refundProblems({ ...refund, refund: { amount: 0.5, currency: 'CNY' } }).length, 1);
    assert.equal(refundProblems({ ...refund, reason: '坏'.repeat(81) }).length, 1);
    assert.equal(refundProblems({ ...refund, outRefundNo: '' }).length, 1);
  });
});
