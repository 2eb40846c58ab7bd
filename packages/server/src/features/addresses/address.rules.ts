import type { z } from 'zod';
import type { Address, addressInputSchema, ValidationIssue } from '@pavilion/contracts';
import type { Selectable } from 'kysely';
import type { AddressesTable } from './address.table.ts';
import { checkChinaAddress } from './china-address.rules.ts';

export type AddressInput = z.output<typeof addressInputSchema>;
export type AddressRow = Selectable<AddressesTable>;

/** Addresses one buyer may keep: plenty for family and offices, bounded all the same. */
export const ADDRESS_BOOK_LIMIT = 30;

/** The columns an address is stored with: codes checked against the division dataset, and their names. */
export type AddressValues = Pick<AddressesTable, 'name' | 'phone' | 'province_code' | 'city_code' | 'district_code' | 'province_name' | 'city_name' | 'district_name' | 'street'>;

/**
 * Checks the province / city / district against GB/T 2260 (the district inside the city inside the
 * province; the province and city may be left out and are derived) and gives the values to store:
 * the dataset's codes, and the names as written on a parcel (北京市 for a municipality's 市辖区).
 */
export function resolveAddress(input: AddressInput): { ok: true; values: AddressValues } | { ok: false; issues: ValidationIssue[] } {
  const check = checkChinaAddress(input, 'body');
  if (!check.ok) return check;
  const { province, city, district } = check.divisions;
  return {
    ok: true,
    values: {
      name: input.name,
      phone: input.phone,
      province_code: province.code,
      city_code: city.code,
      district_code: district.code,
      province_name: province.name,
      city_name: city.displayName,
      district_name: district.name,
      street: input.street,
    },
  };
}

export const toAddress = (r: AddressRow): Address => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  provinceCode: r.province_code,
  cityCode: r.city_code,
  districtCode: r.district_code,
  provinceName: r.province_name,
  cityName: r.city_name,
  districtName: r.district_name,
  street: r.street,
  isDefault: r.is_default === 1,
});
