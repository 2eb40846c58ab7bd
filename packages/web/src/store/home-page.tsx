import { ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { needsSignIn } from '../shared/navigation.ts';
import { useApi } from '../shared/use-api.ts';
import { useMe } from '../shared/use-auth.ts';
import { PavilionCard } from './pavilion-card.tsx';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** The storefront's home: the open pavilions, and who is signed in. */
export function HomePage() {
  const { t } = useTranslation();
  const pavilions = useApi(api.getStorePavilions);
  return (
    <StorePage title={t('store.home.title')}>
      <AccountBar />
      {pavilions.status === 'loading' && <StoreLoading />}
      {pavilions.status === 'failed' && <StoreError error={pavilions.error} onRetry={pavilions.reload} />}
      {pavilions.status === 'done' && pavilions.data.items.length === 0 && (
        <ErrorBlock status="empty" title={t('store.home.empty')} description={null} />
      )}
      {pavilions.status === 'done' &&
        pavilions.data.items.map((pavilion) => <PavilionCard key={pavilion.id} pavilion={pavilion} />)}
    </StorePage>
  );
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
