import { divideRoundHalfUp } from '@pavilion/contracts';

/**
 * The model of promotions, as pure types and rules (no database): campaigns, and inside them the four
 * kinds of promotion the issue asks for (price reductions, coupon batches, spend-and-save, flash
 * sales). Money is integer fen (CNY) throughout: promotions speak to Chinese buyers in yuan, whatever
 * currency the exporter prices in, so a campaign price is set in fen and compared with the list price
 * already converted at the order's rate. Instants are ISO strings, windows half-open [startsAt, endsAt):
 * an operator enters a window in China time and it is stored as the instants it means.
 */

/** Who pays for a promotion. Names the party so a discount can never be charged to someone else's goods. */
export type Funder = { kind: 'platform' } | { kind: 'pavilion'; pavilionId: string } | { kind: 'exporter'; exporterId: string };
export type FunderKind = Funder['kind'];

export interface PromotionWindow {
  startsAt: string;
  endsAt: string;
}

/** A campaign's budget: the money its promotions may give away in total, or the orders they may apply to. */
export type CampaignBudget = { kind: 'spend'; amountFen: number } | { kind: 'uses'; count: number };

export interface Campaign {
  id: string;
  name: { zh: string; en: string };
  window: PromotionWindow;
  /** The pavilion the campaign runs in; null runs it in every pavilion. */
  pavilionId: string | null;
  /** Null: no budget beyond each promotion's own limits. */
  budget: CampaignBudget | null;
  funder: Funder;
}

/** Which goods a coupon or a spend-and-save counts and discounts. */
export type PromotionScope =
  | { kind: 'all' }
  | { kind: 'pavilion'; pavilionId: string }
  | { kind: 'exporter'; exporterId: string }
  /** A line matches when its product's category or any ancestor of it is listed. */
  | { kind: 'category'; categoryIds: readonly string[] }
  | { kind: 'products'; productIds: readonly string[] };

interface PromotionBase {
  id: string;
  campaignId: string;
  /** Higher first within a kind; ties by id, so the outcome never depends on the order promotions are loaded. */
  priority: number;
  /** 不与其他优惠同享: the goods it applies to take no other promotion, and it takes no goods another already applies to. */
  exclusive: boolean;
}

export type PriceReductionTarget = { kind: 'product'; productId: string } | { kind: 'variant'; variantId: string };
/** The campaign price of one unit: a price in fen, or a percentage off the list price in basis points. */
export type ReducedPrice = { kind: 'fixed'; unitPriceFen: number } | { kind: 'percent_off'; offBp: number };

/** A campaign price on products or variants (a variant's own item wins over its product's). */
export interface PriceReduction extends PromotionBase {
  kind: 'price_reduction';
  items: ReadonlyArray<{ target: PriceReductionTarget; price: ReducedPrice }>;
}

export type CouponValidity = { kind: 'fixed'; window: PromotionWindow } | { kind: 'days_after_claim'; days: number };
/** A coupon's face: a fixed amount, or a percentage off (basis points) with an optional cap in fen. */
export type CouponAmount = { kind: 'fixed'; amountFen: number } | { kind: 'percent'; offBp: number; capFen: number | null };

/** A batch of coupons buyers claim in the coupon centre (or are granted); each claimed coupon is a BuyerCoupon. */
export interface CouponBatch extends PromotionBase {
  kind: 'coupon';
  name: { zh: string; en: string };
  amount: CouponAmount;
  /** The in-scope goods value the order must reach; 0 for a coupon without threshold (无门槛). */
  minSpendFen: number;
  scope: PromotionScope;
  /** Coupons the batch may hand out in all. */
  totalQuantity: number;
  perBuyerLimit: number;
  claimWindow: PromotionWindow;
  validity: CouponValidity;
}

export interface SpendAndSaveTier {
  spendFen: number;
  saveFen: number;
}

/** 满减: spend ¥X on in-scope goods, save ¥Y; with tiers the highest reached applies. */
export interface SpendAndSave extends PromotionBase {
  kind: 'spend_and_save';
  scope: PromotionScope;
  /** Ascending in both spend and save. */
  tiers: readonly SpendAndSaveTier[];
}

/** One variant in a flash-sale slot: its price, the units carved out for the slot, how many one buyer may take. */
export interface FlashSaleItem {
  variantId: string;
  unitPriceFen: number;
  stock: number;
  perBuyerLimit: number;
}

export interface FlashSaleSlot {
  id: string;
  window: PromotionWindow;
  items: readonly FlashSaleItem[];
}

/** 秒杀: time slots, each with its prices and its own stock pool. */
export interface FlashSale extends PromotionBase {
  kind: 'flash_sale';
  slots: readonly FlashSaleSlot[];
}

export type Promotion = PriceReduction | CouponBatch | SpendAndSave | FlashSale;
export type PromotionKind = Promotion['kind'];

/** A coupon a buyer holds: claimed (or granted) from a batch at an instant; `usedAt` once an order used it. */
export interface BuyerCoupon {
  id: string;
  batchId: string;
  claimedAt: string;
  usedAt: string | null;
}

