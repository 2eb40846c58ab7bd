import { XMLParser } from 'fast-xml-parser';

/**
 * The order receipt (CEB312, 订单回执) customs sends back for each CEB311, read as pure data.
 *
 * returnStatus codes, as the single window's receipt status table lists them (public integrations
 * of the 总署版 system use the same list): 0 异常回执, 1 电子口岸已暂存, 2 电子口岸申报中, 100 海关退单,
 * 120 海关入库, 300 人工审核, 399 海关审结, 500 查验, 501/502/599 扣留, 700 退运, 800 放行.
 * What each means for Pavilion's order (customs_status) is the table below, kept as data; a code
 * not in it changes nothing and is shown to operators as received.
 */
export type ReceiptEffect = 'submitted' | 'accepted' | 'rejected' | 'released';

export const returnStatusEffects: Readonly<Record<string, { effect: ReceiptEffect; zh: string; en: string }>> = {
  '0': { effect: 'rejected', zh: '异常回执', en: 'error receipt' },
  '1': { effect: 'submitted', zh: '电子口岸已暂存', en: 'stored by the e-port' },
  '2': { effect: 'submitted', zh: '电子口岸申报中', en: 'being declared by the e-port' },
  '100': { effect: 'rejected', zh: '海关退单', en: 'rejected by customs' },
  '120': { effect: 'accepted', zh: '海关入库成功', en: 'accepted by customs' },
  '300': { effect: 'accepted', zh: '人工审核', en: 'under manual review' },
  '399': { effect: 'accepted', zh: '海关审结', en: 'concluded by customs' },
  '500': { effect: 'accepted', zh: '查验', en: 'held for inspection' },
  '501': { effect: 'rejected', zh: '扣留移送通关', en: 'detained (clearance)' },
  '502': { effect: 'rejected', zh: '扣留移送缉私', en: 'detained (anti-smuggling)' },
  '599': { effect: 'rejected', zh: '其他扣留', en: 'detained (other)' },
  '700': { effect: 'rejected', zh: '退运', en: 'returned' },
  '800': { effect: 'released', zh: '放行', en: 'released' },
};

export interface Ceb312Receipt {
  /** The guid of the CEB311 this answers (OrderReturn/guid). */
  guid: string;
  orderNo: string;
  returnStatus: string;
  /** As sent: yyyyMMddHHmmss plus optional milliseconds, China time. */
  returnTime: string;
  returnInfo: string;
}

export class ReceiptParseError extends Error {}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true, trimValues: true, processEntities: true });

/** Reads a CEB312 file; throws ReceiptParseError when it is not one (the file is then set aside, not retried forever). */
export function parseCeb312(xml: string): Ceb312Receipt {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (cause) {
    throw new ReceiptParseError(`not well-formed XML: ${String(cause)}`);
  }
  const root = record(record(doc)?.CEB312Message);
  const ret = record(Array.isArray(root?.OrderReturn) ? root.OrderReturn[0] : root?.OrderReturn);
  if (!ret) throw new ReceiptParseError('no CEB312Message/OrderReturn');
  const text = (name: string, required: boolean): string => {
    const value = ret[name];
    const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    if (required && s === '') throw new ReceiptParseError(`OrderReturn/${name} is missing`);
    return s;
  };
  return { guid: text('guid', true).toUpperCase(), orderNo: text('orderNo', true), returnStatus: text('returnStatus', true), returnTime: text('returnTime', false), returnInfo: text('returnInfo', false) };
}

/** yyyyMMddHHmmss[SSS] in China time → ISO-8601 UTC; null when it is not such a time. */
export function returnTimeToIso(returnTime: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{0,3})$/.exec(returnTime);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${(m[7] ?? '').padEnd(3, '0')}+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
