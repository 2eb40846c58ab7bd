import type { PlacedCheckout, PlaceOrderInput } from '@pavilion/contracts';
import type { Db } from '../db/database.ts';
import { requireRole } from '../platform/access.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { Caller } from '../platform/sessions.ts';
import { isUniqueViolation } from '../platform/unique-violation.ts';
import type { CartService } from '../features/cart/index.ts';
import { refreshListingStock } from '../features/catalog/index.ts';
import type { CheckoutService } from '../features/orders/index.ts';
import { PAYMENT_WINDOW_MS } from '../features/orders/index.ts';
import { openPayment } from '../features/payments/index.ts';
import type { PaymentService } from '../features/payments/index.ts';

export interface PlaceCheckoutDeps {
  db: Db;
  clock: Clock;
  checkout: CheckoutService;
  carts: CartService;
  payments: PaymentService;
}

export type PlaceCheckout = (caller: Caller | null, idempotencyKey: string, input: PlaceOrderInput) => Promise<PlacedCheckout>;

/**
 * Place a checkout: the buyer's cart becomes one order per shipment (exporter × warehouse × customs
 * mode) under one checkout and one payment. Everything up to the payment's opening at its provider
 * is one transaction, under the buyer's idempotency key: the same key and body answer the same
 * checkout, another body 409.
 */
export function placeCheckoutWorkflow(deps: PlaceCheckoutDeps): PlaceCheckout {
  const { db, clock, checkout, carts, payments } = deps;
  return async (caller, idempotencyKey, input) => {
    const buyer = requireRole(caller, 'buyer');

    // 1. A key already used answers its checkout again (409 with another body).
    const placedBefore = await checkout.placedWithKey(buyer.userId, idempotencyKey, input);
    if (placedBefore) return placedBefore;
    // 2. The buyer accepted the current risk notice.
    checkout.checkRiskNotice(input);

    const now = clock();
    const expiresAt = new Date(now.getTime() + PAYMENT_WINDOW_MS).toISOString();
    let placed: { checkoutId: string; paymentId: string; totalFen: number };
    try {
      placed = await db.transaction().execute(async (trx) => {
        // 3. Orders: priced again, the yearly allowance and the stock held, one order per shipment.
        const orders = await checkout.placeOrders(trx, { buyerUserId: buyer.userId, idempotencyKey, input, now, expiresAt });
        // 4. Cart: what was bought leaves it.
        await carts.removeBought(trx, buyer.userId, orders.bought.map((l) => ({ variantId: l.variantId, quantity: l.quantity })));
        // 5. Payments: the checkout's payment is opened, pending, for the whole amount.
        const paymentId = await openPayment(trx, { checkoutId: orders.checkoutId, provider: input.paymentMethod, amountFen: orders.totalFen, now });
        // 6. Catalog: product pages and listings show the stock left (cached pages of the old version go).
        await refreshListingStock(trx, [...new Set(orders.bought.map((l) => l.productId))].sort());
        return { checkoutId: orders.checkoutId, paymentId, totalFen: orders.totalFen };
      });
    } catch (err) {
      // Two requests with the same key at once: the second answers the first's checkout, whether it
      // lost on the key's unique index or because the first took the last units meanwhile.
      if (isUniqueViolation(err) || err instanceof AppError) {
        const again = await checkout.placedWithKey(buyer.userId, idempotencyKey, input);
        if (again) return again;
      }
      throw err;
    }

    const orders = await checkout.ordersOf(placed.checkoutId);
    // 7. After commit, the payment is opened at its provider. The orders stand once committed: a
    //    provider that fails leaves them unpaid (POST /checkouts/:id/pay tries again), never undone.
    let payment: PlacedCheckout['payment'] = null;
    try {
      payment = await payments.start({ paymentId: placed.paymentId, method: input.paymentMethod, buyerUserId: buyer.userId, expiresAt });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
    return { checkoutId: placed.checkoutId, totalFen: placed.totalFen, orders, payment };
  };
}
