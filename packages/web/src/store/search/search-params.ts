import { certificationTypes, countryCodeSchema, customsModes, searchQuerySchema, searchSorts, type SearchSort } from '@pavilion/contracts';
import type { StoreSearchQuery } from '../../api/client.ts';

/**
 * A search as the address carries it: the same names and values as the API's query string
 * (`/search?q=椰子油&country=FJ&price_max=100`), so the page forwards its address to the API as it is
 * and a shared or bookmarked link opens the same results.
 */
export type SearchParams = Omit<StoreSearchQuery, 'page' | 'page_size' | 'in_stock' | 'sort'> & { sort: SearchSort; in_stock?: 'true' };

/** The filters of the drawer, each one removable as a chip. */
export const filterKeys = ['pavilion', 'country', 'category', 'price_min', 'price_max', 'mode', 'cert', 'in_stock'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type SearchFilters = Pick<SearchParams, FilterKey>;

const defaultSort: SearchSort = 'relevance';
const shape = searchQuerySchema.shape;

/** One of `values`, or undefined. */
function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((item) => item === value);
}

/** A price as typed ("88", "88.5"), kept as text when the contract reads it as yuan. */
function yuanText(value: string | null): string | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  return shape.price_min.safeParse(text).success ? text : undefined;
}

/** Fen of a price text that yuanText accepted. */
export function yuanToFen(text: string): number {
  return shape.price_min.parse(text) ?? 0;
}

/** What a hand-edited or stale address asks for, each value checked by the contract's rules: a bad one is dropped, not sent. */
export function readSearchParams(params: URLSearchParams): SearchParams {
  const text = (key: string) => {
    const value = params.get(key)?.trim();
    return value === undefined || value === '' ? undefined : value.slice(0, 64);
  };
  const country = countryCodeSchema.safeParse(params.get('country'));
  let priceMin = yuanText(params.get('price_min'));
  const priceMax = yuanText(params.get('price_max'));
  // A minimum above the maximum is answered 400: keep the maximum, the bound most people set.
  if (priceMin !== undefined && priceMax !== undefined && yuanToFen(priceMin) > yuanToFen(priceMax)) priceMin = undefined;
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    sort: oneOf(searchSorts, params.get('sort')) ?? defaultSort,
    pavilion: text('pavilion'),
    country: country.success ? country.data : undefined,
    category: text('category'),
    price_min: priceMin,
    price_max: priceMax,
    mode: oneOf(customsModes, params.get('mode')),
    cert: oneOf(certificationTypes, params.get('cert')),
    in_stock: params.get('in_stock') === 'true' ? 'true' : undefined,
  };
}

/** One filter's value as the address would give it: undefined when the contract would refuse it. */
export function parseFilter<K extends FilterKey>(key: K, text: string | undefined): SearchParams[K] {
  return text === undefined ? undefined : readSearchParams(new URLSearchParams({ [key]: text }))[key];
}

/** The address's parameters with these values; the default sort and empty values are left out. */
export function writeSearchParams(current: URLSearchParams, values: Partial<SearchParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || (key === 'sort' && value === defaultSort)) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** The address of a new search: what was typed, nothing else (the filters of another search rarely fit). */
export function searchPath(q: string): string {
  return `/search?${new URLSearchParams({ q: q.trim() }).toString()}`;
}

/** The filters set, in the drawer's order. */
export function activeFilters(params: SearchParams): FilterKey[] {
  return filterKeys.filter((key) => params[key] !== undefined);
}

/** The API's query for one page of these results. */
export function toSearchQuery(params: SearchParams, page: number, pageSize: number): StoreSearchQuery {
  const query: StoreSearchQuery = { ...params, page, page_size: pageSize };
  if (params.sort === defaultSort) delete query.sort;
  return query;
}
