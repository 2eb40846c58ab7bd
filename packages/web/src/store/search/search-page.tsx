import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, SearchBar, type SearchBarRef } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchSort } from '@pavilion/contracts';
import { cameFromThisApp, StoreLanguageSwitch } from '../store-ui.tsx';
import { rememberSearch } from './recent-searches.ts';
import { SearchAssist } from './search-assist.tsx';
import { readSearchParams, searchPath, writeSearchParams, type SearchFilters } from './search-params.ts';
import { SearchResults } from './search-results.tsx';

/**
 * `/search`: the box, and below it either help while typing (suggestions; recent and hot searches
 * while empty) or the results of `?q=`. Everything a result list depends on is in the address.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readSearchParams(searchParams);
  const { q } = params;
  const [draft, setDraft] = useState(q);
  const [editing, setEditing] = useState(q === '');
  const box = useRef<SearchBarRef>(null);

  // The address leads: back, forward, "did you mean" and hot searches change q, and the box follows.
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setDraft(q);
    setEditing(q === '');
  }

  useEffect(() => {
    if (q !== '') rememberSearch(q);
    document.title = q === '' ? `${t('store.search.title')} · Pavilion` : `${q} · ${t('store.search.title')} · Pavilion`;
  }, [q, t]);

  const search = useCallback(
    (text: string) => {
      const next = text.trim();
      if (next === '') return;
      // The keyboard goes down with the results up.
      box.current?.blur();
      setDraft(next);
      setEditing(false);
      void navigate(searchPath(next));
    },
    [navigate],
  );

  // A sort is a view of the same results (replaces the entry); a filter is a new result list "back" can undo.
  const sort = useCallback((value: SearchSort) => setSearchParams((current) => writeSearchParams(current, { sort: value }), { replace: true }), [setSearchParams]);
  const filter = useCallback((values: Partial<SearchFilters>) => setSearchParams((current) => writeSearchParams(current, values)), [setSearchParams]);

  const back = () => {
    if (editing && q !== '') {
      // Typing over a search and changing one's mind: back to its results.
      setDraft(q);
      setEditing(false);
      box.current?.blur();
      return;
    }
    void (cameFromThisApp() ? navigate(-1) : navigate('/'));
  };

  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-fill-content)' }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: 6,
          padding: '6px 8px',
          background: 'var(--adm-color-background)',
          borderBottom: '1px solid var(--adm-color-border)',
        }}
      >
        <Button fill="none" size="small" aria-label={t('store.search.back')} data-testid="search-back" onClick={back} style={{ padding: '4px 6px', fontSize: 20, lineHeight: 1 }}>
          ‹
        </Button>
        <div data-testid="search-box" style={{ flex: 1, minWidth: 0 }}>
          <SearchBar
            ref={box}
            value={draft}
            onChange={setDraft}
            onSearch={search}
            onFocus={() => setEditing(true)}
            placeholder={t('store.search.placeholder')}
            maxLength={100}
            autoFocus={q === ''}
            aria-label={t('store.search.title')}
          />
        </div>
        {editing ? (
          <Button size="small" color="primary" fill="none" data-testid="search-submit" onClick={() => search(draft)} style={{ flex: 'none' }}>
            {t('store.search.submit')}
          </Button>
        ) : (
          <StoreLanguageSwitch />
        )}
      </header>
      <main style={{ padding: 12, maxWidth: 640, margin: '0 auto' }}>
        {editing || q === '' ? (
          <SearchAssist draft={draft} onSearch={search} />
        ) : (
          <SearchResults params={params} onSort={sort} onFilter={filter} onSearch={search} />
        )}
      </main>
    </div>
  );
}
