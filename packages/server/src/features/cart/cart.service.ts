import type { Cart, CurrencyCode } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RateLimit, RateLimiter } from '../../platform/rate-limiter.ts';
import type { Caller } from '../../platform/sessions.ts';
import { priceVariants } from '../catalog/index.ts';
import type { RateInForce } from '../rates/index.ts';
import type { RateService } from '../rates/index.ts';
import { addToLine, countOtherLines, deleteCart, deleteLine, ensureCart, findCartId, findCartLines, setLineQuantity, subtractFromLines, touchCart } from './cart.repository.ts';
import { buildCartView, guestCartOwner, isGuestToken, MAX_CART_LINES, newGuestToken, userCartOwner } from './cart.rules.ts';

/** Anyone may open a guest cart: one address may not open them without end. */
const guestCartsPerIp: RateLimit = { name: 'cart:guest', max: 60, windowSeconds: 3600 };

const variantNotFound = () => new AppError('NOT_FOUND', { details: [{ field: 'body.variantId', rule: 'not_found', message: 'is not a product variant on sale' }] });
const lineNotFound = () => new AppError('NOT_FOUND', { details: [{ field: 'params.variantId', rule: 'not_in_cart', message: 'is not in the cart' }] });

/** Who a cart belongs to: a signed-in buyer's account, or a guest's token (null: the guest has none yet). */
type CartHolder = { kind: 'user'; owner: string } | { kind: 'guest'; token: string | null };

/**
 * Carts: one per buyer account, and guest carts behind a random token (only its hash is stored) that
 * a buyer merges into the account's cart after signing in. Lines that cannot be bought now stay, with
 * their reason, so the buyer sees what changed; prices are always today's.
 */
