import { allocate } from '@pavilion/contracts';
import { assertCartLine, campaignReaches, inScope, type CartLine } from './promotion-eligibility.rules.ts';
import {
  couponSavingFen,
  couponValidity,
  reducedUnitFen,
  spendAndSaveTier,
  windowReason,
  type BuyerCoupon,
  type Campaign,
  type CouponBatch,
  type FlashSale,
  type FunderKind,
  type PriceReduction,
  type Promotion,
  type PromotionKind,
  type PromotionReason,
  type PromotionScope,
  type SpendAndSave,
} from './promotion.rules.ts';

/**
 * Which promotions apply to a cart, how much each saves and on which lines: the declared stacking
 * policy applied in three stages, always in this order.
 *
 * 1. Prices. Each line takes at most one unit price: its list price, or the lowest of the flash-sale
 *    and price-reduction prices offered to it, the highest priority first. Prices do not stack (a
 *    flash price replaces the campaign price, it is not taken off it), so the others are reported
 *    as not stackable with the one chosen.
 * 2. Spend-and-save (满减), highest priority first. Its threshold is measured on the in-scope goods
 *    at the prices of stage 1, and the saving is taken off what the buyer still pays for them.
 * 3. Coupons. By default at most one an order; the operator may allow one coupon funded by the
 *    platform or a pavilion plus one funded by an exporter. Unless the buyer picks, the best is chosen:
 *    the largest saving, then the one expiring first (so the buyer keeps the longer-lived one), then
 *    the coupon id. With two slots the exporter's coupon is chosen first and the marketplace coupon
 *    on what is left, as shop coupons come before platform coupons in the checkouts buyers know.
 *
 * Thresholds (coupon minimum spend, spend-and-save tiers) are all measured on the same base, the
 * in-scope goods at their stage-1 prices, so one promotion never moves another's threshold and the
 * buyer reads one figure ("差 ¥12 可用") that does not change as coupons are swapped. Savings are
 * taken off what is still to pay, so the non-cash deductions of a line never exceed its goods.
 *
 * Exclusive promotions (不与其他优惠同享) hold their lines: no other promotion applies to goods an
 * exclusive one applies to, and an exclusive one does not take goods another already applies to. This
 * is per line, not per cart, so an exclusive flash sale on one item does not stop a coupon on the rest.
 *
 * Campaign budgets are checked against the usage given (the database enforces them again when the
 * order is placed, by conditional updates): a promotion whose saving would pass what is left does not
 * apply. A use is one promotion (or coupon) applied to one cart, however many lines it touches.
 */

export interface StackingPolicy {
  /** 'one': at most one coupon an order (the default). 'marketplace_and_exporter': one platform- or pavilion-funded coupon plus one exporter-funded. */
  coupons: 'one' | 'marketplace_and_exporter';
}

export const DEFAULT_STACKING_POLICY: StackingPolicy = { coupons: 'one' };

export interface CampaignUsage {
  spentFen: number;
  uses: number;
}

/** What was consumed before this cart, as the database last saw it. */
export interface PromotionUsage {
  campaigns?: ReadonlyMap<string, CampaignUsage>;
  /** Units sold so far per flash-sale item, keyed by `flashItemKey`. */
  flashSold?: ReadonlyMap<string, number>;
  /** Units this buyer bought so far per flash-sale item, keyed by `flashItemKey`. */
  flashBoughtByBuyer?: ReadonlyMap<string, number>;
}

export const flashItemKey = (slotId: string, variantId: string): string => `${slotId}:${variantId}`;

/**
 * `price`: the promotion lowered the unit price actually paid (a genuine price reduction: it lowers the
 * dutiable value). `non_cash`: a deduction from what the buyer pays (the CEB311 discount): the goods
 * keep their price and are taxed on it.
 */
export type Treatment = 'price' | 'non_cash';

/** One promotion's part on one line, and who pays for it. */
export interface LineDeduction {
  promotionId: string;
  couponId: string | null;
  funder: FunderKind;
  treatment: Treatment;
  amountFen: number;
}

export interface ResolvedLine extends CartLine {
  /** The unit price actually paid: the CEB311 line price. */
  unitFen: number;
  listGoodsFen: number;
  /** unitFen × quantity: the CEB311 line totalPrice. */
  goodsFen: number;
  /** The price promotion that set unitFen, if any. */
  pricePromotion: { promotionId: string; flashSlotId: string | null } | null;
  /** Every promotion's part on the line, price and non-cash alike, in the order they were applied. */
  deductions: LineDeduction[];
  /** The sum of the non-cash deductions: never more than goodsFen. */
  nonCashFen: number;
}

