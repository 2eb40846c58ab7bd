import { useState } from 'react';
import { Button, Stepper, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StoreProduct } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { addToCart } from './cart-state.ts';

type Variant = StoreProduct['variants'][number];

/** The cart API takes 1–999 of a line (cartLineInputSchema). */
const MAX_QUANTITY = 999;

/** Quantity and "add to cart" for the chosen variant; disabled, with the reason above it, when it cannot be bought. */
export function AddToCart({ product, variant }: { product: StoreProduct; variant: Variant }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const buyable = product.available && variant.stock !== 'out_of_stock' && variant.price.cnyFen !== null;
  const add = async () => {
    setBusy(true);
    try {
      await addToCart(variant.id, quantity);
      Toast.show({ content: t('store.cart.added'), position: 'bottom' });
    } catch (error) {
      Toast.show({ content: errorText(error, locale), position: 'bottom' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="add-to-cart-bar" style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 10, marginTop: 14 }}>
      <span style={{ fontSize: 13, color: 'var(--adm-color-weak)' }}>{t('store.cart.quantity')}</span>
      <Stepper
        data-testid="add-quantity"
        min={1}
        max={MAX_QUANTITY}
        digits={0}
        value={quantity}
        onChange={(value) => setQuantity(Math.max(1, Math.min(MAX_QUANTITY, Math.trunc(value || 1))))}
        disabled={!buyable}
        aria-label={t('store.cart.quantity')}
      />
      <div style={{ display: 'flex', gap: 8, marginLeft: 'auto' }}>
        <Button size="small" fill="outline" color="primary" data-testid="go-to-cart" onClick={() => void navigate('/cart')}>
          {t('store.cart.goToCart')}
        </Button>
        <Button size="small" color="danger" data-testid="add-to-cart" disabled={!buyable} loading={busy} onClick={() => void add()}>
          {t('store.cart.add')}
        </Button>
      </div>
    </div>
  );
}
