import type { TFunction } from 'i18next';
import { formatMajor, type FacetValue, type Locale, type SearchFacets } from '@pavilion/contracts';
import { countryName, pick } from '../../shared/localized.ts';
import type { FilterKey, SearchParams } from './search-params.ts';

/** Yuan without ".00": "50", "49.90" (fen in, integer arithmetic in formatMajor). */
export function yuanLabel(fen: number): string {
  return formatMajor(fen, 'CNY').replace(/\.00$/, '');
}

/** A facet value's name in the reader's language. */
export function facetLabel(value: FacetValue, locale: Locale): string {
  return pick(locale, value.labelZh || value.labelEn, value.labelEn || value.labelZh);
}

type FacetKey = 'pavilion' | 'country' | 'category' | 'mode' | 'cert';

/**
 * What a chip of an applied filter says. The facets name pavilions and categories; when the chosen value
 * is not among them (nothing left to count), the storefront's own names for countries, modes and
 * certifications are used, and the raw value for the rest.
 */
export function filterChipLabel(options: { key: FilterKey; params: SearchParams; facets: SearchFacets | undefined; locale: Locale; t: TFunction }): string | null {
  const { key, params, facets, locale, t } = options;
  const value = params[key];
  if (value === undefined) return null;
  switch (key) {
    case 'price_min':
      // One chip for the range: it is shown for price_max, or for price_min when no maximum is set.
      return params.price_max === undefined ? t('store.search.priceFrom', { min: value }) : null;
    case 'price_max':
      return params.price_min === undefined ? t('store.search.priceUpTo', { max: value }) : t('store.search.priceRange', { min: params.price_min, max: value });
    case 'in_stock':
      return t('store.search.inStock');
    default: {
      const known = facets?.[key].find((item) => item.value === value);
      if (known) return facetLabel(known, locale);
      return fallbackLabel(key, params, locale, t) ?? value;
    }
  }
}

function fallbackLabel(key: FacetKey, params: SearchParams, locale: Locale, t: TFunction): string | undefined {
  if (key === 'country' && params.country !== undefined) return countryName(params.country, locale);
  if (key === 'mode' && params.mode !== undefined) return t(`store.customsMode.${params.mode}`);
  if (key === 'cert' && params.cert !== undefined) return t(`store.certification.${params.cert}`);
  return undefined;
}
