import { useEffect, useState } from 'react';
import { Button, Checkbox, Dialog, ErrorBlock, Stepper, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Cart } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { formatYuan } from '../components/money-text.ts';
import { startCheckout } from '../checkout/checkout-draft.ts';
import { StoreError, StoreLoading, StorePage } from '../store-ui.tsx';
import { goodsFen, groupByExporter, isBuyable, selectedLines, toggleLines, type CartLine } from './cart-selection.ts';
import { refreshCart, removeFromCart, setCartQuantity, useCart } from './cart-state.ts';

/** The cart: lines by exporter, quantities, lines that cannot be bought greyed with why, and the chosen lines' goods. */
export function CartPage() {
  const { t } = useTranslation();
  const cart = useCart();
  // Read afresh on every visit: stock and prices move while the cart waits.
  useEffect(() => {
    void refreshCart();
  }, []);
  return (
    <StorePage title={t('store.cart.title')} backTo="/">
      {(cart.status === 'loading' || cart.status === 'idle') && <StoreLoading />}
      {cart.status === 'failed' && <StoreError error={cart.error} onRetry={() => void refreshCart()} />}
      {cart.status === 'done' && <CartContents cart={cart.cart} />}
    </StorePage>
  );
}

function CartContents({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // What the buyer unticked; every other buyable line is chosen, including lines added later.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  if (cart.lines.length === 0) {
    return (
      <ErrorBlock status="empty" title={t('store.cart.empty')} description={null} data-testid="cart-empty">
        <Button color="primary" fill="outline" onClick={() => void navigate('/')}>
          {t('store.cart.shop')}
        </Button>
      </ErrorBlock>
    );
  }
  const buyableIds = cart.lines.filter(isBuyable).map((line) => line.variantId);
  const ticked = new Set(buyableIds.filter((id) => !unticked.has(id)));
  const chosen = selectedLines(cart, ticked);
  const tick = (ids: readonly string[], on: boolean) => setUnticked((current) => toggleLines(current, ids, !on));
  const allTicked = buyableIds.length > 0 && chosen.length === buyableIds.length;
  const checkout = () => {
    startCheckout(chosen);
    void navigate('/checkout');
  };
  return (
    <div style={{ paddingBottom: 84 }}>
      {groupByExporter(cart.lines).map((group) => (
        <ExporterGroupPanel key={group.exporter.id} exporter={group.exporter} lines={group.lines} ticked={ticked} onTick={tick} />
      ))}
      <div
        data-testid="cart-summary"
        className="pv-bottom-bar"
      >
        <Checkbox checked={allTicked} indeterminate={!allTicked && chosen.length > 0} disabled={buyableIds.length === 0} onChange={(on) => tick(buyableIds, on)} data-testid="cart-select-all">
          {t('store.cart.selectAll')}
        </Checkbox>
        <div style={{ marginLeft: 'auto', textAlign: 'right', lineHeight: 1.3 }}>
          <div>
            {t('store.cart.goods')}{' '}
            <strong data-testid="cart-goods" style={{ color: 'var(--adm-color-danger)', fontSize: 17 }}>
              {formatYuan(goodsFen(chosen))}
            </strong>
          </div>
          <div style={{ fontSize: 11, color: 'var(--adm-color-weak)' }}>{t('store.cart.taxLater')}</div>
        </div>
        <Button color="danger" data-testid="cart-checkout" disabled={chosen.length === 0} onClick={checkout}>
          {t('store.cart.checkout', { count: chosen.length })}
        </Button>
      </div>
    </div>
  );
}

type GroupProps = {
  exporter: CartLine['exporter'];
  lines: CartLine[];
  ticked: ReadonlySet<string>;
  onTick: (ids: readonly string[], on: boolean) => void;
};

