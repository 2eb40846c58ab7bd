import { useState } from 'react';
import { Badge, Button, Popup, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { searchSorts, type SearchFacets, type SearchSort } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { filterChipLabel } from './filter-labels.ts';
import { SearchFilterDrawer } from './search-filter-drawer.tsx';
import { activeFilters, type FilterKey, type SearchFilters, type SearchParams } from './search-params.ts';

/** The tabs' order: relevance (综合) first, then what buyers reach for. */
const sortTabs = ['relevance', 'best_selling', 'newest', 'price_asc', 'price_desc'] as const satisfies readonly SearchSort[];

type ToolbarProps = {
  params: SearchParams;
  /** The answer's facets and total; undefined until the first page has come. */
  result: { facets: SearchFacets; total: number } | undefined;
  onSort: (sort: SearchSort) => void;
  onFilter: (filters: Partial<SearchFilters>) => void;
};

/** Sort tabs, a filter button opening the drawer, and the applied filters as chips that remove them. */
export function SearchToolbar({ params, result, onSort, onFilter }: ToolbarProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const active = activeFilters(params);
  // The price range is one filter however many bounds it has.
  const count = active.filter((key) => key !== 'price_min' || params.price_max === undefined).length;
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', background: 'var(--adm-color-background)', borderRadius: 8, marginBottom: 8 }}>
        <Tabs
          activeKey={params.sort}
          onChange={(key) => onSort(searchSorts.find((sort) => sort === key) ?? 'relevance')}
          style={{ flex: 1, minWidth: 0, '--title-font-size': '14px', '--content-padding': '0' }}
        >
          {sortTabs.map((sort) => (
            <Tabs.Tab key={sort} title={<span data-testid={`sort-${sort}`}>{t(`store.search.sort.${sort}` as const)}</span>} />
          ))}
        </Tabs>
        <Badge content={count > 0 ? count : null} style={{ '--right': '6px', '--top': '6px' }}>
          <Button fill="none" size="small" data-testid="filter-button" disabled={result === undefined} onClick={() => setOpen(true)} style={{ flex: 'none' }}>
            {t('store.listing.filter')}
          </Button>
        </Badge>
      </div>
      {result !== undefined && (
        <Popup visible={open} onMaskClick={() => setOpen(false)} position="bottom" bodyStyle={{ borderRadius: '12px 12px 0 0' }} destroyOnClose>
          <SearchFilterDrawer
            params={params}
            facets={result.facets}
            total={result.total}
            onApply={(filters) => {
              setOpen(false);
              onFilter(filters);
            }}
          />
        </Popup>
      )}
      <AppliedFilters params={params} facets={result?.facets} onRemove={onFilter} />
    </>
  );
}

function AppliedFilters({ params, facets, onRemove }: { params: SearchParams; facets: SearchFacets | undefined; onRemove: (filters: Partial<SearchFilters>) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const chips = activeFilters(params).flatMap((key) => {
    const label = filterChipLabel({ key, params, facets, locale, t });
    if (label === null) return [];
    // The price chip stands for both bounds.
    const removes: Partial<SearchFilters> = key === 'price_max' || key === 'price_min' ? { price_min: undefined, price_max: undefined } : { [key]: undefined };
    return [{ key, label, removes }];
  });
  if (chips.length === 0) return null;
  const clearAll = Object.fromEntries(activeFilters(params).map((key): [FilterKey, undefined] => [key, undefined]));
  return (
    <div className="pv-scroll-row" data-testid="applied-filters" style={{ marginBottom: 10 }}>
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          data-testid="applied-filter"
          aria-label={t('store.search.removeFilter', { label: chip.label })}
          onClick={() => onRemove(chip.removes)}
          style={{
            padding: '4px 10px',
            borderRadius: 14,
            fontSize: 13,
            cursor: 'pointer',
            border: '1px solid var(--adm-color-primary)',
            background: 'rgba(22, 119, 255, 0.08)',
            color: 'var(--adm-color-primary)',
          }}
        >
          {chip.label} <span aria-hidden>✕</span>
        </button>
      ))}
      <button
        type="button"
        data-testid="clear-filters"
        onClick={() => onRemove(clearAll)}
        style={{ padding: '4px 10px', border: 'none', background: 'none', fontSize: 13, color: 'var(--adm-color-weak)', cursor: 'pointer' }}
      >
        {t('store.search.clearFilters')}
      </button>
    </div>
  );
}
