import { countryCodeSchema, listingSorts, type CountryCode } from '@pavilion/contracts';

export type ListingSort = (typeof listingSorts)[number];

/** A listing's filters and sort, kept in the address so a shared link opens the same listing. */
export interface ListingParams {
  sort: ListingSort;
  pavilion: string | undefined;
  country: CountryCode | undefined;
}

export function readListingParams(params: URLSearchParams): ListingParams {
  const sort = listingSorts.find((value) => value === params.get('sort')) ?? 'newest';
  const country = countryCodeSchema.safeParse(params.get('country'));
  return { sort, pavilion: params.get('pavilion') || undefined, country: country.success ? country.data : undefined };
}

/** The address's parameters with these values; defaults and empty values are left out. */
export function writeListingParams(current: URLSearchParams, values: Partial<ListingParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || (key === 'sort' && value === 'newest')) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
