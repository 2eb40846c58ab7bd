import type { computeOrderTax } from '../cbec/index.ts';
import type { Campaign, PromotionScope } from './promotion.rules.ts';

/** A line's tax rates as cbec's computeOrderTax takes them (VAT, consumption tax, tariff in basis points). */
export type TaxRates = Parameters<typeof computeOrderTax>[0]['lines'][number]['rates'];

/** A line of the cart as promotions see it: what it is, whose it is, where it ships, what it costs. */
export interface CartLine {
  id: string;
  /**
   * The customs order the line goes into (checkout makes one per exporter × warehouse × customs mode,
   * because customs takes one order per e-commerce enterprise and parcel). A coupon may span several
   * such orders; its deduction is spread over its lines, and each order's discount is the sum of its own.
   */
  orderKey: string;
  variantId: string;
  productId: string;
  exporterId: string;
  pavilionId: string;
  /** The product's category and every ancestor of it, so a coupon on "food" reaches "dried mango". */
  categoryIds: readonly string[];
  quantity: number;
  /** One unit's list price in fen, converted at the order's rate. */
  listUnitFen: number;
  rates: TaxRates;
}

/** Whether a line is among the goods a scope names. */
export function inScope(line: CartLine, scope: PromotionScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'pavilion':
      return line.pavilionId === scope.pavilionId;
    case 'exporter':
      return line.exporterId === scope.exporterId;
    case 'category':
      return line.categoryIds.some((id) => scope.categoryIds.includes(id));
    case 'products':
      return scope.productIds.includes(line.productId);
  }
}

/**
 * Whether a campaign may touch a line at all: the line is in the campaign's pavilion (when it names
 * one), and the party funding it owns the goods. A pavilion pays only for discounts on its own
 * pavilion's goods and an exporter only on its own goods: an exporter-funded coupon "for everything"
 * still reaches only that exporter's lines, since no one may give away another's money.
 */
export function campaignReaches(campaign: Campaign, line: CartLine): boolean {
  if (campaign.pavilionId !== null && line.pavilionId !== campaign.pavilionId) return false;
  const funder = campaign.funder;
  if (funder.kind === 'pavilion') return line.pavilionId === funder.pavilionId;
  if (funder.kind === 'exporter') return line.exporterId === funder.exporterId;
  return true;
}

/** Refuses a line no rule could price: a programming error upstream, never a buyer's mistake. */
export function assertCartLine(line: CartLine): void {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new RangeError(`line ${line.id}: quantity must be a positive integer`);
  if (!Number.isSafeInteger(line.listUnitFen) || line.listUnitFen < 0) throw new RangeError(`line ${line.id}: listUnitFen must be a non-negative integer number of fen`);
  if (!Number.isSafeInteger(line.listUnitFen * line.quantity)) throw new RangeError(`line ${line.id}: the line's value is not a safe integer`);
}
