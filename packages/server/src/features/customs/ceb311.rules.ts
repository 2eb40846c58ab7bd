import { XMLBuilder, XMLValidator } from 'fast-xml-parser';
import { isCleanText } from '@pavilion/contracts';
import { BUYER_ID_TYPE_RESIDENT_CARD, customsCountryCodes, customsCurrencyCodes, customsUnits } from './customs-codes.ts';

/**
 * The order message of China's cross-border retail import (CEB311, 海关总署公告2018年第194号,
 * 跨境电子商务零售进出口商品有关监管事宜; message format 海关跨境电子商务进口统一版信息化系统企业接入报文规范):
 * pure functions, no database. `buildCeb311` turns an order's declaration data into the exact bytes
 * customs receives (unsigned: the deployment's customs client signs it); `validateCeb311` says, field
 * by field, why a message may not leave. Amounts come in as integer fen and are written as decimal
 * strings by integer arithmetic, never through floating point.
 *
 * XML library: fast-xml-parser (XMLBuilder to write CEB311, XMLParser to read CEB312 receipts): one
 * small, dependency-free, widely used package doing both directions; elements come out in the
 * insertion order of the object given, which is how the specified element order is kept, and text
 * is escaped by the library (never by string concatenation).
 */

export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** 1 new, 2 change, 3 delete (Pavilion sends 1 and 2). */
export type AppType = '1' | '2';

export interface Ceb311Line {
  /** 1, 2, 3, … in order. */
  gnum: number;
  /** The SKU. */
  itemNo: string;
  /** Chinese item name. */
  itemName: string;
  /** Specification (options), optional. */
  gmodel?: string;
  barCode?: string;
  /** Customs unit code (C3), see customsUnits. */
  unit: string;
  qty: number;
  /** Unit price in fen (0 for a gift). */
  priceFen: number;
  /** Must equal priceFen × qty. */
  totalPriceFen: number;
  /** Customs country code of origin (C3), see customsCountryCodes. */
  country: string;
  /** The ISO country the product names as its origin (not written): says which one has no customs code. */
  originIso?: string;
  note?: string;
}

export interface Ceb311Input {
  /** 36-character upper-case UUID; also the file's name. */
  guid: string;
  appType: AppType;
  appTime: Date;
  head: {
    orderNo: string;
    ebpCode: string;
    ebpName: string;
    ebcCode: string;
    ebcName: string;
    goodsValueFen: number;
    freightFen: number;
    /** Non-cash discounts only (points, platform coupons). */
    discountFen: number;
    taxTotalFen: number;
    /** = goodsValue + freight + taxTotal − discount. */
    acturalPaidFen: number;
    /** ISO currency of the amounts: always CNY for customs. */
    currency: string;
    buyerRegNo: string;
    buyerName: string;
    buyerTelephone: string;
    buyerIdNumber: string;
    payCode?: string;
    payName?: string;
    payTransactionId?: string;
    consignee: string;
    consigneeTelephone: string;
    consigneeAddress: string;
    consigneeDistrict?: string;
    note?: string;
  };
  lines: Ceb311Line[];
  transfer: { copCode: string; copName: string; dxpId: string; note?: string };
}

