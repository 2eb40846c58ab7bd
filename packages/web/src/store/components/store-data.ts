import { endpoints } from '@pavilion/contracts';
import { queryKeyOf, useCachedQuery, useEndpoint } from '../../api/query.ts';
import { api } from '../../api/client.ts';

/**
 * The storefront's reads through the app's query cache: a page seen before renders its last answer at
 * once (so going back restores the scroll position over real content) and is refreshed on every visit.
 */

export const usePavilionList = () => useEndpoint(endpoints.store.getPavilions, {});
export const useCategoryTree = () => useEndpoint(endpoints.store.getCategories, {});
export const usePavilion = (slug: string) => useEndpoint(endpoints.store.getPavilion, { params: { slug } });
export const useProduct = (id: string) => useEndpoint(endpoints.store.getProduct, { params: { id } });
export const useStory = (slug: string, storySlug: string) => useEndpoint(endpoints.store.getPavilionStory, { params: { slug, storySlug } });
export const useExporter = (id: string) => useEndpoint(endpoints.store.getExporter, { params: { id } });
export const useBrand = (id: string) => useEndpoint(endpoints.store.getBrand, { params: { id } });

/** Featured products in the operator's order (the listing answers `?ids=` in its own order). */
export function useFeaturedProducts(ids: readonly string[]) {
  const key = ids.join(',');
  return useCachedQuery([...queryKeyOf(endpoints.store.getProducts, { query: { ids: key } }), 'featured'], async () => {
    if (key === '') return [];
    const page = await api(endpoints.store.getProducts, { query: { ids: key, limit: 60 } });
    const order = key.split(',');
    return [...page.items].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  });
}
