import type { ReturnedLineSource } from '../features/settlement/index.ts';
import type { SettlementService } from '../features/settlement/index.ts';
import { findRefundedReturnLines } from '../features/returns/index.ts';

/**
 * Where settlement learns of returns: the returns feature's refunded lines. Bound here so that
 * neither feature imports the other (settlement declares what it needs, returns answers it).
 */
export const refundedReturnLines: ReturnedLineSource = { find: (db, f) => findRefundedReturnLines(db, f) };

/**
 * Issue statements, the monthly job: for the China month before this one,
 *   1. settlement finds the exporters owed a statement: completed sales not yet settled (orders),
 *      refunded returns of settled sales (returns, through `refundedReturnLines`), drafts left open;
 *   2. per exporter, in its own transaction, the drafts are generated afresh (sales net of the
 *      pavilion's commission at the time of the order, returns taken back at the rate of their sale)
 *      and issued: from then on they never change;
 *   3. one exporter's failure rolls back only its own statements; the others are issued and the
 *      job fails (and is retried) with the failures listed.
 * Answers how many statements were issued.
 */
export function issueStatementsWorkflow(deps: { settlement: SettlementService }): () => Promise<number> {
  return () => deps.settlement.issueDue();
}
