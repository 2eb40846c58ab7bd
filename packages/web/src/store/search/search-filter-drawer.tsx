import { useEffect, useState, type ReactNode } from 'react';
import { Button, Input, Selector, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { endpoints, validationMessages, type FacetValue, type SearchFacets } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { facetLabel, yuanLabel } from './filter-labels.ts';
import { parseFilter, readSearchParams, toSearchQuery, writeSearchParams, yuanToFen, type SearchFilters, type SearchParams } from './search-params.ts';
import { api } from '../../api/client.ts';

type Preview = { facets: SearchFacets; total: number };

/** How long the drawer waits after a change before counting the results it would give. */
const previewDelayMs = 250;

type DrawerProps = {
  params: SearchParams;
  /** The facets of the results on screen (the drawer's counts until a choice changes them). */
  facets: SearchFacets;
  total: number;
  onApply: (filters: SearchFilters) => void;
};

/**
 * The filters of a search, each value with the number of results it would give. Choices are drafts
 * until "show" is tapped; as they change, the counts and the button follow (one small request).
 */
export function SearchFilterDrawer({ params, facets, total, onApply }: DrawerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<SearchFilters>(() => pickFilters(params));
  const [priceMin, setPriceMin] = useState(params.price_min ?? '');
  const [priceMax, setPriceMax] = useState(params.price_max ?? '');
  const price = readPrices(priceMin, priceMax);
  const priceMessage = price.error === null ? null : validationMessages[price.error][locale === 'zh-CN' ? 'zh' : 'en'];
  const filters: SearchFilters = { ...draft, price_min: price.min, price_max: price.max };
  const preview = usePreview(params, filters, price.error === null, { facets, total });
  const shown = preview ?? { facets, total };
  const set = (values: Partial<SearchFilters>) => setDraft((current) => ({ ...current, ...values }));
  const heading = { fontSize: 15, margin: '16px 0 8px' };

  return (
    <div data-testid="search-filter-drawer" style={{ display: 'flex', flexDirection: 'column', maxHeight: '80vh' }}>
      <div style={{ padding: '4px 16px 8px', overflowY: 'auto' }}>
        <FacetGroup title={t('store.listing.pavilion')} testId="facet-pavilion" columns={2} values={shown.facets.pavilion} chosen={filters.pavilion} onChange={(pavilion) => set({ pavilion })} />
        <FacetGroup title={t('store.listing.country')} testId="facet-country" columns={3} values={shown.facets.country} chosen={filters.country} onChange={(value) => set({ country: parseFilter('country', value) })} />
        <FacetGroup title={t('store.categories.title')} testId="facet-category" columns={2} values={shown.facets.category} chosen={filters.category} onChange={(category) => set({ category })} />

        <h2 style={heading}>{t('store.search.price')}</h2>
        {shown.facets.price.length > 0 && (
          <Selector
            data-testid="facet-price"
            columns={2}
            value={shown.facets.price.filter((band) => bandMatches(band, price)).map(bandKey)}
            options={shown.facets.price.map((band) => ({
              value: bandKey(band),
              label: <Counted label={<BandLabel band={band} />} count={band.count} />,
            }))}
            onChange={(values) => {
              const band = shown.facets.price.find((item) => bandKey(item) === values[0]);
              setPriceMin(band === undefined || band.minFen === 0 ? '' : yuanLabel(band.minFen));
              setPriceMax(band === undefined || band.maxFen === null ? '' : yuanLabel(band.maxFen));
            }}
          />
        )}
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
          <PriceInput name="price_min" value={priceMin} onChange={setPriceMin} placeholder={t('store.search.priceMin')} />
          <span aria-hidden>–</span>
          <PriceInput name="price_max" value={priceMax} onChange={setPriceMax} placeholder={t('store.search.priceMax')} />
        </div>
        {priceMessage !== null && (
          <div role="alert" data-testid="price-error" style={{ color: 'var(--adm-color-danger)', fontSize: 13, marginTop: 4 }}>
            {priceMessage}
          </div>
        )}

        <FacetGroup
          title={t('store.search.mode')}
          testId="facet-mode"
          columns={1}
          values={shown.facets.mode}
          chosen={filters.mode}
          label={(value) => (value.value === '9610' || value.value === '1210' ? t(`store.customsMode.${value.value}`) : facetLabel(value, locale))}
          onChange={(value) => set({ mode: parseFilter('mode', value) })}
        />
        <FacetGroup
          title={t('store.search.cert')}
          testId="facet-cert"
          columns={2}
          values={shown.facets.cert}
          chosen={filters.cert}
          onChange={(value) => set({ cert: parseFilter('cert', value) })}
        />

        <label style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: '16px 0 8px' }}>
          <span style={{ fontSize: 15, fontWeight: 600 }}>
            <Counted label={t('store.search.inStock')} count={shown.facets.inStock} />
          </span>
          <Switch data-testid="facet-in-stock" checked={filters.in_stock === 'true'} onChange={(on) => set({ in_stock: on ? 'true' : undefined })} />
        </label>
      </div>
      <div style={{ display: 'flex', gap: 12, padding: '12px 16px 16px', borderTop: '1px solid var(--adm-color-border)' }}>
        <Button block data-testid="filter-reset" onClick={() => onApply(noFilters)}>
          {t('store.listing.reset')}
        </Button>
        <Button block color="primary" data-testid="filter-apply" disabled={price.error !== null} onClick={() => onApply(filters)}>
          {preview === null && !sameFilters(filters, params) ? t('store.listing.apply') : t('store.search.showCount', { count: shown.total })}
        </Button>
      </div>
    </div>
  );
}

