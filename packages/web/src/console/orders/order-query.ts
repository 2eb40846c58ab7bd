import type { z } from 'zod';
import type { orderListQuerySchema } from '@pavilion/contracts';

export type OrderQuery = z.output<typeof orderListQuerySchema>;

/** `?status=paid&from=2026-11-01&to=2026-11-30&number=PV…` from the filters that are set. */
export function orderQueryString(query: OrderQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
