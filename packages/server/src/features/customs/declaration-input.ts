import type { Address } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { Config } from '../../platform/config.ts';
import type { Ceb311Input, AppType } from './ceb311.rules.ts';
import { customsCountryCodes, DEFAULT_CUSTOMS_UNIT } from './customs-codes.ts';

/**
 * Where each CEB311 field comes from, for one order:
 * - head amounts: the order's goods, freight and tax in fen (no non-cash discounts exist yet: 0);
 *   the amount paid is the order's total (its share of the checkout's one payment);
 * - ebp from configuration (the deployment), ebc from configuration per pavilion slug;
 * - buyer: the account id, its mobile number (the consignee's when the account has none), the
 *   identity sealed on the order (opened only here, for the message file);
 * - consignee: the order's address snapshot, or what an operator corrected;
 * - lines: the order lines' SKU, Chinese title, quantity, unit price and value in fen; the country of
 *   origin from the product's published content (compliance.originCountry), snapshotted into the
 *   declaration (an operator may choose another customs country code, e.g. for an origin the code
 *   table lacks); the unit 件 unless an operator corrected it (products carry no customs unit yet).
 * The assembled input is stored as the declaration's snapshot, so a message is rebuilt byte for byte.
 */

/** An operator's corrections, kept per order and applied to every later message. */
export interface DeclarationCorrections {
  consignee?: { name?: string; telephone?: string; address?: string };
  lines?: Record<string, { itemName?: string; unit?: string; country?: string }>;
}

/** The message input without the clear buyer name and ID number (PIPL: never stored in clear). */
export type DeclarationSnapshot = Omit<Ceb311Input, 'appTime' | 'head'> & { appTime: string; head: Omit<Ceb311Input['head'], 'buyerName' | 'buyerIdNumber'> };

export interface DeclarationData {
  snapshot: (options: { guid: string; appType: AppType; appTime: Date }) => DeclarationSnapshot;
  paidFen: number;
  sealed: { nameSealed: string; idNumberSealed: string };
  masked: { name: string; idNumber: string };
}

/** The payment companies' customs registrations, by our provider name (CEB411 payCode / payName). */
export const paymentCompanies: Readonly<Record<string, { code: string; name: string }>> = {
  wechat: { code: '4403169D3W', name: '财付通支付科技有限公司' },
};

