import { useCallback, useState } from 'react';

/** How many past searches the search page offers again. */
export const recentLimit = 10;
const storageKey = 'pavilion.search.recent';

/** The list with `query` first: once only (the same words in another case count as the same search), at most `recentLimit`. */
export function addRecentSearch(list: readonly string[], query: string): string[] {
  const text = query.trim().replace(/\s+/g, ' ');
  if (text === '') return [...list];
  const same = text.toLocaleLowerCase();
  return [text, ...list.filter((item) => item.toLocaleLowerCase() !== same)].slice(0, recentLimit);
}

/** What storage holds, or nothing when it holds something else (an older format, a hand edit). */
export function parseRecentSearches(stored: string | null): string[] {
  if (stored === null) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, recentLimit);
  } catch {
    return [];
  }
}

function readStored(): string[] {
  try {
    return parseRecentSearches(window.localStorage.getItem(storageKey));
  } catch {
    // Storage can be disabled (private mode, policies): the page works without the history.
    return [];
  }
}

function store(list: readonly string[]): void {
  try {
    if (list.length === 0) window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, JSON.stringify(list));
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

/** This browser's last searches, newest first (kept on the device only: nothing is sent to the server). */
export function useRecentSearches() {
  const [items, setItems] = useState(readStored);
  const clear = useCallback(() => {
    store([]);
    setItems([]);
  }, []);
  return { items, clear };
}

/** Records a search: the results page does, whatever started it (the box, a chip, "did you mean", a shared link). */
export function rememberSearch(query: string): void {
  store(addRecentSearch(readStored(), query));
}
