import type { z } from 'zod';
import { imageSchema, returnableSchema, returnListSchema, returnSchema, type ReturnRequestInput, type returnShipmentInputSchema } from '@pavilion/contracts';
import { call, seg } from '../../api/client.ts';

/** The storefront's after-sale calls: what can be returned, the request with its photos, the parcel going back. */

export type ReturnShipmentInput = z.output<typeof returnShipmentInputSchema>;
export type ReturnPhoto = z.output<typeof imageSchema>;


export const returnsApi = {
  returnable: (orderId: string) => call('GET', `/api/store/orders/${seg(orderId)}/returnable`, returnableSchema),
  uploadPhoto: (file: Blob) => {
    const form = new FormData();
    form.append('file', file);
    return call('POST', '/api/store/returns/photos', imageSchema, form);
  },
  request: (orderId: string, body: ReturnRequestInput) => call('POST', `/api/store/orders/${seg(orderId)}/returns`, returnSchema, body),
  list: () => call('GET', '/api/store/returns', returnListSchema),
  get: (id: string) => call('GET', `/api/store/returns/${seg(id)}`, returnSchema),
  ship: (id: string, body: ReturnShipmentInput) => call('POST', `/api/store/returns/${seg(id)}/shipment`, returnSchema, body),
};
