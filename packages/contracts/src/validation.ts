import type { Locale } from './locale.ts';

/**
 * Real-name identities one buyer may keep at once. The payer must be the 订购人 (海关总署公告2018年第194号)
 * and each person has a yearly allowance (财关税〔2018〕49号): a buyer collecting many people's ID numbers
 * is the pattern customs looks for, so the book stays small. Here because its message says it.
 */
export const MAX_BUYER_IDENTITIES = 5;

/**
 * The messages our schemas give, in both languages. Schemas use the English text (zod keeps one
 * message per rule); `localizeIssue` turns it into the reader's language on the server (by
 * Accept-Language) and in the web app (by the page's language).
 */
export const validationMessages = {
  required: { en: 'is required', zh: '必填' },
  mobile: { en: 'must be a mainland China mobile number (11 digits, 13–19…)', zh: '须为中国大陆手机号（11 位，以 13–19 开头）' },
  email: { en: 'must be an email address', zh: '须为有效的邮箱地址' },
  passwordTooShort: { en: 'must be at least 10 characters', zh: '至少需要 10 个字符' },
  passwordTooLong: { en: 'must be at most 200 characters', zh: '最多 200 个字符' },
  otpCode: { en: 'must be the 6-digit code', zh: '须为 6 位数字验证码' },
  slug: { en: 'must be 2–64 lowercase letters, digits or hyphens', zh: '须为 2–64 个小写字母、数字或连字符' },
  isoDate: { en: 'must be a real day written YYYY-MM-DD', zh: '须为存在的日期，格式为 YYYY-MM-DD' },
  controlCharacter: { en: 'must not contain control characters (such as NUL) or broken characters', zh: '不能包含控制字符（如 NUL）或无效字符' },
  singleLine: { en: 'must be one line, without line breaks, tabs or control characters', zh: '须为单行文字，不能包含换行、制表符或控制字符' },
  sku: { en: 'may use letters, digits and . _ / - only', zh: '只能包含字母、数字及 . _ / -' },
  barcode: { en: 'must be an 8, 12, 13 or 14-digit barcode', zh: '条码须为 8、12、13 或 14 位数字' },
  hsCode: { en: 'must be a 10-digit HS code', zh: 'HS 编码须为 10 位数字' },
  rate: { en: 'must be a rate such as 3.1825 (up to 6 decimals)', zh: '汇率格式如 3.1825（最多 6 位小数）' },
  rateRange: { en: 'must be from 0.0001 yuan per unit to 0.2 yuan per cent (20 per unit; 0.2 per vatu)', zh: '须在每单位 0.0001 元至每个最小货币单位 0.2 元之间（即每单位 20 元；瓦图每单位 0.2 元）' },
  yuan: { en: 'must be an amount in yuan such as 88 or 88.50', zh: '须为人民币金额，如 88 或 88.50' },
  searchWord: { en: 'may use Chinese characters, letters, digits, spaces, · and - only', zh: '只能包含汉字、字母、数字、空格、· 和 -' },
  synonymTerms: { en: 'must list at least two words or phrases', zh: '至少填写两个词语' },
  freightGroupName: { en: 'must be 1–20 lowercase letters, digits, - or _', zh: '须为 1–20 个小写字母、数字、- 或 _' },
  cartToken: { en: 'must be the guest cart token this server gave', zh: '须为本站发放的访客购物车标识' },
  consentVersion: { en: 'must be the version of the consent text shown', zh: '须为所展示同意书的版本' },
  priceRange: { en: 'must not be above the highest price', zh: '不能高于最高价' },
  maxFeatured: { en: 'may list at most 12', zh: '最多 12 项' },
  duplicate: { en: 'is listed more than once', zh: '重复列出' },
  identityDuplicate: { en: 'this ID number is already saved', zh: '该身份证号已保存' },
  identityLimit: { en: `at most ${MAX_BUYER_IDENTITIES} identities may be saved`, zh: `最多可保存 ${MAX_BUYER_IDENTITIES} 个实名身份` },
  notPavilionExporter: { en: 'must be an approved exporter of this pavilion', zh: '须为本馆已审核通过的出口商' },
  notPavilionProduct: { en: 'must be a published product of this pavilion', zh: '须为本馆已上架的商品' },
  requiredToPublish: { en: 'is required to publish', zh: '发布前必须填写' },
  unknownCategory: { en: 'is not a known category', zh: '不是已有的类目' },
  parentNotRoot: { en: 'must be a top-level category (the tree has two levels)', zh: '须为一级类目（类目只有两级）' },
  vatRateBp: { en: 'must be whole basis points from 0 to 10000 (1300 = 13%)', zh: '须为 0–10000 的整数基点（1300 即 13%）' },
  consumptionTaxRateBp: { en: 'must be whole basis points from 0 to 9999 (1500 = 15%)', zh: '须为 0–9999 的整数基点（1500 即 15%）' },
  tariffRateBp: { en: 'must be whole basis points from 0 to 10000 (1000 = 10%), or empty', zh: '须为 0–10000 的整数基点（1000 即 10%），或留空' },
  requiredForFood: { en: 'is required when a food category is chosen (GACC Decree 248)', zh: '选择食品类目时必填（海关总署第248号令）' },
  gaccNumber: { en: 'must be the registration number GACC issued (letters and digits)', zh: '须为海关总署颁发的注册编号（字母和数字）' },
  phone: { en: 'must be a phone number with its country code, such as +92 61 4512345', zh: '须为带国家区号的电话号码，如 +92 61 4512345' },
  countryNotInPavilion: { en: "is not one of this pavilion's countries", zh: '不属于该国家馆的国家或地区' },
  unknownPavilion: { en: 'is not a known pavilion', zh: '不是已有的国家馆' },
  lockedOnceApproved: { en: "cannot be changed once approved: ask the pavilion's operators", zh: '审核通过后不可修改，请联系国家馆运营方' },
  atLeastOneField: { en: 'send at least one field to change', zh: '请至少提交一个要修改的字段' },
  documentKind: {
    en: 'must be export_licence, business_registration, gacc_registration, certificate or other',
    zh: '须为 export_licence、business_registration、gacc_registration、certificate 或 other',
  },
  reasonLength: { en: 'must be 5–500 characters', zh: '须为 5–500 个字符' },
  reasonOnlyForReject: { en: 'is only given with a rejection', zh: '仅在驳回时填写' },
  unknownLogo: { en: 'must be an image uploaded by this exporter', zh: '须为本出口商上传的图片' },
  unknownDocument: { en: 'must be a document uploaded by this exporter', zh: '须为本出口商上传的文件' },
  fileTooBig: { en: 'must be at most 10 MB', zh: '不能超过 10 MB' },
  imageTooManyPixels: { en: 'must be at most 50 megapixels (such as 8,000 × 6,000)', zh: '像素不能超过 5000 万（如 8000 × 6000）' },
  tooManyDocuments: { en: 'at most 50 documents per exporter: delete one first', zh: '每个出口商最多 50 份文件，请先删除一份' },
  unknownField: { en: 'is not a known field', zh: '不是可识别的字段' },
  // The HTTP layer: requests that cannot be read at all.
  multipartUnreadable: { en: 'must be sent as a complete multipart/form-data body (with its boundary)', zh: '须以完整的 multipart/form-data 格式（含 boundary）上传' },
  multipartTooManyParts: { en: 'send one file (the field "file") and at most 20 text fields', zh: '仅可上传一个文件（字段 file）及最多 20 个文本字段' },
  imageUnreadable: { en: 'is not a readable image (damaged or cut short)', zh: '图片无法读取（已损坏或不完整）' },
  urlEncoding: { en: 'is not validly percent-encoded', zh: '网址中的百分号编码无效' },
  pathParamTooLong: { en: 'a part of the path is longer than 100 characters', zh: '路径中的某一段超过 100 个字符' },
  jsonTooDeep: { en: 'nests arrays and objects more than 64 levels deep', zh: '数组和对象的嵌套超过 64 层' },
  // Product import (spreadsheets): a person reads these next to the row and column.
  importFileType: { en: 'must be an XLSX workbook or a UTF-8 CSV file', zh: '须为 XLSX 工作簿或 UTF-8 编码的 CSV 文件' },
  importUnreadable: { en: 'is not a readable XLSX workbook or UTF-8 CSV file', zh: '无法读取：不是有效的 XLSX 工作簿或 UTF-8 CSV 文件' },
  importNoRows: { en: 'the file has no product rows', zh: '文件中没有商品行' },
  importTooManyRows: { en: 'at most 10,000 product rows per file: split it into several files', zh: '每个文件最多 10,000 行商品，请拆分为多个文件' },
  importUnknownColumn: { en: 'is not a column of the product template', zh: '不是商品模板中的列' },
  importMissingColumn: { en: 'this column is missing: the template has every column', zh: '缺少此列，可下载模板查看全部列' },
  importDuplicateColumn: { en: 'appears twice in the header row', zh: '在标题行中出现了两次' },
  importRequiredForNew: { en: 'is required for a new product or variant', zh: '新建商品或新增变体时必填' },
  importDiffers: {
    en: "differs from this product's first row: product columns must be the same on each of its rows, or blank",
    zh: '与该商品第一行不一致：商品级的列在其每一行须相同或留空',
  },
  importRef: { en: 'must be your product id, or a key of your own (up to 64 characters)', zh: '须为商品编号，或您自定的编号（最多 64 个字符）' },
  importUnknownProduct: { en: 'is not the id of one of your products (use a key of your own for a new product)', zh: '不是您的商品编号（新建商品请使用自定编号）' },
  importArchived: { en: 'is an archived product, which cannot be changed', zh: '该商品已归档，无法修改' },
  importPrice: {
    en: "must be an amount in the product's currency, with at most 2 decimals (none for VUV), such as 4500.00",
    zh: '须为商品币种的金额，最多 2 位小数（VUV 不带小数），如 4500.00',
  },
  importWholeNumber: { en: 'must be a whole number', zh: '须为整数' },
  importCurrency: { en: 'must be CNY, PKR, FJD, WST, TOP, VUV, PGK, SBD or USD', zh: '须为 CNY、PKR、FJD、WST、TOP、VUV、PGK、SBD 或 USD' },
  importCountry: { en: 'must be a country code such as PK, FJ, WS, TO, VU or PG', zh: '须为国家代码，如 PK、FJ、WS、TO、VU 或 PG' },
  importYesNo: { en: 'must be yes or no', zh: '须为 yes 或 no（是/否）' },
  importUnknownBrand: { en: 'is not one of your brands (give its English name or id)', zh: '不是您的品牌（请填写品牌英文名或编号）' },
  importUnknownImage: { en: 'must list images uploaded by this account (their ids)', zh: '须为本账户上传的图片编号' },
  importIncoterms: { en: 'must be EXW, FOB, CIF or DDP, separated by ;', zh: '须为 EXW、FOB、CIF 或 DDP，以 ; 分隔' },
  importCustomsModes: { en: 'must be 9610 and/or 1210 separated by ;, or none', zh: '须为 9610 和/或 1210（以 ; 分隔），或 none' },
  importTiers: { en: 'must be quantity=price pairs separated by ;, such as 100=3800.00; 500=3500.00', zh: '须为"数量=价格"，以 ; 分隔，如 100=3800.00; 500=3500.00' },
  importCertifications: {
    en: 'must be type|number|issuer|expiry (YYYY-MM-DD)|document id, entries separated by ;',
    zh: '须为"类型|编号|签发机构|到期日（YYYY-MM-DD）|文件编号"，多项以 ; 分隔',
  },
  importCertificationType: { en: 'must start with halal, organic, fair_trade, gacc, haccp, iso22000 or other', zh: '类型须为 halal、organic、fair_trade、gacc、haccp、iso22000 或 other' },
  importOptionName: { en: 'must be the English name, then | and the Chinese name, such as Size|尺寸', zh: '须为英文名，加 | 和中文名，如 Size|尺寸' },
  importOptionValues: { en: 'must be English|Chinese values separated by ;, such as Small|小号; Large|大号', zh: '须为"英文|中文"取值，以 ; 分隔，如 Small|小号; Large|大号' },
  importOptionOrder: { en: 'options are filled in order: option 1 first, then 2, then 3', zh: '规格须按顺序填写：先规格1，再规格2、规格3' },
  importOptionValueMissing: { en: 'is required: the product has this option', zh: '必填：该商品有此规格' },
  importNoSuchOption: { en: 'must be blank: the product has no such option', zh: '须留空：该商品没有此规格' },
  importUnknownOptionValue: { en: 'is not one of the values listed for this option', zh: '不在该规格列出的可选值中' },
  importSkuInFile: { en: 'repeats the SKU of another product in this file', zh: '与本文件中另一商品的货号重复' },
  importSkuTaken: { en: 'is already used by another of your products', zh: '已被您的其他商品使用' },
  // Checkout: the buyer's identity (GB 11643) and the consignee's address (GB/T 2260).
  residentIdFormat: {
    en: 'must be the 18-character resident ID number: 17 digits, then a digit or X',
    zh: '须为 18 位居民身份证号码：17 位数字加 1 位数字或 X',
  },
  residentIdBirthDate: { en: 'holds a birth date that is not possible: please check the number', zh: '其中的出生日期不正确，请核对号码' },
  residentIdCheckDigit: { en: 'does not pass the check digit: please check the number', zh: '校验位不正确，请核对号码' },
  buyerName: {
    en: 'must be the name on the ID card: 2–30 Chinese characters (· between the parts of a transcribed name)',
    zh: '须为身份证上的姓名：2–30 个汉字（音译姓名各部分之间用 · 分隔）',
  },
  chinaDivisionCode: { en: 'must be a 6-digit administrative division code of mainland China', zh: '须为 6 位中国大陆行政区划代码' },
  chinaDivisionMismatch: { en: 'does not contain the district chosen', zh: '与所选区县不对应' },
  // Shipping templates (运费模板) of exporters.
  freightRateRequired: { en: 'needs at least one rate', zh: '至少需要一个运费标准' },
  freightWeight: { en: 'must be a whole number of grams above 0', zh: '须为大于 0 的整数克数' },
  freightFen: { en: 'must be a whole number of fen, 0 or more', zh: '须为不小于 0 的整数（单位：分）' },
  freightGroup: { en: 'must be one of the groups with a rate', zh: '须为已设置运费标准的地区分组' },
  mainlandProvince: { en: 'must be a mainland province code such as 650000', zh: '须为中国大陆省级行政区划代码，如 650000' },
  // Exporter settlement.
  commissionRateBp: { en: 'must be whole basis points from 0 to 5000 (800 = 8%)', zh: '须为 0–5000 的整数基点（800 即 8%）' },
  statementMonth: { en: 'must be a month written YYYY-MM', zh: '月份格式须为 YYYY-MM' },
  // Fulfilment: shipments, tracking events and the bonded warehouse's waybill sheet.
  trackingNumber: { en: 'must be the waybill number: 6–40 letters and digits', zh: '须为运单号：6–40 位字母或数字' },
  shipmentWeight: { en: 'must be the parcel weight in whole grams above 0', zh: '须为包裹重量，大于 0 的整数克数' },
  isoDateTime: { en: 'must be a date and time with its offset, such as 2026-12-01T10:30:00+08:00', zh: '须为带时区的日期时间，如 2026-12-01T10:30:00+08:00' },
  carrierNameRequired: { en: 'is required when the carrier is "other"', zh: '承运商为"其他"时必填' },
  carrierNotDomestic: { en: 'must be a carrier that delivers inside mainland China', zh: '须为中国境内派送的承运商' },
  carrierNotInternational: { en: 'must be a carrier that ships internationally', zh: '须为国际承运商' },
  trackingEventOrder: { en: 'is earlier than the last event of the parcel: events are recorded in time order', zh: '早于该包裹的最后一条轨迹：轨迹须按时间顺序记录' },
  trackingEventBeforeShipment: { en: 'is before the parcel was shipped', zh: '早于包裹发出时间' },
  trackingEventFuture: { en: 'is in the future', zh: '晚于当前时间' },
  trackingAfterDelivery: { en: 'the parcel is already delivered: no event can follow', zh: '包裹已签收，不能再添加轨迹' },
  trackingUnknownParcel: { en: 'is not a parcel shipped from your pavilions', zh: '不是您所辖国家馆发出的包裹' },
  waybillUnknownOrder: { en: 'is not an order of your pavilions', zh: '不是您所辖国家馆的订单' },
  waybillUnknownCarrier: { en: 'must be a carrier code or name from the list, such as SF or 顺丰速运', zh: '须为列表中的承运商代码或名称，如 SF 或 顺丰速运' },
  waybillOrderTwice: { en: 'appears on another row of this file', zh: '在本文件的其他行中重复出现' },
  waybillNotShippable: { en: 'cannot ship now', zh: '当前无法发货' },
  waybillShippedOtherwise: { en: 'was already shipped with another waybill', zh: '已使用其他运单号发货' },
  waybillNumberTaken: { en: 'is the waybill of another order', zh: '已是其他订单的运单号' },
  // HS rate table import (spreadsheets): rates are percentages there, not basis points.
  hsSheetVatRate: { en: 'must be a percentage from 0 to 100 with at most two decimals, such as 13 or 9.5', zh: '须为 0–100 的百分比，最多两位小数，如 13 或 9.5' },
  hsSheetConsumptionTaxRate: { en: 'must be a percentage from 0 to 99.99 with at most two decimals, such as 15 or 0', zh: '须为 0–99.99 的百分比，最多两位小数，如 15 或 0' },
  hsSheetTariffRate: {
    en: 'must be a percentage from 0 to 100 with at most two decimals, such as 10 or 6.5, or empty (not entered)',
    zh: '须为 0–100 的百分比，最多两位小数，如 10 或 6.5；未录入则留空',
  },
  hsSheetRetailModes: { en: 'must be both (9610 and 1210) or 1210 (bonded only)', zh: '须为 both（9610 和 1210）或 1210（仅保税）' },
  hsSheetDescriptionEn: { en: 'must be at most 300 characters', zh: '最多 300 个字符' },
  hsSheetDescriptionZh: { en: 'must be at most 200 characters', zh: '最多 200 个字符' },
  hsSheetDuplicateCode: { en: 'this HS code is on another row of the file', zh: '该 HS 编码在文件的另一行已出现' },
  hsSheetUnknownColumn: { en: 'is not a column of the HS rate table', zh: '不是 HS 税率表中的列' },
  hsSheetMissingColumn: { en: 'this column is missing: an export of the table has every column', zh: '缺少此列，可导出税率表查看全部列' },
  hsSheetNoRows: { en: 'the file has no HS code rows', zh: '文件中没有 HS 编码行' },
  hsSheetTooManyRows: { en: 'at most 20,000 rows per file: split it into several files', zh: '每个文件最多 20,000 行，请拆分为多个文件' },
  waybillNoRows: { en: 'the file has no waybill rows', zh: '文件中没有运单行' },
  waybillTooManyRows: { en: 'at most 2,000 rows per file: split it into several files', zh: '每个文件最多 2,000 行，请拆分为多个文件' },
  // Returns.
  returnTrackingNumber: { en: 'must be 4–40 letters, digits or -', zh: '须为 4–40 位字母、数字或 -' },
  returnPhotosRequired: { en: 'needs at least one photo for this reason', zh: '此退货原因须至少上传一张照片' },
  // Trade bridge (importers, inquiries, RFQs, quotes).
  creditCode: { en: 'must be an 18-character unified social credit code with a valid check character (GB 32100-2015)', zh: '须为 18 位统一社会信用代码，且校验码正确（GB 32100-2015）' },
  creditCodeTaken: { en: 'is already registered by another company', zh: '已被其他企业登记' },
  tiersAscending: { en: 'minimum quantities must rise from one tier to the next', zh: '各档起订量须逐档递增' },
  tierPriceRises: { en: 'a larger quantity must not cost more per unit', zh: '数量更大的档位单价不能更高' },
  notBeforeToday: { en: 'must be today or later (China time)', zh: '须为今天或之后的日期（北京时间）' },
  deadlineNotFuture: { en: 'must be in the future', zh: '须晚于当前时间' },
  deadlineTooFar: { en: 'must be at most 90 days ahead', zh: '最长不超过 90 天' },
  descriptionRequired: { en: 'give the description in Chinese or English (or both)', zh: '请填写中文或英文描述（或两者）' },
  paymentTermsRequired: { en: 'offer T/T (with its deposit) or L/C, or both', zh: '请至少提供 T/T（含定金比例）或信用证一种付款方式' },
  sampleNotOffered: { en: 'is only given when samples are available', zh: '仅在提供样品时填写' },
  noExchangeRate: { en: 'has no exchange rate in force today: quote in another currency', zh: '该币种今日无有效汇率，请改用其他币种报价' },
  unknownExporter: { en: 'is not an approved exporter', zh: '不是已审核通过的出口商' },
  unknownExporterProduct: { en: 'is not a published product of this exporter', zh: '不是该出口商已上架的商品' },
  unknownTradeFile: { en: 'must be a file you uploaded', zh: '须为您上传的文件' },
  // B2B orders (samples and bulk orders from an accepted quote).
  swiftBic: { en: 'must be a SWIFT/BIC code: 8 or 11 letters and digits (bank, country, location, branch)', zh: '须为 8 位或 11 位 SWIFT/BIC 代码（银行、国家、地区、分行）' },
  sampleNotAvailable: { en: 'this quote offers no samples at a price', zh: '该报价未提供样品价格' },
  belowFirstTier: { en: 'is below the quote\'s first quantity tier', zh: '低于报价的最低起订量' },
  termsNotOffered: { en: 'this quote does not offer these payment terms', zh: '该报价不提供此付款方式' },
  amountNotDue: { en: 'must be the amount due for this step', zh: '须等于该环节的应付金额' },
  cancelReasonRequired: { en: 'give the reason for cancelling', zh: '请填写取消原因' },
} as const satisfies Record<string, { en: string; zh: string }>;

/** Chinese for zod's own messages, by rule, when a schema did not give one of ours. */
const ruleMessagesZh: Partial<Record<string, string>> = {
  invalid_type: '缺失或类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '不是允许的取值',
  unrecognized_key: '不是可识别的字段',
  invalid_json: '不是有效的 JSON',
  not_multiple_of: '数值不符合要求',
  custom: '不符合要求',
};

const byEnglish = new Map<string, { en: string; zh: string }>(Object.values(validationMessages).map((m) => [m.en, m]));

/** Whether a message is one of ours (so any error's details carrying it can be answered in the reader's language). */
export function isKnownValidationMessage(message: unknown): boolean {
  return typeof message === 'string' && byEnglish.has(message);
}

export function localizeIssue(issue: { rule: string; message: string }, locale: Locale): string {
  const known = byEnglish.get(issue.message);
  if (locale === 'en') return known?.en ?? issue.message;
  return known?.zh ?? ruleMessagesZh[issue.rule] ?? '填写不正确';
}