export interface AppliedPromotion {
  promotionId: string;
  couponId: string | null;
  campaignId: string;
  kind: PromotionKind;
  funder: FunderKind;
  treatment: Treatment;
  savingFen: number;
  lineIds: string[];
  /** Spend-and-save: the next tier up and what is missing to reach it ("再买 ¥12 减 ¥30"). */
  nextTier: { spendFen: number; saveFen: number; shortFen: number } | null;
}

export interface NotAppliedPromotion {
  promotionId: string;
  couponId: string | null;
  /** The line, for a price offered to one line; null for order-level promotions. */
  lineId: string | null;
  reasons: PromotionReason[];
}

export interface PromotionResolution {
  /** In the order given. */
  lines: ResolvedLine[];
  applied: AppliedPromotion[];
  notApplied: NotAppliedPromotion[];
}

export interface ResolveInput {
  lines: readonly CartLine[];
  campaigns: readonly Campaign[];
  /** The promotions that may concern the cart; the coupon batches of the buyer's coupons among them. */
  promotions: readonly Promotion[];
  /** The buyer's claimed coupons. */
  coupons?: readonly BuyerCoupon[];
  /** The coupons the buyer picked; absent, the best are chosen for them. */
  chosenCouponIds?: readonly string[];
  policy?: StackingPolicy;
  usage?: PromotionUsage;
  at: Date;
}

interface Working {
  line: CartLine;
  unitFen: number;
  pricePromotion: ResolvedLine['pricePromotion'];
  deductions: LineDeduction[];
  nonCashFen: number;
  /** The exclusive promotion holding the line, if any. */
  exclusiveOwner: string | null;
  /** Every promotion (and coupon) applied to the line so far. */
  touchedBy: Array<{ promotionId: string; couponId: string | null }>;
}

const goodsOf = (w: Working): number => w.unitFen * w.line.quantity;
const remainingOf = (w: Working): number => goodsOf(w) - w.nonCashFen;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPriority = (a: Promotion, b: Promotion): number => b.priority - a.priority || compareIds(a.id, b.id);

