import { useCallback } from 'react';
import type { ListingCard } from '@pavilion/contracts';
import {
  accountApi,
  storeApi,
  type CategoryTree,
  type PavilionDetail,
  type PavilionList,
  type StoreBrand,
  type StoreExporter,
  type StoreProduct,
  type StoryDetail,
} from '../../api/client.ts';
import { AnswerCache, useCachedApi } from './use-cached-api.ts';

/** The storefront's reads, each remembered for the visit (see useCachedApi) and refreshed on every visit. */

const pavilionLists = new AnswerCache<PavilionList>(1);
const pavilions = new AnswerCache<PavilionDetail>();
const categoryTrees = new AnswerCache<CategoryTree>(1);
const products = new AnswerCache<StoreProduct>();
const stories = new AnswerCache<StoryDetail>();
const exporters = new AnswerCache<StoreExporter>();
const brands = new AnswerCache<StoreBrand>();
const featured = new AnswerCache<ListingCard[]>();

export const usePavilionList = () => useCachedApi(pavilionLists, 'all', accountApi.getStorePavilions);
export const useCategoryTree = () => useCachedApi(categoryTrees, 'all', storeApi.getCategories);

export function usePavilion(slug: string) {
  return useCachedApi(pavilions, slug, useCallback(() => accountApi.getStorePavilion(slug), [slug]));
}

export function useProduct(id: string) {
  return useCachedApi(products, id, useCallback(() => storeApi.getProduct(id), [id]));
}

export function useStory(slug: string, storySlug: string) {
  return useCachedApi(stories, `${slug}/${storySlug}`, useCallback(() => storeApi.getStory(slug, storySlug), [slug, storySlug]));
}

export function useExporter(id: string) {
  return useCachedApi(exporters, id, useCallback(() => storeApi.getExporter(id), [id]));
}

export function useBrand(id: string) {
  return useCachedApi(brands, id, useCallback(() => storeApi.getBrand(id), [id]));
}

/** Featured products in the operator's order (the listing answers `?ids=` in its own order). */
export function useFeaturedProducts(ids: readonly string[]) {
  const key = ids.join(',');
  const load = useCallback(async () => {
    if (key === '') return [];
    const page = await storeApi.getProducts({ ids: key, limit: 60 });
    const order = key.split(',');
    return [...page.items].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }, [key]);
  return useCachedApi(featured, key, load);
}
