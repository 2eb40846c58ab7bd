import { z } from 'zod';
import { isoDateSchema } from './text.ts';
import { customsModes, priceSchema } from './catalog.ts';
import { buyerNameSchema, consigneeSchema, residentIdNumberSchema } from './checkout.ts';
import { currencySchema } from './money.ts';
import { orderShipmentSchema } from './fulfilment.ts';
import { validationMessages as m } from './validation.ts';

/**
 * The buyer's side of a cross-border retail purchase: cart, address book, real-name identities,
 * the landed-cost quote, orders and their payment. Amounts are integer fen (CNY).
 */

const fen = z.number().int();

// Cart

export const cartLineInputSchema = z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(999) }).strict();
/** A guest's cart token (as the server gave it), merged into the account at sign-in. */
export const cartMergeInputSchema = z.object({ guestToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: m.cartToken.en }) }).strict();
export const cartLineUpdateSchema = z.object({ quantity: z.number().int().min(0).max(999) }).strict();

/** Why a line cannot be bought now; it stays in the cart, visible, with this reason. */
export const cartLineProblems = ['unpublished', 'out_of_stock', 'not_enough_stock', 'no_exchange_rate', 'not_retail_eligible'] as const;

export const cartLineSchema = z.object({
  variantId: z.string(),
  productId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  optionValues: z.array(z.string()),
  cover: z.string().nullable(),
  exporter: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  quantity: z.number().int(),
  unitPrice: priceSchema,
  available: z.number().int(),
  problem: z.enum(cartLineProblems).nullable(),
});
export const cartSchema = z.object({
  lines: z.array(cartLineSchema),
  /** Yuan of the lines that can be bought (goods only: freight and tax come with the quote). */
  goodsFen: fen,
  /** A guest's cart token (the header `x-cart-token` sends it back); null for a signed-in buyer. */
  guestToken: z.string().nullable(),
});
export type Cart = z.infer<typeof cartSchema>;

// Address book

export const addressInputSchema = consigneeSchema.extend({ isDefault: z.boolean().default(false) }).strict();
export const addressSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  provinceName: z.string(),
  cityName: z.string(),
  districtName: z.string(),
  street: z.string(),
  isDefault: z.boolean(),
});
export type Address = z.infer<typeof addressSchema>;
export const addressListSchema = z.object({ items: z.array(addressSchema) });
export const divisionListSchema = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

// Real-name identities (订购人)

/** The consent text's version the buyer accepts before the first identity is saved (PIPL art. 29). */
export const IDENTITY_CONSENT_VERSION = '2026-11-23';
export const identityConsentInputSchema = z.object({ textVersion: z.literal(IDENTITY_CONSENT_VERSION, { message: m.consentVersion.en }) }).strict();
export const identityConsentSchema = z.object({ textVersion: z.string(), acceptedAt: z.string() });
export const identityInputSchema = z.object({ name: buyerNameSchema, idNumber: residentIdNumberSchema }).strict();
/** Only masked forms ever leave the server. */
export const identitySchema = z.object({ id: z.string(), nameMasked: z.string(), idNumberMasked: z.string(), createdAt: z.string() });
export type Identity = z.infer<typeof identitySchema>;
export const identityListSchema = z.object({ items: z.array(identitySchema), consent: identityConsentSchema.nullable() });

// Shipping templates (per exporter warehouse)

const grams = z.number().int().min(1).max(1_000_000);
/** At most ¥10,000 a first weight or step (money.ts says why). */
const freightFen = z.number().int().min(0).max(1_000_000);
const fenAmount = z.number().int().min(0).max(100_000_000);
/** First weight and its price, then each further step and its price (1,000 g ¥12.00, then ¥8.00 per 500 g). */
export const freightRateSchema = z.object({ firstWeightGrams: grams, firstPriceFen: freightFen, stepWeightGrams: grams, stepPriceFen: freightFen }).strict();
export const freightTemplateSchema = z
  .object({
    /** Rates by group name ("default", "remote", …). */
    rates: z.record(z.string().regex(/^[a-z0-9_-]{1,20}$/, { message: m.freightGroupName.en }), freightRateSchema),
    /** Province code (6 digits) → group; provinces not listed use `defaultGroup`. */
    provinceGroups: z.record(z.string().regex(/^\d{6}$/, { message: m.chinaDivisionCode.en }), z.string()),
    defaultGroup: z.string().min(1, { message: m.required.en }),
    /** Free delivery from this goods value in fen (null: never). */
    freeFromGoodsValueFen: fenAmount.nullable(),
  })
  .strict();
export const shippingTemplateSchema = z.object({ warehouseId: z.string(), template: freightTemplateSchema, isDefault: z.boolean(), updatedAt: z.string().nullable() });

// Quote and placement