/**
 * Why a promotion does not apply, as a code with its figures: the web words it in the reader's
 * language ("差 ¥12 可用" from { code: 'min_spend_short', shortFen: 1200 }).
 */
export type PromotionReason =
  /** The campaign, slot, claim window or coupon has not opened yet: the web counts down to `startsAt`. */
  | { code: 'not_started'; startsAt: string }
  /** It closed at `endedAt`. */
  | { code: 'expired'; endedAt: string }
  /** The in-scope goods fall short of the threshold by `shortFen`. */
  | { code: 'min_spend_short'; shortFen: number; minSpendFen: number }
  /** None of the cart's goods are in its scope (or in its campaign's pavilion, or its funder's goods). */
  | { code: 'out_of_scope' }
  /** It cannot be combined with `promotionId` (and that coupon, for a coupon), which applies instead. */
  | { code: 'not_stackable'; promotionId: string; couponId: string | null }
  /** The exclusive `promotionId` applies to the goods in scope, so no other promotion may. */
  | { code: 'exclusive'; promotionId: string }
  /** The campaign's budget left cannot cover the saving (`leftFen` for a spend budget). */
  | { code: 'budget_exhausted'; leftFen: number | null }
  /** The coupon was used by an order already. */
  | { code: 'used' }
  /** The buyer picked other coupons. */
  | { code: 'not_chosen' }
  /** The promotion would not lower what the buyer pays (a campaign price at or above the list price). */
  | { code: 'no_saving' }
  /** The flash-sale slot has fewer units left than the line asks for. */
  | { code: 'flash_sold_out'; leftUnits: number }
  /** The line asks for more than the buyer may still take in the slot. */
  | { code: 'flash_limit'; limit: number; leftUnits: number }
  /** Claiming: the batch has handed out all its coupons. */
  | { code: 'claimed_out' }
  /** Claiming: the buyer holds as many as the batch allows. */
  | { code: 'claim_limit'; limit: number };

export type PromotionReasonCode = PromotionReason['code'];

/** Null while `at` is inside the window, else why not. */
export function windowReason(window: PromotionWindow, at: Date): Extract<PromotionReason, { code: 'not_started' | 'expired' }> | null {
  const now = at.getTime();
  if (now < Date.parse(window.startsAt)) return { code: 'not_started', startsAt: window.startsAt };
  if (now >= Date.parse(window.endsAt)) return { code: 'expired', endedAt: window.endsAt };
  return null;
}

const DAY_MS = 86_400_000;

/**
 * When a claimed coupon may be used. "N days after claiming" runs N × 24 hours from the claim, to the
 * second, as the coupon centres buyers know count it (领取后N天内有效).
 */
export function couponValidity(batch: Pick<CouponBatch, 'validity'>, claimedAt: string): PromotionWindow {
  if (batch.validity.kind === 'fixed') return batch.validity.window;
  return { startsAt: claimedAt, endsAt: new Date(Date.parse(claimedAt) + batch.validity.days * DAY_MS).toISOString() };
}

/** Whether the buyer may claim one more coupon of the batch now; the reasons why not, first the one they can least change. */
export function checkCouponClaim(input: { batch: CouponBatch; at: Date; claimedInTotal: number; claimedByBuyer: number }): PromotionReason[] {
  const { batch } = input;
  const reasons: PromotionReason[] = [];
  const closed = windowReason(batch.claimWindow, input.at);
  if (closed) reasons.push(closed);
  if (input.claimedInTotal >= batch.totalQuantity) reasons.push({ code: 'claimed_out' });
  if (input.claimedByBuyer >= batch.perBuyerLimit) reasons.push({ code: 'claim_limit', limit: batch.perBuyerLimit });
  return reasons;
}

/** The unit price a price reduction sets for a list price (percentages rounded half up, the one rounding rule for money). */
export function reducedUnitFen(price: ReducedPrice, listUnitFen: number): number {
  if (price.kind === 'fixed') return price.unitPriceFen;
  return Number(divideRoundHalfUp(BigInt(listUnitFen) * BigInt(10_000 - price.offBp), 10_000n));
}

/** What a coupon takes off `baseFen` (what the buyer still pays for its goods): never more than the base. */
export function couponSavingFen(amount: CouponAmount, baseFen: number): number {
  const face = amount.kind === 'fixed' ? amount.amountFen : Number(divideRoundHalfUp(BigInt(baseFen) * BigInt(amount.offBp), 10_000n));
  const capped = amount.kind === 'percent' && amount.capFen !== null ? Math.min(face, amount.capFen) : face;
  return Math.min(capped, baseFen);
}

/** The highest tier `spentFen` reaches (null if none) and the next one up with what is missing to reach it. */
export function spendAndSaveTier(tiers: readonly SpendAndSaveTier[], spentFen: number): { reached: SpendAndSaveTier | null; next: (SpendAndSaveTier & { shortFen: number }) | null } {
  let reached: SpendAndSaveTier | null = null;
  let next: (SpendAndSaveTier & { shortFen: number }) | null = null;
  for (const tier of tiers) {
    if (tier.spendFen <= spentFen) {
      if (!reached || tier.spendFen > reached.spendFen) reached = tier;
    } else if (!next || tier.spendFen < next.spendFen) {
      next = { ...tier, shortFen: tier.spendFen - spentFen };
    }
  }
  return { reached, next };
}

