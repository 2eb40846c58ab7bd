import type { z } from 'zod';
import type { endpoints, orderListQuerySchema } from '@pavilion/contracts';

export type OrderQuery = z.output<typeof orderListQuerySchema>;

/** The filters that are set, trimmed (`status=paid&from=2026-11-01&to=2026-11-30&number=PV…`). */
export function orderQueryParams(query: OrderQuery): Partial<OrderQuery> {
  const params: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string' && value.trim() !== '') params[key] = value.trim();
  // The same values, trimmed: what was valid stays valid.
  return params as Partial<OrderQuery>;
}

/** A console's order endpoints: the exporter's (its own orders) or the operator's (its pavilions', the buyer's identity masked). */
export type OrderEndpoints =
  | { list: typeof endpoints.exporter.getOrders; get: typeof endpoints.exporter.getOrder }
  | { list: typeof endpoints.operator.getOrders; get: typeof endpoints.operator.getOrder };
