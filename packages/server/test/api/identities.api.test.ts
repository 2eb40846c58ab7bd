import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IDENTITY_CONSENT_VERSION } from '@pavilion/contracts';
import { dumpDatabase } from '../support/db-dump.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { demoBuyer } from '../../src/features/demo/demo-data.ts';
import { parseIdentityKeys } from '../../src/features/identities/identity-crypto.ts';
import { unsealIdentityForDeclaration } from '../../src/features/identities/identity-sealing.ts';
import { IdentityService } from '../../src/features/identities/identity.service.ts';

/** GB 11643-1999: the 18th character from the first 17 (ISO 7064 MOD 11-2). */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  return first17 + '10X98765432'[sum % 11];
}
/** The first number of this region and birth date whose check character is X (or is not). */
function idNumber(options: { endsInX: boolean; from?: number }): string {
  for (let seq = options.from ?? 100; seq < 1000; seq++) {
    const id = withCheckDigit(`11010519880214${seq}`);
    if (id.endsWith('X') === options.endsInX) return id;
  }
  throw new Error('no such number');
}

const NAME = '张三';
const ID = idNumber({ endsInX: false });
const ID_X = idNumber({ endsInX: true });

describe('real-name identities', () => {
  let ta: TestApp;
  let buyer: string;
  const db = () => ta.testDb.database.db;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    ta.app.inject({ method, url: `/api/store${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
  const identityRows = () => db().selectFrom('buyer_identities').selectAll().orderBy('id').execute();


  before(async () => {
    ta = await createTestApp();
    buyer = await tokenFor(db(), demoBuyer.phone);
  });
  after(() => ta.close());

  test('no identity without the separate consent; the consent is recorded with its version and time', async () => {
    assert.deepEqual((await call('GET', '/identities', buyer)).json(), { items: [], consent: null });
    const refused = await call('POST', '/identities', buyer, { name: NAME, idNumber: ID });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'CONSENT_REQUIRED');
    assert.deepEqual(await identityRows(), []);

    const stale = await call('POST', '/identities/consent', buyer, { textVersion: '2020-01-01' });
    assert.equal(stale.statusCode, 400);
    assert.equal(stale.json().error.details[0].field, 'body.textVersion');

    const consent = await call('POST', '/identities/consent', buyer, { textVersion: IDENTITY_CONSENT_VERSION });
    assert.equal(consent.statusCode, 201, consent.body);
    assert.deepEqual(consent.json(), { textVersion: IDENTITY_CONSENT_VERSION, acceptedAt: ta.clock.now.toISOString() });
    assert.deepEqual((await call('GET', '/identities', buyer)).json().consent, consent.json());
    const stored = await db().selectFrom('identity_consents').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.text_version, IDENTITY_CONSENT_VERSION);
  });

  test('check digits are verified (X included); the answer is masked only', async () => {
    const wrong = `${ID.slice(0, 17)}${ID.endsWith('1') ? '2' : '1'}`;
    for (const [idNumber, label] of [[wrong, 'wrong check digit'], [`${ID_X.slice(0, 17)}0`, 'X expected'], ['11010519880230123X', 'no 30 February'], ['1101051988021', 'too short']] as const) {
      const res = await call('POST', '/identities', buyer, { name: NAME, idNumber });
      assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
      assert.equal(res.json().error.details[0].field, 'body.idNumber', label);
      assert.ok(!res.body.includes(idNumber), 'the number is not echoed back');
    }
    const badName = await call('POST', '/identities', buyer, { name: 'Zhang San', idNumber: ID });
    assert.equal(badName.statusCode, 400);
    assert.equal(badName.json().error.details[0].field, 'body.name');
    assert.deepEqual(await identityRows(), []);

    const created = await call('POST', '/identities', buyer, { name: NAME, idNumber: ID });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(Object.keys(created.json()).sort(), ['createdAt', 'id', 'idNumberMasked', 'nameMasked']);
    assert.equal(created.json().nameMasked, '张*');
    assert.equal(created.json().idNumberMasked, `110105********${ID.slice(14)}`);

    // A final x is the same as X.
    ta.clock.advance(1000);
    const withX = await call('POST', '/identities', buyer, { name: '欧阳娜娜', idNumber: ID_X.toLowerCase() });
    assert.equal(withX.statusCode, 201, withX.body);
    assert.equal(withX.json().idNumberMasked, `110105********${ID_X.slice(14)}`);
    assert.ok(withX.json().idNumberMasked.endsWith('X'));
    assert.equal(withX.json().nameMasked, '欧阳**');

    const list = (await call('GET', '/identities', buyer)).json();
    assert.deepEqual(list.items.map((i: { nameMasked: string }) => i.nameMasked), ['张*', '欧阳**']);
    assert.ok(!JSON.stringify(list).includes(ID) && !JSON.stringify(list).includes(NAME));
  });

  test('the same ID number twice for one buyer is 409 ALREADY_EXISTS; another buyer may save it', async () => {
    const before = await identityRows();
    const again = await call('POST', '/identities', buyer, { name: '张四', idNumber: ` ${ID} ` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'ALREADY_EXISTS');
    assert.equal(again.json().error.details[0].field, 'body.idNumber');
    const againX = await call('POST', '/identities', buyer, { name: '欧阳娜娜', idNumber: ID_X });
    assert.equal(againX.json().error.code, 'ALREADY_EXISTS', 'x and X are the same number');
    assert.deepEqual(await identityRows(), before);

    const other = await signUpBuyer(ta, '13500001111');
    await call('POST', '/identities/consent', other, { textVersion: IDENTITY_CONSENT_VERSION });
    assert.equal((await call('POST', '/identities', other, { name: NAME, idNumber: ID })).statusCode, 201);
    const rows = await identityRows();
    assert.equal(rows.length, 3);
    assert.equal(new Set(rows.map((r) => r.id_hash)).size, 2, 'the same number gives the same look-up hash');
  });

  test('neither the clear ID number nor the name is anywhere in the database (nor in the logs); the sealed values open with the key', async () => {
    const rows = await identityRows();
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        for (const secret of [ID, ID_X, ID_X.toLowerCase(), NAME, '欧阳娜娜', ID.slice(6, 14)]) {
          assert.ok(!value.includes(secret), `buyer_identities.${column} holds ${secret}`);
        }
      }
    }
    const dump = await dumpDatabase(db());
    assert.ok(dump.includes('buyer_identities: [{'), 'the dump holds the identities table');
    for (const secret of [ID, ID_X, ID_X.toLowerCase(), NAME, '欧阳娜娜']) assert.ok(!dump.includes(secret), `the database holds ${secret}`);
    for (const secret of [ID, ID_X, NAME]) assert.ok(!ta.logs.text.includes(secret), `the log holds ${secret}`);

    // The customs declaration can open them, with the configured keys and nothing else.
    const { keyRing } = parseIdentityKeys(ta.config.identityKeys);
    const mine = rows.filter((r) => r.name_masked === '张*');
    assert.ok(mine.length > 0);
    for (const row of mine) {
      assert.deepEqual(unsealIdentityForDeclaration({ nameSealed: row.name_sealed, idNumberSealed: row.id_number_sealed }, keyRing), { name: NAME, idNumber: ID });
      assert.match(row.id_number_sealed, /^v1\.dev\./);
    }
    const otherKeys = parseIdentityKeys({ currentKeyId: 'dev', keys: { dev: Buffer.alloc(32, 7).toString('base64') }, lookupKey: Buffer.alloc(32, 8).toString('base64') });
    assert.throws(() => unsealIdentityForDeclaration({ nameSealed: mine[0]?.name_sealed ?? '', idNumberSealed: mine[0]?.id_number_sealed ?? '' }, otherKeys.keyRing), /cannot be decrypted/);
  });

  test('forOrder gives the buyer’s own identity, sealed and masked; delete is soft, erases the sealed values, and is the owner’s only', async () => {
    const service = new IdentityService({ db: db(), clock: () => ta.clock.now, keys: parseIdentityKeys(ta.config.identityKeys) });
    const buyerId = (await db().selectFrom('users').select('id').where('phone', '=', demoBuyer.phone).executeTakeFirstOrThrow()).id;
    const [first] = (await call('GET', '/identities', buyer)).json().items as Array<{ id: string }>;
    assert.ok(first);
    const forOrder = await db().transaction().execute((trx) => service.forOrder(trx, buyerId, first.id));
    assert.ok(forOrder);
    assert.deepEqual(Object.keys(forOrder).sort(), ['id', 'idHash', 'idNumberMasked', 'idNumberSealed', 'nameMasked', 'nameSealed']);
    assert.equal(forOrder.nameMasked, '张*');
    const other = await tokenFor(db(), '13500001111');
    const otherId = (await db().selectFrom('users').select('id').where('phone', '=', '13500001111').executeTakeFirstOrThrow()).id;
    assert.equal(await db().transaction().execute((trx) => service.forOrder(trx, otherId, first.id)), null, 'not another buyer’s');

    const before = await identityRows();
    assert.equal((await call('DELETE', `/identities/${first.id}`, other)).statusCode, 404);
    assert.deepEqual(await identityRows(), before);

    assert.equal((await call('DELETE', `/identities/${first.id}`, buyer)).statusCode, 204);
    assert.ok(!(await call('GET', '/identities', buyer)).json().items.some((i: { id: string }) => i.id === first.id));
    const row = await db().selectFrom('buyer_identities').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.equal(row.deleted_at, ta.clock.now.toISOString());
    assert.equal(row.name_sealed, '');
    assert.equal(row.id_number_sealed, '');
    assert.equal(await db().transaction().execute((trx) => service.forOrder(trx, buyerId, first.id)), null, 'a deleted identity is not used for orders');
    assert.equal((await call('DELETE', `/identities/${first.id}`, buyer)).statusCode, 404);
    // Saved again after deletion: a new identity.
    const again = await call('POST', '/identities', buyer, { name: NAME, idNumber: ID });
    assert.equal(again.statusCode, 201);
    assert.notEqual(again.json().id, first.id);
  });

  test("the refusals of a saved ID number and of one identity too many are in the caller's language", async () => {
    const someone = await signUpBuyer(ta, '13500002222');
    await call('POST', '/identities/consent', someone, { textVersion: IDENTITY_CONSENT_VERSION });
    const post = (payload: object, language: string) =>
      ta.app.inject({ method: 'POST', url: '/api/store/identities', headers: { ...bearer(someone), 'accept-language': language }, payload });
    const numbers = [0, 1, 2, 3, 4, 5].map((i) => withCheckDigit(`11010519900101${String(200 + i)}`));
    assert.equal((await post({ name: NAME, idNumber: numbers[0] }, 'zh-CN')).statusCode, 201);
    const twice = await post({ name: NAME, idNumber: numbers[0] }, 'zh-CN');
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.message, '该身份证号已保存。');
    assert.deepEqual(twice.json().error.details, [{ field: 'body.idNumber', rule: 'unique', message: '该身份证号已保存' }]);
    assert.equal((await post({ name: NAME, idNumber: numbers[0] }, 'en')).json().error.details[0].message, 'this ID number is already saved');
    for (const n of numbers.slice(1, 5)) assert.equal((await post({ name: NAME, idNumber: n }, 'zh-CN')).statusCode, 201);
    const sixth = await post({ name: NAME, idNumber: numbers[5] }, 'zh-CN');
    assert.equal(sixth.statusCode, 400);
    assert.deepEqual(sixth.json().error.details, [{ field: 'body', rule: 'identity_limit', message: '最多可保存 5 个实名身份' }]);
    assert.equal((await post({ name: NAME, idNumber: numbers[5] }, 'en')).json().error.details[0].message, 'at most 5 identities may be saved');
  });
});