/** Integer fen → "123.45" (N19,5 allows up to 5 decimals; fen need 2). */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** YYYYMMDDhhmmss in China time (UTC+8, no daylight saving), as customs' appTime wants it. */
export function chinaAppTime(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(china.getUTCFullYear(), 4)}${p(china.getUTCMonth() + 1)}${p(china.getUTCDate())}${p(china.getUTCHours())}${p(china.getUTCMinutes())}${p(china.getUTCSeconds())}`;
}

/** The element values of the message, in element order, as strings: what is written and what is validated. */
export function ceb311Fields(input: Ceb311Input) {
  const h = input.head;
  const currency = customsCurrencyCodes[h.currency] ?? '';
  const head: Array<[string, string | undefined]> = [
    ['guid', input.guid],
    ['appType', input.appType],
    ['appTime', chinaAppTime(input.appTime)],
    ['appStatus', '2'],
    ['orderType', 'I'],
    ['orderNo', h.orderNo],
    ['ebpCode', h.ebpCode],
    ['ebpName', h.ebpName],
    ['ebcCode', h.ebcCode],
    ['ebcName', h.ebcName],
    ['goodsValue', formatFen(h.goodsValueFen)],
    ['freight', formatFen(h.freightFen)],
    ['discount', formatFen(h.discountFen)],
    ['taxTotal', formatFen(h.taxTotalFen)],
    ['acturalPaid', formatFen(h.acturalPaidFen)],
    ['currency', currency],
    ['buyerRegNo', h.buyerRegNo],
    ['buyerName', h.buyerName],
    ['buyerTelephone', h.buyerTelephone],
    ['buyerIdType', BUYER_ID_TYPE_RESIDENT_CARD],
    ['buyerIdNumber', h.buyerIdNumber],
    ['payCode', h.payCode],
    ['payName', h.payName],
    ['payTransactionId', h.payTransactionId],
    ['consignee', h.consignee],
    ['consigneeTelephone', h.consigneeTelephone],
    ['consigneeAddress', h.consigneeAddress],
    ['consigneeDistrict', h.consigneeDistrict],
    ['note', h.note],
  ];
  const lines = input.lines.map((l): Array<[string, string | undefined]> => [
    ['gnum', String(l.gnum)],
    ['itemNo', l.itemNo],
    ['itemName', l.itemName],
    ['gmodel', l.gmodel],
    ['barCode', l.barCode],
    ['unit', l.unit],
    ['qty', String(l.qty)],
    ['price', formatFen(l.priceFen)],
    ['totalPrice', formatFen(l.totalPriceFen)],
    ['currency', currency],
    ['country', l.country],
    ['note', l.note],
  ]);
  const transfer: Array<[string, string | undefined]> = [
    ['copCode', input.transfer.copCode],
    ['copName', input.transfer.copName],
    ['dxpMode', 'DXP'],
    ['dxpId', input.transfer.dxpId],
    ['note', input.transfer.note],
  ];
  return { head, lines, transfer };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

/** Optional elements without a value are left out; required ones are always written (the validator refuses them empty). */
const OPTIONAL = new Set(['payCode', 'payName', 'payTransactionId', 'consigneeDistrict', 'note', 'gmodel', 'barCode']);
const element = (pairs: Array<[string, string | undefined]>) =>
  Object.fromEntries(pairs.filter(([name, value]) => !(OPTIONAL.has(name) && (value === undefined || value === ''))).map(([name, value]) => [`ceb:${name}`, value ?? '']));

/** The message's bytes (UTF-8), deterministic for a given input. */
export function buildCeb311(input: Ceb311Input): string {
  const f = ceb311Fields(input);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'ceb:CEB311Message': {
      '@_guid': input.guid,
      '@_version': '1.0',
      '@_xmlns:ceb': CEB_NAMESPACE,
      '@_xmlns:xsi': XSI_NAMESPACE,
      'ceb:Order': {
        'ceb:OrderHead': element(f.head),
        'ceb:OrderList': f.lines.map(element),
      },
      'ceb:BaseTransfer': element(f.transfer),
    },
  };
  return builder.build(doc) as string;
}

export interface Ceb311Problem {
  /** Where: OrderHead.buyerIdNumber, OrderList[2].unit, BaseTransfer.copCode. */
  field: string;
  rule: 'required' | 'max_length' | 'length' | 'format' | 'code' | 'gnum_sequence' | 'line_total' | 'goods_value' | 'actural_paid' | 'paid_amount' | 'xml_character' | 'well_formed';
  message: { zh: string; en: string };
}

/** C..n (up to n characters), C n (exactly n), or free text. */
type Spec = { required: boolean; max?: number; exact?: number; pattern?: RegExp; patternName?: { zh: string; en: string } };
const N19_5 = /^-?\d{1,14}(\.\d{1,5})?$/;
const n195 = { zh: '数字（N19,5：最多14位整数、5位小数）', en: 'a number (N19,5: at most 14 integer digits and 5 decimals)' };
const headSpecs: Record<string, Spec> = {
  guid: { required: true, exact: 36, pattern: /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/, patternName: { zh: '36位大写UUID', en: 'a 36-character upper-case UUID' } },
  appType: { required: true, exact: 1 },
  appTime: { required: true, exact: 14, pattern: /^\d{14}$/, patternName: { zh: 'YYYYMMDDhhmmss', en: 'YYYYMMDDhhmmss' } },
  appStatus: { required: true, exact: 1 },
  orderType: { required: true, exact: 1 },
  orderNo: { required: true, max: 60 },
  ebpCode: { required: true, max: 18 },
  ebpName: { required: true, max: 100 },
  ebcCode: { required: true, max: 18 },
  ebcName: { required: true, max: 100 },
  goodsValue: { required: true, pattern: N19_5, patternName: n195 },
  freight: { required: true, pattern: N19_5, patternName: n195 },
  discount: { required: true, pattern: N19_5, patternName: n195 },
  taxTotal: { required: true, pattern: N19_5, patternName: n195 },
  acturalPaid: { required: true, pattern: N19_5, patternName: n195 },
  currency: { required: true, exact: 3 },
  buyerRegNo: { required: true, max: 60 },
  buyerName: { required: true, max: 60 },
  buyerTelephone: { required: true, max: 30 },
  buyerIdType: { required: true, exact: 1 },
  buyerIdNumber: { required: true, max: 60 },
  payCode: { required: false, max: 18 },
  payName: { required: false, max: 100 },
  payTransactionId: { required: false, max: 60 },
  consignee: { required: true, max: 100 },
  consigneeTelephone: { required: true, max: 50 },
  consigneeAddress: { required: true, max: 200 },
  consigneeDistrict: { required: false, exact: 6, pattern: /^\d{6}$/, patternName: { zh: '6位行政区划代码', en: 'a 6-digit division code' } },
  note: { required: false, max: 1000 },
};
const lineSpecs: Record<string, Spec> = {
  gnum: { required: true, max: 4, pattern: /^\d{1,4}$/, patternName: { zh: '序号（N4）', en: 'a line number (N4)' } },
  itemNo: { required: true, max: 30 },
  itemName: { required: true, max: 250 },
  gmodel: { required: false, max: 250 },
  barCode: { required: false, max: 50 },
  unit: { required: true, exact: 3 },
  qty: { required: true, pattern: /^[1-9]\d{0,13}$/, patternName: { zh: '正整数', en: 'a positive whole number' } },
  price: { required: true, pattern: N19_5, patternName: n195 },
  totalPrice: { required: true, pattern: N19_5, patternName: n195 },
  currency: { required: true, exact: 3 },
  country: { required: true, exact: 3 },
  note: { required: false, max: 1000 },
};
const transferSpecs: Record<string, Spec> = {
  copCode: { required: true, max: 18 },
  copName: { required: true, max: 100 },
  dxpMode: { required: true, exact: 3 },
  dxpId: { required: true, max: 30 },
  note: { required: false, max: 1000 },
};

function checkFields(prefix: string, pairs: Array<[string, string | undefined]>, specs: Record<string, Spec>, out: Ceb311Problem[]): void {
  for (const [name, raw] of pairs) {
    const spec = specs[name];
    if (!spec) continue;
    const field = `${prefix}.${name}`;
    const value = raw ?? '';
    // XML 1.0 has no way to write NUL, the other C0 controls but tab/LF/CR, U+FFFE/U+FFFF or half a
    // surrogate pair: a message holding one is not XML, and customs could not parse it.
    if (!isCleanText(value)) {
      out.push({ field, rule: 'xml_character', message: { zh: `${field} 含有 XML 不允许的控制字符`, en: `${field} holds a control character XML does not allow` } });
      continue;
    }
    if (value.trim() === '') {
      if (spec.required) out.push({ field, rule: 'required', message: { zh: `${field} 为必填项`, en: `${field} is required` } });
      continue;
    }
    // Lengths are in characters, as the specification counts them (a Chinese character is one).
    const length = [...value].length;
    if (spec.exact !== undefined && length !== spec.exact) {
      out.push({ field, rule: 'length', message: { zh: `${field} 须为${spec.exact}个字符（现为${length}个）`, en: `${field} must be exactly ${spec.exact} characters (it has ${length})` } });
      continue;
    }
    if (spec.max !== undefined && length > spec.max) {
      out.push({ field, rule: 'max_length', message: { zh: `${field} 最多${spec.max}个字符（现为${length}个）`, en: `${field} must be at most ${spec.max} characters (it has ${length})` } });
      continue;
    }
    if (spec.pattern && !spec.pattern.test(value)) {
      const what = spec.patternName ?? { zh: '规定格式', en: 'the required format' };
      out.push({ field, rule: 'format', message: { zh: `${field} 须为${what.zh}`, en: `${field} must be ${what.en}` } });
    }
  }
}

/**
 * Every reason the message may not be sent, in element order; empty when it may. `paidFen` is what
 * the payment record says the buyer paid: customs matches acturalPaid against the payment (CEB411),
 * so a difference would be refused there, days later; it is refused here instead.
 */
export function validateCeb311(input: Ceb311Input, paidFen: number): Ceb311Problem[] {
  const problems: Ceb311Problem[] = [];
  const f = ceb311Fields(input);
  checkFields('OrderHead', f.head, headSpecs, problems);
  if (!customsCurrencyCodes[input.head.currency]) {
    problems.push({ field: 'OrderHead.currency', rule: 'code', message: { zh: `币制 ${input.head.currency} 没有海关代码`, en: `currency ${input.head.currency} has no customs code` } });
  }
  if (input.lines.length === 0) problems.push({ field: 'OrderList', rule: 'required', message: { zh: '订单至少须有一条商品', en: 'the order needs at least one line' } });
  input.lines.forEach((line, i) => {
    const prefix = `OrderList[${i + 1}]`;
    checkFields(prefix, f.lines[i]!, lineSpecs, problems);
    if (line.gnum !== i + 1) {
      problems.push({ field: `${prefix}.gnum`, rule: 'gnum_sequence', message: { zh: `${prefix}.gnum 应为 ${i + 1}（从1起连续编号）`, en: `${prefix}.gnum must be ${i + 1} (numbered from 1 without gaps)` } });
    }
    if (line.unit.length === 3 && !customsUnits[line.unit]) {
      problems.push({ field: `${prefix}.unit`, rule: 'code', message: { zh: `${prefix}.unit ${line.unit} 不是海关计量单位代码`, en: `${prefix}.unit ${line.unit} is not a customs unit code` } });
    }
    if (line.country.length === 3 && !Object.values(customsCountryCodes).includes(line.country)) {
      problems.push({ field: `${prefix}.country`, rule: 'code', message: { zh: `${prefix}.country ${line.country} 不是海关国别代码`, en: `${prefix}.country ${line.country} is not a customs country code` } });
    }
    if (line.country === '' && line.originIso) {
      problems.push({ field: `${prefix}.country`, rule: 'code', message: { zh: `${prefix}.country 原产国 ${line.originIso} 没有海关国别代码，请选择`, en: `${prefix}.country: the origin ${line.originIso} has no customs country code; choose one` } });
    }
    if (line.priceFen * line.qty !== line.totalPriceFen) {
      problems.push({
        field: `${prefix}.totalPrice`,
        rule: 'line_total',
        message: { zh: `${prefix}.totalPrice ${formatFen(line.totalPriceFen)} 不等于单价×数量 ${formatFen(line.priceFen * line.qty)}`, en: `${prefix}.totalPrice ${formatFen(line.totalPriceFen)} is not price × qty ${formatFen(line.priceFen * line.qty)}` },
      });
    }
  });
  checkFields('BaseTransfer', f.transfer, transferSpecs, problems);
  // What is queued is the built message: it must read back as well-formed XML.
  if (problems.every((p) => p.rule !== 'xml_character')) {
    const wellFormed = XMLValidator.validate(buildCeb311(input));
    if (wellFormed !== true) {
      problems.push({ field: 'CEB311Message', rule: 'well_formed', message: { zh: `报文不是格式正确的 XML：${wellFormed.err.msg}`, en: `the message is not well-formed XML: ${wellFormed.err.msg}` } });
    }
  }

  const h = input.head;
  const linesFen = input.lines.reduce((sum, l) => sum + l.totalPriceFen, 0);
  if (input.lines.length > 0 && linesFen !== h.goodsValueFen) {
    problems.push({ field: 'OrderHead.goodsValue', rule: 'goods_value', message: { zh: `goodsValue ${formatFen(h.goodsValueFen)} 不等于各商品总价之和 ${formatFen(linesFen)}`, en: `goodsValue ${formatFen(h.goodsValueFen)} is not the sum of the lines' totalPrice ${formatFen(linesFen)}` } });
  }
  const expected = h.goodsValueFen + h.freightFen + h.taxTotalFen - h.discountFen;
  if (h.acturalPaidFen !== expected) {
    problems.push({
      field: 'OrderHead.acturalPaid',
      rule: 'actural_paid',
      message: { zh: `acturalPaid ${formatFen(h.acturalPaidFen)} 不等于 goodsValue + freight + taxTotal − discount = ${formatFen(expected)}`, en: `acturalPaid ${formatFen(h.acturalPaidFen)} is not goodsValue + freight + taxTotal − discount = ${formatFen(expected)}` },
    });
  } else if (h.acturalPaidFen !== paidFen) {
    problems.push({ field: 'OrderHead.acturalPaid', rule: 'paid_amount', message: { zh: `acturalPaid ${formatFen(h.acturalPaidFen)} 不等于实际支付金额 ${formatFen(paidFen)}`, en: `acturalPaid ${formatFen(h.acturalPaidFen)} is not the amount paid ${formatFen(paidFen)}` } });
  }
  return problems;
}
