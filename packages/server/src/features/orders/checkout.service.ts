import { createHash } from 'node:crypto';
import { formatCheckoutMessage, formatRate, type CheckoutInput, type CurrencyCode, type PlaceOrderInput, type Quote } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { refreshListingStock } from '../catalog/index.ts';
import { findPurchasableVariants } from '../catalog/index.ts';
import { CBEC_LIMITS, cbecQuotaYear, describeCbecLimitVerdict, formatYuan } from '../checkout/index.ts';
import type { FreightTemplate } from '../checkout/index.ts';
import type { RateService } from '../rates/index.ts';
import { orderNumber, outTradeNumber, PAYMENT_WINDOW_MS, RISK_NOTICE } from './order.rules.ts';
import { findOrderDetails } from './order.repository.ts';
import type { AddressService } from '../addresses/index.ts';
import type { IdentityService } from '../identities/index.ts';
import type { CartService } from '../cart/index.ts';
import { buildQuote, type QuoteProblem, type RateUsed, type ShipmentQuote } from './quote.rules.ts';
import type { Address, PlacedCheckout } from '@pavilion/contracts';
import type { IdentityForOrder } from '../identities/index.ts';

/** Starts the payment of a placed checkout with its provider (after the placement committed). */
export type StartPayment = (input: { paymentId: string; method: PlaceOrderInput['paymentMethod']; buyerUserId: string; expiresAt: string }) => Promise<PlacedCheckout['payment']>;

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The quote's note on a fully taxed item, in both languages (the quote is not per reader). */
const singleItemNotice = () =>
  ['zh-CN', 'en'].map((locale) => formatCheckoutMessage('singleItemFullTax', locale as 'zh-CN' | 'en', { limit: formatYuan(CBEC_LIMITS.perOrderFen) })).join(' ');

/**
 * The buyer's checkout: the landed-cost quote, and placing the orders with their stock and the
 * identity's yearly allowance reserved in the same transaction, under an idempotency key.
 */
