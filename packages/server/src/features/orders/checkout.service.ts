import { createHash } from 'node:crypto';
import { formatCheckoutMessage, formatRate, type CheckoutInput, type CurrencyCode, type PlaceOrderInput, type Quote } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findPurchasableVariants } from '../catalog/index.ts';
import { CBEC_LIMITS, cbecQuotaYear, describeCbecLimitVerdict, formatYuan } from '../cbec/index.ts';
import type { FreightTemplate } from '../shipping/index.ts';
import type { RateService } from '../rates/index.ts';
import { orderNumber, RISK_NOTICE } from './order.rules.ts';
import { allowanceUsed, holdForCheckout } from './order-holds.ts';
import { appendOrderEvent } from './order-records.ts';
import { findOrderDetails } from './order.repository.ts';
import type { AddressService } from '../addresses/index.ts';
import type { IdentityService } from '../identities/index.ts';
import { buildQuote, type QuoteProblem, type RateUsed, type ShipmentQuote } from './checkout-quote.rules.ts';
import type { Address, PlacedCheckout } from '@pavilion/contracts';
import type { IdentityForOrder } from '../identities/index.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The quote's note on a fully taxed item, in both languages (the quote is not per reader). */
const singleItemNotice = () =>
  ['zh-CN', 'en'].map((locale) => formatCheckoutMessage('singleItemFullTax', locale as 'zh-CN' | 'en', { limit: formatYuan(CBEC_LIMITS.perOrderFen) })).join(' ');

/**
 * The buyer's checkout: the landed-cost quote, and placing the orders with their stock and the
 * identity's yearly allowance reserved in the same transaction, under an idempotency key. The whole
 * placement (cart, payment, listings) is the place-checkout workflow; this is the orders' part.
 */
