import type { z } from 'zod';
import type { exporterBankDetailsSchema} from '@pavilion/contracts';
import { b2bOrderSchema, type B2bOrderAction, type BankDetails, endpoints } from '@pavilion/contracts';
import { call, seg } from '../../console/console-api.ts';
import { api } from '../../api/client.ts';

export type ExporterBankDetails = z.output<typeof exporterBankDetailsSchema>;

/** The exporter console's B2B order calls: the orders and their steps, the bank details. */
export const b2bOrdersApi = {
  list: () => api(endpoints.exporter.getB2bOrders),
  step: (id: string, action: B2bOrderAction, body: unknown) => call('POST', `/api/exporter/b2b-orders/${seg(id)}/${action}`, b2bOrderSchema, body),
  proformaUrl: (id: string) => `/api/exporter/b2b-orders/${seg(id)}/proforma.pdf`,
  bankDetails: () => api(endpoints.exporter.getBankDetails),
  setBankDetails: (body: BankDetails) => api(endpoints.exporter.setBankDetails, { body: body }),
};
