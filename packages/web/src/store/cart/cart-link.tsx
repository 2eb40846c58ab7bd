import { Badge } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cartItemCount, useCart } from './cart-state.ts';

/** A cart drawn inline (the storefront has no icon font). */
function CartIcon({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 4h2l2.4 11.2a1.5 1.5 0 0 0 1.5 1.2h8.7a1.5 1.5 0 0 0 1.5-1.1L21 8H6.2" />
      <circle cx="9.5" cy="20" r="1.3" />
      <circle cx="17.5" cy="20" r="1.3" />
    </svg>
  );
}

/** The title bar's way to the cart, with how many items it holds. */
export function CartLink() {
  const { t } = useTranslation();
  const cart = useCart();
  const count = cart.status === 'done' ? cartItemCount(cart.cart) : 0;
  const label = count > 0 ? t('store.cart.linkCount', { count }) : t('store.cart.title');
  return (
    <Link to="/cart" data-testid="nav-cart" aria-label={label} title={label} style={{ display: 'inline-flex', padding: 4, color: 'var(--adm-color-text)' }}>
      <Badge content={count > 0 ? (count > 99 ? '99+' : String(count)) : null} data-testid="cart-badge" style={{ '--right': '-2px', '--top': '2px' }}>
        <CartIcon />
      </Badge>
    </Link>
  );
}
