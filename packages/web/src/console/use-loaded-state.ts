import { useEffect, useState } from 'react';
import type { Loaded } from '../shared/use-api.ts';

/**
 * A loaded value the page then replaces with the answers of its own writes (a save answers the saved
 * resource). A new load (the first, a retry) takes over again; `undefined` means not loaded yet.
 */
export function useLoadedState<T>(loaded: Loaded<T>): [T | undefined, (value: T) => void] {
  // The data object keeps its identity between renders, unlike the `loaded` wrapper around it.
  const data = loaded.status === 'done' ? loaded.data : undefined;
  const [value, setValue] = useState<T | undefined>(data);
  useEffect(() => {
    if (data !== undefined) setValue(data);
  }, [data]);
  return [value, setValue];
}
