import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListingCard, Locale } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { countryLabel } from './country.ts';
import { formatYuan } from './money-text.ts';

const badge: CSSProperties = {
  position: 'absolute',
  left: 6,
  top: 6,
  padding: '1px 6px',
  borderRadius: 4,
  fontSize: 12,
  color: '#fff',
  background: 'rgba(0, 0, 0, 0.55)',
};

/**
 * A product in a listing: cover, title, yuan price (or "not for sale"), origin and exporter.
 * `title` replaces the plain title (search results mark the words that matched).
 */
export function ProductCard({ card, title }: { card: ListingCard; title?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // Not buyable in retail (no rate in force, or not on the Positive List): no yuan price is promised.
  const fen = card.available ? card.price.cnyFen : null;
  return (
    <Link
      to={`/products/${card.id}`}
      data-testid="product-card"
      data-product-id={card.id}
      className="pv-link"
      style={{ display: 'block', background: 'var(--adm-color-background)', borderRadius: 8, overflow: 'hidden' }}
    >
      <div style={{ position: 'relative', aspectRatio: '1 / 1', background: 'var(--adm-color-fill-content)' }}>
        <img
          src={card.cover.thumb}
          alt=""
          loading="lazy"
          decoding="async"
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
        {!card.inStock && <span style={badge}>{t('store.stock.out_of_stock')}</span>}
      </div>
      <div style={{ padding: 8 }}>
        <div className="pv-clamp-2" style={{ fontSize: 14, lineHeight: '20px', height: 40 }}>
          {title ?? cardTitle(card, locale)}
        </div>
        <div
          data-testid="card-price"
          style={{
            margin: '4px 0 2px',
            fontWeight: 600,
            fontSize: fen === null ? 14 : 17,
            color: fen === null ? 'var(--adm-color-weak)' : 'var(--adm-color-danger)',
          }}
        >
          {fen === null ? t('store.card.notForSale') : formatYuan(fen)}
        </div>
        <div className="pv-clamp-1" style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>
          {countryLabel(card.originCountry, locale)} · {pick(locale, card.exporter.nameZh, card.exporter.nameEn)}
        </div>
      </div>
    </Link>
  );
}

/** The title in the reader's language, or the other one when the exporter wrote only that. */
export function cardTitle(card: ListingCard, locale: Locale): string {
  return pick(locale, card.titleZh || card.titleEn, card.titleEn || card.titleZh);
}

export function ProductGrid({ items }: { items: readonly ListingCard[] }) {
  return (
    <div className="pv-product-grid">
      {items.map((card) => (
        <ProductCard key={card.id} card={card} />
      ))}
    </div>
  );
}
