import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Address } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { signUpBuyer } from '../support/buyers.ts';
import { demoBuyer } from '../../src/features/demo/demo-data.ts';

const nanshan = { name: '李娜', phone: '+86 138-0013-8000', provinceCode: '440000', cityCode: '440300', districtCode: '440305', street: '科技园南区 1 栋 101' };
const dongcheng = { name: '王芳', phone: '13912345678', cityCode: '110000', districtCode: '110101', street: '东华门大街 5 号' };

describe('address book', () => {
  let ta: TestApp;
  let buyer: string;
  const db = () => ta.testDb.database.db;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
    ta.app.inject({ method, url: `/api/store${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
  const list = async (token: string): Promise<Address[]> => {
    const res = await call('GET', '/addresses', token);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const rows = () => db().selectFrom('addresses').selectAll().orderBy('id').execute();

  before(async () => {
    ta = await createTestApp();
    buyer = await tokenFor(db(), demoBuyer.phone);
  });
  after(() => ta.close());

  test('divisions for the picker: provinces, a province’s cities, a city’s districts (public)', async () => {
    const provinces = await call('GET', '/divisions');
    assert.equal(provinces.statusCode, 200);
    const items = provinces.json().items as Array<{ code: string; name: string }>;
    assert.equal(items.length, 31, 'the 31 provincial divisions of the mainland');
    assert.ok(items.some((p) => p.code === '440000' && p.name === '广东省'));
    assert.ok(!items.some((p) => ['710000', '810000', '820000'].includes(p.code)), 'Taiwan, Hong Kong and Macao are outside the mainland customs territory');
    assert.ok((await call('GET', '/divisions?parent=440000')).json().items.some((c: { code: string; name: string }) => c.code === '440300' && c.name === '深圳市'));
    assert.ok((await call('GET', '/divisions?parent=440300')).json().items.some((d: { code: string; name: string }) => d.code === '440305' && d.name === '南山区'));
    assert.deepEqual((await call('GET', '/divisions?parent=440305')).json().items, [], 'a district has no children');
    const unknown = await call('GET', '/divisions?parent=990000');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.details[0].field, 'querystring.parent');
    assert.equal((await call('GET', '/divisions?parent=44')).statusCode, 400);
  });

  test('the first address is the default; codes are checked and the names stored', async () => {
    assert.deepEqual(await list(buyer), []);
    const res = await call('POST', '/addresses', buyer, nanshan);
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json() as Address;
    assert.deepEqual({ ...created, id: '' }, {
      id: '', name: '李娜', phone: '13800138000', provinceCode: '440000', cityCode: '440300', districtCode: '440305',
      provinceName: '广东省', cityName: '深圳市', districtName: '南山区', street: '科技园南区 1 栋 101', isDefault: true,
    });

    // A municipality: the city may be given as the municipality itself; the name is what people write.
    ta.clock.advance(1000);
    const beijing = await call('POST', '/addresses', buyer, dongcheng);
    assert.equal(beijing.statusCode, 201, beijing.body);
    assert.deepEqual([beijing.json().provinceName, beijing.json().cityCode, beijing.json().cityName, beijing.json().districtName], ['北京市', '110100', '北京市', '东城区']);
    assert.equal(beijing.json().isDefault, false, 'the second is not the default unless asked');
    assert.deepEqual((await list(buyer)).map((a) => a.isDefault), [true, false], 'the default first');
  });

  test('a district outside the city, an unknown district, a bad phone: 400 naming the field, nothing changed', async () => {
    const before = await rows();
    const cases: Array<[object, string, string]> = [
      [{ ...nanshan, cityCode: '440100' }, 'body.cityCode', 'china_division_mismatch'],
      [{ ...nanshan, provinceCode: '450000' }, 'body.provinceCode', 'china_division_mismatch'],
      [{ ...nanshan, districtCode: '440399' }, 'body.districtCode', 'china_division'],
      [{ ...nanshan, phone: '12345' }, 'body.phone', 'invalid_format'],
      [{ ...nanshan, street: '  ' }, 'body.street', 'too_small'],
      [{ ...nanshan, extra: 1 }, 'body.extra', 'unrecognized_key'],
    ];
    for (const [payload, field, rule] of cases) {
      const res = await call('POST', '/addresses', buyer, payload);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.equal(res.json().error.details[0].field, field, res.body);
      if (rule.startsWith('china')) assert.equal(res.json().error.details[0].rule, rule);
    }
    const [first] = await list(buyer);
    assert.ok(first);
    const update = await call('PUT', `/addresses/${first.id}`, buyer, { ...nanshan, districtCode: '110101' });
    assert.equal(update.statusCode, 400);
    assert.deepEqual(update.json().error.details.map((d: { field: string }) => d.field), ['body.provinceCode', 'body.cityCode']);
    assert.deepEqual(await rows(), before);
  });

  test('one default: choosing another clears the old one; deleting the default hands it to the newest left', async () => {
    const [home, office] = await list(buyer);
    assert.ok(home?.isDefault && office && !office.isDefault);
    const moved = await call('PUT', `/addresses/${office.id}`, buyer, { ...dongcheng, street: '东华门大街 6 号', isDefault: true });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().street, '东华门大街 6 号');
    const after = await list(buyer);
    assert.deepEqual(after.map((a) => [a.id, a.isDefault]), [[office.id, true], [home.id, false]]);

    // Saying isDefault false on the default keeps it: the book always has one.
    await call('PUT', `/addresses/${office.id}`, buyer, { ...dongcheng, isDefault: false });
    assert.equal((await list(buyer)).filter((a) => a.isDefault).length, 1);

    // A new default through POST.
    ta.clock.advance(1000);
    const third = (await call('POST', '/addresses', buyer, { ...nanshan, street: '深南大道 1 号', isDefault: true })).json() as Address;
    assert.deepEqual((await list(buyer)).filter((a) => a.isDefault).map((a) => a.id), [third.id]);

    // Delete the default: the newest address left (office, added after home) takes over.
    assert.equal((await call('DELETE', `/addresses/${third.id}`, buyer)).statusCode, 204);
    const left = await list(buyer);
    assert.deepEqual(left.map((a) => [a.id, a.isDefault]), [[office.id, true], [home.id, false]]);
    assert.equal((await call('DELETE', `/addresses/${third.id}`, buyer)).statusCode, 404);
  });

  test('another buyer’s address is not found, and stays as it was', async () => {
    const other = await signUpBuyer(ta, '13600001111');
    const [mine] = await list(buyer);
    assert.ok(mine);
    const before = await rows();
    assert.equal((await call('PUT', `/addresses/${mine.id}`, other, { ...nanshan, name: '别人' })).statusCode, 404);
    assert.equal((await call('DELETE', `/addresses/${mine.id}`, other)).statusCode, 404);
    assert.deepEqual(await list(other), []);
    assert.deepEqual(await rows(), before);
    // Their first address is their default; mine is untouched.
    assert.equal((await call('POST', '/addresses', other, nanshan)).json().isDefault, true);
    assert.equal((await list(buyer)).filter((a) => a.isDefault).length, 1);
  });
});
