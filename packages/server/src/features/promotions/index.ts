// What promotions offers the rest of the server: other features, workflows, app.ts and background-jobs.ts import it from here only.
export { claimCoupon, moveCampaignBudget, releaseOrderCoupons, useCoupon, type ClaimRefusal, type ClaimResult, type HeldCoupon, type UseRefusal } from './coupon-ledger.ts';
export type { CampaignBudgetKind, CampaignFunder, CampaignStatus, CouponDiscountKind, CouponScopeKind, CouponStatus } from './coupon.table.ts';
export { returnFlashSaleUnits, takeFlashSaleUnits, type FlashTakeRefusal } from './flash-sale-ledger.ts';
