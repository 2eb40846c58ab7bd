import { useEffect, useState } from 'react';
import type { Suggestion } from '@pavilion/contracts';
import { endpoints } from '@pavilion/contracts';
import { useEndpoint } from '../../api/query.ts';
import { AnswerCache } from '../components/answer-cache.ts';
import { api } from '../../api/client.ts';

/** The hot searches (operators' picks, then buyers' most searched), remembered for the visit. */
export const useHotSearches = () => useEndpoint(endpoints.store.getHotSearches, {});

/** How long typing must pause before the suggestions are asked for: each keystroke would be a request. */
export const suggestDelayMs = 150;
const suggestionAnswers = new AnswerCache<Suggestion[]>(50);

export type SuggestionState = { text: string; items: Suggestion[] };

/**
 * Suggestions for what is being typed, once typing pauses. Only the answer for the latest text is
 * shown (a slow answer for "椰" never replaces the one for "椰子"); text seen before answers at once
 * (deleting back). A failed request shows no suggestions: searching still works.
 */
export function useSuggestions(text: string): SuggestionState | null {
  const q = text.trim().slice(0, 50);
  const [state, setState] = useState<SuggestionState | null>(null);
  useEffect(() => {
    if (q === '') {
      setState(null);
      return;
    }
    const known = suggestionAnswers.get(q);
    if (known !== undefined) {
      setState({ text: q, items: known });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api(endpoints.store.suggest, { query: { q } }).then(
        (answer) => {
          suggestionAnswers.set(q, answer.items);
          if (current) setState({ text: q, items: answer.items });
        },
        () => {
          if (current) setState({ text: q, items: [] });
        },
      );
    }, suggestDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  return state;
}
