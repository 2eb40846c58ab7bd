import type { CartLine, TaxRates } from './promotion-eligibility.rules.ts';
import type { BuyerCoupon, Campaign, CouponBatch, Funder, PromotionWindow } from './promotion.rules.ts';
import type { PromotionResolution } from './promotion-stacking.rules.ts';
import { settlePromotedCart, type CbecPromotedCart } from './promotion-cbec.rules.ts';

/** Fixtures shared by the promotions tests: Double 11 2026, noon in China, and a few goods. */
export const AT = new Date('2026-11-11T04:00:00.000Z');
export const DOUBLE_11: PromotionWindow = { startsAt: '2026-11-01T00:00:00+08:00', endsAt: '2026-11-12T00:00:00+08:00' };

export const MILK: TaxRates = { vatRateBp: 1300, consumptionTaxRateBp: 0 };
export const PERFUME: TaxRates = { vatRateBp: 1300, consumptionTaxRateBp: 1500 };
export const MANGO: TaxRates = { vatRateBp: 900, consumptionTaxRateBp: 0 };

export function cartLine(id: string, listUnitFen: number, more: Partial<CartLine> = {}): CartLine {
  return { id, orderKey: 'E1', variantId: `v-${id}`, productId: `p-${id}`, exporterId: 'E1', pavilionId: 'PK', categoryIds: ['food'], quantity: 1, listUnitFen, rates: MILK, ...more };
}

export function campaign(id: string, funder: Funder, more: Partial<Campaign> = {}): Campaign {
  return { id, name: { zh: '双11', en: 'Double 11' }, window: DOUBLE_11, pavilionId: null, budget: null, funder, ...more };
}

export function couponBatch(id: string, campaignId: string, more: Partial<CouponBatch> = {}): CouponBatch {
  return {
    id,
    campaignId,
    kind: 'coupon',
    priority: 0,
    exclusive: false,
    name: { zh: '优惠券', en: 'Coupon' },
    amount: { kind: 'fixed', amountFen: 1000 },
    minSpendFen: 0,
    scope: { kind: 'all' },
    totalQuantity: 1000,
    perBuyerLimit: 1,
    claimWindow: DOUBLE_11,
    validity: { kind: 'fixed', window: DOUBLE_11 },
    ...more,
  };
}

export function heldCoupon(id: string, batchId: string, more: Partial<BuyerCoupon> = {}): BuyerCoupon {
  return { id, batchId, claimedAt: '2026-11-05T00:00:00.000Z', usedAt: null, ...more };
}

/** Each order key of the cart as one CBEC order with the freight given (0 unless named). */
export function settleCbec(resolution: PromotionResolution, freights: Record<string, number> = {}): CbecPromotedCart {
  const keys = [...new Set(resolution.lines.map((l) => l.orderKey))];
  return settlePromotedCart({ resolution, orders: keys.map((key) => ({ key, freightFen: freights[key] ?? 0, regime: 'cbec' as const })) });
}