export async function loadDeclarationData(db: Db | Trx, orderId: string, customs: Config['customs']): Promise<DeclarationData | null> {
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('pavilions as p', 'p.id', 'o.pavilion_id')
    .innerJoin('users as u', 'u.id', 'o.buyer_user_id')
    .select([
      'o.id', 'o.number', 'o.checkout_id', 'o.buyer_user_id', 'o.consignee', 'o.goods_fen', 'o.freight_fen', 'o.tax_fen', 'o.total_fen',
      'o.identity_name_sealed', 'o.identity_id_number_sealed', 'o.identity_name_masked', 'o.identity_id_number_masked',
      'p.slug as pavilion_slug', 'p.name_zh as pavilion_name_zh', 'u.phone as buyer_phone',
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const lines = await db
    .selectFrom('order_lines as l')
    .innerJoin('products as pr', 'pr.id', 'l.product_id')
    .leftJoin('product_revisions as r', 'r.id', 'pr.live_revision_id')
    .select(['l.line_no', 'l.sku', 'l.title_zh', 'l.option_values', 'l.quantity', 'l.unit_fen', 'l.goods_fen', 'r.content'])
    .where('l.order_id', '=', orderId)
    .orderBy('l.line_no')
    .execute();
  const payment = await db.selectFrom('payments').select(['provider', 'transaction_id']).where('checkout_id', '=', order.checkout_id).where('status', '=', 'paid').orderBy('paid_at').executeTakeFirst();
  const correctionRow = await db.selectFrom('customs_corrections').select('data').where('order_id', '=', orderId).executeTakeFirst();
  const corrections = correctionRow ? (JSON.parse(correctionRow.data) as DeclarationCorrections) : {};

  const consignee = JSON.parse(order.consignee) as Address;
  // 上海市 / 上海市 / 浦东新区: a municipality's city repeats the province, written once.
  const place = [consignee.provinceName, consignee.cityName === consignee.provinceName ? '' : consignee.cityName, consignee.districtName, consignee.street].join('');
  const ebc = customs.ebc[order.pavilion_slug] ?? (customs.devDefaults ? { code: devCode(order.pavilion_slug), name: order.pavilion_name_zh } : { code: '', name: '' });
  const company = payment ? paymentCompanies[payment.provider] : undefined;

  const declaredLines = lines.map((l, i) => {
    const fix = corrections.lines?.[String(l.line_no)] ?? {};
    const options = JSON.parse(l.option_values) as string[];
    return {
      gnum: i + 1,
      itemNo: l.sku,
      itemName: fix.itemName ?? l.title_zh,
      ...(options.length > 0 ? { gmodel: options.join(' / ') } : {}),
      unit: fix.unit ?? DEFAULT_CUSTOMS_UNIT,
      qty: l.quantity,
      priceFen: Number(l.unit_fen),
      totalPriceFen: Number(l.goods_fen),
      country: fix.country ?? customsCountryCodes[originOf(l.content)] ?? '',
      ...(fix.country === undefined && originOf(l.content) !== '' ? { originIso: originOf(l.content) } : {}),
    };
  });

  return {
    paidFen: Number(order.total_fen),
    sealed: { nameSealed: order.identity_name_sealed, idNumberSealed: order.identity_id_number_sealed },
    masked: { name: order.identity_name_masked, idNumber: order.identity_id_number_masked },
    snapshot: ({ guid, appType, appTime }) => ({
      guid,
      appType,
      appTime: appTime.toISOString(),
      head: {
        orderNo: order.number,
        ebpCode: customs.ebp.code,
        ebpName: customs.ebp.name,
        ebcCode: ebc.code,
        ebcName: ebc.name,
        goodsValueFen: Number(order.goods_fen),
        freightFen: Number(order.freight_fen),
        discountFen: 0,
        taxTotalFen: Number(order.tax_fen),
        acturalPaidFen: Number(order.goods_fen) + Number(order.freight_fen) + Number(order.tax_fen),
        currency: 'CNY',
        buyerRegNo: order.buyer_user_id,
        buyerTelephone: order.buyer_phone ?? consignee.phone,
        ...(company ? { payCode: company.code, payName: company.name } : {}),
        ...(payment?.transaction_id ? { payTransactionId: payment.transaction_id } : {}),
        consignee: corrections.consignee?.name ?? consignee.name,
        consigneeTelephone: corrections.consignee?.telephone ?? consignee.phone,
        consigneeAddress: corrections.consignee?.address ?? place,
        consigneeDistrict: consignee.districtCode,
      },
      lines: declaredLines,
      transfer: { copCode: customs.ebp.code, copName: customs.ebp.name, dxpId: customs.dxpId },
    }),
  };
}

/** The message input again, with the buyer's name and number (clear for the file, masked for operators). */
export function withBuyer(snapshot: DeclarationSnapshot, buyer: { name: string; idNumber: string }): Ceb311Input {
  return { ...snapshot, appTime: new Date(snapshot.appTime), head: { ...snapshot.head, buyerName: buyer.name, buyerIdNumber: buyer.idNumber } };
}

function originOf(content: string | null): string {
  if (!content) return '';
  try {
    const parsed = JSON.parse(content) as { compliance?: { originCountry?: unknown } };
    return typeof parsed.compliance?.originCountry === 'string' ? parsed.compliance.originCountry : '';
  } catch {
    return '';
  }
}

/** A development ebc code per pavilion ("DEVPAKISTAN"), never a real registration. */
const devCode = (slug: string) => `DEV${slug.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 18);
