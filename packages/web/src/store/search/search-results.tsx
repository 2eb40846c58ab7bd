import { endpoints } from '@pavilion/contracts';
import { useCallback, useRef, useState } from 'react';
import { InfiniteScroll } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchSort } from '@pavilion/contracts';
import { type StoreSearchResult, api } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { FeedStatus } from '../components/product-feed.tsx';
import { ProductCard } from '../components/product-card.tsx';
import { AnswerCache } from '../components/answer-cache.ts';
import { StoreError } from '../store-ui.tsx';
import { HighlightedTitle } from './highlighted-title.tsx';
import { toSearchQuery, activeFilters, type SearchFilters, type SearchParams } from './search-params.ts';
import { SearchToolbar } from './search-toolbar.tsx';
import { ZeroResults } from './zero-results.tsx';

const pageSize = 20;
/** The API pages no deeper than this (a search is refined, not read to its hundredth page). */
const lastPage = 100;

type ResultsState = {
  /** The first page's answer: total, facets, "did you mean" and related products. */
  first: StoreSearchResult | undefined;
  items: SearchHit[];
  page: number;
  hasMore: boolean;
  /** A failure of the first page (a later page's failure is the list's "try again"). */
  error: unknown;
};

const fresh: ResultsState = { first: undefined, items: [], page: 0, hasMore: true, error: undefined };
/** The pages loaded per search: "back", or closing the box, redraws the same list where it was. */
const loaded = new AnswerCache<ResultsState>(10);

type ResultsProps = {
  params: SearchParams;
  onSort: (sort: SearchSort) => void;
  onFilter: (filters: Partial<SearchFilters>) => void;
  onSearch: (text: string) => void;
};

/** The results of a search, page by page as the buyer scrolls, under the sort, the filters and the count. */
export function SearchResults(props: ResultsProps) {
  // Another search (words, filters, sort) starts another list: remounting drops the old pages and late answers.
  const key = JSON.stringify(toSearchQuery(props.params, 1, pageSize));
  return <Results key={key} cacheKey={key} {...props} />;
}

function Results({ cacheKey, params, onSort, onFilter, onSearch }: ResultsProps & { cacheKey: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [state, setState] = useState<ResultsState>(() => loaded.get(cacheKey) ?? fresh);
  // The page lives in a ref: InfiniteScroll may call loadMore again before React re-renders.
  const page = useRef(state.page);

  const loadMore = useCallback(async () => {
    const next = page.current + 1;
    let answer: StoreSearchResult;
    try {
      answer = await api(endpoints.store.search, { query: toSearchQuery(params, next, pageSize) });
    } catch (error) {
      if (next === 1) {
        setState((previous) => ({ ...previous, hasMore: false, error }));
        return;
      }
      throw error;
    }
    page.current = next;
    setState((previous) => {
      // Products published meanwhile can shift a later page: never list one twice.
      const seen = new Set(previous.items.map((item) => item.id));
      const state: ResultsState = {
        first: previous.first ?? answer,
        items: [...previous.items, ...answer.items.filter((item) => !seen.has(item.id))],
        page: next,
        hasMore: answer.items.length > 0 && next * answer.pageSize < answer.total && next < lastPage,
        error: undefined,
      };
      loaded.set(cacheKey, state);
      return state;
    });
  }, [params, cacheKey]);

  const retry = () => {
    page.current = 0;
    setState(fresh);
  };
  const { first } = state;
  const filtered = activeFilters(params).length > 0;
  const nothing = first !== undefined && first.total === 0;

  return (
    <>
      {!(nothing && !filtered) && (
        <SearchToolbar params={params} result={first} onSort={onSort} onFilter={onFilter} />
      )}
      {first !== undefined && !nothing && (
        <p data-testid="search-total" style={{ margin: '0 4px 8px', fontSize: 13, color: 'var(--adm-color-weak)' }}>
          {t('store.search.total', { count: first.total })}
        </p>
      )}
      {state.error !== undefined && <StoreError error={state.error} onRetry={retry} />}
      {nothing ? (
        <ZeroResults result={first} filtered={filtered} onSearch={onSearch} onClearFilters={() => onFilter(clearing(params))} />
      ) : (
        <div className="pv-product-grid" data-testid="search-results">
          {state.items.map((hit) => (
            <ProductCard key={hit.id} card={hit} title={<HighlightedTitle hit={hit} locale={locale} />} />
          ))}
        </div>
      )}
      {state.error === undefined && (
        <InfiniteScroll loadMore={loadMore} hasMore={state.hasMore} threshold={400}>
          {(more, failed, again) => <FeedStatus more={more} failed={failed} retry={again} empty={state.items.length === 0} />}
        </InfiniteScroll>
      )}
    </>
  );
}

function clearing(params: SearchParams): Partial<SearchFilters> {
  return Object.fromEntries(activeFilters(params).map((key) => [key, undefined]));
}