export interface PromotionProblem {
  /** Where: `tiers[1].saveFen`, `amount.offBp`, `window`. */
  field: string;
  code: 'fen' | 'rate' | 'window' | 'empty' | 'tiers_order' | 'save_exceeds_spend' | 'count';
}

/** What an operator or exporter must fix before a campaign may be saved, as codes the console words. */
export function validateCampaign(campaign: Campaign): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  checkWindow(campaign.window, 'window', problems);
  if (campaign.budget?.kind === 'spend') checkFen(campaign.budget.amountFen, 'budget.amountFen', problems);
  if (campaign.budget?.kind === 'uses') checkCount(campaign.budget.count, 'budget.count', problems);
  return problems;
}

/** What must be fixed in a promotion before it may be saved. */
export function validatePromotion(promotion: Promotion): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  if (!Number.isSafeInteger(promotion.priority)) problems.push({ field: 'priority', code: 'count' });
  switch (promotion.kind) {
    case 'price_reduction':
      if (promotion.items.length === 0) problems.push({ field: 'items', code: 'empty' });
      promotion.items.forEach((item, i) => {
        if (item.price.kind === 'fixed') checkFen(item.price.unitPriceFen, `items[${i}].price.unitPriceFen`, problems);
        else checkRate(item.price.offBp, `items[${i}].price.offBp`, problems);
      });
      break;
    case 'coupon':
      if (promotion.amount.kind === 'fixed') {
        checkFen(promotion.amount.amountFen, 'amount.amountFen', problems, 1);
      } else {
        checkRate(promotion.amount.offBp, 'amount.offBp', problems);
        if (promotion.amount.capFen !== null) checkFen(promotion.amount.capFen, 'amount.capFen', problems, 1);
      }
      checkFen(promotion.minSpendFen, 'minSpendFen', problems);
      checkCount(promotion.totalQuantity, 'totalQuantity', problems);
      checkCount(promotion.perBuyerLimit, 'perBuyerLimit', problems);
      checkWindow(promotion.claimWindow, 'claimWindow', problems);
      if (promotion.validity.kind === 'fixed') checkWindow(promotion.validity.window, 'validity.window', problems);
      else checkCount(promotion.validity.days, 'validity.days', problems);
      checkScope(promotion.scope, problems);
      break;
    case 'spend_and_save':
      if (promotion.tiers.length === 0) problems.push({ field: 'tiers', code: 'empty' });
      promotion.tiers.forEach((tier, i) => {
        checkFen(tier.spendFen, `tiers[${i}].spendFen`, problems, 1);
        checkFen(tier.saveFen, `tiers[${i}].saveFen`, problems, 1);
        if (tier.saveFen > tier.spendFen) problems.push({ field: `tiers[${i}].saveFen`, code: 'save_exceeds_spend' });
        const previous = promotion.tiers[i - 1];
        if (previous && (tier.spendFen <= previous.spendFen || tier.saveFen <= previous.saveFen)) problems.push({ field: `tiers[${i}]`, code: 'tiers_order' });
      });
      checkScope(promotion.scope, problems);
      break;
    case 'flash_sale':
      if (promotion.slots.length === 0) problems.push({ field: 'slots', code: 'empty' });
      promotion.slots.forEach((slot, i) => {
        checkWindow(slot.window, `slots[${i}].window`, problems);
        if (slot.items.length === 0) problems.push({ field: `slots[${i}].items`, code: 'empty' });
        slot.items.forEach((item, j) => {
          checkFen(item.unitPriceFen, `slots[${i}].items[${j}].unitPriceFen`, problems);
          checkCount(item.stock, `slots[${i}].items[${j}].stock`, problems);
          checkCount(item.perBuyerLimit, `slots[${i}].items[${j}].perBuyerLimit`, problems);
        });
      });
      break;
  }
  return problems;
}

function checkFen(value: number, field: string, out: PromotionProblem[], min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) out.push({ field, code: 'fen' });
}

function checkCount(value: number, field: string, out: PromotionProblem[]): void {
  if (!Number.isSafeInteger(value) || value < 1) out.push({ field, code: 'count' });
}

/** A percentage in basis points: more than nothing, less than everything (a 100% coupon is a gift, not a promotion). */
function checkRate(value: number, field: string, out: PromotionProblem[]): void {
  if (!Number.isInteger(value) || value < 1 || value > 9_999) out.push({ field, code: 'rate' });
}

function checkWindow(window: PromotionWindow, field: string, out: PromotionProblem[]): void {
  const start = Date.parse(window.startsAt);
  const end = Date.parse(window.endsAt);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) out.push({ field, code: 'window' });
}

function checkScope(scope: PromotionScope, out: PromotionProblem[]): void {
  if (scope.kind === 'category' && scope.categoryIds.length === 0) out.push({ field: 'scope.categoryIds', code: 'empty' });
  if (scope.kind === 'products' && scope.productIds.length === 0) out.push({ field: 'scope.productIds', code: 'empty' });
}
