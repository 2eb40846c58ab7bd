import type { z } from 'zod';
import {
  addressListSchema,
  addressSchema,
  cartSchema,
  divisionListSchema,
  identityConsentSchema,
  identityListSchema,
  identitySchema,
  IDENTITY_CONSENT_VERSION,
  orderDetailSchema,
  orderListSchema,
  paymentStartSchema,
  placedCheckoutSchema,
  quoteSchema,
  type CheckoutInput,
  type checkoutPayInputSchema,
  type OrderStatus,
  type PlaceOrderInput,
  type addressInputSchema,
  type identityInputSchema,
} from '@pavilion/contracts';
import { call, send, seg } from '../../api/client.ts';

/**
 * The storefront's buying calls: cart, address book, real-name identities, quote, placement,
 * orders and payment. Every answer is checked against the contract the server shares.
 */

export type AddressInput = z.input<typeof addressInputSchema>;
export type IdentityInput = z.output<typeof identityInputSchema>;
export type Division = z.output<typeof divisionListSchema>['items'][number];
export type PaymentStart = z.output<typeof paymentStartSchema>;
export type CheckoutPayInput = z.output<typeof checkoutPayInputSchema>;


/** The guest's cart token travels in this header; a signed-in buyer's cart is found by the session. */
const cartHeaders = (token: string | null): Record<string, string> => (token === null ? {} : { 'x-cart-token': token });

export const buyingApi = {
  getCart: (token: string | null) => call('GET', '/api/store/cart', cartSchema, undefined, cartHeaders(token)),
  addCartLine: (token: string | null, variantId: string, quantity: number) =>
    call('POST', '/api/store/cart/lines', cartSchema, { variantId, quantity }, cartHeaders(token)),
  setCartQuantity: (token: string | null, variantId: string, quantity: number) =>
    send('PUT', `/api/store/cart/lines/${seg(variantId)}`, { quantity }, cartHeaders(token)),
  removeCartLine: (token: string | null, variantId: string) => send('DELETE', `/api/store/cart/lines/${seg(variantId)}`, undefined, cartHeaders(token)),
  /** After sign-in: the guest's lines join the buyer's cart. */
  mergeCart: (guestToken: string) => send('POST', '/api/store/cart/merge', { guestToken }),

  listAddresses: () => call('GET', '/api/store/addresses', addressListSchema),
  createAddress: (body: AddressInput) => call('POST', '/api/store/addresses', addressSchema, body),
  updateAddress: (id: string, body: AddressInput) => call('PUT', `/api/store/addresses/${seg(id)}`, addressSchema, body),
  deleteAddress: async (id: string): Promise<void> => {
    await send('DELETE', `/api/store/addresses/${seg(id)}`);
  },
  /** Provinces without a parent; then the cities of a province, the districts of a city. */
  listDivisions: (parent: string | null) =>
    call('GET', parent === null ? '/api/store/divisions' : `/api/store/divisions?parent=${seg(parent)}`, divisionListSchema),

  listIdentities: () => call('GET', '/api/store/identities', identityListSchema),
  giveIdentityConsent: () => call('POST', '/api/store/identities/consent', identityConsentSchema, { textVersion: IDENTITY_CONSENT_VERSION }),
  createIdentity: (body: IdentityInput) => call('POST', '/api/store/identities', identitySchema, body),
  deleteIdentity: async (id: string): Promise<void> => {
    await send('DELETE', `/api/store/identities/${seg(id)}`);
  },

  quote: (body: CheckoutInput) => call('POST', '/api/store/checkout/quote', quoteSchema, body),
  /** The same Idempotency-Key for every retry of one attempt: the server places the orders once. */
  placeOrders: (body: PlaceOrderInput, idempotencyKey: string) =>
    call('POST', '/api/store/orders', placedCheckoutSchema, body, { 'Idempotency-Key': idempotencyKey }),
  /** Pays (again) for an unpaid checkout; the browser storefront pays on the sandbox page, the mini program with WeChat. */
  payCheckout: (checkoutId: string, body: CheckoutPayInput) => call('POST', `/api/store/checkouts/${seg(checkoutId)}/pay`, paymentStartSchema, body),

  listOrders: (status: OrderStatus | null) => call('GET', status === null ? '/api/store/orders' : `/api/store/orders?status=${status}`, orderListSchema),
  getOrder: (id: string) => call('GET', `/api/store/orders/${seg(id)}`, orderDetailSchema),
  /** Cancels an unpaid order; its stock is released. */
  cancelOrder: (id: string) => call('POST', `/api/store/orders/${seg(id)}/cancel`, orderDetailSchema),
  /** The buyer has the parcel: the order completes. */
  confirmReceipt: (id: string) => call('POST', `/api/store/orders/${seg(id)}/confirm-receipt`, orderDetailSchema),
};
