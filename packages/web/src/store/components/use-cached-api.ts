import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Loaded } from '../../shared/use-api.ts';

/** The last answers of one kind of request, by key; small, so a long visit does not grow it forever. */
export class AnswerCache<T> {
  readonly #answers = new Map<string, T>();
  readonly #limit: number;

  constructor(limit = 30) {
    this.#limit = limit;
  }

  get(key: string): T | undefined {
    return this.#answers.get(key);
  }

  set(key: string, value: T): void {
    this.#answers.delete(key);
    this.#answers.set(key, value);
    const oldest = this.#answers.keys().next();
    if (this.#answers.size > this.#limit && !oldest.done) this.#answers.delete(oldest.value);
  }
}

/**
 * useApi with stale-while-revalidate: a page seen before renders its last answer at once and is
 * refreshed in the background. Going back to a storefront page thus draws its real content in the
 * first render, so the scroll position the visitor left can be restored over it.
 * `load` must be stable (a useCallback over `key`'s parts).
 */
export function useCachedApi<T>(cache: AnswerCache<T>, key: string, load: () => Promise<T>): Loaded<T> & { reload: () => void } {
  const cached = cache.get(key);
  const [state, setState] = useState<Loaded<T>>(cached === undefined ? { status: 'loading' } : { status: 'done', data: cached });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const known = cache.get(key);
    setState(known === undefined ? { status: 'loading' } : { status: 'done', data: known });
    load().then(
      (data) => {
        cache.set(key, data);
        if (current) setState({ status: 'done', data });
      },
      (error: unknown) => {
        // A failed refresh keeps what is on screen (a flaky network), unless the thing is gone.
        if (current && (known === undefined || isApiError(error, 'NOT_FOUND'))) setState({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [cache, key, load, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, reload };
}