const noFilters: SearchFilters = {
  pavilion: undefined,
  country: undefined,
  category: undefined,
  price_min: undefined,
  price_max: undefined,
  mode: undefined,
  cert: undefined,
  in_stock: undefined,
};

function pickFilters(params: SearchParams): SearchFilters {
  const { pavilion, country, category, price_min, price_max, mode, cert, in_stock } = params;
  return { pavilion, country, category, price_min, price_max, mode, cert, in_stock };
}

function sameFilters(a: SearchFilters, b: SearchFilters): boolean {
  return JSON.stringify(pickFilters({ ...noFilters, ...a, q: '', sort: 'relevance' })) === JSON.stringify(pickFilters({ ...noFilters, ...b, q: '', sort: 'relevance' }));
}

/** The counts the drafted filters would give (null until known, and while they are the ones applied). */
function usePreview(params: SearchParams, filters: SearchFilters, valid: boolean, applied: Preview): Preview | null {
  const [preview, setPreview] = useState<{ key: string; value: Preview } | null>(null);
  const next: SearchParams = { ...params, ...filters };
  const key = writeSearchParams(new URLSearchParams(), next).toString();
  const unchanged = sameFilters(filters, params);
  useEffect(() => {
    if (!valid || unchanged) return;
    let current = true;
    const timer = setTimeout(() => {
      api(endpoints.store.search, { query: toSearchQuery(readSearchParams(new URLSearchParams(key)), 1, 1) }).then(
        (result) => {
          if (current) setPreview({ key, value: { facets: result.facets, total: result.total } });
        },
        // Without a preview the drawer keeps the counts it has; applying still works.
        () => undefined,
      );
    }, previewDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, valid, unchanged]);
  if (unchanged) return applied;
  return preview?.key === key ? preview.value : null;
}

type Prices = { min: string | undefined; max: string | undefined; error: 'yuan' | 'priceRange' | null };

/** The typed bounds, checked as the API checks them (the contract's yuan rule, min ≤ max). */
function readPrices(minText: string, maxText: string): Prices {
  const min = parseFilter('price_min', minText);
  const max = parseFilter('price_max', maxText);
  if ((minText.trim() !== '' && min === undefined) || (maxText.trim() !== '' && max === undefined)) return { min, max, error: 'yuan' };
  if (min !== undefined && max !== undefined && yuanToFen(min) > yuanToFen(max)) return { min, max, error: 'priceRange' };
  return { min, max, error: null };
}

type Band = SearchFacets['price'][number];

const bandKey = (band: Band) => `${band.minFen}-${band.maxFen ?? ''}`;

function bandMatches(band: Band, price: Prices): boolean {
  const min = price.min === undefined ? 0 : yuanToFen(price.min);
  const max = price.max === undefined ? null : yuanToFen(price.max);
  return price.error === null && band.minFen === min && band.maxFen === max;
}

function BandLabel({ band }: { band: Band }) {
  const { t } = useTranslation();
  return band.maxFen === null
    ? t('store.search.bandAbove', { min: yuanLabel(band.minFen) })
    : t('store.search.band', { min: yuanLabel(band.minFen), max: yuanLabel(band.maxFen) });
}

function Counted({ label, count }: { label: ReactNode; count: number }) {
  return (
    <>
      {label}
      <span style={{ marginLeft: 4, fontSize: 12, color: 'var(--adm-color-weak)', fontWeight: 'normal' }}>({count})</span>
    </>
  );
}

function PriceInput({ name, value, onChange, placeholder }: { name: string; value: string; onChange: (value: string) => void; placeholder: string }) {
  return (
    <div style={{ flex: 1, display: 'flex', alignItems: 'center', gap: 2, padding: '6px 10px', borderRadius: 6, background: 'var(--adm-color-fill-content)' }}>
      <span aria-hidden style={{ color: 'var(--adm-color-weak)' }}>¥</span>
      <Input name={name} aria-label={placeholder} value={value} onChange={onChange} placeholder={placeholder} inputMode="decimal" clearable />
    </div>
  );
}

type FacetGroupProps = {
  title: string;
  testId: string;
  columns: number;
  values: readonly FacetValue[];
  chosen: string | undefined;
  onChange: (value: string | undefined) => void;
  label?: (value: FacetValue) => string;
};

/** One facet: "any" and its values with their counts. A chosen value no longer counted stays (at 0) so it can be unchosen. */
function FacetGroup({ title, testId, columns, values, chosen, onChange, label }: FacetGroupProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shown = chosen === undefined || values.some((item) => item.value === chosen) ? values : [...values, { value: chosen, labelEn: chosen, labelZh: chosen, count: 0 }];
  if (shown.length === 0) return null;
  const name = label ?? ((value: FacetValue) => facetLabel(value, locale));
  return (
    <>
      <h2 style={{ fontSize: 15, margin: '16px 0 8px' }}>{title}</h2>
      <Selector
        data-testid={testId}
        columns={columns}
        value={[chosen ?? '']}
        options={[
          { label: t('store.listing.any'), value: '' },
          ...shown.map((item) => ({ value: item.value, label: <Counted label={name(item)} count={item.count} /> })),
        ]}
        onChange={(selected) => onChange(selected[0] || undefined)}
      />
    </>
  );
}
