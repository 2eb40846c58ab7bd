import { z } from 'zod';
import { imageSchema, listingPageSchema, listingQuerySchema, productPageSchema, ratesInForceSchema } from '../catalog.ts';
import { categoryTreeSchema } from '../categories.ts';
import { chinaDivisionCodeSchema } from '../checkout.ts';
import { brandIdParamsSchema, exporterIdParamsSchema, storeBrandSchema, storeExporterSchema } from '../exporters.ts';
import { addressInputSchema, addressListSchema, addressSchema, cartLineInputSchema, cartLineUpdateSchema, cartMergeInputSchema, cartSchema, checkoutInputSchema, divisionListSchema, identityConsentInputSchema, identityConsentSchema, identityInputSchema, identityListSchema, identitySchema, orderDetailSchema, orderListQuerySchema, orderListSchema, paymentStartSchema, placeOrderInputSchema, placedCheckoutSchema, quoteSchema } from '../orders.ts';
import { pavilionDetailSchema, pavilionListSchema, pavilionSlugParamsSchema, storyDetailSchema, storySlugParamsSchema } from '../pavilions.ts';
import { checkoutPayInputSchema } from '../payments.ts';
import { returnListQuerySchema, returnListSchema, returnRequestInputSchema, returnSchema, returnShipmentInputSchema, returnableSchema } from '../returns.ts';
import { hotSearchesSchema, searchQuerySchema, searchResultSchema, suggestQuerySchema, suggestResultSchema } from '../search.ts';
import { endpoint } from './endpoint.ts';

const idParams = z.object({ id: z.uuid() });
const variantParams = z.object({ variantId: z.uuid() });
const checkoutParams = z.object({ id: z.string().min(1).max(64) });

