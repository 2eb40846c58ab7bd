import type { z } from 'zod';
import type { exporterBankDetailsSchema} from '@pavilion/contracts';
import { type B2bOrderAction, type EndpointInput, type BankDetails, endpoints } from '@pavilion/contracts';
import { api, hrefOf } from '../../api/client.ts';

export type ExporterBankDetails = z.output<typeof exporterBankDetailsSchema>;

/** Each step of an order has its endpoint. */
const steps = {
  deposit: endpoints.exporter.recordB2bOrderDeposit,
  production: endpoints.exporter.startB2bOrderProduction,
  shipment: endpoints.exporter.shipB2bOrder,
  balance: endpoints.exporter.recordB2bOrderBalance,
  complete: endpoints.exporter.completeB2bOrder,
  cancel: endpoints.exporter.cancelB2bOrder,
} satisfies Record<B2bOrderAction, unknown>;

/** The exporter console's B2B order calls: the orders and their steps, the bank details. */
export const b2bOrdersApi = {
  list: () => api(endpoints.exporter.getB2bOrders),
  /** The step's form builds the body from its fields; the server checks it against the step's schema (400 names the field). */
  step: (id: string, action: B2bOrderAction, body: unknown) =>
    api(steps[action], { params: { id }, body } as EndpointInput<(typeof steps)[B2bOrderAction]>),
  proformaUrl: (id: string) => hrefOf(endpoints.exporter.getB2bOrderProformaPdf, { params: { id } }),
  bankDetails: () => api(endpoints.exporter.getBankDetails),
  setBankDetails: (body: BankDetails) => api(endpoints.exporter.setBankDetails, { body: body }),
};
