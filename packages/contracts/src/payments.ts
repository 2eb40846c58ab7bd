import { z } from 'zod';

/**
 * Paying a checkout and what operators see when a payment does not fit an order. Amounts are
 * integer fen (CNY). The payment start answer itself is `paymentStartSchema` (orders.ts).
 */

/** How the buyer pays: WeChat Pay in the mini program, or the sandbox (demos and development; off in production). */
export const paymentMethods = ['wechat', 'sandbox'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** POST /api/store/checkouts/:id/pay: start (or resume) paying an unpaid checkout. */
export const checkoutPayInputSchema = z.object({ method: z.enum(paymentMethods) }).strict();

/** The sandbox page's form: which outcome the tester chose. */
export const sandboxPayFormSchema = z.object({ result: z.enum(['success', 'fail']) });

/**
 * What operators must look at:
 * - unknown_order: the provider reported a payment for an order number we never issued (refused; money may need returning by hand);
 * - amount_mismatch: a payment of another amount than the order's (refused);
 * - late_payment_refunded: a payment arrived after the order had expired and its stock was gone; it is refunded automatically;
 * - duplicate_payment_refunded: a checkout was paid twice (two payment attempts both paid); the second is refunded automatically;
 * - refund_failed: the provider refused a refund for good; it must be settled by hand.
 * - identity_mismatch: the provider's customs declaration found the payer is not the buyer (订购人与支付人不一致); the order is held until an operator clears it.
 */
export const paymentAnomalyKinds = ['unknown_order', 'amount_mismatch', 'late_payment_refunded', 'duplicate_payment_refunded', 'refund_failed', 'identity_mismatch'] as const;
export type PaymentAnomalyKind = (typeof paymentAnomalyKinds)[number];

export const paymentAnomalySchema = z.object({
  id: z.string(),
  kind: z.enum(paymentAnomalyKinds),
  /** 'wechat' or 'sandbox'. */
  provider: z.string(),
  /** Our payment number (out_trade_no) as the provider reported it. */
  reference: z.string(),
  /** What was reported and what we expected (amounts in fen, order numbers, refund numbers). */
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type PaymentAnomaly = z.infer<typeof paymentAnomalySchema>;
export const paymentAnomalyListSchema = z.object({ items: z.array(paymentAnomalySchema) });
export const paymentAnomalyQuerySchema = z
  .object({
    /** open (default: what still needs someone), resolved, or all. */
    status: z.enum(['open', 'resolved', 'all']).default('open'),
  })
  .strict();
