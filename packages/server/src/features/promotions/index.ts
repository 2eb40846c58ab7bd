// What promotions offers the rest of the server: other features, workflows, app.ts and background-jobs.ts import it from here only.
export { claimCoupon, moveCampaignBudget, releaseOrderCoupons, useCoupon, type ClaimRefusal, type ClaimResult, type HeldCoupon, type UseRefusal } from './coupon-ledger.ts';
export type { CampaignBudgetKind, CampaignStatus, CouponDiscountKind, CouponScopeKind, CouponStatus } from './coupon.table.ts';
export { returnFlashSaleUnits, takeFlashSaleUnits, type FlashTakeRefusal } from './flash-sale-ledger.ts';
export {
  checkCouponClaim,
  couponSavingFen,
  couponValidity,
  reducedUnitFen,
  spendAndSaveTier,
  validateCampaign,
  validatePromotion,
  windowReason,
} from './promotion.rules.ts';
export type {
  BuyerCoupon,
  Campaign,
  CampaignBudget,
  CouponAmount,
  CouponBatch,
  CouponValidity,
  FlashSale,
  FlashSaleItem,
  FlashSaleSlot,
  Funder,
  FunderKind,
  PriceReduction,
  PriceReductionTarget,
  Promotion,
  PromotionKind,
  PromotionProblem,
  PromotionReason,
  PromotionReasonCode,
  PromotionScope,
  PromotionWindow,
  ReducedPrice,
  SpendAndSave,
  SpendAndSaveTier,
} from './promotion.rules.ts';
export { campaignReaches, inScope } from './promotion-eligibility.rules.ts';
export type { CartLine, TaxRates } from './promotion-eligibility.rules.ts';
export { DEFAULT_STACKING_POLICY, flashItemKey, resolvePromotions } from './promotion-stacking.rules.ts';
export type {
  AppliedPromotion,
  CampaignUsage,
  LineDeduction,
  NotAppliedPromotion,
  PromotionResolution,
  PromotionUsage,
  ResolvedLine,
  ResolveInput,
  StackingPolicy,
  Treatment,
} from './promotion-stacking.rules.ts';
export { checkCeb311Amounts, orderDutiableValueFen, settlePromotedCart } from './promotion-cbec.rules.ts';
export type { Ceb311AmountProblem, Ceb311Amounts, CbecOrderInput, CbecPromotedCart, CbecPromotedLine, CbecPromotedOrder, Funding } from './promotion-cbec.rules.ts';
