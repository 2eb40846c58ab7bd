import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoreSearchResult } from '../../api/client.ts';
import { ProductGrid } from '../components/product-card.tsx';
import { Panel, Section } from '../components/section.tsx';
import { HotSearches } from './search-assist.tsx';
import { searchPath } from './search-params.ts';

const tips = ['spelling', 'fewerWords', 'language', 'country'] as const;

type ZeroProps = {
  result: StoreSearchResult;
  /** Filters are applied: dropping them may be all it takes. */
  filtered: boolean;
  onSearch: (text: string) => void;
  onClearFilters: () => void;
};

/** Nothing matched: a way forward rather than a dead end ("did you mean", related products, hot searches, tips). */
export function ZeroResults({ result, filtered, onSearch, onClearFilters }: ZeroProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="zero-results">
      <ErrorBlock
        status="empty"
        title={filtered ? t('store.search.zero.filteredTitle') : t('store.search.zero.title', { q: result.q })}
        description={null}
        style={{ padding: '16px 0 8px' }}
      >
        {filtered && (
          <Button color="primary" fill="outline" size="small" data-testid="zero-clear-filters" onClick={onClearFilters}>
            {t('store.search.clearFilters')}
          </Button>
        )}
      </ErrorBlock>
      {result.didYouMean !== null && (
        <p data-testid="did-you-mean" style={{ textAlign: 'center', fontSize: 15, margin: '4px 0 12px' }}>
          {t('store.search.zero.didYouMean')}{' '}
          <Link to={searchPath(result.didYouMean)} data-testid="did-you-mean-link" style={{ color: 'var(--adm-color-primary)', fontWeight: 600 }}>
            {result.didYouMean}
          </Link>
        </p>
      )}
      {result.related.length > 0 && (
        <Section title={t('store.search.zero.related')} testId="related-products">
          <ProductGrid items={result.related} />
        </Section>
      )}
      <HotSearches onSearch={onSearch} />
      <Panel title={t('store.search.zero.tipsTitle')} testId="search-tips">
        <ul style={{ margin: 0, paddingInlineStart: 20, fontSize: 14, lineHeight: 1.8, color: 'var(--adm-color-text-secondary)' }}>
          {tips.map((tip) => (
            <li key={tip}>{t(`store.search.zero.tips.${tip}` as const)}</li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
