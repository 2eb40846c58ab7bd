import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StoreExporter } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { BrandLogo } from './components/brand-logo.tsx';
import { countryLabel } from './components/country.ts';
import { ProductFeed } from './components/product-feed.tsx';
import { SanitizedHtml } from './components/rich-text.tsx';
import { Panel, Section } from './components/section.tsx';
import { SendInquiry } from './trade/send-inquiry.tsx';
import { useExporter } from './components/store-data.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** An approved exporter: where it is, its story, its brands and its products. */
export function ExporterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const exporter = useExporter(id);
  const title = exporter.status === 'done' ? pick(locale, exporter.data.tradingNameZh, exporter.data.tradingNameEn) : t('store.exporter.title');
  return (
    <StorePage title={title} backTo="/" share>
      {exporter.status === 'loading' && <StoreLoading />}
      {exporter.status === 'failed' && <StoreError error={exporter.error} onRetry={exporter.reload} />}
      {exporter.status === 'done' && <ExporterDetails exporter={exporter.data} />}
    </StorePage>
  );
}

const link = { color: 'var(--adm-color-primary)', textDecoration: 'none' } as const;

function ExporterDetails({ exporter }: { exporter: StoreExporter }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const story = pick(locale, exporter.storyZh || exporter.storyEn, exporter.storyEn || exporter.storyZh);
  return (
    <>
      <Panel>
        <h1 data-testid="exporter-name" style={{ fontSize: 20, margin: '0 0 2px' }}>
          {pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}
        </h1>
        <p style={{ margin: '0 0 6px', fontSize: 13, color: 'var(--adm-color-weak)' }}>{pick(locale, exporter.tradingNameEn, exporter.tradingNameZh)}</p>
        <p style={{ margin: 0, fontSize: 13 }}>
          {countryLabel(exporter.country, locale)} · {exporter.city} ·{' '}
          <Link to={`/pavilions/${exporter.pavilion.slug}`} style={link}>
            {pick(locale, exporter.pavilion.nameZh, exporter.pavilion.nameEn)}
          </Link>
        </p>
        <SendInquiry exporterId={exporter.id} productId={null} minQuantity={1} />
      </Panel>
      {story.trim() !== '' && (
        <Panel title={t('store.exporter.story')}>
          <SanitizedHtml html={story} testId="exporter-story" />
        </Panel>
      )}
      {exporter.brands.length > 0 && (
        <Panel title={t('store.exporter.brands')}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {exporter.brands.map((brand) => (
              <Link
                key={brand.id}
                to={`/brands/${brand.id}`}
                data-testid="exporter-brand"
                className="pv-link"
                style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '4px 10px 4px 4px', borderRadius: 18, border: '1px solid var(--adm-color-border)' }}
              >
                <BrandLogo logo={brand.logo} name={pick(locale, brand.nameZh, brand.nameEn)} size={28} />
                <span style={{ fontSize: 14 }}>{pick(locale, brand.nameZh, brand.nameEn)}</span>
              </Link>
            ))}
          </div>
        </Panel>
      )}
      <Section title={t('store.exporter.products')} testId="exporter-products">
        <ProductFeed query={{ exporter: exporter.id, sort: 'newest' }} />
      </Section>
    </>
  );
}
