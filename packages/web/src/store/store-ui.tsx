import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorBlock, NavBar, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';

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

/** A storefront page: its title bar (with the language switch) and its content. */
export function StorePage({ title, backTo, children }: { title: ReactNode; backTo?: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-fill-content)' }}>
      <NavBar
        back={backTo === undefined ? null : ''}
        onBack={() => void navigate(backTo ?? '/')}
        right={<StoreLanguageSwitch />}
        style={{ background: 'var(--adm-color-background)' }}
      >
        {title}
      </NavBar>
      <main style={{ padding: 12, maxWidth: 640, margin: '0 auto' }}>{children}</main>
    </div>
  );
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
  return (
    <div role="alert">
      <ErrorBlock status="default" title={errorText(error, locale)} description={null}>
        {onRetry && (
          <Button color="primary" fill="outline" onClick={onRetry}>
            {t('common.retry')}
          </Button>
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
