// What promotions offers the rest of the server: other features, workflows and app.ts import it from here only.
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
