import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { OrderDetail, PlacedCheckout } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';
import { demoBuyer } from '../../src/features/demo/demo-data.ts';
import { RISK_NOTICE } from '../../src/features/orders/order.rules.ts';
import { parseIdentityKeys } from '../../src/features/identities/identity-crypto.ts';
import { seedBuyerProfile } from './buyer-fixtures.ts';
import { bearer, tokenFor } from './sessions.ts';
import { ORIGIN, type TestApp } from './test-app.ts';

/**
 * Paid orders as a buyer makes them, for the tests of what follows payment: the demo buyer with an
 * address and an identity, placement through POST /api/store/orders and payment on the sandbox
 * page (the app must use the sandbox provider, as createTestApp does by default).
 */
export interface PaidOrders {
  buyerToken: string;
  buyerUserId: string;
  profile: { addressId: string; identityId: string; idNumber: string };
  /** Variant ids by SKU (MB-VASE-20: Multani Blue by 9610; BC-VCO-250: Bula Coconut from the bonded warehouse, 1210). */
  variants: Map<string, string>;
  /** Places one checkout of these lines ([sku, quantity]) and pays it; answers its orders, paid. */
  placeAndPay(lines: Array<[string, number]>): Promise<OrderDetail[]>;
  /** Places without paying. */
  place(lines: Array<[string, number]>): Promise<PlacedCheckout>;
  /** Pays a placed checkout on the sandbox page. */
  pay(checkoutId: string): Promise<void>;
}

export async function paidOrders(ta: TestApp): Promise<PaidOrders> {
  const db: Db = ta.testDb.database.db;
  const buyerToken = await tokenFor(db, demoBuyer.phone);
  const user = await db.selectFrom('users').select('id').where('phone', '=', demoBuyer.phone).executeTakeFirstOrThrow();
  // Sealed with the app's keys, so the customs declaration can open the identity as it would in production.
  const profile = await seedBuyerProfile(db, user.id, { keys: parseIdentityKeys(ta.config.identityKeys) });
  const variants = new Map((await db.selectFrom('variants').select(['id', 'sku']).execute()).map((v) => [v.sku, v.id]));

  const place = async (lines: Array<[string, number]>): Promise<PlacedCheckout> => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/store/orders',
      headers: { ...bearer(buyerToken), 'idempotency-key': randomUUID() },
      payload: {
        lines: lines.map(([sku, quantity]) => ({ variantId: variants.get(sku) ?? sku, quantity })),
        addressId: profile.addressId,
        identityId: profile.identityId,
        riskNoticeVersion: RISK_NOTICE.version,
        paymentMethod: 'sandbox',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as PlacedCheckout;
  };
  const pay = async (checkoutId: string): Promise<void> => {
    const payment = await db.selectFrom('payments').select('out_trade_no').where('checkout_id', '=', checkoutId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const res = await ta.app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/pay/${payment.out_trade_no}`,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'result=success',
    });
    assert.equal(res.statusCode, 303, res.body);
  };
  return {
    buyerToken,
    buyerUserId: user.id,
    profile,
    variants,
    place,
    pay,
    async placeAndPay(lines) {
      const placed = await place(lines);
      await pay(placed.checkoutId);
      const details: OrderDetail[] = [];
      for (const { id } of placed.orders) {
        const one = await ta.app.inject({ method: 'GET', url: `/api/store/orders/${id}`, headers: bearer(buyerToken) });
        assert.equal(one.statusCode, 200, one.body);
        details.push(one.json() as OrderDetail);
      }
      for (const d of details) assert.equal(d.status, 'paid', `order ${d.number} is paid`);
      return details;
    },
  };
}
