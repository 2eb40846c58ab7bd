import type { z } from 'zod';
import type { imageSchema} from '@pavilion/contracts';
import { type ReturnRequestInput, type returnShipmentInputSchema, endpoints } from '@pavilion/contracts';
import { api, uploadTo } from '../../api/client.ts';

/** The storefront's after-sale calls: what can be returned, the request with its photos, the parcel going back. */

export type ReturnShipmentInput = z.output<typeof returnShipmentInputSchema>;
export type ReturnPhoto = z.output<typeof imageSchema>;


export const returnsApi = {
  returnable: (orderId: string) => api(endpoints.store.getOrderReturnable, { params: { id: orderId } }),
  uploadPhoto: (file: Blob) => uploadTo(endpoints.store.uploadReturnPhoto, file),
  request: (orderId: string, body: ReturnRequestInput) => api(endpoints.store.requestReturn, { params: { id: orderId }, body: body }),
  list: () => api(endpoints.store.getReturns),
  get: (id: string) => api(endpoints.store.getReturn, { params: { id } }),
  ship: (id: string, body: ReturnShipmentInput) => api(endpoints.store.shipReturn, { params: { id }, body: body }),
};
