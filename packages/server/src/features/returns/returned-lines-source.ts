import type { ReturnedLineSource } from '../settlement/index.ts';

/**
 * What settlement takes back from exporters: each line of a return whose refund went through, at
 * the time it was refunded. A line returned in two parcels is two returned lines, one per return.
 */
export const refundedReturnLines: ReturnedLineSource = {
  async find(db, f) {
    let q = db
      .selectFrom('returns as r')
      .innerJoin('return_lines as rl', 'rl.return_id', 'r.id')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select(['rl.id', 'rl.order_line_id', 'rl.quantity', 'r.refunded_at'])
      .where('r.status', '=', 'refunded')
      .where('r.refunded_at', 'is not', null)
      .where('r.refunded_at', '<', f.before);
    if (f.exporterId) q = q.where('o.exporter_id', '=', f.exporterId);
    const rows = await q.execute();
    return rows.flatMap((r) => (r.refunded_at ? [{ key: `return-line:${r.id}`, orderLineId: r.order_line_id, quantity: r.quantity, refundedAt: r.refunded_at }] : []));
  },
};
