import type { Cart } from '@pavilion/contracts';

export type CartLine = Cart['lines'][number];
export type ExporterGroup = { exporter: CartLine['exporter']; lines: CartLine[] };

/** A line can go to checkout when nothing stands in its way and it has a yuan price. */
export function isBuyable(line: CartLine): boolean {
  return line.problem === null && line.unitPrice.cnyFen !== null;
}

/** Lines by exporter, in the order the cart lists them (an exporter ships its own parcels). */
export function groupByExporter(lines: readonly CartLine[]): ExporterGroup[] {
  const groups = new Map<string, ExporterGroup>();
  for (const line of lines) {
    const group = groups.get(line.exporter.id) ?? { exporter: line.exporter, lines: [] };
    group.lines.push(line);
    groups.set(line.exporter.id, group);
  }
  return [...groups.values()];
}

/**
 * The lines chosen for checkout: those the buyer ticked that can still be bought. A line that turned
 * unbuyable (sold out since) drops out of the selection by itself.
 */
export function selectedLines(cart: Cart, selected: ReadonlySet<string>): CartLine[] {
  return cart.lines.filter((line) => selected.has(line.variantId) && isBuyable(line));
}

/** Goods of the chosen lines, in fen: unit yuan × quantity (freight and tax come with the quote). */
export function goodsFen(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + (line.unitPrice.cnyFen ?? 0) * line.quantity, 0);
}

/** Ticks or unticks the given lines (one, an exporter's, or all), leaving the others as they are. */
export function toggleLines(selected: ReadonlySet<string>, variantIds: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of variantIds) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