export class CartService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rates: RateService;
  private readonly rateLimiter: RateLimiter;

  constructor(options: { db: Db; clock: Clock; rates: RateService; rateLimiter: RateLimiter }) {
    this.db = options.db;
    this.clock = options.clock;
    this.rates = options.rates;
    this.rateLimiter = options.rateLimiter;
  }

  async get(caller: Caller | null, guestToken: string | undefined): Promise<Cart> {
    const holder = holderOf(caller, guestToken);
    return this.db.transaction().execute(async (trx) => {
      const owner = holder.kind === 'user' ? holder.owner : holder.token ? guestCartOwner(holder.token) : null;
      const cartId = owner ? await findCartId(trx, owner) : null;
      if (!cartId) return { lines: [], goodsFen: 0, guestToken: null };
      return this.view(trx, cartId, await this.rates.ratesInForce(trx), holder.kind === 'guest' ? holder.token : null);
    });
  }

  /** Adds units of a variant on sale (to what the line holds, capped at 999); a guest's first add opens a guest cart. */
  async addLine(caller: Caller | null, guestToken: string | undefined, ip: string, input: { variantId: string; quantity: number }): Promise<Cart> {
    const holder = holderOf(caller, guestToken);
    const token = holder.kind === 'guest' ? await this.guestTokenToUse(holder.token, ip) : null;
    const owner = holder.kind === 'user' ? holder.owner : guestCartOwner(token ?? '');
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const rates = await this.rates.ratesInForce(trx);
      const variant = (await priceVariants(trx, rates, [input.variantId])).get(input.variantId);
      if (!variant || variant.reason === 'unpublished') throw variantNotFound();
      const cartId = await ensureCart(trx, owner, now);
      if ((await countOtherLines(trx, cartId, input.variantId)) >= MAX_CART_LINES) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.variantId', rule: 'cart_full', message: `the cart holds ${MAX_CART_LINES} different items at most` }] });
      }
      await addToLine(trx, { cartId, variantId: input.variantId, quantity: input.quantity, now });
      await touchCart(trx, cartId, now);
      return this.view(trx, cartId, rates, token);
    });
  }

  /** Sets a line's quantity; 0 removes it. */
  async setQuantity(caller: Caller | null, guestToken: string | undefined, variantId: string, quantity: number): Promise<Cart> {
    return this.changeLine(caller, guestToken, async (trx, cartId) =>
      quantity === 0 ? deleteLine(trx, cartId, variantId) : setLineQuantity(trx, cartId, variantId, quantity),
    );
  }

  async removeLine(caller: Caller | null, guestToken: string | undefined, variantId: string): Promise<Cart> {
    return this.changeLine(caller, guestToken, (trx, cartId) => deleteLine(trx, cartId, variantId));
  }

  /**
   * Right after sign-in: the guest cart's lines join the buyer's (quantities add up, capped at 999;
   * lines that cannot be bought come along with their reason) and the guest cart is deleted. A token
   * that names no cart (already merged, or never used) leaves the buyer's cart as it is.
   */
  async merge(caller: Caller | null, guestToken: string): Promise<Cart> {
    const buyer = requireRole(caller, 'buyer');
    const owner = userCartOwner(buyer.userId);
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const guestCartId = await findCartId(trx, guestCartOwner(guestToken));
      if (guestCartId) {
        const lines = await findCartLines(trx, guestCartId);
        // Deleting first decides between two merges of the same cart: only the one that deleted it adds its lines.
        if ((await deleteCart(trx, guestCartId)) && lines.length > 0) {
          const cartId = await ensureCart(trx, owner, now);
          for (const line of lines) await addToLine(trx, { cartId, variantId: line.variantId, quantity: line.quantity, now });
          await touchCart(trx, cartId, now);
        }
      }
      const cartId = await findCartId(trx, owner);
      return cartId ? this.view(trx, cartId, await this.rates.ratesInForce(trx), null) : { lines: [], goodsFen: 0, guestToken: null };
    });
  }

  /** For checkout: the buyer's cart lines (variant and quantity) in the order added; empty without a cart. */
  async linesOf(db: Db | Trx, userId: string): Promise<Array<{ variantId: string; quantity: number }>> {
    const cartId = await findCartId(db, userCartOwner(userId));
    return cartId ? findCartLines(db, cartId) : [];
  }

  /** For checkout, in the placing transaction: the units bought leave the buyer's cart (a line bought in part keeps the rest). */
  async removeBought(trx: Trx, userId: string, lines: ReadonlyArray<{ variantId: string; quantity: number }>): Promise<void> {
    const cartId = await findCartId(trx, userCartOwner(userId));
    if (cartId) await subtractFromLines(trx, cartId, lines);
  }

  private async changeLine(caller: Caller | null, guestToken: string | undefined, change: (trx: Trx, cartId: string) => Promise<boolean>): Promise<Cart> {
    const holder = holderOf(caller, guestToken);
    const owner = holder.kind === 'user' ? holder.owner : holder.token ? guestCartOwner(holder.token) : null;
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const cartId = owner ? await findCartId(trx, owner) : null;
      if (!cartId || !(await change(trx, cartId))) throw lineNotFound();
      await touchCart(trx, cartId, now);
      return this.view(trx, cartId, await this.rates.ratesInForce(trx), holder.kind === 'guest' ? holder.token : null);
    });
  }

  /** The guest's token when it names a cart; otherwise a new one (counted against the caller's address). */
  private async guestTokenToUse(token: string | null, ip: string): Promise<string> {
    if (token && (await findCartId(this.db, guestCartOwner(token)))) return token;
    await this.rateLimiter.hit(guestCartsPerIp, ip);
    return newGuestToken();
  }

  private async view(trx: Trx, cartId: string, rates: ReadonlyMap<CurrencyCode, RateInForce>, guestToken: string | null): Promise<Cart> {
    const lines = await findCartLines(trx, cartId);
    return buildCartView(lines, await priceVariants(trx, rates, lines.map((l) => l.variantId)), guestToken);
  }
}

/** Signed in: only buyers have carts (staff get 403). Anonymous: a guest, with a well-formed token or none. */
function holderOf(caller: Caller | null, guestToken: string | undefined): CartHolder {
  if (caller) return { kind: 'user', owner: userCartOwner(requireRole(caller, 'buyer').userId) };
  return { kind: 'guest', token: guestToken !== undefined && isGuestToken(guestToken) ? guestToken : null };
}