export class CheckoutService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rates: RateService;
  private startPayment: StartPayment | null = null;
  private readonly addresses: AddressService;
  private readonly identities: IdentityService;
  private readonly carts: CartService;

  constructor(options: { db: Db; clock: Clock; rates: RateService; addresses: AddressService; identities: IdentityService; carts: CartService }) {
    this.db = options.db;
    this.clock = options.clock;
    this.rates = options.rates;
    this.addresses = options.addresses;
    this.identities = options.identities;
    this.carts = options.carts;
  }

  /** The payments feature plugs in here (it is built after this service). */
  setPaymentStarter(start: StartPayment): void {
    this.startPayment = start;
  }

  async quote(caller: Caller | null, input: CheckoutInput): Promise<Quote> {
    const buyer = requireRole(caller, 'buyer');
    const priced = await this.price(this.db, buyer.userId, input);
    return this.toQuote(priced.shipments, priced.annualRemainingFen, priced.variantsById);
  }

  /**
   * Places one order per shipment group under one checkout and one payment. The same key with the
   * same body answers the same checkout; with another body, 409. Stock is reserved by conditional
   * updates (never below what is on hand), the yearly allowance likewise, all or nothing.
   */
  async place(caller: Caller | null, idempotencyKey: string, input: PlaceOrderInput): Promise<PlacedCheckout> {
    const buyer = requireRole(caller, 'buyer');
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const existing = await this.findByKey(this.db, buyer.userId, idempotencyKey);
    if (existing) return this.replay(existing, requestHash, buyer.userId);
    if (input.riskNoticeVersion !== RISK_NOTICE.version) throw new AppError('RISK_NOTICE_NOT_ACCEPTED', { details: [{ field: 'body.riskNoticeVersion', rule: 'current_version', message: `must be ${RISK_NOTICE.version}` }] });

    const now = this.clock();
    const expiresAt = new Date(now.getTime() + PAYMENT_WINDOW_MS).toISOString();
    let placed: { checkoutId: string; paymentId: string; totalFen: number };
    try {
      placed = await this.db.transaction().execute(async (trx) => {
        const priced = await this.price(trx, buyer.userId, input);
        const checkoutId = newId();
        const totalFen = priced.shipments.reduce((n, s) => n + s.totalFen, 0);
        const provider = input.paymentMethod;
        await trx.insertInto('checkouts').values({ id: checkoutId, buyer_user_id: buyer.userId, idempotency_key: idempotencyKey, request_hash: requestHash, total_fen: totalFen, provider, created_at: now.toISOString() }).execute();
        const year = cbecQuotaYear(now);
        const quotaFen = priced.shipments.reduce((n, s) => n + s.verdict.orderValueFen, 0);
        await reserveQuota(trx, priced.identity.idHash, year, quotaFen, priced);
        // Stock rows are taken in one fixed order (variant, warehouse), so two placements on
        // PostgreSQL never wait on each other in a circle.
        const holds = priced.shipments.flatMap((s) => s.lines).sort((a, b) => (a.variant.variantId + a.warehouseId < b.variant.variantId + b.warehouseId ? -1 : 1));
        for (const line of holds) {
          const reserved = await trx
            .updateTable('stock_levels')
            .set((eb) => ({ reserved: eb('reserved', '+', line.quantity), updated_at: now.toISOString() }))
            .where('variant_id', '=', line.variant.variantId)
            .where('warehouse_id', '=', line.warehouseId)
            .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', line.quantity))
            .executeTakeFirst();
          if (Number(reserved.numUpdatedRows) !== 1) {
            throw new AppError('OUT_OF_STOCK', { details: [{ field: 'body.lines', rule: 'out_of_stock', message: `${line.variant.sku}: not enough stock`, variantId: line.variant.variantId }] });
          }
        }
        for (const shipment of priced.shipments) {
          await insertOrder(trx, { checkoutId, shipment, buyerUserId: buyer.userId, identity: priced.identity, address: priced.address, year, now, expiresAt });
        }
        const touchedProducts = [...new Set(holds.map((l) => l.variant.productId))].sort();
        // What was bought leaves the cart, in the same transaction.
        await this.carts.removeBought(trx, buyer.userId, holds.map((l) => ({ variantId: l.variant.variantId, quantity: l.quantity })));
        const paymentId = newId();
        await trx.insertInto('payments').values({ id: paymentId, checkout_id: checkoutId, provider, out_trade_no: outTradeNumber(chinaDate(now)), amount_fen: totalFen, status: 'pending', created_at: now.toISOString() }).execute();
        // Stock shown on product pages and listings changed: cached pages of the old version go.
        await refreshListingStock(trx, touchedProducts);
        return { checkoutId, paymentId, totalFen };
      });
    } catch (err) {
      // Two requests with the same key at once: the second answers the first's checkout, whether it
      // lost on the key's unique index or because the first took the last units meanwhile.
      if (isUniqueViolation(err) || err instanceof AppError) {
        const again = await this.findByKey(this.db, buyer.userId, idempotencyKey);
        if (again) return this.replay(again, requestHash, buyer.userId);
      }
      throw err;
    }
    const orders = await findOrderDetails(this.db, { checkoutId: placed.checkoutId }, { identity: true });
    // The orders stand once committed: a provider that fails to start the payment leaves them
    // unpaid (POST /checkouts/:id/pay tries again), never the placement undone.
    let payment: PlacedCheckout['payment'] = null;
    if (this.startPayment) {
      try {
        payment = await this.startPayment({ paymentId: placed.paymentId, method: input.paymentMethod, buyerUserId: buyer.userId, expiresAt });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return { checkoutId: placed.checkoutId, totalFen: placed.totalFen, orders, payment };
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
    const quota = await db.selectFrom('identity_quotas').select('used_fen').where('id_hash', '=', identity.idHash).where('year', '=', year).executeTakeFirst();
    const result = buildQuote({ lines: input.lines, variants, rates, templates, provinceCode: address.provinceCode, usedThisYearFen: Number(quota?.used_fen ?? 0) });
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

/** 财关税〔2018〕49号: the yearly allowance is reserved like stock, so two orders at once cannot pass it together. */
async function reserveQuota(trx: Trx, idHash: string, year: number, fen: number, priced: Priced & { annualRemainingFen: number }): Promise<void> {
  await trx.insertInto('identity_quotas').values({ id_hash: idHash, year, used_fen: 0 }).onConflict((oc) => oc.columns(['id_hash', 'year']).doNothing()).execute();
  const updated = await trx
    .updateTable('identity_quotas')
    .set((eb) => ({ used_fen: eb('used_fen', '+', fen) }))
    .where('id_hash', '=', idHash)
    .where('year', '=', year)
    .where((eb) => eb(eb('used_fen', '+', fen), '<=', CBEC_LIMITS.annualFen))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new AppError('ANNUAL_QUOTA_EXCEEDED', { details: { remainingFen: priced.annualRemainingFen } });
  }
}

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
  await trx.insertInto('order_events').values({ id: newId(), order_id: orderId, status: 'pending_payment', at: now.toISOString(), note: '' }).execute();
}

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
