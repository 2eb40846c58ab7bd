import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { StoreProduct } from '../../api/client.ts';
import { formatMoney, formatYuan } from './money-text.ts';

type Variant = StoreProduct['variants'][number];

const stockColors = { in_stock: 'success', low: 'warning', out_of_stock: 'default' } as const;

/**
 * The selected variant's price in yuan (large) with the exporter's own price beside it and the rate
 * it was converted at; its stock; and, when the product cannot be bought, why, in plain words.
 */
export function ProductPrice({ product, variant }: { product: StoreProduct; variant: Variant }) {
  const { t } = useTranslation();
  const { price } = variant;
  const rate = product.exchangeRate;
  // Off the Positive List the yuan figure is a reference for business buyers, not a retail price.
  const reference = product.unavailableReason === 'not_retail_eligible';
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: '2px 10px' }}>
        {reference && price.cnyFen !== null && <span style={{ fontSize: 13, color: 'var(--adm-color-weak)' }}>{t('store.product.referencePrice')}</span>}
        <span
          data-testid="product-price-cny"
          style={{
            fontSize: price.cnyFen === null ? 18 : 26,
            fontWeight: 700,
            color: price.cnyFen === null || reference ? 'var(--adm-color-text-secondary)' : 'var(--adm-color-danger)',
          }}
        >
          {price.cnyFen === null ? t('store.product.priceUnavailable') : formatYuan(price.cnyFen)}
        </span>
        {price.origin.currency !== 'CNY' && (
          <span data-testid="product-price-origin" style={{ fontSize: 14, color: 'var(--adm-color-weak)' }}>
            {formatMoney(price.origin)}
          </span>
        )}
        <Tag data-testid="stock-state" data-stock={variant.stock} color={stockColors[variant.stock]} fill="outline" style={{ alignSelf: 'center' }}>
          {t(`store.stock.${variant.stock}`)}
        </Tag>
      </div>
      {rate !== null && rate.currency !== 'CNY' && price.cnyFen !== null && (
        <p data-testid="exchange-rate-note" title={rate.source} style={{ margin: '4px 0 0', fontSize: 12, color: 'var(--adm-color-weak)' }}>
          {t('store.product.rateNote', { date: rate.effectiveDate, rate: rate.rate })}
        </p>
      )}
      {product.unavailableReason !== null && (
        <p
          role="status"
          data-testid="unavailable-reason"
          data-reason={product.unavailableReason}
          style={{ margin: '10px 0 0', padding: '8px 10px', borderRadius: 6, fontSize: 14, background: '#fff7e6', color: '#ad4e00' }}
        >
          {t(`store.product.unavailable.${product.unavailableReason}`)}
        </p>
      )}
    </div>
  );
}
