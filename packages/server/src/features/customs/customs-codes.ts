/**
 * Customs code tables (海关 JGS-20 参数代码表) as data, taken from the customs message notes the
 * project works from; check them against the official tables when a deployment gets them. Nothing
 * here is computed: a code missing from a table is a validation error naming the field, never a guess.
 */

/** ISO 4217 → customs currency code. FJD, WST, TOP, VUV, PGK and SBD have none: declarations are in CNY anyway. */
export const customsCurrencyCodes: Readonly<Record<string, string>> = {
  CNY: '142',
  USD: '502',
  AUD: '601',
  NZD: '609',
  PKR: '127',
};

/** ISO 3166-1 alpha-2 country of origin → customs country code (C3). */
export const customsCountryCodes: Readonly<Record<string, string>> = {
  CN: '142',
  PK: '127',
  FJ: '603',
  VU: '608',
  PG: '611',
  SB: '613',
  TO: '614',
  WS: '617',
  AU: '601',
  NZ: '609',
};

/** Customs units of measure (计量单位) Pavilion's goods are declared in: code → Chinese name. */
export const customsUnits: Readonly<Record<string, string>> = {
  '007': '个',
  '011': '件',
  '035': '千克',
  '036': '克',
  '120': '箱',
  '122': '罐',
  '125': '包',
  '136': '袋',
  '140': '盒',
  '142': '瓶',
};

/**
 * The unit a line is declared in when nobody chose one: 件 (piece). Products carry no customs unit
 * of their own yet, and every Pavilion order line is sold by the piece; an operator can correct the
 * unit of a line before resending (the correction is kept with the order's declaration data).
 */
export const DEFAULT_CUSTOMS_UNIT = '011';

/** The buyer's ID type in CEB311 (buyerIdType): 1 = resident identity card (居民身份证), the only one Pavilion accepts. */
export const BUYER_ID_TYPE_RESIDENT_CARD = '1';