export function resolvePromotions(input: ResolveInput): PromotionResolution {
  const { at } = input;
  const policy = input.policy ?? DEFAULT_STACKING_POLICY;
  const usage = input.usage ?? {};
  const seen = new Set<string>();
  for (const line of input.lines) {
    assertCartLine(line);
    if (seen.has(line.id)) throw new RangeError(`line ${line.id} appears twice`);
    seen.add(line.id);
  }
  const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
  const campaignOf = (p: Promotion): Campaign => {
    const campaign = campaigns.get(p.campaignId);
    if (!campaign) throw new RangeError(`promotion ${p.id} belongs to campaign ${p.campaignId}, which was not given`);
    return campaign;
  };

  const working: Working[] = input.lines.map((line) => ({ line, unitFen: line.listUnitFen, pricePromotion: null, deductions: [], nonCashFen: 0, exclusiveOwner: null, touchedBy: [] }));
  const applied = new Map<string, AppliedPromotion>();
  const notApplied: NotAppliedPromotion[] = [];
  const budget = budgetKeeper(usage);

  const record = (p: Promotion, couponId: string | null, campaign: Campaign, treatment: Treatment, lines: Working[], amounts: readonly number[], nextTier: AppliedPromotion['nextTier']) => {
    const key = `${p.id}|${couponId ?? ''}`;
    const entry: AppliedPromotion = applied.get(key) ?? { promotionId: p.id, couponId, campaignId: campaign.id, kind: p.kind, funder: campaign.funder.kind, treatment, savingFen: 0, lineIds: [], nextTier };
    lines.forEach((w, i) => {
      const amountFen = amounts[i] ?? 0;
      if (amountFen > 0) w.deductions.push({ promotionId: p.id, couponId, funder: campaign.funder.kind, treatment, amountFen });
      if (treatment === 'non_cash') w.nonCashFen += amountFen;
      w.touchedBy.push({ promotionId: p.id, couponId });
      if (p.exclusive) w.exclusiveOwner = p.id;
      entry.lineIds.push(w.line.id);
    });
    const saving = sum(amounts);
    entry.savingFen += saving;
    budget.spend(campaign, key, saving);
    applied.set(key, entry);
  };

  // Stage 1: one unit price per line.
  const pricePromotions = input.promotions.filter((p): p is PriceReduction | FlashSale => p.kind === 'price_reduction' || p.kind === 'flash_sale').sort(byPriority);
  for (const w of working) {
    const offers: Array<{ promotion: PriceReduction | FlashSale; campaign: Campaign; unitFen: number; flashSlotId: string | null }> = [];
    const refusals: NotAppliedPromotion[] = [];
    for (const promotion of pricePromotions) {
      const campaign = campaignOf(promotion);
      if (!campaignReaches(campaign, w.line)) continue;
      const offer = promotion.kind === 'price_reduction' ? priceReductionOffer(promotion, campaign, w.line, at) : flashSaleOffer(promotion, campaign, w.line, at, usage);
      if (offer === null) continue;
      if ('reasons' in offer) refusals.push({ promotionId: promotion.id, couponId: null, lineId: w.line.id, reasons: offer.reasons });
      else offers.push({ promotion, campaign, ...offer });
    }
    offers.sort((a, b) => b.promotion.priority - a.promotion.priority || a.unitFen - b.unitFen || byPriority(a.promotion, b.promotion));
    let chosen: (typeof offers)[number] | null = null;
    for (const offer of offers) {
      if (chosen) {
        refusals.push({ promotionId: offer.promotion.id, couponId: null, lineId: w.line.id, reasons: [{ code: 'not_stackable', promotionId: chosen.promotion.id, couponId: null }] });
        continue;
      }
      const savingFen = (w.line.listUnitFen - offer.unitFen) * w.line.quantity;
      const overBudget = budget.check(offer.campaign, `${offer.promotion.id}|`, savingFen);
      if (overBudget) {
        refusals.push({ promotionId: offer.promotion.id, couponId: null, lineId: w.line.id, reasons: [overBudget] });
        continue;
      }
      chosen = offer;
      w.unitFen = offer.unitFen;
      w.pricePromotion = { promotionId: offer.promotion.id, flashSlotId: offer.flashSlotId };
      record(offer.promotion, null, offer.campaign, 'price', [w], [savingFen], null);
    }
    notApplied.push(...refusals);
  }

  /** The in-scope lines a non-cash promotion may use, or why it may use none. */
  const gather = (p: Promotion, campaign: Campaign, scope: PromotionScope): { lines: Working[] } | { reason: PromotionReason } => {
    const inScopeLines = working.filter((w) => campaignReaches(campaign, w.line) && inScope(w.line, scope));
    if (inScopeLines.length === 0) return { reason: { code: 'out_of_scope' } };
    const usable: Working[] = [];
    let blocked: PromotionReason | null = null;
    for (const w of inScopeLines) {
      const other = w.touchedBy[0];
      if (w.exclusiveOwner !== null && w.exclusiveOwner !== p.id) blocked ??= { code: 'exclusive', promotionId: w.exclusiveOwner };
      else if (p.exclusive && other) blocked ??= { code: 'not_stackable', promotionId: other.promotionId, couponId: other.couponId };
      else usable.push(w);
    }
    return usable.length > 0 ? { lines: usable } : { reason: blocked ?? { code: 'out_of_scope' } };
  };

  // Stage 2: spend-and-save.
  const spendAndSaves = input.promotions.filter((p): p is SpendAndSave => p.kind === 'spend_and_save').sort(byPriority);
  for (const promotion of spendAndSaves) {
    const campaign = campaignOf(promotion);
    const refuse = (reason: PromotionReason) => notApplied.push({ promotionId: promotion.id, couponId: null, lineId: null, reasons: [reason] });
    const closed = windowReason(campaign.window, at);
    if (closed) {
      refuse(closed);
      continue;
    }
    const found = gather(promotion, campaign, promotion.scope);
    if ('reason' in found) {
      refuse(found.reason);
      continue;
    }
    const spentFen = sum(found.lines.map(goodsOf));
    const { reached, next } = spendAndSaveTier(promotion.tiers, spentFen);
    if (!reached) {
      refuse(next ? { code: 'min_spend_short', shortFen: next.shortFen, minSpendFen: next.spendFen } : { code: 'no_saving' });
      continue;
    }
    const weights = found.lines.map(remainingOf);
    const savingFen = Math.min(reached.saveFen, sum(weights));
    if (savingFen === 0) {
      refuse({ code: 'no_saving' });
      continue;
    }
    const overBudget = budget.check(campaign, `${promotion.id}|`, savingFen);
    if (overBudget) {
      refuse(overBudget);
      continue;
    }
    record(promotion, null, campaign, 'non_cash', found.lines, allocate(savingFen, weights), next);
  }

  // Stage 3: coupons.
  const batches = new Map(input.promotions.filter((p): p is CouponBatch => p.kind === 'coupon').map((p) => [p.id, p]));
  const batchOf = (coupon: BuyerCoupon): CouponBatch => {
    const batch = batches.get(coupon.batchId);
    if (!batch) throw new RangeError(`coupon ${coupon.id} is of batch ${coupon.batchId}, which was not given`);
    return batch;
  };
  type Evaluation =
    | { ok: true; coupon: BuyerCoupon; batch: CouponBatch; campaign: Campaign; lines: Working[]; weights: number[]; savingFen: number; endsAt: number }
    | { ok: false; coupon: BuyerCoupon; reasons: PromotionReason[] };
  const evaluate = (coupon: BuyerCoupon): Evaluation => {
    const batch = batchOf(coupon);
    const campaign = campaignOf(batch);
    const refuse = (reason: PromotionReason): Evaluation => ({ ok: false, coupon, reasons: [reason] });
    if (coupon.usedAt !== null) return refuse({ code: 'used' });
    // A coupon is used within its own validity, which may outlast the campaign it was claimed in.
    const validity = couponValidity(batch, coupon.claimedAt);
    const closed = windowReason(validity, at);
    if (closed) return refuse(closed);
    const found = gather(batch, campaign, batch.scope);
    if ('reason' in found) return refuse(found.reason);
    const spentFen = sum(found.lines.map(goodsOf));
    if (spentFen < batch.minSpendFen) return refuse({ code: 'min_spend_short', shortFen: batch.minSpendFen - spentFen, minSpendFen: batch.minSpendFen });
    const weights = found.lines.map(remainingOf);
    const savingFen = couponSavingFen(batch.amount, sum(weights));
    if (savingFen === 0) return refuse({ code: 'no_saving' });
    const overBudget = budget.check(campaign, `${batch.id}|${coupon.id}`, savingFen);
    if (overBudget) return refuse(overBudget);
    return { ok: true, coupon, batch, campaign, lines: found.lines, weights, savingFen, endsAt: Date.parse(validity.endsAt) };
  };

  const couponReasons = new Map<string, PromotionReason[]>();
  const chosenIds = input.chosenCouponIds ? new Set(input.chosenCouponIds) : null;
  const coupons = [...(input.coupons ?? [])];
  const considered = coupons.filter((c) => {
    batchOf(c);
    if (chosenIds && !chosenIds.has(c.id)) couponReasons.set(c.id, [{ code: 'not_chosen' }]);
    return !chosenIds || chosenIds.has(c.id);
  });
  const slotOf = (coupon: BuyerCoupon): 'any' | 'exporter' | 'marketplace' => {
    if (policy.coupons === 'one') return 'any';
    return campaignOf(batchOf(coupon)).funder.kind === 'exporter' ? 'exporter' : 'marketplace';
  };
  const slots = policy.coupons === 'one' ? (['any'] as const) : (['exporter', 'marketplace'] as const);
  for (const slot of slots) {
    const evaluations = considered.filter((c) => slotOf(c) === slot).map(evaluate);
    const eligible = evaluations.filter((e): e is Extract<Evaluation, { ok: true }> => e.ok);
    eligible.sort((a, b) => b.savingFen - a.savingFen || a.endsAt - b.endsAt || compareIds(a.coupon.id, b.coupon.id));
    const best = eligible[0];
    for (const e of evaluations) {
      if (!e.ok) couponReasons.set(e.coupon.id, e.reasons);
      else if (e !== best && best) couponReasons.set(e.coupon.id, [{ code: 'not_stackable', promotionId: best.batch.id, couponId: best.coupon.id }]);
    }
    if (best) record(best.batch, best.coupon.id, best.campaign, 'non_cash', best.lines, allocate(best.savingFen, best.weights), null);
  }
  for (const coupon of coupons) {
    const reasons = couponReasons.get(coupon.id);
    if (reasons) notApplied.push({ promotionId: coupon.batchId, couponId: coupon.id, lineId: null, reasons });
  }

  return {
    lines: working.map((w) => ({
      ...w.line,
      unitFen: w.unitFen,
      listGoodsFen: w.line.listUnitFen * w.line.quantity,
      goodsFen: goodsOf(w),
      pricePromotion: w.pricePromotion,
      deductions: w.deductions,
      nonCashFen: w.nonCashFen,
    })),
    applied: [...applied.values()],
    notApplied,
  };
}