function ExporterGroupPanel({ exporter, lines, ticked, onTick }: GroupProps) {
  const { locale } = useLocale();
  const buyable = lines.filter(isBuyable).map((line) => line.variantId);
  const tickedHere = buyable.filter((id) => ticked.has(id)).length;
  return (
    <section data-testid="cart-group" data-exporter-id={exporter.id} style={{ background: 'var(--adm-color-background)', borderRadius: 8, padding: '10px 12px', marginBottom: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
        <Checkbox
          checked={buyable.length > 0 && tickedHere === buyable.length}
          indeterminate={tickedHere > 0 && tickedHere < buyable.length}
          disabled={buyable.length === 0}
          onChange={(on) => onTick(buyable, on)}
          aria-label={pick(locale, exporter.nameZh, exporter.nameEn)}
        />
        <Link to={`/exporters/${exporter.id}`} className="pv-link" style={{ fontWeight: 600, fontSize: 15 }}>
          {pick(locale, exporter.nameZh || exporter.nameEn, exporter.nameEn || exporter.nameZh)} ›
        </Link>
      </div>
      {lines.map((line) => (
        <CartLineRow key={line.variantId} line={line} ticked={ticked.has(line.variantId)} onTick={(on) => onTick([line.variantId], on)} />
      ))}
    </section>
  );
}

function CartLineRow({ line, ticked, onTick }: { line: CartLine; ticked: boolean; onTick: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const buyable = isBuyable(line);
  const title = pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      Toast.show({ content: errorText(error, locale), position: 'bottom' });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const confirmed = await Dialog.confirm({ content: t('store.cart.removeConfirm', { title }), confirmText: t('store.cart.remove'), cancelText: t('store.common.cancel') });
    if (confirmed) await run(() => removeFromCart(line.variantId));
  };
  return (
    <div
      data-testid="cart-line"
      data-variant-id={line.variantId}
      data-problem={line.problem ?? ''}
      style={{ display: 'flex', gap: 8, padding: '10px 0', borderTop: '1px solid var(--adm-color-border)', alignItems: 'flex-start' }}
    >
      <Checkbox checked={buyable && ticked} disabled={!buyable} onChange={onTick} aria-label={title} style={{ marginTop: 28 }} />
      <Link to={`/products/${line.productId}`} style={{ flex: 'none', opacity: buyable ? 1 : 0.45 }}>
        {line.cover === null ? (
          <div style={{ width: 72, height: 72, borderRadius: 6, background: 'var(--adm-color-fill-content)' }} />
        ) : (
          <img src={line.cover} alt="" width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6, display: 'block' }} />
        )}
      </Link>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ opacity: buyable ? 1 : 0.55 }}>
          <Link to={`/products/${line.productId}`} className="pv-link pv-clamp-2" style={{ fontSize: 14, lineHeight: '20px' }}>
            {title}
          </Link>
          {line.optionValues.length > 0 && <div style={{ fontSize: 12, color: 'var(--adm-color-weak)', marginTop: 2 }}>{line.optionValues.join(' · ')}</div>}
        </div>
        {line.problem !== null && (
          <div role="status" data-testid="cart-line-problem" style={{ fontSize: 12, color: '#ad4e00', marginTop: 4 }}>
            {t(`store.cart.problem.${line.problem}`, { available: line.available })}
          </div>
        )}
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginTop: 6, gap: 6, flexWrap: 'wrap' }}>
          <span data-testid="cart-line-price" style={{ color: buyable ? 'var(--adm-color-danger)' : 'var(--adm-color-weak)', fontWeight: 600 }}>
            {line.unitPrice.cnyFen === null ? t('store.product.priceUnavailable') : formatYuan(line.unitPrice.cnyFen)}
          </span>
          <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <Stepper
              data-testid="cart-line-quantity"
              min={1}
              max={999}
              digits={0}
              value={line.quantity}
              disabled={busy}
              onChange={(value) => {
                if (value >= 1 && value !== line.quantity) void run(() => setCartQuantity(line.variantId, value));
              }}
              style={{ '--height': '28px', '--input-width': '36px' }}
            />
            <Button size="mini" fill="none" data-testid="cart-line-remove" disabled={busy} onClick={() => void remove()}>
              {t('store.cart.remove')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
