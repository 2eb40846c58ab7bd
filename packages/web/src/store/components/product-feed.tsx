import { endpoints } from '@pavilion/contracts';
import { useCallback, useRef, useState } from 'react';
import { DotLoading, ErrorBlock, InfiniteScroll } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigationType } from 'react-router';
import type { ListingCard } from '@pavilion/contracts';
import { type ListingQuery, api } from '../../api/client.ts';
import { ProductGrid } from './product-card.tsx';
import { AnswerCache } from './answer-cache.ts';

type FeedState = { items: ListingCard[]; cursor: string | undefined; hasMore: boolean; loaded: boolean };

const fresh: FeedState = { items: [], cursor: undefined, hasMore: true, loaded: false };
/** The pages loaded per query, so that "back" redraws the same list and its scroll position can be restored. */
const feeds = new AnswerCache<FeedState>(10);

/** Listing cards for a query, loaded page by page (by the API's cursor) as the visitor scrolls. */
export function ProductFeed({ query, emptyText }: { query: ListingQuery; emptyText?: string }) {
  // A new query starts a new list: remounting drops the old pages and any answer still on its way.
  const key = JSON.stringify(query);
  return <Feed key={key} cacheKey={key} query={query} emptyText={emptyText} />;
}

function Feed({ cacheKey, query, emptyText }: { cacheKey: string; query: ListingQuery; emptyText: string | undefined }) {
  const { t } = useTranslation();
  // Back and forward (POP) return to the pages already loaded; any other arrival starts afresh.
  const returning = useNavigationType() === 'POP';
  const [feed, setFeed] = useState<FeedState>(() => (returning ? feeds.get(cacheKey) : undefined) ?? fresh);
  // The cursor lives in a ref: InfiniteScroll may call loadMore again before React re-renders.
  const cursor = useRef(feed.cursor);

  const loadMore = useCallback(async () => {
    const page = await api(endpoints.store.getProducts, { query: { ...query, cursor: cursor.current } });
    cursor.current = page.nextCursor ?? undefined;
    setFeed((previous) => {
      const next = { items: [...previous.items, ...page.items], cursor: cursor.current, hasMore: page.nextCursor !== null, loaded: true };
      feeds.set(cacheKey, next);
      return next;
    });
  }, [query, cacheKey]);

  const empty = feed.loaded && feed.items.length === 0;
  return (
    <>
      {empty ? (
        <ErrorBlock status="empty" title={emptyText ?? t('store.listing.empty')} description={null} style={{ padding: '24px 0' }} />
      ) : (
        <ProductGrid items={feed.items} />
      )}
      <InfiniteScroll data-testid="load-more-sentinel" loadMore={loadMore} hasMore={feed.hasMore} threshold={400}>
        {(more, failed, retry) => <FeedStatus more={more} failed={failed} retry={retry} empty={empty} />}
      </InfiniteScroll>
    </>
  );
}

/** The end of an endless list: loading, failed (with retry) or "no more". */
export function FeedStatus({ more, failed, retry, empty }: { more: boolean; failed: boolean; retry: () => void; empty: boolean }) {
  const { t } = useTranslation();
  const weak = { color: 'var(--adm-color-weak)', fontSize: 13 };
  if (failed) {
    return (
      <span role="alert" style={weak}>
        {t('store.listing.failed')}{' '}
        <a role="button" tabIndex={0} onClick={retry} style={{ color: 'var(--adm-color-primary)' }}>
          {t('common.retry')}
        </a>
      </span>
    );
  }
  if (more) {
    return (
      <span style={weak}>
        {t('common.loading')}
        <DotLoading />
      </span>
    );
  }
  return empty ? null : <span style={weak}>{t('store.listing.noMore')}</span>;
}
