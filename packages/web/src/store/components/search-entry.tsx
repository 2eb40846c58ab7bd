import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A magnifier drawn inline (the storefront has no icon font). */
export function SearchIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21" />
    </svg>
  );
}

/** Looks like a search box, opens the search page (where the real box takes the keyboard). */
export function SearchEntry() {
  const { t } = useTranslation();
  return (
    <Link
      to="/search"
      data-testid="search-entry"
      aria-label={t('store.search.title')}
      className="pv-link"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        padding: '9px 14px',
        marginBottom: 10,
        borderRadius: 20,
        background: 'var(--adm-color-background)',
        border: '1px solid var(--adm-color-primary)',
        color: 'var(--adm-color-weak)',
        fontSize: 14,
      }}
    >
      <SearchIcon />
      <span className="pv-clamp-1">{t('store.search.placeholder')}</span>
    </Link>
  );
}

/** The title bar's way to the search page, on pages without the box. */
export function SearchLink() {
  const { t } = useTranslation();
  return (
    <Link to="/search" data-testid="nav-search" aria-label={t('store.search.title')} title={t('store.search.title')} style={{ display: 'inline-flex', padding: 4, color: 'var(--adm-color-text)' }}>
      <SearchIcon size={20} />
    </Link>
  );
}
