import type { Address } from '@pavilion/contracts';
import type { AddressInput } from '../checkout/buying-api.ts';

/** GB/T 2260 names a municipality's prefecture level 市辖区 or 县: not written on an address. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** 北京市 · 市辖区 · 东城区 → 北京市东城区; as a parcel is addressed. */
export function divisionLabel(names: readonly string[]): string {
  return names.filter((name, index) => name !== '' && !PLACEHOLDERS.has(name) && name !== names[index - 1]).join('');
}

/** 广东省深圳市南山区 科技园路1号: the region as written on a parcel, then the street. */
export function addressLine(address: Address): string {
  return `${divisionLabel([address.provinceName, address.cityName, address.districtName])} ${address.street}`;
}

/** A saved address as the request that would save it again (to change one thing, such as the default). */
export function addressToInput(address: Address): AddressInput {
  return {
    name: address.name,
    phone: address.phone,
    provinceCode: address.provinceCode,
    cityCode: address.cityCode,
    districtCode: address.districtCode,
    street: address.street,
    isDefault: address.isDefault,
  };
}
