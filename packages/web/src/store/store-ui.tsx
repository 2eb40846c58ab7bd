import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorBlock, NavBar, Space, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/face-language.tsx';
import { isApiError } from '../api/client.ts';
import { errorText } from '../shared/errors.ts';
import { SearchLink } from './components/search-entry.tsx';
import { CartLink } from './cart/cart-link.tsx';
import { ShareButton } from './components/share-button.tsx';

/** The language switch of every storefront page: "English" in Chinese, "中文" in English. */
export function StoreLanguageSwitch() {
  const { switchLabel, switchTitle, switchLabelLang, switchLanguage } = useLocale();
  return (
    <Button size="mini" fill="outline" data-testid="lang-switch" onClick={switchLanguage}>
      <span lang={switchLabelLang} title={switchTitle}>
        {switchLabel}
      </span>
    </Button>
  );
}

type StorePageProps = { title: ReactNode; backTo?: string; share?: boolean; search?: boolean; children: ReactNode };

/**
 * A storefront page: its title bar (a way to search, the cart with its count, the language switch, and
 * a share button on pages worth sharing) and its content. `search={false}` on pages that show the search box themselves.
 */
export function StorePage({ title, backTo, share = false, search = true, children }: StorePageProps) {
  const navigate = useNavigate();
  useEffect(() => {
    // The tab's title and what a browser's own share sheet uses; Open Graph tags come from the server.
    if (typeof title === 'string') document.title = `${title} · Pavilion`;
  }, [title]);
  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-fill-content)' }}>
      <NavBar
        back={backTo === undefined ? null : ''}
        onBack={() => void (cameFromThisApp() ? navigate(-1) : navigate(backTo ?? '/'))}
        right={
          <Space style={{ '--gap': '6px' }}>
            {search && <SearchLink />}
            <CartLink />
            {share && <ShareButton />}
            <StoreLanguageSwitch />
          </Space>
        }
        style={{ background: 'var(--adm-color-background)' }}
      >
        {title}
      </NavBar>
      <main style={{ padding: 12, maxWidth: 640, margin: '0 auto' }}>{children}</main>
    </div>
  );
}

/** React Router counts the entries it pushed: above 0, "back" stays in the storefront (a shared link opens at 0). */
export function cameFromThisApp(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && 'idx' in state && typeof state.idx === 'number' && state.idx > 0;
}

export function StoreLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('common.loading')} style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <SpinLoading color="primary" />
    </div>
  );
}

/** A failed load or action, in the contract's words for its error code, with an optional retry. */
export function StoreError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  // Trying again cannot bring back what does not exist (or is no longer published): offer the home page.
  const gone = isApiError(error, 'NOT_FOUND');
  return (
    <div role="alert">
      <ErrorBlock status={gone ? 'empty' : 'default'} title={errorText(error, locale)} description={null}>
        {gone ? (
          <Button color="primary" fill="outline" onClick={() => void navigate('/')}>
            {t('common.notFound.home')}
          </Button>
        ) : (
          onRetry && (
            <Button color="primary" fill="outline" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        )}
      </ErrorBlock>
    </div>
  );
}

/** A message beside a form field: a zod issue of the contract's request schema, or the server's. */
export function FieldError({ message, id }: { message: string | undefined; id: string }) {
  if (message === undefined) return null;
  return (
    <div id={id} role="alert" style={{ color: 'var(--adm-color-danger)', fontSize: 13, padding: '4px 16px 8px' }}>
      {message}
    </div>
  );
}

/** An inline note (the OTP hint, a form-level error). */
export function StoreNote({ children, tone }: { children: ReactNode; tone: 'info' | 'danger' }) {
  const color = tone === 'danger' ? 'var(--adm-color-danger)' : 'var(--adm-color-weak)';
  return (
    <p role={tone === 'danger' ? 'alert' : undefined} style={{ color, fontSize: 13, margin: '8px 4px' }}>
      {children}
    </p>
  );
}
