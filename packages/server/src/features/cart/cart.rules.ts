import { createHash, randomBytes } from 'node:crypto';
import type { Cart } from '@pavilion/contracts';
import type { PricedVariant } from '../catalog/index.ts';
import { mediaUrl } from '../media/index.ts';

/** A line's quantity never passes this (the cart_lines check constraint says the same). */
export const MAX_LINE_QUANTITY = 999;
/** Distinct variants one cart may hold: a guest cart is anyone's to fill, so it is bounded. */
export const MAX_CART_LINES = 100;

export type CartLineProblem = NonNullable<Cart['lines'][number]['problem']>;

/** A guest's cart token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export const newGuestToken = (): string => randomBytes(32).toString('base64url');
export const isGuestToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The carts.owner of an account's cart and of a guest's token (sha256 hex: the token itself is never stored). */
export const userCartOwner = (userId: string): string => `user:${userId}`;
export const guestCartOwner = (token: string): string => `guest:${createHash('sha256').update(token).digest('hex')}`;

/** The quantity after adding to what a line holds: capped, never refused. */
export const addedQuantity = (current: number, added: number): number => Math.min(current + added, MAX_LINE_QUANTITY);

/** Why a line cannot be bought now, the first that applies; null when it can. */
export function lineProblem(variant: PricedVariant, quantity: number): CartLineProblem | null {
  if (variant.reason !== null) return variant.reason;
  return quantity > variant.available ? 'not_enough_stock' : null;
}

/**
 * The cart as the buyer sees it: every line, in the order added, those that cannot be bought kept
 * with their reason; goods in yuan of the lines that can. Lines whose variant no longer exists at
 * all are left out (the database removes them with the variant).
 */
export function buildCartView(lines: ReadonlyArray<{ variantId: string; quantity: number }>, variants: ReadonlyMap<string, PricedVariant>, guestToken: string | null): Cart {
  const view: Cart['lines'] = [];
  let goodsFen = 0;
  for (const line of lines) {
    const v = variants.get(line.variantId);
    if (!v) continue;
    const problem = lineProblem(v, line.quantity);
    if (problem === null && v.unitFen !== null) goodsFen += v.unitFen * line.quantity;
    view.push({
      variantId: v.variantId,
      productId: v.productId,
      titleZh: v.titleZh,
      titleEn: v.titleEn,
      optionValues: v.optionValues,
      cover: v.coverMediaId ? mediaUrl(v.coverMediaId, 'thumb') : null,
      exporter: { id: v.exporter.id, nameZh: v.exporter.nameZh, nameEn: v.exporter.nameEn },
      quantity: line.quantity,
      unitPrice: { cnyFen: v.unitFen, origin: { amount: v.priceMinor, currency: v.currency } },
      available: v.available,
      problem,
    });
  }
  return { lines: view, goodsFen, guestToken };
}