export const checkoutInputSchema = z
  .object({
    lines: z.array(cartLineInputSchema).min(1, { message: m.required.en }).max(50),
    addressId: z.uuid(),
    identityId: z.uuid(),
  })
  .strict();
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;
export const placeOrderInputSchema = checkoutInputSchema
  .extend({
    /** The buyer read and accepted the risk notice (风险告知书) of this version. */
    riskNoticeVersion: z.string().min(1, { message: m.required.en }),
    paymentMethod: z.enum(['wechat', 'sandbox']).default('sandbox'),
  })
  .strict();
export type PlaceOrderInput = z.infer<typeof placeOrderInputSchema>;

export const quoteLineSchema = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  optionValues: z.array(z.string()),
  quantity: z.number().int(),
  unitPriceOrigin: z.object({ amount: z.number().int(), currency: currencySchema }),
  unitFen: fen,
  goodsFen: fen,
  freightFen: fen,
  taxFen: fen,
});
export const exchangeRateUsedSchema = z.object({ currency: currencySchema, rate: z.string(), effectiveDate: z.string(), source: z.string() });

/** One shipment group: one exporter × warehouse × customs mode, which customs takes as one order. */
export const shipmentQuoteSchema = z.object({
  exporter: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  warehouse: z.object({ id: z.string(), kind: z.enum(['origin', 'bonded']), name: z.string(), city: z.string() }),
  customsMode: z.enum(customsModes),
  lines: z.array(quoteLineSchema),
  exchangeRate: exchangeRateUsedSchema.nullable(),
  goodsFen: fen,
  freightFen: fen,
  taxFen: fen,
  totalFen: fen,
  /** 'general': one indivisible item above the per-order limit, taxed in full. */
  regime: z.enum(['cbec', 'general']),
  /** Set when the group is taxed in full (single-item exception): say so before payment. */
  notice: z.string().nullable(),
});
export const quoteSchema = z.object({
  shipments: z.array(shipmentQuoteSchema),
  goodsFen: fen,
  freightFen: fen,
  taxFen: fen,
  totalFen: fen,
  /** What remains of the identity's yearly allowance after these orders. */
  annualRemainingFen: fen,
  riskNotice: z.object({ version: z.string(), text: z.string() }),
});
export type Quote = z.infer<typeof quoteSchema>;

// Orders

/**
 * The order's commercial and fulfilment life: pending_payment → paid → shipped → delivered →
 * completed; pending_payment → cancelled (expired or by the buyer); paid → refunding → refunded
 * (refunded before it shipped); delivered | completed → refunded (every line returned and refunded).
 * Customs runs beside it (customsStatus), because a 9610 parcel ships before it is released.
 */
export const orderStatuses = ['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * Where the order stands with customs (三单对碰): pending (nothing sent yet: unpaid, or paid and waiting
 * for the declaration worker), submitted (CEB311 sent, no receipt yet), accepted, rejected (the
 * receipt's reason is shown to operators, who correct and resend it), released (放行). Every CBEC
 * order is declared, the single item above the per-order limit (taxed in full) too.
 */
export const customsStatuses = ['pending', 'submitted', 'accepted', 'rejected', 'released'] as const;
export type CustomsStatus = (typeof customsStatuses)[number];

/** Why an order is held for an operator: the payer is not the buyer, or customs refused the declaration. */
export const orderHolds = ['identity_mismatch', 'customs_rejected'] as const;
export type OrderHold = (typeof orderHolds)[number];

export const orderEventSchema = z.object({ status: z.string(), at: z.string(), note: z.string() });
export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(orderStatuses),
  exporter: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  customsMode: z.enum(customsModes),
  goodsFen: fen,
  freightFen: fen,
  taxFen: fen,
  totalFen: fen,
  itemCount: z.number().int(),
  firstTitleZh: z.string(),
  firstTitleEn: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  customsStatus: z.enum(customsStatuses),
  hold: z.enum(orderHolds).nullable(),
  releasedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;
export const orderListSchema = z.object({ items: z.array(orderSummarySchema) });
export const orderDetailSchema = orderSummarySchema.extend({
  checkoutId: z.string(),
  regime: z.enum(['cbec', 'general']),
  lines: z.array(quoteLineSchema),
  exchangeRates: z.array(exchangeRateUsedSchema),
  consignee: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
  /** Masked; exporters do not get it at all. */
  identity: z.object({ nameMasked: z.string(), idNumberMasked: z.string() }).nullable(),
  timeline: z.array(orderEventSchema),
  /** The parcels and their tracking events, oldest first (empty before shipping). */
  shipments: z.array(orderShipmentSchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** What the buyer's app needs to pay: WeChat's wx.requestPayment parameters, or the sandbox page. */
export const paymentStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wx.requestPayment'), params: z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }) }),
  z.object({ kind: z.literal('sandbox'), url: z.string() }),
]);
export const placedCheckoutSchema = z.object({
  checkoutId: z.string(),
  totalFen: fen,
  orders: z.array(orderDetailSchema),
  payment: paymentStartSchema.nullable(),
});
export type PlacedCheckout = z.infer<typeof placedCheckoutSchema>;

export const orderListQuerySchema = z
  .object({
    status: z.enum(orderStatuses).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    number: z.string().max(40).optional(),
  })
  .strict();
