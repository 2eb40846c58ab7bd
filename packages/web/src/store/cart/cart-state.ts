import { useEffect, useSyncExternalStore } from 'react';
import { endpoints, cartSchema, type Cart } from '@pavilion/contracts';
import { api } from '../../api/client.ts';

/** The guest's cart token travels in this header; a signed-in buyer's cart is found by the session. */
const cartHeaders = (token: string | null): Record<string, string> => (token === null ? {} : { 'x-cart-token': token });

/**
 * The cart, shared by the product page's button, the title bar's badge and the cart page: one copy
 * for the visit, replaced by every answer of the cart API.
 *
 * A guest's cart lives on the server under a token the first answer hands out; it is kept in
 * localStorage and sent back in `x-cart-token`. Once the buyer is signed in (an answer without a
 * token while one was sent), the guest's lines are merged into the account's cart and the token is
 * forgotten.
 */

const tokenKey = 'pavilion.cartToken';

function readToken(): string | null {
  try {
    return window.localStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(tokenKey);
    else window.localStorage.setItem(tokenKey, token);
  } catch {
    // Storage disabled: the cart lasts as long as this page.
  }
}

export type CartState = { status: 'idle' | 'loading' } | { status: 'done'; cart: Cart } | { status: 'failed'; error: unknown };

let state: CartState = { status: 'idle' };
const listeners = new Set<() => void>();

function setState(next: CartState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Takes in a cart answer: remembers a guest's token; merges a guest cart the buyer signed in over. */
async function accept(answer: Cart, sentToken: string | null): Promise<Cart> {
  if (answer.guestToken !== null) {
    writeToken(answer.guestToken);
    return answer;
  }
  if (sentToken === null) return answer;
  // Signed in with a guest cart still on this device: bring its lines over, once.
  writeToken(null);
  try {
    await api(endpoints.store.mergeCart, { body: { guestToken: sentToken } });
  } catch {
    // The guest cart expired or was merged already: the account's cart is what counts.
  }
  return api(endpoints.store.getCart);
}

/** Loads the cart (again). Failures are kept for the page to show; the badge simply hides. */
export async function refreshCart(): Promise<void> {
  if (state.status !== 'done') setState({ status: 'loading' });
  const token = readToken();
  try {
    setState({ status: 'done', cart: await accept(await api(endpoints.store.getCart, {}, { headers: cartHeaders(token) }), token) });
  } catch (error) {
    setState({ status: 'failed', error });
  }
}

/** Runs a change; the answer is the new cart (or, for an empty answer, the cart is read again). Errors are thrown to the caller. */
async function change(run: (token: string | null) => Promise<unknown>): Promise<void> {
  const token = readToken();
  const answer = await run(token);
  const parsed = cartSchema.safeParse(answer);
  if (parsed.success) setState({ status: 'done', cart: await accept(parsed.data, token) });
  else await refreshCart();
}

export const addToCart = (variantId: string, quantity: number) => change((token) => api(endpoints.store.addCartLine, { body: { variantId, quantity } }, { headers: cartHeaders(token) }));
export const setCartQuantity = (variantId: string, quantity: number) => change((token) => api(endpoints.store.setCartLineQuantity, { params: { variantId }, body: { quantity } }, { headers: cartHeaders(token) }));
export const removeFromCart = (variantId: string) => change((token) => api(endpoints.store.removeCartLine, { params: { variantId } }, { headers: cartHeaders(token) }));

/** Right after signing in: the guest's lines join the account's cart before anything else reads it. */
export async function mergeGuestCart(): Promise<void> {
  const token = readToken();
  if (token === null) return;
  writeToken(null);
  try {
    await api(endpoints.store.mergeCart, { body: { guestToken: token } });
  } catch {
    // Nothing to merge any more; the account's cart stands.
  }
  setState({ status: 'idle' });
}

/** The shared cart; loads it the first time a component asks. */
export function useCart(): CartState {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (state.status === 'idle') void refreshCart();
  }, [current.status]);
  return current;
}

/** How many items the badge shows: every unit in the cart, buyable or not. */
export function cartItemCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}
