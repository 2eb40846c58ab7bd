import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkChinaAddress,
  findChinaDistrict,
  listChinaCities,
  listChinaDistricts,
  listChinaProvinces,
  normaliseMainlandMobile,
} from './china-address.rules.ts';

test('a district code gives the whole address, names included', () => {
  const cases: Array<[string, string, string, string]> = [
    // district, province, city (GB/T 2260), label on the parcel
    ['440305', '440000', '440300', '广东省深圳市南山区'],
    ['110101', '110000', '110100', '北京市东城区'], // municipality: 110100 市辖区
    ['310115', '310000', '310100', '上海市浦东新区'],
    ['500229', '500000', '500200', '重庆市城口县'], // Chongqing's counties sit under 500200 县
    ['419001', '410000', '419000', '河南省济源市'], // directly administered county-level city
    ['441900', '440000', '441900', '广东省东莞市'], // a prefecture-level city without districts
    ['654002', '650000', '654000', '新疆维吾尔自治区伊犁哈萨克自治州伊宁市'],
  ];
  for (const [district, province, city, label] of cases) {
    const found = findChinaDistrict(district);
    assert.deepEqual([found?.province.code, found?.city.code, found?.label], [province, city, label], district);
  }
  const beijing = findChinaDistrict('110105');
  assert.deepEqual(beijing?.city, { code: '110100', name: '市辖区', displayName: '北京市' });
  assert.equal(beijing?.district.name, '朝阳区');
  assert.equal(findChinaDistrict('419001')?.city.displayName, '济源市');
});

test('the triple must nest: district in city in province', () => {
  const ok = checkChinaAddress({ provinceCode: '440000', cityCode: '440300', districtCode: '440305' });
  assert.equal(ok.ok && ok.divisions.district.name, '南山区');
  assert.equal(checkChinaAddress({ districtCode: '440305' }).ok, true, 'province and city may be derived');

  const wrongCity = checkChinaAddress({ provinceCode: '440000', cityCode: '440100', districtCode: '440305' });
  assert.deepEqual(wrongCity.ok ? [] : wrongCity.issues.map((i) => i.field), ['body.consignee.cityCode']);
  const wrongBoth = checkChinaAddress({ provinceCode: '110000', cityCode: '110100', districtCode: '440305' });
  assert.deepEqual(wrongBoth.ok ? [] : wrongBoth.issues.map((i) => i.field), ['body.consignee.provinceCode', 'body.consignee.cityCode']);
  const unknown = checkChinaAddress({ districtCode: '449999' }, 'body.address');
  assert.deepEqual(unknown.ok ? [] : unknown.issues.map((i) => [i.field, i.rule]), [['body.address.districtCode', 'china_division']]);
});

test('municipalities: the city may be given as GB/T 2260 does or as the municipality itself', () => {
  assert.equal(checkChinaAddress({ provinceCode: '110000', cityCode: '110100', districtCode: '110101' }).ok, true);
  assert.equal(checkChinaAddress({ provinceCode: '110000', cityCode: '110000', districtCode: '110101' }).ok, true);
  assert.equal(checkChinaAddress({ provinceCode: '500000', cityCode: '500200', districtCode: '500229' }).ok, true);
  assert.equal(checkChinaAddress({ provinceCode: '500000', cityCode: '500100', districtCode: '500229' }).ok, false, 'a county is not under 市辖区');
  assert.equal(checkChinaAddress({ provinceCode: '440000', cityCode: '440000', districtCode: '440305' }).ok, false, 'only municipalities');
});

test('outside the mainland customs territory, or not a district, is refused', () => {
  for (const code of ['810000', '820000', '710000', '110000', '440300', '000000', '12345', '4403051']) {
    assert.equal(findChinaDistrict(code), null, code);
  }
});

test('the lists for an address picker', () => {
  const provinces = listChinaProvinces();
  assert.equal(provinces.length, 31, '22 provinces, 5 autonomous regions, 4 municipalities');
  assert.deepEqual(provinces[0], { code: '110000', name: '北京市' });
  assert.ok(listChinaCities('440000').some((c) => c.code === '440300' && c.name === '深圳市'));
  assert.ok(listChinaDistricts('440300').some((d) => d.code === '440305' && d.name === '南山区'));
  assert.ok(listChinaDistricts('110100').length >= 16, 'Beijing has 16 districts');
});

test('consignee phones: the sign-in rule, normalised', () => {
  assert.equal(normaliseMainlandMobile('13812345678'), '13812345678');
  assert.equal(normaliseMainlandMobile('+86 138-1234-5678'), '13812345678');
  assert.equal(normaliseMainlandMobile('8613812345678'), '13812345678');
  for (const bad of ['12812345678', '1381234567', '138123456789', '010-12345678', '']) assert.equal(normaliseMainlandMobile(bad), null, bad);
});