export class CheckoutService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rates: RateService;
  private readonly addresses: AddressService;
  private readonly identities: IdentityService;

  constructor(options: { db: Db; clock: Clock; rates: RateService; addresses: AddressService; identities: IdentityService }) {
    this.db = options.db;
    this.clock = options.clock;
    this.rates = options.rates;
    this.addresses = options.addresses;
    this.identities = options.identities;
  }

  async quote(caller: Caller | null, input: CheckoutInput): Promise<Quote> {
    const buyer = requireRole(caller, 'buyer');
    const priced = await this.price(this.db, buyer.userId, input);
    return this.toQuote(priced.shipments, priced.annualRemainingFen, priced.variantsById);
  }

  /**
   * The checkout already placed with this idempotency key, answered again (payment: null), or null
   * when the key is new. The same key with another body: IDEMPOTENCY_CONFLICT (409).
   */
  async placedWithKey(buyerUserId: string, idempotencyKey: string, input: PlaceOrderInput): Promise<PlacedCheckout | null> {
    const existing = await this.findByKey(this.db, buyerUserId, idempotencyKey);
    return existing ? this.replay(existing, requestHashOf(input), buyerUserId) : null;
  }

  /** The buyer must have accepted the current risk notice (风险告知书) before paying. */
  checkRiskNotice(input: PlaceOrderInput): void {
    if (input.riskNoticeVersion !== RISK_NOTICE.version) throw new AppError('RISK_NOTICE_NOT_ACCEPTED', { details: [{ field: 'body.riskNoticeVersion', rule: 'current_version', message: `must be ${RISK_NOTICE.version}` }] });
  }

  /**
   * Places one order per shipment group under one checkout, inside the caller's transaction: priced
   * again, the yearly allowance and the stock held (order-holds: conditional updates, all or
   * nothing), the checkout and its orders written under the idempotency key (its unique index
   * refuses a second placement with the same key). Answers what the rest of the flow needs.
   */
  async placeOrders(trx: Trx, o: { buyerUserId: string; idempotencyKey: string; input: PlaceOrderInput; now: Date; expiresAt: string }): Promise<{ checkoutId: string; totalFen: number; bought: Array<{ variantId: string; productId: string; quantity: number }> }> {
    const { input, now } = o;
    const priced = await this.price(trx, o.buyerUserId, input);
    const checkoutId = newId();
    const totalFen = priced.shipments.reduce((n, s) => n + s.totalFen, 0);
    await trx.insertInto('checkouts').values({ id: checkoutId, buyer_user_id: o.buyerUserId, idempotency_key: o.idempotencyKey, request_hash: requestHashOf(input), total_fen: totalFen, provider: input.paymentMethod, created_at: now.toISOString() }).execute();
    const year = cbecQuotaYear(now);
    const lines = priced.shipments.flatMap((s) => s.lines);
    await holdForCheckout(trx, {
      idHash: priced.identity.idHash,
      year,
      quotaFen: priced.shipments.reduce((n, s) => n + s.verdict.orderValueFen, 0),
      annualRemainingFen: priced.annualRemainingFen,
      lines: lines.map((l) => ({ variantId: l.variant.variantId, warehouseId: l.warehouseId, quantity: l.quantity, sku: l.variant.sku })),
      at: now.toISOString(),
    });
    for (const shipment of priced.shipments) {
      await insertOrder(trx, { checkoutId, shipment, buyerUserId: o.buyerUserId, identity: priced.identity, address: priced.address, year, now, expiresAt: o.expiresAt });
    }
    return { checkoutId, totalFen, bought: lines.map((l) => ({ variantId: l.variant.variantId, productId: l.variant.productId, quantity: l.quantity })) };
  }

  /** The orders of a placed checkout as the buyer sees them (identity masked). */
  async ordersOf(checkoutId: string): Promise<PlacedCheckout['orders']> {
    return findOrderDetails(this.db, { checkoutId }, { identity: true });
  }

  private async findByKey(db: Db, userId: string, key: string) {
    return db.selectFrom('checkouts').select(['id', 'request_hash', 'total_fen']).where('buyer_user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
  }

  private async replay(existing: { id: string; request_hash: string; total_fen: number }, requestHash: string, _userId: string): Promise<PlacedCheckout> {
    if (existing.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT', { details: [{ field: 'headers.idempotency-key', rule: 'same_body', message: 'was used with another request body' }] });
    const orders = await findOrderDetails(this.db, { checkoutId: existing.id }, { identity: true });
    return { checkoutId: existing.id, totalFen: Number(existing.total_fen), orders, payment: null };
  }

  private async price(db: Db | Trx, userId: string, input: CheckoutInput) {
    const [address, identity] = await Promise.all([this.addresses.forOrder(db, userId, input.addressId), this.identities.forOrder(db, userId, input.identityId)]);
    if (!address) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.addressId', rule: 'unknown', message: 'is not one of your addresses' }] });
    if (!identity) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.identityId', rule: 'unknown', message: 'is not one of your identities' }] });
    const variants = await findPurchasableVariants(db, input.lines.map((l) => l.variantId));
    const inForce = await this.rates.ratesInForce(db);
    const rates = new Map<CurrencyCode, RateUsed>([...inForce].map(([c, r]) => [c, { currency: c, rateMicro: r.rateMicro, effectiveDate: r.effectiveDate, source: r.source }]));
    const warehouseIds = [...new Set([...variants.values()].flatMap((v) => v.warehouses.map((w) => w.id)))];
    const templateRows = warehouseIds.length > 0 ? await db.selectFrom('shipping_templates').select(['warehouse_id', 'template']).where('warehouse_id', 'in', warehouseIds).execute() : [];
    const templates = new Map(templateRows.map((t) => [t.warehouse_id, JSON.parse(t.template) as FreightTemplate]));
    const year = cbecQuotaYear(this.clock());
    const result = buildQuote({ lines: input.lines, variants, rates, templates, provinceCode: address.provinceCode, usedThisYearFen: await allowanceUsed(db, identity.idHash, year) });
    if (!result.ok) throw problemError(result.problems, year);
    return { ...result, address, identity, variantsById: variants };
  }

  private toQuote(shipments: ShipmentQuote[], annualRemainingFen: number, variants: Map<string, { exporter: { id: string; nameZh: string; nameEn: string } }>): Quote {
    const sum = (pick: (s: ShipmentQuote) => number) => shipments.reduce((n, s) => n + pick(s), 0);
    return {
      shipments: shipments.map((s) => {
        const exporter = variants.get(s.lines[0]?.variant.variantId ?? '')?.exporter ?? { id: s.exporterId, nameZh: '', nameEn: '' };
        return {
          exporter: { id: exporter.id, nameZh: exporter.nameZh, nameEn: exporter.nameEn },
          warehouse: s.warehouse,
          customsMode: s.customsMode,
          lines: s.lines.map((l) => ({
            variantId: l.variant.variantId, productId: l.variant.productId, sku: l.variant.sku, titleZh: l.variant.titleZh, titleEn: l.variant.titleEn, optionValues: l.variant.optionValues,
            quantity: l.quantity, unitPriceOrigin: { amount: l.variant.priceMinor, currency: l.variant.currency }, unitFen: l.unitFen, goodsFen: l.goodsFen, freightFen: l.freightFen, taxFen: l.taxFen,
          })),
          exchangeRate: s.rate.currency === 'CNY' ? null : { currency: s.rate.currency, rate: formatRate(s.rate.rateMicro), effectiveDate: s.rate.effectiveDate, source: s.rate.source },
          goodsFen: s.goodsFen,
          freightFen: s.freightFen,
          taxFen: s.taxFen,
          taxParts: s.taxParts,
          totalFen: s.totalFen,
          regime: s.regime,
          notice: s.regime === 'general' ? singleItemNotice() : null,
        };
      }),
      goodsFen: sum((s) => s.goodsFen),
      freightFen: sum((s) => s.freightFen),
      taxFen: sum((s) => s.taxFen),
      taxParts: { tariffFen: sum((s) => s.taxParts.tariffFen), consumptionTaxFen: sum((s) => s.taxParts.consumptionTaxFen), vatFen: sum((s) => s.taxParts.vatFen) },
      totalFen: sum((s) => s.totalFen),
      annualRemainingFen,
      riskNotice: { version: RISK_NOTICE.version, text: RISK_NOTICE.text },
    };
  }

  /** The buyer's own checkout, for paying it again (404 for anyone else's). */
  async checkoutForPayment(caller: Caller | null, checkoutId: string) {
    const buyer = requireRole(caller, 'buyer');
    const row = await this.db.selectFrom('checkouts').select(['id', 'total_fen']).where('id', '=', checkoutId).where('buyer_user_id', '=', buyer.userId).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }
}

type Priced = { address: Address; identity: IdentityForOrder };

async function insertOrder(trx: Trx, o: { checkoutId: string; shipment: ShipmentQuote; buyerUserId: string; identity: Priced['identity']; address: Address; year: number; now: Date; expiresAt: string }): Promise<void> {
  const { shipment, now } = o;
  const orderId = newId();
  const first = shipment.lines[0];
  await trx
    .insertInto('orders')
    .values({
      id: orderId,
      number: orderNumber(chinaDate(now)),
      checkout_id: o.checkoutId,
      buyer_user_id: o.buyerUserId,
      exporter_id: shipment.exporterId,
      pavilion_id: first?.variant.exporter.pavilionId ?? '',
      warehouse_id: shipment.warehouse.id,
      customs_mode: shipment.customsMode,
      status: 'pending_payment',
      regime: shipment.regime,
      identity_id: o.identity.id,
      identity_name_masked: o.identity.nameMasked,
      identity_id_number_masked: o.identity.idNumberMasked,
      identity_name_sealed: o.identity.nameSealed,
      identity_id_number_sealed: o.identity.idNumberSealed,
      identity_hash: o.identity.idHash,
      quota_year: o.year,
      quota_fen: shipment.verdict.orderValueFen,
      consignee: JSON.stringify(o.address),
      goods_fen: shipment.goodsFen,
      freight_fen: shipment.freightFen,
      tax_fen: shipment.taxFen,
      tariff_fen: shipment.taxParts.tariffFen,
      consumption_tax_fen: shipment.taxParts.consumptionTaxFen,
      vat_fen: shipment.taxParts.vatFen,
      total_fen: shipment.totalFen,
      risk_notice_version: RISK_NOTICE.version,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      expires_at: o.expiresAt,
    })
    .execute();
  await trx
    .insertInto('order_lines')
    .values(
      shipment.lines.map((l, i) => ({
        id: newId(), order_id: orderId, line_no: i + 1, product_id: l.variant.productId, variant_id: l.variant.variantId, sku: l.variant.sku,
        title_zh: l.variant.titleZh, title_en: l.variant.titleEn, option_values: JSON.stringify(l.variant.optionValues), quantity: l.quantity,
        weight_grams: l.variant.weightGrams, unit_price_minor: l.variant.priceMinor, currency: l.variant.currency, rate_micro: shipment.rate.rateMicro,
        rate_date: shipment.rate.effectiveDate, rate_source: shipment.rate.source, unit_fen: l.unitFen, goods_fen: l.goodsFen, freight_fen: l.freightFen,
        tax_fen: l.taxFen, tariff_fen: l.tax.tariffFen, consumption_tax_fen: l.tax.consumptionTaxFen, vat_fen: l.tax.vatFen,
        hs_code: l.variant.hsCode, vat_rate_bp: l.variant.vatRateBp, consumption_tax_rate_bp: l.variant.consumptionTaxRateBp,
        // The tariff rate applied: 0% within the CBEC limits, whatever the table says.
        tariff_rate_bp: shipment.regime === 'general' ? l.variant.tariffRateBp : 0,
      })),
    )
    .execute();
  await appendOrderEvent(trx, { orderId, status: 'pending_payment', at: now.toISOString(), note: '' });
}

/** What the idempotency key is checked against: the same key with another body is a conflict. */
const requestHashOf = (input: PlaceOrderInput): string => createHash('sha256').update(JSON.stringify(input)).digest('hex');

function problemError(problems: QuoteProblem[], year: number): AppError {
  const limit = problems.find((p) => p.kind === 'limit');
  if (limit?.kind === 'limit') {
    const en = describeCbecLimitVerdict(limit.verdict, { locale: 'en', year });
    const zh = describeCbecLimitVerdict(limit.verdict, { locale: 'zh-CN', year });
    const v = limit.verdict;
    return new AppError(v.code, {
      ...(en && zh ? { messages: { en, zh } } : {}),
      details: { orderValueFen: v.orderValueFen, limitFen: v.limitFen, overByFen: v.overByFen, annualRemainingFen: v.annualRemainingFen, overBy: yuan(v.overByFen), annualRemaining: yuan(v.annualRemainingFen) },
    });
  }
  const untariffed = problems.filter((p) => p.kind === 'no_tariff_rate');
  if (untariffed.length > 0) {
    const codes = [...new Set(untariffed.map((p) => p.hsCode))].join(', ');
    return new AppError('NOT_PURCHASABLE', {
      messages: {
        en: `This item is taxed in full (one item over ¥${formatYuan(CBEC_LIMITS.perOrderFen)}), but the import tariff of its HS code ${codes} is not set yet, so it cannot be bought now.`,
        zh: `该商品需按货物税率全额征税（单件超过 ¥${formatYuan(CBEC_LIMITS.perOrderFen)}），但其 HS 编码 ${codes} 的进口关税税率尚未设置，暂不能购买。`,
      },
      details: untariffed.map((p) => ({ field: 'body.lines', rule: 'no_tariff_rate', message: `HS code ${p.hsCode} has no MFN tariff rate`, variantId: p.variantId })),
    });
  }
  const stock = problems.filter((p) => p.kind === 'out_of_stock');
  if (stock.length > 0) {
    return new AppError('OUT_OF_STOCK', { details: stock.map((p) => ({ field: 'body.lines', rule: 'out_of_stock', message: `${p.available} left`, variantId: p.variantId, requested: p.requested, available: p.available })) });
  }
  return new AppError('NOT_PURCHASABLE', {
    details: problems.flatMap((p) => (p.kind === 'not_purchasable' ? [{ field: 'body.lines', rule: p.reason, message: p.reason, variantId: p.variantId }] : [])),
  });
}
