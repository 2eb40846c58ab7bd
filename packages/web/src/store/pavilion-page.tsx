import { ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { countryCodeSchema } from '@pavilion/contracts';
import type { PavilionDetail } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { countryName, countryNames, pick } from '../shared/localized.ts';
import { ChoiceChips } from './components/choice-chips.tsx';
import { ExporterList } from './components/exporter-list.tsx';
import { FeaturedProducts } from './components/featured-products.tsx';
import { ProductFeed } from './components/product-feed.tsx';
import { SanitizedHtml } from './components/rich-text.tsx';
import { Panel, Section } from './components/section.tsx';
import { usePavilion } from './components/store-data.ts';
import { StoryList } from './components/story-list.tsx';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** One pavilion: hero, introduction, culture stories, exporters, featured products and all its products. */
export function PavilionPage() {
  const { slug = '' } = useParams();
  const { locale } = useLocale();
  const pavilion = usePavilion(slug);
  const title = pavilion.status === 'done' ? pick(locale, pavilion.data.nameZh, pavilion.data.nameEn) : 'Pavilion';
  return (
    <StorePage title={title} backTo="/" share>
      {pavilion.status === 'loading' && <StoreLoading />}
      {pavilion.status === 'failed' && <StoreError error={pavilion.error} onRetry={pavilion.reload} />}
      {pavilion.status === 'done' && <PavilionDetails pavilion={pavilion.data} />}
    </StorePage>
  );
}

function PavilionDetails({ pavilion }: { pavilion: PavilionDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      <PavilionHero pavilion={pavilion} />
      <Panel title={t('store.pavilion.intro')}>
        <SanitizedHtml html={pick(locale, pavilion.introZh, pavilion.introEn)} testId="pavilion-intro" />
      </Panel>
      {pavilion.stories.length > 0 && (
        <Section title={t('store.pavilion.stories')}>
          <StoryList pavilionSlug={pavilion.slug} stories={pavilion.stories} />
        </Section>
      )}
      <Section title={t('store.pavilion.exporters')}>
        {pavilion.exporters.length === 0 ? (
          <ErrorBlock status="empty" title={t('store.pavilion.noExporters')} description={null} />
        ) : (
          <ExporterList exporters={pavilion.exporters} featuredIds={pavilion.featuredExporterIds} />
        )}
      </Section>
      <FeaturedProducts ids={pavilion.featuredProductIds} title={t('store.pavilion.featured')} />
      <PavilionProducts pavilion={pavilion} />
    </>
  );
}

function PavilionHero({ pavilion }: { pavilion: PavilionDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const image = pavilion.heroImage?.urls.display;
  return (
    <header
      style={{
        position: 'relative',
        borderRadius: 8,
        overflow: 'hidden',
        marginBottom: 12,
        minHeight: 160,
        display: 'flex',
        alignItems: 'flex-end',
        color: '#fff',
        background: image ? `#234 center / cover no-repeat url("${image}")` : 'linear-gradient(135deg, #0b3d91, #1aa3c9)',
      }}
    >
      <div style={{ width: '100%', padding: '40px 14px 12px', background: 'linear-gradient(transparent, rgba(0, 0, 0, 0.6))' }}>
        <h1 data-testid="store-pavilion-name" style={{ fontSize: 22, margin: '0 0 4px' }}>
          {pick(locale, pavilion.nameZh, pavilion.nameEn)}
        </h1>
        <p style={{ margin: '0 0 4px', fontSize: 14 }}>{pick(locale, pavilion.taglineZh, pavilion.taglineEn)}</p>
        <p style={{ margin: 0, fontSize: 12, opacity: 0.85 }}>
          {t('store.pavilion.countries', { names: countryNames(pavilion.countries, locale) })}
        </p>
      </div>
    </header>
  );
}

/** Every product of the pavilion, endless; a pavilion of several countries can be narrowed to one. */
function PavilionProducts({ pavilion }: { pavilion: PavilionDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const parsed = countryCodeSchema.safeParse(params.get('country'));
  const country = parsed.success && pavilion.countries.includes(parsed.data) ? parsed.data : undefined;
  const choose = (value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === '') next.delete('country');
      else next.set('country', value);
      return next;
    }, { replace: true, preventScrollReset: true });
  const choices = [
    { value: '', label: t('store.listing.all') },
    ...pavilion.countries.map((code) => ({ value: code, label: countryName(code, locale) })),
  ];
  return (
    <Section title={t('store.pavilion.products')} testId="pavilion-products">
      {pavilion.countries.length > 1 && (
        <ChoiceChips choices={choices} value={country ?? ''} onChange={choose} label={t('store.listing.country')} />
      )}
      <ProductFeed query={{ pavilion: pavilion.slug, country, sort: 'newest' }} />
    </Section>
  );
}
