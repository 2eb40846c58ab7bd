import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { demoAdmin, demoBuyer, demoCompany, demoExporters } from '../../src/features/demo/demo-data.ts';

/** Text with characters text never holds is refused where it enters, the same on both engines. */
describe('text input: control characters and NUL', () => {
  let ta: TestApp;
  const db = () => ta.testDb.database.db;
  const tokens: Record<string, string> = {};
  const nanshan = { name: '李娜', phone: '13800138000', cityCode: '440300', districtCode: '440305', street: '科技园南区 1 栋 101' };

  before(async () => {
    ta = await createTestApp();
    tokens.buyer = await tokenFor(db(), demoBuyer.phone);
    tokens.admin = await tokenFor(db(), demoAdmin.email);
    tokens.exporter = await tokenFor(db(), demoExporters[0].member.email);
    tokens.importer = await tokenFor(db(), demoCompany.owner.email);
  });
  after(() => ta.close());

  test('NUL in a path parameter answers 400 naming the parameter (anonymous routes too)', async () => {
    for (const url of ['/api/store/pavilions/pak%00istan', '/api/store/products/%00', '/api/store/exporters/a%00b']) {
      const res = await ta.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      const body = res.json();
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.equal(body.error.details[0].rule, 'control_character');
      assert.match(body.error.details[0].field, /^params\./);
      assert.equal(body.error.details[0].message, 'must not contain control characters (such as NUL) or broken characters');
    }
    const zh = await ta.app.inject({ method: 'GET', url: '/api/store/products/%00', headers: { 'accept-language': 'zh-CN' } });
    assert.equal(zh.json().error.details[0].message, '不能包含控制字符（如 NUL）或无效字符');
  });

  test('NUL in the query answers 400 naming the field', async () => {
    const res = await ta.app.inject({ method: 'GET', url: '/api/store/search?q=%E6%A4%B0%00' });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]), [['querystring.q', 'control_character']]);
    const listing = await ta.app.inject({ method: 'GET', url: '/api/store/products?pavilion=pakistan%00' });
    assert.equal(listing.statusCode, 400, listing.body);
    assert.equal(listing.json().error.details[0].field, 'querystring.pavilion');
  });

  test('an address with NUL, a C0 control or a line break is refused and nothing is stored', async () => {
    for (const [street, rule] of [['科技园\u0000南区', 'control_character'], ['科技园\u0001南区', 'control_character'], ['科技园\u000B南区', 'control_character'], ['科技园\n南区', 'single_line'], ['科技园\t南区', 'single_line'], ['科技园\uD800南区', 'control_character']] as const) {
      const res = await ta.app.inject({ method: 'POST', url: '/api/store/addresses', headers: bearer(tokens.buyer!), payload: { ...nanshan, street } });
      assert.equal(res.statusCode, 400, `${JSON.stringify(street)}: ${res.body}`);
      assert.deepEqual(res.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]), [['body.street', rule]]);
    }
    const keys = await ta.app.inject({ method: 'POST', url: '/api/store/addresses', headers: bearer(tokens.buyer!), payload: { ...nanshan, ['x\u0000']: 1 } });
    assert.equal(keys.statusCode, 400);
    assert.equal(keys.json().error.details[0].field, 'body.x\u0000');
    assert.equal((await db().selectFrom('addresses').select('id').execute()).length, 0);
    // Ordinary text still passes.
    const ok = await ta.app.inject({ method: 'POST', url: '/api/store/addresses', headers: bearer(tokens.buyer!), payload: nanshan });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('multi-line text keeps its line breaks and tabs but refuses the other controls', async () => {
    const rfq = {
      pavilionId: null, descriptionEn: 'Blue pottery plates', categoryId: 'soaps-bath', quantity: 100, unit: 'piece', incoterm: 'FOB',
      destinationPort: 'Shanghai', deadline: new Date(ta.clock.now.getTime() + 7 * 86_400_000).toISOString(),
    };
    const post = (payload: object) => ta.app.inject({ method: 'POST', url: '/api/trade/rfqs', headers: bearer(tokens.importer!), payload });
    const bell = await post({ ...rfq, descriptionEn: 'Blue\u0007 pottery' });
    assert.equal(bell.statusCode, 400, bell.body);
    assert.deepEqual(bell.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]), [['body.descriptionEn', 'control_character']]);
    const port = await post({ ...rfq, destinationPort: 'Shang\nhai' });
    assert.equal(port.statusCode, 400, port.body);
    assert.deepEqual(port.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]), [['body.destinationPort', 'single_line']]);
    assert.equal((await db().selectFrom('rfqs').select('id').execute()).length, 0);
    const ok = await post({ ...rfq, descriptionEn: 'Plates:\n\t- 20 cm\r\n\t- 25 cm' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().descriptionEn, 'Plates:\n\t- 20 cm\r\n\t- 25 cm');
  });

  test('no route answers 500 to a NUL in its path parameters, whoever calls', async () => {
    const doc = (await ta.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.includes('{')) continue;
      const url = path.replace(/\{[^}]+\}/g, 'a%00b');
      for (const method of Object.keys(operations)) {
        for (const who of [undefined, 'buyer', 'admin', 'exporter', 'importer']) {
          const res = await ta.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: who ? bearer(tokens[who]!) : {},
            ...(['post', 'put', 'patch'].includes(method) ? { payload: {} } : {}),
          });
          assert.notEqual(res.statusCode, 500, `${method.toUpperCase()} ${url} as ${who ?? 'anonymous'}: ${res.body}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `checked ${checked} calls`);
  });
});
