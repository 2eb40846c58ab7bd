import { z } from 'zod';
import { cartLineInputSchema } from '@pavilion/contracts';

/**
 * What the cart hands to the checkout page: the chosen lines, and the Idempotency-Key of the attempt
 * to place them. Kept in sessionStorage so a reload, or a detour to sign in or to add an address,
 * comes back to the same checkout; a retry after a lost answer reuses the key, so the server places
 * the orders once.
 */
const draftKey = 'pavilion.checkout';

const draftSchema = z.object({
  lines: z.array(cartLineInputSchema).min(1),
  /** The key and the exact request it was made for: another request needs another key. */
  attempt: z.object({ key: z.string(), body: z.string() }).nullable(),
});
export type CheckoutDraft = z.output<typeof draftSchema>;
export type DraftLine = CheckoutDraft['lines'][number];

export function readCheckoutDraft(): CheckoutDraft | null {
  try {
    const text = window.sessionStorage.getItem(draftKey);
    if (text === null) return null;
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeDraft(draft: CheckoutDraft | null): void {
  try {
    if (draft === null) window.sessionStorage.removeItem(draftKey);
    else window.sessionStorage.setItem(draftKey, JSON.stringify(draft));
  } catch {
    // Storage disabled: the checkout lasts as long as the page.
  }
}

/** A new checkout of these lines (from the cart): any earlier attempt's key is dropped. */
export function startCheckout(lines: readonly DraftLine[]): void {
  writeDraft({ lines: lines.map(({ variantId, quantity }) => ({ variantId, quantity })), attempt: null });
}

/** After the orders are placed: the next checkout is a new attempt. */
export function finishCheckout(): void {
  writeDraft(null);
}

/**
 * The Idempotency-Key for placing `body`: the same key while the request is the same (a retry),
 * a new one once something in it changed (another address, a new risk notice version).
 */
export function idempotencyKeyFor(body: unknown, newKey: () => string = randomUuid): string {
  const text = JSON.stringify(body);
  const draft = readCheckoutDraft();
  if (draft?.attempt?.body === text) return draft.attempt.key;
  const key = newKey();
  if (draft !== null) writeDraft({ ...draft, attempt: { key, body: text } });
  return key;
}

/** A version 4 UUID; crypto.randomUUID needs a secure context, getRandomValues works everywhere. */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