/** The buyer storefront: every endpoint, by name. */
export const storeEndpoints = {
  getPavilions: endpoint({ method: 'GET', path: '/api/store/pavilions', response: { 200: pavilionListSchema } }),
  getPavilion: endpoint({ method: 'GET', path: '/api/store/pavilions/:slug', params: pavilionSlugParamsSchema, response: { 200: pavilionDetailSchema } }),
  getPavilionStory: endpoint({ method: 'GET', path: '/api/store/pavilions/:slug/stories/:storySlug', params: storySlugParamsSchema, response: { 200: storyDetailSchema } }),
  getCategories: endpoint({ method: 'GET', path: '/api/store/categories', response: { 200: categoryTreeSchema } }),
  getExporter: endpoint({ method: 'GET', path: '/api/store/exporters/:id', params: exporterIdParamsSchema, response: { 200: storeExporterSchema } }),
  getBrand: endpoint({ method: 'GET', path: '/api/store/brands/:id', params: brandIdParamsSchema, response: { 200: storeBrandSchema } }),
  getProducts: endpoint({ method: 'GET', path: '/api/store/products', query: listingQuerySchema, response: { 200: listingPageSchema } }),
  getProduct: endpoint({ method: 'GET', path: '/api/store/products/:id', params: idParams, response: { 200: productPageSchema } }),
  getExchangeRates: endpoint({ method: 'GET', path: '/api/store/exchange-rates', response: { 200: ratesInForceSchema } }),
  search: endpoint({ method: 'GET', path: '/api/store/search', query: searchQuerySchema, response: { 200: searchResultSchema } }),
  suggest: endpoint({ method: 'GET', path: '/api/store/search/suggest', query: suggestQuerySchema, response: { 200: suggestResultSchema } }),
  getHotSearches: endpoint({ method: 'GET', path: '/api/store/search/hot', response: { 200: hotSearchesSchema } }),
  getCart: endpoint({ method: 'GET', path: '/api/store/cart', response: { 200: cartSchema } }),
  addCartLine: endpoint({ method: 'POST', path: '/api/store/cart/lines', body: cartLineInputSchema, response: { 200: cartSchema } }),
  setCartLineQuantity: endpoint({ method: 'PUT', path: '/api/store/cart/lines/:variantId', params: variantParams, body: cartLineUpdateSchema, response: { 200: cartSchema } }),
  removeCartLine: endpoint({ method: 'DELETE', path: '/api/store/cart/lines/:variantId', params: variantParams, response: { 200: cartSchema } }),
  mergeCart: endpoint({ method: 'POST', path: '/api/store/cart/merge', body: cartMergeInputSchema, response: { 200: cartSchema } }),
  getDivisions: endpoint({ method: 'GET', path: '/api/store/divisions', query: z.object({ parent: chinaDivisionCodeSchema.optional() }).strict(), response: { 200: divisionListSchema } }),
  getAddresses: endpoint({ method: 'GET', path: '/api/store/addresses', response: { 200: addressListSchema } }),
  createAddress: endpoint({ method: 'POST', path: '/api/store/addresses', body: addressInputSchema, response: { 201: addressSchema } }),
  updateAddress: endpoint({ method: 'PUT', path: '/api/store/addresses/:id', params: idParams, body: addressInputSchema, response: { 200: addressSchema } }),
  deleteAddress: endpoint({ method: 'DELETE', path: '/api/store/addresses/:id', params: idParams, response: { 204: z.undefined() } }),
  consentToIdentities: endpoint({ method: 'POST', path: '/api/store/identities/consent', body: identityConsentInputSchema, response: { 201: identityConsentSchema } }),
  getIdentities: endpoint({ method: 'GET', path: '/api/store/identities', response: { 200: identityListSchema } }),
  createIdentity: endpoint({ method: 'POST', path: '/api/store/identities', body: identityInputSchema, response: { 201: identitySchema } }),
  deleteIdentity: endpoint({ method: 'DELETE', path: '/api/store/identities/:id', params: idParams, response: { 204: z.undefined() } }),
  quoteCheckout: endpoint({ method: 'POST', path: '/api/store/checkout/quote', body: checkoutInputSchema, response: { 200: quoteSchema } }),
  createOrder: endpoint({ method: 'POST', path: '/api/store/orders', body: placeOrderInputSchema, response: { 201: placedCheckoutSchema } }),
  getOrders: endpoint({ method: 'GET', path: '/api/store/orders', query: orderListQuerySchema, response: { 200: orderListSchema } }),
  getOrder: endpoint({ method: 'GET', path: '/api/store/orders/:id', params: idParams, response: { 200: orderDetailSchema } }),
  cancelOrder: endpoint({ method: 'POST', path: '/api/store/orders/:id/cancel', params: idParams, response: { 200: orderDetailSchema } }),
  payCheckout: endpoint({ method: 'POST', path: '/api/store/checkouts/:id/pay', params: checkoutParams, body: checkoutPayInputSchema, response: { 200: paymentStartSchema } }),
  confirmOrderReceipt: endpoint({ method: 'POST', path: '/api/store/orders/:id/confirm-receipt', params: idParams, response: { 200: orderDetailSchema } }),
  uploadReturnPhoto: endpoint({ method: 'POST', path: '/api/store/returns/photos', response: { 201: imageSchema } }),
  getOrderReturnable: endpoint({ method: 'GET', path: '/api/store/orders/:id/returnable', params: idParams, response: { 200: returnableSchema } }),
  requestReturn: endpoint({ method: 'POST', path: '/api/store/orders/:id/returns', params: idParams, body: returnRequestInputSchema, response: { 201: returnSchema } }),
  getReturns: endpoint({ method: 'GET', path: '/api/store/returns', query: returnListQuerySchema, response: { 200: returnListSchema } }),
  getReturn: endpoint({ method: 'GET', path: '/api/store/returns/:id', params: idParams, response: { 200: returnSchema } }),
  shipReturn: endpoint({ method: 'POST', path: '/api/store/returns/:id/shipment', params: idParams, body: returnShipmentInputSchema, response: { 200: returnSchema } }),
} as const;
