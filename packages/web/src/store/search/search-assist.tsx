import { Fragment } from 'react';
import { Button, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Suggestion } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { Section } from '../components/section.tsx';
import { useRecentSearches } from './recent-searches.ts';
import { SearchChips } from './search-chips.tsx';
import { useHotSearches, useSuggestions } from './search-data.ts';

/** Below the box while typing: suggestions; while it is empty: recent and hot searches. */
export function SearchAssist({ draft, onSearch }: { draft: string; onSearch: (text: string) => void }) {
  return draft.trim() === '' ? (
    <>
      <RecentSearches onSearch={onSearch} />
      <HotSearches onSearch={onSearch} />
    </>
  ) : (
    <Suggestions draft={draft} onSearch={onSearch} />
  );
}

const kindPaths: Record<Suggestion['kind'], (id: string) => string> = {
  product: (id) => `/products/${encodeURIComponent(id)}`,
  brand: (id) => `/brands/${encodeURIComponent(id)}`,
  category: (id) => `/categories/${encodeURIComponent(id)}`,
};

function Suggestions({ draft, onSearch }: { draft: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const suggestions = useSuggestions(draft);
  const text = draft.trim();
  // The answer for earlier text stays until the new one comes: the list does not flicker while typing.
  const items = suggestions?.items ?? [];
  return (
    <List data-testid="search-suggestions" style={{ '--border-top': 'none', borderRadius: 8, overflow: 'hidden' }}>
      <List.Item onClick={() => onSearch(text)} data-testid="search-for" arrowIcon={false}>
        {t('store.search.searchFor', { q: text })}
      </List.Item>
      {items.map((item) => {
        const label = pick(locale, item.labelZh || item.labelEn, item.labelEn || item.labelZh);
        return (
          <List.Item
            key={`${item.kind}:${item.id}`}
            data-testid="suggestion"
            data-kind={item.kind}
            onClick={() => void navigate(kindPaths[item.kind](item.id))}
            extra={<span style={{ fontSize: 12 }}>{t(`store.search.kind.${item.kind}` as const)}</span>}
          >
            <TypedText label={label} typed={text} />
          </List.Item>
        );
      })}
    </List>
  );
}

/** The suggestion with the part the buyer typed in bold, so the rest (what the suggestion adds) is easy to read. */
function TypedText({ label, typed }: { label: string; typed: string }) {
  const at = typed === '' ? -1 : label.toLocaleLowerCase().indexOf(typed.toLocaleLowerCase());
  if (at < 0) return <>{label}</>;
  return (
    <Fragment>
      {label.slice(0, at)}
      <strong>{label.slice(at, at + typed.length)}</strong>
      {label.slice(at + typed.length)}
    </Fragment>
  );
}

function RecentSearches({ onSearch }: { onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const recent = useRecentSearches();
  if (recent.items.length === 0) return null;
  const title = (
    <span style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
      {t('store.search.recent')}
      <Button size="mini" fill="none" data-testid="clear-recent" onClick={recent.clear} style={{ color: 'var(--adm-color-weak)' }}>
        {t('store.search.clearRecent')}
      </Button>
    </span>
  );
  return (
    <Section title={title} testId="recent-searches">
      <SearchChips
        label={t('store.search.recent')}
        chips={recent.items.map((item) => ({ key: item, label: item, onClick: () => onSearch(item), testId: 'recent-search' }))}
      />
    </Section>
  );
}

/** Hot searches; the operators' picks come first and stand out. */
export function HotSearches({ onSearch }: { onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const hot = useHotSearches();
  // Hot searches are a shortcut: without them (loading, failed) the page simply has none.
  if (hot.status !== 'done' || hot.data.items.length === 0) return null;
  return (
    <Section title={t('store.search.hot')} testId="hot-searches">
      <SearchChips
        label={t('store.search.hot')}
        chips={hot.data.items.map((item) => ({
          key: item.text,
          label: item.text,
          accent: item.source === 'curated',
          onClick: () => onSearch(item.text),
          testId: 'hot-search',
        }))}
      />
    </Section>
  );
}
