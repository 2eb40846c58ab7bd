import { pinyin } from 'pinyin-pro';
import type { Lexicon } from './lexicon.ts';
import { analyzeDocument, phraseText, type SearchDocument } from './search-analyzer.ts';
import { normalizeText, splitRuns } from './search-text.rules.ts';

/**
 * What the index stores of a product, computed from its text alone (no database): its terms with
 * their scores, the title a phrase is looked for in, its suggestion keys, its certificates. Run
 * on the main thread for a few products, in a worker thread for a rebuild.
 */

const SUGGEST_KEY_CHARS = 40;
const pinyinCache = new Map<string, string[]>();

function syllablesOf(word: string): string[] {
  let syllables = pinyinCache.get(word);
  if (!syllables) {
    syllables = /\p{Script=Han}/u.test(word) ? pinyin(word, { toneType: 'none', type: 'array', v: true }) : [word];
    if (pinyinCache.size > 200_000) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}

/**
 * The prefixes that suggest a product: its Chinese title from each of its first words, the same in
 * pinyin and in initials, and its English title from each of its first words. Spaces are removed
 * (a buyer types "coconutoil" or "coconut oil" alike).
 */
export function suggestKeys(lexicon: Lexicon, doc: Pick<SearchDocument, 'titleZh' | 'titleEn'>): string[] {
  const keys = new Set<string>();
  const put = (text: string) => {
    const key = [...text].slice(0, SUGGEST_KEY_CHARS).join('');
    if (key) keys.add(key);
  };
  const zhWords = splitRuns(normalizeText(doc.titleZh)).flatMap((run) => (run.kind === 'han' ? lexicon.cutForQuery(run.text) : [run.text]));
  const syllables = zhWords.map(syllablesOf);
  for (let i = 0; i < Math.min(6, zhWords.length); i++) put(zhWords.slice(i).join(''));
  for (let i = 0; i < Math.min(3, zhWords.length); i++) put(syllables.slice(i).flat().join(''));
  put(syllables.flat().map((s) => s[0] ?? '').join(''));
  const enWords = splitRuns(normalizeText(doc.titleEn)).map((run) => run.text);
  for (let i = 0; i < Math.min(4, enWords.length); i++) put(enWords.slice(i).join(''));
  return [...keys];
}

/** The catalog's own vocabulary (Chinese tags, brand and category names) joins the word list before the product is cut into words. */
export const learnWords = (lexicon: Lexicon, doc: SearchDocument): string[] => lexicon.addWords([...doc.tags, ...(doc.brand ? [doc.brand.zh] : []), ...doc.categoryNames]);

// The triggers of migration 2026-12-02T0900-suggest-speed recompute it when stock or sales change: change both together.
export const suggestWeight = (doc: Pick<SearchDocument, 'salesCount' | 'inStock'>) => Math.min(doc.salesCount, 999_999) + (doc.inStock ? 1_000_000 : 0);

export interface IndexedRow {
  terms: Map<string, number>;
  phrase: string;
  keys: string[];
  certifications: string;
}

export function buildRow(lexicon: Lexicon, doc: SearchDocument): IndexedRow {
  return {
    terms: analyzeDocument(lexicon, doc),
    phrase: phraseText(doc),
    keys: suggestKeys(lexicon, doc),
    certifications: doc.certifications.length > 0 ? `,${[...new Set(doc.certifications)].join(',')},` : '',
  };
}

