import { keepPreviousData, QueryClient, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Endpoint, EndpointInput, EndpointOutput } from '@pavilion/contracts';
import { api, isApiError } from './client.ts';

/** A read as the pages render it: loading, its answer, or its failure. */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * The app's one query cache. A page seen before renders its last answer at once and is refreshed in
 * the background (each mount asks again: staleTime 0). No automatic retries and no refetch on window
 * focus: a failure is shown with its retry button, as before.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0, gcTime: 10 * 60_000 } },
});

/** An endpoint's cache key: its method and path first (what invalidation matches), then params and query. */
export function queryKeyOf<E extends Endpoint>(endpoint: E, input?: Pick<EndpointInput<E>, 'params' | 'query'>): QueryKey {
  const given = (input ?? {}) as { params?: unknown; query?: unknown };
  return [`${endpoint.method} ${endpoint.path}`, given.params ?? null, given.query ?? null];
}

/** The Loaded shape the pages render, from a query: an answer on screen stays through a failed refresh, unless the thing is gone. */
function loadedOf<T>(query: { data: T | undefined; error: unknown; isFetching: boolean; refetch: () => unknown }): Loaded<T> & { reload: () => void } {
  const reload = () => void query.refetch();
  if (query.data !== undefined && !(query.error !== null && isApiError(query.error, 'NOT_FOUND'))) return { status: 'done', data: query.data, reload };
  if (query.error !== null && !query.isFetching) return { status: 'failed', error: query.error, reload };
  return { status: 'loading', reload };
}

/** How a read goes on, besides its endpoint and input. */
export type EndpointReadOptions = {
  /** `false` waits (a missing id). */
  enabled?: boolean;
  /** Another input keeps the last answer on screen (`previous` is true) until its own arrives. */
  keepPrevious?: boolean;
};

/** Reads an endpoint through the query cache (GET endpoints). */
export function useEndpoint<E extends Endpoint>(
  endpoint: E,
  input: Pick<EndpointInput<E>, 'params' | 'query'>,
  options: EndpointReadOptions = {},
): Loaded<EndpointOutput<E>> & { reload: () => void; previous: boolean } {
  const query = useQuery({
    queryKey: queryKeyOf(endpoint, input),
    // api()'s arguments depend on E, which TypeScript cannot resolve for a generic E; the input is EndpointInput<E>'s own part.
    queryFn: () => (api as (e: Endpoint, given: object) => Promise<EndpointOutput<E>>)(endpoint, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious === true ? { placeholderData: keepPreviousData } : {}),
  });
  return { ...loadedOf(query), previous: query.isPlaceholderData };
}

/** A read that is not one endpoint's answer as is (a combination, a reordering), cached under its own key. */
export function useCachedQuery<T>(queryKey: QueryKey, load: () => Promise<T>): Loaded<T> & { reload: () => void } {
  return loadedOf(useQuery({ queryKey, queryFn: load }));
}

/** After a write: marks the answers of these endpoints stale, so the pages showing them ask again. */
export function useInvalidate() {
  const client = useQueryClient();
  return useCallback(
    (...changed: Endpoint[]) => Promise.all(changed.map((e) => client.invalidateQueries({ queryKey: [`${e.method} ${e.path}`] }))),
    [client],
  );
}

/**
 * After a write that answers the resource itself (a save answers the saved product): puts that answer
 * in the cache as this endpoint's answer for this input, so every page showing it renders it at once.
 */
export function useSetEndpointData<E extends Endpoint>(endpoint: E, input: Pick<EndpointInput<E>, 'params' | 'query'>) {
  const client = useQueryClient();
  // The key as text keeps the setter stable while the input is the same (its object is a new one each
  // render); the query cache hashes keys the same way, so the parsed copy is the same key.
  const keyText = JSON.stringify(queryKeyOf(endpoint, input));
  return useCallback((data: EndpointOutput<E>) => void client.setQueryData(JSON.parse(keyText) as QueryKey, data), [client, keyText]);
}
