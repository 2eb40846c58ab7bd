import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildCeb311, chinaAppTime, formatFen, validateCeb311, type Ceb311Input } from './ceb311.rules.ts';
import { parseCeb312, returnTimeToIso, returnStatusEffects } from './ceb312.rules.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures/customs');
/** Byte-for-byte against the committed file; UPDATE_GOLDEN=1 rewrites it (then read the diff before committing). */
function golden(name: string, actual: string): void {
  const file = path.join(fixtures, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file`);
}

const base = (): Ceb311Input => ({
  guid: '4F2011FC-4ED0-478C-B190-22E76EF8B78A',
  appType: '1',
  appTime: new Date('2026-12-01T06:30:05Z'),
  head: {
    orderNo: 'PV20261201-7K3Q9M',
    ebpCode: '31222699S7',
    ebpName: '展馆跨境电商平台',
    ebcCode: '3120000PK1',
    ebcName: '巴基斯坦国家馆',
    goodsValueFen: 28_800,
    freightFen: 1_200,
    discountFen: 0,
    taxTotalFen: 2_730,
    acturalPaidFen: 32_730,
    currency: 'CNY',
    buyerRegNo: 'U-0001',
    buyerName: '李娜',
    buyerTelephone: '13800138000',
    buyerIdNumber: '11010519491231002X',
    consignee: '李娜',
    consigneeTelephone: '13800138000',
    consigneeAddress: '上海市浦东新区世纪大道100号 & 1室',
    consigneeDistrict: '310115',
  },
  lines: [{ gnum: 1, itemNo: 'MB-VASE-20', itemName: '木尔坦蓝陶花瓶 20厘米', unit: '011', qty: 1, priceFen: 28_800, totalPriceFen: 28_800, country: '127' }],
  transfer: { copCode: '31222699S7', copName: '展馆跨境电商平台', dxpId: 'DXPENT0000000001' },
});

test('amounts are written from integer fen, and appTime is China time', () => {
  assert.equal(formatFen(0), '0.00');
  assert.equal(formatFen(5), '0.05');
  assert.equal(formatFen(123_456_789_01), '123456789.01');
  assert.throws(() => formatFen(1.5));
  // 23:59:59 UTC is 07:59:59 the next day in China.
  assert.equal(chinaAppTime(new Date('2026-12-31T23:59:59Z')), '20270101075959');
});

test('golden: a single line', () => {
  const input = base();
  assert.deepEqual(validateCeb311(input, 32_730), []);
  golden('ceb311-single-line.xml', buildCeb311(input));
});

test('golden: several lines', () => {
  const input = base();
  input.lines = [
    { gnum: 1, itemNo: 'MB-VASE-20', itemName: '木尔坦蓝陶花瓶 20厘米', gmodel: '蓝色', unit: '011', qty: 2, priceFen: 28_800, totalPriceFen: 57_600, country: '127' },
    { gnum: 2, itemNo: 'MB-PLATE-8', itemName: '木尔坦蓝陶盘 <8寸>', unit: '007', qty: 3, priceFen: 9_900, totalPriceFen: 29_700, country: '127' },
    { gnum: 3, itemNo: 'MB-GIFT', itemName: '赠品 杯垫', unit: '007', qty: 1, priceFen: 0, totalPriceFen: 0, country: '127', note: '赠品' },
  ];
  input.head = { ...input.head, goodsValueFen: 87_300, taxTotalFen: 7_945, acturalPaidFen: 87_300 + 1_200 + 7_945 };
  assert.deepEqual(validateCeb311(input, 96_445), []);
  golden('ceb311-several-lines.xml', buildCeb311(input));
});

test('golden: a non-cash discount lowers acturalPaid, not goodsValue', () => {
  const input = base();
  input.head = { ...input.head, discountFen: 2_000, acturalPaidFen: 30_730, note: '平台优惠券' };
  assert.deepEqual(validateCeb311(input, 30_730), []);
  golden('ceb311-discount.xml', buildCeb311(input));
});

test('golden: a change message (appType 2) after a rejection, with a new guid', () => {
  const input = base();
  input.guid = '9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D';
  input.appType = '2';
  input.appTime = new Date('2026-12-02T01:00:00Z');
  input.head = { ...input.head, consigneeAddress: '上海市浦东新区世纪大道100号1室' };
  assert.deepEqual(validateCeb311(input, 32_730), []);
  golden('ceb311-change.xml', buildCeb311(input));
});

test('the same input gives the same bytes', () => {
  assert.equal(buildCeb311(base()), buildCeb311(base()));
});

const fieldsOf = (input: Ceb311Input, paid: number) => validateCeb311(input, paid).map((p) => `${p.field}:${p.rule}`);

test('validation names the field and the rule', () => {
  const missingId = base();
  missingId.head.buyerIdNumber = '';
  assert.deepEqual(fieldsOf(missingId, 32_730), ['OrderHead.buyerIdNumber:required']);

  const longCode = base();
  longCode.head.ebcCode = '1234567890123456789';
  const problems = validateCeb311(longCode, 32_730);
  assert.deepEqual(problems.map((p) => `${p.field}:${p.rule}`), ['OrderHead.ebcCode:max_length']);
  assert.match(problems[0]!.message.en, /at most 18 characters \(it has 19\)/);
  assert.match(problems[0]!.message.zh, /最多18个字符/);

  const badLine = base();
  badLine.lines[0] = { ...badLine.lines[0]!, gnum: 2, unit: '999', country: 'PK', totalPriceFen: 28_801 };
  assert.deepEqual(fieldsOf(badLine, 32_730), [
    'OrderList[1].country:length',
    'OrderList[1].gnum:gnum_sequence',
    'OrderList[1].unit:code',
    'OrderList[1].totalPrice:line_total',
    'OrderHead.goodsValue:goods_value',
  ]);

  const sums = base();
  sums.head.acturalPaidFen = 32_731;
  assert.deepEqual(fieldsOf(sums, 32_731), ['OrderHead.acturalPaid:actural_paid']);
  assert.deepEqual(fieldsOf(base(), 32_700), ['OrderHead.acturalPaid:paid_amount']);

  const tooLongAddress = base();
  tooLongAddress.head.consigneeAddress = '路'.repeat(201);
  assert.deepEqual(fieldsOf(tooLongAddress, 32_730), ['OrderHead.consigneeAddress:max_length']);

  const noCode = base();
  noCode.lines[0] = { ...noCode.lines[0]!, country: '', originIso: 'KI' };
  const kiribati = validateCeb311(noCode, 32_730);
  assert.deepEqual(kiribati.map((p) => `${p.field}:${p.rule}`), ['OrderList[1].country:required', 'OrderList[1].country:code']);
  assert.match(kiribati[1]!.message.en, /origin KI has no customs country code/);

  const noLines = base();
  noLines.lines = [];
  assert.ok(fieldsOf(noLines, 32_730).includes('OrderList:required'));
});

test('a CEB312 receipt is read with or without the ceb: prefix, and its status means something for the order', () => {
  const plain = '<?xml version="1.0" encoding="UTF-8"?><CEB312Message xmlns="http://www.chinaport.gov.cn/ceb" version="1.0" guid="C49D69D2-2544-4C8F-96E6-F82C65C1CA0C"><OrderReturn><guid>4f2011fc-4ed0-478c-b190-22e76ef8b78a</guid><ebpCode>31222699S7</ebpCode><ebcCode>3120000PK1</ebcCode><orderNo>PV20261201-7K3Q9M</orderNo><returnStatus>100</returnStatus><returnTime>20261201143633776</returnTime><returnInfo>订购人身份信息校验不通过 &amp; 退单</returnInfo></OrderReturn></CEB312Message>';
  assert.deepEqual(parseCeb312(plain), { guid: '4F2011FC-4ED0-478C-B190-22E76EF8B78A', orderNo: 'PV20261201-7K3Q9M', returnStatus: '100', returnTime: '20261201143633776', returnInfo: '订购人身份信息校验不通过 & 退单' });
  const prefixed = plain.replaceAll('<', '<ceb:').replaceAll('<ceb:/', '</ceb:').replace('<ceb:?xml', '<?xml').replace('xmlns=', 'xmlns:ceb=');
  assert.equal(parseCeb312(prefixed).returnStatus, '100');
  assert.equal(returnStatusEffects['100']?.effect, 'rejected');
  assert.equal(returnStatusEffects['120']?.effect, 'accepted');
  assert.equal(returnStatusEffects['800']?.effect, 'released');
  assert.equal(returnTimeToIso('20261201143633776'), '2026-12-01T06:36:33.776Z');
  assert.throws(() => parseCeb312('<CEB312Message><OrderReturn><guid>x</guid></OrderReturn></CEB312Message>'), /orderNo is missing/);
  assert.throws(() => parseCeb312('not xml <'), /CEB312Message|XML/);
});

test('a control character XML forbids, in any field, keeps the message from leaving; tab and line breaks are XML', () => {
  const input = base();
  const withBell = { ...input, head: { ...input.head, consigneeAddress: `${input.head.consigneeAddress}\u0007` } };
  assert.deepEqual(fieldsOf(withBell, 32_730), ['OrderHead.consigneeAddress:xml_character']);
  const withNul = { ...input, lines: input.lines.map((l) => ({ ...l, itemName: `${l.itemName}\u0000` })) };
  assert.deepEqual(fieldsOf(withNul, 32_730), ['OrderList[1].itemName:xml_character']);
  const lone = { ...input, head: { ...input.head, consignee: '张\uD800' } };
  assert.deepEqual(fieldsOf(lone, 32_730), ['OrderHead.consignee:xml_character']);
  assert.deepEqual(fieldsOf({ ...input, head: { ...input.head, note: 'a\tb\nc' } }, 32_730), []);
});
