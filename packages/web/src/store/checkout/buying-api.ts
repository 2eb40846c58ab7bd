import type { z } from 'zod';
import type { paymentStartSchema, divisionListSchema} from '@pavilion/contracts';
import { IDENTITY_CONSENT_VERSION, type CheckoutInput, type checkoutPayInputSchema, type OrderStatus, type PlaceOrderInput, type addressInputSchema, type identityInputSchema, endpoints } from '@pavilion/contracts';
import { api } from '../../api/client.ts';

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
  getCart: (token: string | null) => api(endpoints.store.getCart, {}, { headers: cartHeaders(token) }),
  addCartLine: (token: string | null, variantId: string, quantity: number) =>
    api(endpoints.store.addCartLine, { body: { variantId, quantity } }, { headers: cartHeaders(token) }),
  setCartQuantity: (token: string | null, variantId: string, quantity: number) =>
    api(endpoints.store.setCartLineQuantity, { params: { variantId }, body: { quantity } }, { headers: cartHeaders(token) }),
  removeCartLine: (token: string | null, variantId: string) => api(endpoints.store.removeCartLine, { params: { variantId } }, { headers: cartHeaders(token) }),
  /** After sign-in: the guest's lines join the buyer's cart. */
  mergeCart: (guestToken: string) => api(endpoints.store.mergeCart, { body: { guestToken } }),

  listAddresses: () => api(endpoints.store.getAddresses),
  createAddress: (body: AddressInput) => api(endpoints.store.createAddress, { body: body }),
  updateAddress: (id: string, body: AddressInput) => api(endpoints.store.updateAddress, { params: { id }, body: body }),
  deleteAddress: async (id: string): Promise<void> => {
    await api(endpoints.store.deleteAddress, { params: { id } });
  },
  /** Provinces without a parent; then the cities of a province, the districts of a city. */
  listDivisions: (parent: string | null) =>
    api(endpoints.store.getDivisions, { query: { parent: parent ?? undefined } }),

  listIdentities: () => api(endpoints.store.getIdentities),
  giveIdentityConsent: () => api(endpoints.store.consentToIdentities, { body: { textVersion: IDENTITY_CONSENT_VERSION } }),
  createIdentity: (body: IdentityInput) => api(endpoints.store.createIdentity, { body: body }),
  deleteIdentity: async (id: string): Promise<void> => {
    await api(endpoints.store.deleteIdentity, { params: { id } });
  },

  quote: (body: CheckoutInput) => api(endpoints.store.quoteCheckout, { body: body }),
  /** The same Idempotency-Key for every retry of one attempt: the server places the orders once. */
  placeOrders: (body: PlaceOrderInput, idempotencyKey: string) =>
    api(endpoints.store.createOrder, { body: body }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Pays (again) for an unpaid checkout; the browser storefront pays on the sandbox page, the mini program with WeChat. */
  payCheckout: (checkoutId: string, body: CheckoutPayInput) => api(endpoints.store.payCheckout, { params: { id: checkoutId }, body: body }),

  listOrders: (status: OrderStatus | null) => api(endpoints.store.getOrders, { query: { status: status ?? undefined } }),
  getOrder: (id: string) => api(endpoints.store.getOrder, { params: { id } }),
  /** Cancels an unpaid order; its stock is released. */
  cancelOrder: (id: string) => api(endpoints.store.cancelOrder, { params: { id } }),
  /** The buyer has the parcel: the order completes. */
  confirmReceipt: (id: string) => api(endpoints.store.confirmOrderReceipt, { params: { id } }),
};
