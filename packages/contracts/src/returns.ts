import { z } from 'zod';
import { multiLineText, singleLineText } from './text.ts';
import { imageSchema } from './catalog.ts';
import { validationMessages as m } from './validation.ts';

/**
 * After-sale: a buyer returns delivered goods within 30 days of customs release (海关总署公告2018年
 * 第194号), the exporter or the pavilion's operator decides, the parcel comes back, and the refund
 * goes back through the payment provider with the tax (not levied on returned goods) and the
 * buyer's yearly allowance restored. Amounts are integer fen (CNY).
 */

const fen = z.number().int();

/**
 * Why the buyer returns, as data. `photosRequired`: the exporter needs to see the damage before
 * approving. `noReason`: the 7-day return without a reason (《网络购买商品七日无理由退货暂行办法》),
 * counted from delivery, and still inside the 30 days from release.
 */
export const returnReasons = {
  damaged: { zh: '商品破损', en: 'Arrived damaged', photosRequired: true, noReason: false },
  wrong_item: { zh: '发错商品', en: 'Wrong item sent', photosRequired: false, noReason: false },
  not_as_described: { zh: '与描述不符', en: 'Not as described', photosRequired: false, noReason: false },
  quality_problem: { zh: '质量问题', en: 'Quality problem', photosRequired: false, noReason: false },
  missing_parts: { zh: '少件或缺配件', en: 'Parts missing', photosRequired: false, noReason: false },
  no_longer_wanted: { zh: '七天无理由退货', en: 'No longer wanted (7-day return)', photosRequired: false, noReason: true },
} as const;
export type ReturnReason = keyof typeof returnReasons;
export const returnReasonCodes = Object.keys(returnReasons) as [ReturnReason, ...ReturnReason[]];

/**
 * The return's own states: requested → approved | refused; approved → return_shipped (the buyer
 * gave the carrier and tracking number) → received (the exporter or operator confirmed the parcel;
 * the refund is written then) → refunded (the provider confirmed the refund).
 */
export const returnStatuses = ['requested', 'approved', 'refused', 'return_shipped', 'received', 'refunded'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/**
 * Where a return stands in the after-sale queue: the status, with `received` split by its refund
 * (received: the refund is waiting to be sent; refunding: sent, the provider is at it;
 * refund_failed: the provider refused it for good and an operator must settle it).
 */
export const returnStages = ['requested', 'approved', 'in_transit', 'received', 'refunding', 'refunded', 'refused', 'refund_failed'] as const;
export type ReturnStage = (typeof returnStages)[number];

const trimmed = multiLineText;

/** POST /api/store/orders/:id/returns */
export const returnRequestInputSchema = z
  .object({
    lines: z
      .array(z.object({ orderLineId: z.uuid(), quantity: z.number().int().min(1).max(999) }).strict())
      .min(1, { message: m.required.en })
      .max(50),
    reason: z.enum(returnReasonCodes),
    description: trimmed(1000).default(''),
    /** Images the buyer uploaded (POST /api/store/returns/photos). */
    photoIds: z.array(z.uuid()).max(9).default([]),
  })
  .strict();
export type ReturnRequestInput = z.infer<typeof returnRequestInputSchema>;

/** POST …/returns/:id/approve */
export const returnApproveInputSchema = z.object({ note: trimmed(500).default('') }).strict();
/** POST …/returns/:id/refuse: the buyer is told why. */
export const returnRefuseInputSchema = z.object({ reason: multiLineText(500).min(2, { message: m.required.en }) }).strict();
/** POST /api/store/returns/:id/shipment: the parcel going back. */
export const returnShipmentInputSchema = z
  .object({
    carrier: singleLineText(40).min(1, { message: m.required.en }),
    trackingNumber: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, { message: m.returnTrackingNumber.en }),
  })
  .strict();
/** POST …/returns/:id/received */
export const returnReceivedInputSchema = z.object({ note: trimmed(500).default('') }).strict();

export const returnLineSchema = z.object({
  orderLineId: z.string(),
  sku: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  quantity: z.number().int(),
  /** Of the line's goods and tax: what this return gives back (an estimate until received, then fixed). */
  goodsFen: fen,
  taxFen: fen,
});

export const returnSchema = z.object({
  id: z.string(),
  number: z.string(),
  order: z.object({ id: z.string(), number: z.string(), exporter: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }) }),
  status: z.enum(returnStatuses),
  stage: z.enum(returnStages),
  reason: z.enum(returnReasonCodes),
  description: z.string(),
  photos: z.array(imageSchema),
  lines: z.array(returnLineSchema),
  goodsFen: fen,
  taxFen: fen,
  /** The order's freight, only when this return brings the whole order back. */
  freightFen: fen,
  /** goods + tax + freight: what goes back to the buyer's payment. */
  refundFen: fen,
  /** Why it was refused, or the approver's note. */
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** The goods must be back in the customs zone within 45 days of release (海关总署公告2018年第194号). */
  arriveBy: z.string(),
  requestedAt: z.string(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
  /** When it entered its current stage, and how many whole hours ago (the queue's age). */
  stageSince: z.string(),
  ageHours: z.number().int(),
});
export type Return = z.infer<typeof returnSchema>;
export const returnListSchema = z.object({ items: z.array(returnSchema) });
export const returnListQuerySchema = z.object({ stage: z.enum(returnStages).optional() }).strict();

/**
 * GET /api/store/orders/:id/returnable: what the request form offers: each line with what is left
 * to return, and whether (and until when) the order may be returned now.
 */
export const returnableSchema = z.object({
  orderId: z.string(),
  /** Null when a return may be asked for now; otherwise the error code a request would get. */
  problem: z.enum(['RETURN_NOT_ELIGIBLE', 'RETURN_WINDOW_CLOSED']).nullable(),
  /** The last China day to ask (30 days from release); null before release. */
  lastDay: z.string().nullable(),
  /** The last China day for a return without a reason (7 days from delivery); null before delivery. */
  noReasonLastDay: z.string().nullable(),
  lines: z.array(z.object({ orderLineId: z.string(), sku: z.string(), titleZh: z.string(), titleEn: z.string(), bought: z.number().int(), left: z.number().int() })),
});
export type Returnable = z.infer<typeof returnableSchema>;