type Offer = { unitFen: number; flashSlotId: string | null } | { reasons: PromotionReason[] } | null;

/** The campaign price a price reduction offers the line, why it cannot, or null when it does not name the line's goods. */
function priceReductionOffer(promotion: PriceReduction, campaign: Campaign, line: CartLine, at: Date): Offer {
  const item =
    promotion.items.find((i) => i.target.kind === 'variant' && i.target.variantId === line.variantId) ??
    promotion.items.find((i) => i.target.kind === 'product' && i.target.productId === line.productId);
  if (!item) return null;
  const closed = windowReason(campaign.window, at);
  if (closed) return { reasons: [closed] };
  const unitFen = reducedUnitFen(item.price, line.listUnitFen);
  return unitFen < line.listUnitFen ? { unitFen, flashSlotId: null } : { reasons: [{ code: 'no_saving' }] };
}

/**
 * The flash price the open slot offers the line. The whole line takes the flash price or none of it
 * does: a CEB311 line has one unit price, so a quantity beyond the buyer's limit or the slot's stock is
 * refused with what is left, and the buyer lowers the quantity, rather than the line being split.
 */
function flashSaleOffer(promotion: FlashSale, campaign: Campaign, line: CartLine, at: Date, usage: PromotionUsage): Offer {
  const slots = promotion.slots.filter((s) => s.items.some((i) => i.variantId === line.variantId));
  if (slots.length === 0) return null;
  const closed = windowReason(campaign.window, at);
  if (closed) return { reasons: [closed] };
  const open = slots.find((s) => windowReason(s.window, at) === null);
  if (!open) {
    const now = at.getTime();
    const upcoming = slots.filter((s) => Date.parse(s.window.startsAt) > now).sort((a, b) => Date.parse(a.window.startsAt) - Date.parse(b.window.startsAt))[0];
    if (upcoming) return { reasons: [{ code: 'not_started', startsAt: upcoming.window.startsAt }] };
    const last = [...slots].sort((a, b) => Date.parse(b.window.endsAt) - Date.parse(a.window.endsAt))[0];
    return { reasons: [{ code: 'expired', endedAt: last?.window.endsAt ?? campaign.window.endsAt }] };
  }
  const item = open.items.find((i) => i.variantId === line.variantId);
  if (!item) return null;
  const key = flashItemKey(open.id, line.variantId);
  const leftStock = item.stock - (usage.flashSold?.get(key) ?? 0);
  const leftForBuyer = item.perBuyerLimit - (usage.flashBoughtByBuyer?.get(key) ?? 0);
  const reasons: PromotionReason[] = [];
  if (line.quantity > leftStock) reasons.push({ code: 'flash_sold_out', leftUnits: Math.max(0, leftStock) });
  if (line.quantity > leftForBuyer) reasons.push({ code: 'flash_limit', limit: item.perBuyerLimit, leftUnits: Math.max(0, leftForBuyer) });
  if (item.unitPriceFen >= line.listUnitFen) reasons.push({ code: 'no_saving' });
  return reasons.length > 0 ? { reasons } : { unitFen: item.unitPriceFen, flashSlotId: open.id };
}

