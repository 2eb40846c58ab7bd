import { z } from 'zod';
import { certificationTypes, customsModes, listingCardSchema } from './catalog.ts';
import { countryCodeSchema } from './countries.ts';
import { validationMessages as m } from './validation.ts';

export const searchSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Yuan as typed in a price filter ("88", "88.5", "88.50"), turned into fen. */
const yuan = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, { message: m.yuan.en })
  .transform((text) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** GET /api/store/search: what a buyer typed, the filters of the drawer, the sort and the page. */
export const searchQuerySchema = z
  .object({
    /** Kept as typed: a trailing space says the last word is finished (not a prefix to complete). */
    q: z.string().max(100).refine((q) => q.trim().length > 0, { message: m.required.en }),
    /** A pavilion slug. */
    pavilion: z.string().max(64).optional(),
    country: countryCodeSchema.optional(),
    /** A category id: a root covers its subtree. */
    category: z.string().max(64).optional(),
    price_min: yuan.optional(),
    price_max: yuan.optional(),
    mode: z.enum(customsModes).optional(),
    cert: z.enum(certificationTypes).optional(),
    in_stock: flag.optional(),
    sort: z.enum(searchSorts).default('relevance'),
    page: z.coerce.number().int().min(1).max(100).default(1),
    page_size: z.coerce.number().int().min(1).max(60).default(20),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.price_min !== undefined && query.price_max !== undefined && query.price_min > query.price_max) {
      ctx.addIssue({ code: 'custom', path: ['price_min'], message: m.priceRange.en });
    }
  });
export type SearchQueryInput = z.input<typeof searchQuerySchema>;
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** A piece of a title: `hit` marks the words the query matched (the storefront highlights them). */
export const highlightSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlight = z.infer<typeof highlightSchema>;

export const searchHitSchema = listingCardSchema
  .extend({ highlight: z.object({ titleZh: highlightSchema, titleEn: highlightSchema }) })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** One value of a facet with the number of results it would give (with the other filters applied). */
export const facetValueSchema = z.object({ value: z.string(), labelEn: z.string(), labelZh: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;

export const searchFacetsSchema = z.object({
  pavilion: z.array(facetValueSchema),
  country: z.array(facetValueSchema),
  category: z.array(facetValueSchema),
  mode: z.array(facetValueSchema),
  cert: z.array(facetValueSchema),
  /** Results in stock among those matching the other filters. */
  inStock: z.number().int(),
  /** Yuan price bands (fen bounds; `maxFen` null for the open top band). */
  price: z.array(z.object({ minFen: z.number().int(), maxFen: z.number().int().nullable(), count: z.number().int() })),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;

export const searchResultSchema = z
  .object({
    q: z.string(),
    items: z.array(searchHitSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: searchFacetsSchema,
    /** When nothing matched: a query that would find something (words the catalog does not know dropped or corrected). */
    didYouMean: z.string().nullable(),
    /** When nothing matched: products sharing some of the words. */
    related: z.array(listingCardSchema),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const suggestQuerySchema = z.object({ q: z.string().trim().min(1, { message: m.required.en }).max(50) }).strict();
export const suggestionKinds = ['product', 'brand', 'category'] as const;
export const suggestionSchema = z.object({
  kind: z.enum(suggestionKinds),
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestResultSchema = z.object({ items: z.array(suggestionSchema).max(10) });

/** Hot searches: the operators' picks first, then what buyers searched most in the last 7 days. */
export const hotSearchesSchema = z.object({ items: z.array(z.object({ text: z.string(), source: z.enum(['curated', 'popular']) })) });

// Operator console: the words Pavilion segments Chinese with, synonyms, hot searches, zero-result queries.

const phrase = z.string().trim().min(1, { message: m.required.en }).max(40);

export const searchWordInputSchema = z.object({ word: phrase.regex(/^[\p{Script=Han}A-Za-z0-9·\- ]+$/u, { message: m.searchWord.en }) }).strict();
export const searchWordSchema = z.object({ word: z.string(), createdAt: z.string() });
export const searchWordListSchema = z.object({ items: z.array(searchWordSchema) });

export const synonymInputSchema = z
  .object({ terms: z.array(phrase).min(2, { message: m.synonymTerms.en }).max(10) })
  .strict();
export const synonymSchema = z.object({ id: z.string(), terms: z.array(z.string()), createdAt: z.string() });
export const synonymListSchema = z.object({ items: z.array(synonymSchema) });

export const hotSearchInputSchema = z.object({ items: z.array(phrase).max(20) }).strict();
export const curatedHotSearchesSchema = z.object({ items: z.array(z.string()) });

export const zeroResultQuerySchema = z.object({ query: z.string(), count: z.number().int(), lastSeenAt: z.string() });
export const zeroResultListSchema = z.object({ items: z.array(zeroResultQuerySchema) });
export const zeroResultQueryParamsSchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).strict();

/** The state of the search index (a rebuild after the word list changes runs in the background). */
export const searchIndexStatusSchema = z.object({ documents: z.number().int(), pending: z.number().int(), lexiconVersion: z.number().int() });
