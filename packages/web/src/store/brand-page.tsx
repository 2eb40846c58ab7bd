import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StoreBrand } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { BrandLogo } from './components/brand-logo.tsx';
import { countryLabel } from './components/country.ts';
import { ProductFeed } from './components/product-feed.tsx';
import { SanitizedHtml } from './components/rich-text.tsx';
import { Panel, Section } from './components/section.tsx';
import { useBrand } from './components/store-data.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** A brand: its logo and story, the exporter behind it, and its products. */
export function BrandPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const brand = useBrand(id);
  const title = brand.status === 'done' ? pick(locale, brand.data.nameZh, brand.data.nameEn) : t('store.brand.title');
  return (
    <StorePage title={title} backTo="/" share>
      {brand.status === 'loading' && <StoreLoading />}
      {brand.status === 'failed' && <StoreError error={brand.error} onRetry={brand.reload} />}
      {brand.status === 'done' && <BrandDetails brand={brand.data} />}
    </StorePage>
  );
}

function BrandDetails({ brand }: { brand: StoreBrand }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = pick(locale, brand.nameZh, brand.nameEn);
  const story = pick(locale, brand.storyZh || brand.storyEn, brand.storyEn || brand.storyZh);
  const { exporter } = brand;
  return (
    <>
      <Panel>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <BrandLogo logo={brand.logo} name={name} size={56} />
          <div style={{ minWidth: 0 }}>
            <h1 data-testid="brand-name" style={{ fontSize: 20, margin: '0 0 2px' }}>{name}</h1>
            <p style={{ margin: 0, fontSize: 13, color: 'var(--adm-color-weak)' }}>{pick(locale, brand.nameEn, brand.nameZh)}</p>
          </div>
        </div>
        <p style={{ margin: '10px 0 0', fontSize: 13 }}>
          {t('store.brand.by')}{' '}
          <Link to={`/exporters/${exporter.id}`} data-testid="brand-exporter" style={{ color: 'var(--adm-color-primary)', textDecoration: 'none' }}>
            {pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}
          </Link>
          {' · '}
          {countryLabel(exporter.country, locale)} · {exporter.city}
        </p>
      </Panel>
      {story.trim() !== '' && (
        <Panel title={t('store.brand.story')}>
          <SanitizedHtml html={story} testId="brand-story" />
        </Panel>
      )}
      <Section title={t('store.brand.products')} testId="brand-products">
        <ProductFeed query={{ brand: brand.id, sort: 'newest' }} emptyText={t('store.brand.noProducts')} />
      </Section>
    </>
  );
}