/** The campaigns' budgets left: what was used before the cart plus what this resolution has granted. */
function budgetKeeper(usage: PromotionUsage) {
  const spent = new Map<string, number>();
  const uses = new Map<string, Set<string>>();
  return {
    /** Null when the campaign can afford `savingFen` more for the promotion (or coupon) `key`; else the reason. */
    check(campaign: Campaign, key: string, savingFen: number): PromotionReason | null {
      const before = usage.campaigns?.get(campaign.id) ?? { spentFen: 0, uses: 0 };
      if (campaign.budget?.kind === 'spend') {
        const leftFen = campaign.budget.amountFen - before.spentFen - (spent.get(campaign.id) ?? 0);
        return savingFen > leftFen ? { code: 'budget_exhausted', leftFen: Math.max(0, leftFen) } : null;
      }
      if (campaign.budget?.kind === 'uses') {
        const granted = uses.get(campaign.id) ?? new Set<string>();
        const more = granted.has(key) ? 0 : 1;
        return before.uses + granted.size + more > campaign.budget.count ? { code: 'budget_exhausted', leftFen: null } : null;
      }
      return null;
    },
    spend(campaign: Campaign, key: string, savingFen: number): void {
      spent.set(campaign.id, (spent.get(campaign.id) ?? 0) + savingFen);
      const granted = uses.get(campaign.id) ?? new Set<string>();
      granted.add(key);
      uses.set(campaign.id, granted);
    },
  };
}
