import type { z } from 'zod';
import { b2bOrderListSchema, b2bOrderSchema, exporterBankDetailsSchema, type B2bOrderAction, type BankDetails } from '@pavilion/contracts';
import { call, seg } from '../../console/console-api.ts';

export type ExporterBankDetails = z.output<typeof exporterBankDetailsSchema>;

/** The exporter console's B2B order calls: the orders and their steps, the bank details. */
export const b2bOrdersApi = {
  list: () => call('GET', '/api/exporter/b2b-orders', b2bOrderListSchema),
  step: (id: string, action: B2bOrderAction, body: unknown) => call('POST', `/api/exporter/b2b-orders/${seg(id)}/${action}`, b2bOrderSchema, body),
  proformaUrl: (id: string) => `/api/exporter/b2b-orders/${seg(id)}/proforma.pdf`,
  bankDetails: () => call('GET', '/api/exporter/bank-details', exporterBankDetailsSchema),
  setBankDetails: (body: BankDetails) => call('PUT', '/api/exporter/bank-details', exporterBankDetailsSchema, body),
};
