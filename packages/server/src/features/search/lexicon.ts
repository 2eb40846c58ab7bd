import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { baseWords } from './search-base-words.ts';
import { latinTerm, normalizeText, splitRuns } from './search-text.rules.ts';

// Pavilion's words outrank the general dictionary's: 汤加香草 is 汤加|香草, never 汤|加香|草.
const WORD_FREQUENCY = 200_000;

/** A synonym group as the query planner uses it: each phrase as its query tokens. */
export interface SynonymGroup {
  phrases: string[];
  /** Each phrase's tokens joined by a space (Chinese words as segmented, Latin words as terms). */
  keys: string[];
}

/**
 * The words Chinese is segmented with (jieba's general dictionary plus Pavilion's base words, the
 * operators' words and the catalog's), their pinyin for buyers who type pinyin, and the synonyms.
 * One per database per process; `SearchIndex` reloads it when the stored word list changes.
 */
export class Lexicon {
  private jieba: Jieba;
  private readonly words = new Set<string>();
  /** The same words in the order they were added (what another thread needs to cut alike). */
  private readonly order: string[] = [];
  private readonly byPinyin = new Map<string, Set<string>>();
  private readonly byInitials = new Map<string, Set<string>>();
  private longestPinyin = 0;
  synonyms: SynonymGroup[] = [];
  /** The stored word-list version this lexicon reflects (-1: not loaded yet). */
  version = -1;
  /** Counts every change to how Chinese is cut (a word added, a reset): what was cut before may be cut differently now. */
  generation = 0;
  /** How many times it started over (a word was removed). */
  resets = 0;

  constructor() {
    this.jieba = Jieba.withDict(dict);
    this.addWords(baseWords);
  }

  /** Every word it cuts with beyond jieba's dictionary, in the order added. */
  wordList(): readonly string[] {
    return this.order;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Adds Chinese words (anything else in them is ignored); answers those it did not know. */
  addWords(candidates: Iterable<string>): string[] {
    const added: string[] = [];
    for (const candidate of candidates) {
      const word = normalizeText(candidate).replace(/\s+/g, '');
      if (!/^\p{Script=Han}{2,12}$/u.test(word) || this.words.has(word)) continue;
      this.words.add(word);
      this.order.push(word);
      added.push(word);
      const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
      const full = syllables.join('');
      const initials = syllables.map((s) => s[0] ?? '').join('');
      add(this.byPinyin, full, word);
      add(this.byInitials, initials, word);
      this.longestPinyin = Math.max(this.longestPinyin, full.length);
    }
    if (added.length > 0) this.generation += 1;
    if (added.length > 0) this.jieba.loadDict(new TextEncoder().encode(added.map((w) => `${w} ${WORD_FREQUENCY}`).join('\n')));
    return added;
  }

  /** Starts over from the general dictionary and the base words (after a word was removed). */
  reset(): void {
    this.generation += 1;
    this.jieba = Jieba.withDict(dict);
    this.resets += 1;
    this.words.clear();
    this.order.length = 0;
    this.byPinyin.clear();
    this.byInitials.clear();
    this.longestPinyin = 0;
    this.addWords(baseWords);
  }

  /** Words of a run of Chinese for the index: the longest words and the shorter words inside them. */
  cutForIndex(han: string): string[] {
    return this.jieba.cutForSearch(han, false);
  }

  /** Words of a run of Chinese as the buyer meant them (the most likely segmentation). */
  cutForQuery(han: string): string[] {
    return this.jieba.cut(han, false);
  }

  /**
   * Reads Latin letters as pinyin of known words: "yeziyou" → [[椰子油]], "feijiyeziyou" →
   * [[斐济], [椰子油]] (fewest words wins), "yzy" → [[椰子油]] by initials. Each piece lists the
   * homophones. Null when the letters are not pinyin of known words.
   */
  pinyinWords(letters: string): string[][] | null {
    if (!/^[a-z]{2,60}$/.test(letters)) return null;
    const n = letters.length;
    // best[i]: the fewest pieces covering letters[0, i).
    const best: Array<{ pieces: number; from: number; words: Set<string> } | null> = new Array(n + 1).fill(null);
    best[0] = { pieces: 0, from: 0, words: new Set() };
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - this.longestPinyin); start < end; start++) {
        const before = best[start];
        const words = this.byPinyin.get(letters.slice(start, end));
        if (!before || !words) continue;
        const current = best[end];
        if (!current || before.pieces + 1 < current.pieces) best[end] = { pieces: before.pieces + 1, from: start, words };
      }
    }
    if (best[n]) {
      const pieces: string[][] = [];
      for (let at = n; at > 0; ) {
        const step = best[at]!;
        pieces.unshift([...step.words]);
        at = step.from;
      }
      return pieces;
    }
    const byInitials = letters.length <= 8 ? this.byInitials.get(letters) : undefined;
    return byInitials ? [[...byInitials]] : null;
  }

  /** The tokens a phrase gives a query: Chinese words as segmented, Latin words as terms. */
  queryKey(phrase: string): string {
    return splitRuns(normalizeText(phrase))
      .flatMap((run) => (run.kind === 'han' ? this.cutForQuery(run.text) : [latinTerm(run.text)]))
      .join(' ');
  }

  setSynonyms(groups: string[][]): void {
    this.addWords(groups.flat());
    this.synonyms = groups.map((phrases) => ({ phrases, keys: phrases.map((p) => this.queryKey(p)) }));
  }
}

function add(map: Map<string, Set<string>>, key: string, word: string): void {
  if (!key) return;
  const set = map.get(key);
  if (set) set.add(word);
  else map.set(key, new Set([word]));
}
