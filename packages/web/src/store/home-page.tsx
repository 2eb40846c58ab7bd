import { ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PavilionSummary } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { needsSignIn } from '../shared/navigation.ts';
import { useMe } from '../shared/use-auth.ts';
import { pick } from '../shared/localized.ts';
import { CategoryShortcuts } from './components/category-shortcuts.tsx';
import { FeaturedProducts } from './components/featured-products.tsx';
import { usePavilion, usePavilionList } from './components/store-data.ts';
import { ProductFeed } from './components/product-feed.tsx';
import { SearchEntry } from './components/search-entry.tsx';
import { Section } from './components/section.tsx';
import { PavilionCard } from './pavilion-card.tsx';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

const newestFirst = { sort: 'newest' } as const;

/** The storefront's home: category shortcuts, the open pavilions and their featured products, new arrivals. */
export function HomePage() {
  const { t } = useTranslation();
  const pavilions = usePavilionList();
  return (
    <StorePage title={t('store.home.title')} search={false}>
      <SearchEntry />
      <AccountBar />
      <CategoryShortcuts />
      <Section title={t('store.home.pavilions')}>
        {pavilions.status === 'loading' && <StoreLoading />}
        {pavilions.status === 'failed' && <StoreError error={pavilions.error} onRetry={pavilions.reload} />}
        {pavilions.status === 'done' && pavilions.data.items.length === 0 && (
          <ErrorBlock status="empty" title={t('store.home.empty')} description={null} />
        )}
        {pavilions.status === 'done' &&
          pavilions.data.items.map((pavilion) => <PavilionCard key={pavilion.id} pavilion={pavilion} />)}
      </Section>
      {pavilions.status === 'done' &&
        pavilions.data.items.map((pavilion) => <PavilionFeatured key={pavilion.id} pavilion={pavilion} />)}
      <Section title={t('store.home.newArrivals')} testId="new-arrivals">
        <ProductFeed query={newestFirst} />
      </Section>
    </StorePage>
  );
}

/** A pavilion's featured products (its detail names them), under the pavilion's name. */
function PavilionFeatured({ pavilion }: { pavilion: PavilionSummary }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const detail = usePavilion(pavilion.slug);
  if (detail.status !== 'done') return null;
  const name = pick(locale, pavilion.nameZh, pavilion.nameEn);
  return <FeaturedProducts ids={detail.data.featuredProductIds} title={t('store.home.featured', { pavilion: name })} />;
}

function AccountBar() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const style = { display: 'block', textAlign: 'right', margin: '0 4px 12px', fontSize: 14 } as const;
  if (me.status === 'loading') return <div style={{ ...style, visibility: 'hidden' }}>{t('common.loading')}</div>;
  if (me.status === 'done') {
    return (
      <Link to="/me" data-testid="store-account" style={style}>
        {t('common.signedInAs', { name: me.data.displayName })}
      </Link>
    );
  }
  if (needsSignIn(me.error)) {
    return (
      <Link to="/login" data-testid="store-sign-in" style={style}>
        {t('common.signIn')}
      </Link>
    );
  }
  return (
    <div role="alert" style={{ ...style, color: 'var(--adm-color-danger)' }}>
      {errorText(me.error, locale)}
    </div>
  );
}
