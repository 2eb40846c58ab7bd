/** What the repository counts for one exporter: quotes submitted, of them accepted, and B2B orders not cancelled. */
export interface DealCounts {
  quotes: number;
  accepted: number;
  orders: number;
}

export const noDeals: DealCounts = { quotes: 0, accepted: 0, orders: 0 };

/** A ratio in basis points (10000 = one order per quote), rounded down; 0 when there is nothing to divide by. */
export function ratioBp(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.floor((numerator * 10_000) / denominator);
}

/**
 * Conversion to orders. An order is issued only by accepting a quote, so orders ÷ quotes submitted is the
 * matchmaking's yield. Orders ÷ inquiries compares two counts, not one buyer's path (an RFQ, not an
 * inquiry, leads to the order), and is shown as a rough measure of how much talk becomes trade.
 */
export function dealFigures(counts: DealCounts, inquiries: number) {
  return {
    quotes: counts.quotes,
    accepted: counts.accepted,
    orders: counts.orders,
    conversionBp: ratioBp(counts.orders, counts.quotes),
    inquiryConversionBp: ratioBp(counts.orders, inquiries),
  };
}

/** A pavilion's counts are its exporters' counts added up. */
export function sumDeals(counts: readonly DealCounts[]): DealCounts {
  return counts.reduce((a, c) => ({ quotes: a.quotes + c.quotes, accepted: a.accepted + c.accepted, orders: a.orders + c.orders }), noDeals);
}
