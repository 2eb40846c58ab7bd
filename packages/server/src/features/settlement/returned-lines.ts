import type { Db, Trx } from '../../db/database.ts';

/** A returned order line whose refund went through: what settlement takes back from the exporter. */
export interface ReturnedLine {
  /** Unique per return of a line (a line returned twice, in two parcels, has two keys). */
  key: string;
  orderLineId: string;
  /** Units returned and refunded. */
  quantity: number;
  /** When the refund succeeded: the return goes on the statement of that China month (or the first one after it still open). */
  refundedAt: string;
}

/**
 * Where settlement learns of returns. The returns part of the platform owns return lines and their
 * refunds; this interface is all settlement needs of it, so either can change without the other.
 */
export interface ReturnedLineSource {
  find(db: Db | Trx, f: { exporterId?: string; before: string }): Promise<ReturnedLine[]>;
}

/**
 * The default: what the order itself tells. An order that was completed and then reached `refunded`
 * (the return_refunded event: every line came back and was refunded) returns each of its lines in
 * full, at the time of that event. Partial returns come from the returns part's own source.
 */
export const wholeOrderReturns: ReturnedLineSource = {
  async find(db, f) {
    let q = db
      .selectFrom('orders as o')
      .innerJoin('order_lines as l', 'l.order_id', 'o.id')
      .innerJoin('order_events as ev', (j) => j.onRef('ev.order_id', '=', 'o.id').on('ev.status', '=', 'refunded'))
      .select(['l.id', 'l.quantity', 'ev.at'])
      .where('o.status', '=', 'refunded')
      .where('o.completed_at', 'is not', null)
      .where('ev.at', '<', f.before);
    if (f.exporterId) q = q.where('o.exporter_id', '=', f.exporterId);
    const rows = await q.execute();
    return rows.map((r) => ({ key: `order-refunded:${r.id}`, orderLineId: r.id, quantity: r.quantity, refundedAt: r.at }));
  },
};
