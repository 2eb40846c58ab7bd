import type { Lexicon } from './lexicon.ts';
import {
  and, atomsOf, bigrams, editVariants, isStopword, latinTerm, normalizeText, or, prune, splitRuns, TYPO_MIN_LENGTH,
  type Atom, type QueryNode,
} from './search-text.rules.ts';

/** What a product says about itself, as search reads it (built by the catalog from the live revision). */
export interface SearchDocument {
  productId: string;
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  /** Plain text (no markup). */
  descriptionZh: string;
  descriptionEn: string;
  tags: string[];
  brand: { zh: string; en: string } | null;
  /** The category and its parent, both languages. */
  categoryNames: string[];
  exporterNames: string[];
  /** Country, pavilion and town names, both languages. */
  placeNames: string[];
  certifications: string[];
  salesCount: number;
  inStock: boolean;
}

/**
 * How much a term counts by the field it is found in: the title above brand and tags, those above
 * the category, maker and place, and the description last.
 */
export const FIELD_WEIGHTS = { title: 100, brand: 60, tags: 60, category: 40, exporter: 40, place: 40, subtitle: 30, description: 10 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

// Titles are also indexed by single characters (a one-character query: 茶, 灯), short fields by pairs,
// except the description, which is indexed by words only (it is long and counts least).
const NGRAM_FIELDS = new Set<Field>(['title', 'brand', 'tags', 'category', 'exporter', 'place', 'subtitle']);
const UNIGRAM_FIELDS = new Set<Field>(['title']);
const DESCRIPTION_CHARS = 600;

/** The terms of a document with the score each posting carries. */
export function analyzeDocument(lexicon: Lexicon, doc: SearchDocument): Map<string, number> {
  const fields: Array<[Field, string]> = [
    ['title', `${doc.titleZh} ${doc.titleEn}`],
    ['subtitle', `${doc.subtitleZh} ${doc.subtitleEn}`],
    ['tags', doc.tags.join(' ; ')],
    ['brand', doc.brand ? `${doc.brand.zh} ${doc.brand.en}` : ''],
    ['category', doc.categoryNames.join(' ; ')],
    ['exporter', doc.exporterNames.join(' ; ')],
    ['place', doc.placeNames.join(' ; ')],
    ['description', `${doc.descriptionZh.slice(0, DESCRIPTION_CHARS)} ${doc.descriptionEn.slice(0, DESCRIPTION_CHARS)}`],
  ];
  const best = new Map<string, { weight: number; fields: number }>();
  for (const [field, text] of fields) {
    for (const term of SHARED_FIELDS.has(field) ? sharedFieldTerms(lexicon, text, field) : fieldTerms(lexicon, normalizeText(text), field)) {
      const seen = best.get(term);
      if (seen) best.set(term, { weight: Math.max(seen.weight, FIELD_WEIGHTS[field]), fields: seen.fields + 1 });
      else best.set(term, { weight: FIELD_WEIGHTS[field], fields: 1 });
    }
  }
  // A term found in several fields counts a little more than in its best one alone.
  return new Map([...best].map(([term, s]) => [term, s.weight + Math.min(s.fields - 1, 3) * 2]));
}

// Fields many products share word for word (a maker's, a place's, a category's names): their terms
// are kept per lexicon generation, so a rebuild cuts each such text once.
const SHARED_FIELDS = new Set<Field>(['brand', 'category', 'exporter', 'place']);
const SHARED_KEPT = 20_000;
const shared = new WeakMap<Lexicon, { generation: number; terms: Map<string, Set<string>> }>();

function sharedFieldTerms(lexicon: Lexicon, text: string, field: Field): Set<string> {
  let cache = shared.get(lexicon);
  if (!cache || cache.generation !== lexicon.generation || cache.terms.size > SHARED_KEPT) {
    cache = { generation: lexicon.generation, terms: new Map() };
    shared.set(lexicon, cache);
  }
  const key = `${field}\u0000${text}`;
  let terms = cache.terms.get(key);
  if (!terms) cache.terms.set(key, (terms = fieldTerms(lexicon, normalizeText(text), field)));
  return terms;
}

function fieldTerms(lexicon: Lexicon, normalized: string, field: Field): Set<string> {
  const terms = new Set<string>();
  for (const run of splitRuns(normalized)) {
    if (run.kind === 'latin') {
      if (!isStopword(run.text) && run.text.length <= 40) terms.add(latinTerm(run.text));
      continue;
    }
    for (const word of lexicon.cutForIndex(run.text)) if ([...word].length >= 2) terms.add(word);
    if (NGRAM_FIELDS.has(field)) for (const pair of bigrams(run.text)) terms.add(pair);
    if (UNIGRAM_FIELDS.has(field)) for (const char of run.text) terms.add(char);
  }
  return terms;
}

/** The normalised title a query is looked for in as an exact phrase. */
export function phraseText(doc: Pick<SearchDocument, 'titleZh' | 'titleEn' | 'subtitleZh' | 'subtitleEn'>): string {
  return [doc.titleZh, doc.titleEn].map((t) => normalizeText(t).replace(/\s+/g, ' ')).join(' | ');
}

/** The normalised query as a phrase (looked for in titles); empty when too short to mean anything. */
export function queryPhrase(q: string): string {
  const phrase = normalizeText(q).replace(/\s+/g, ' ').trim();
  return [...phrase].length >= 2 ? phrase : '';
}

/** Answers what the index holds: the only I/O the planner needs, so it stays testable. */
export interface TermLookup {
  /** The terms among these that some listed product has. */
  existing(terms: string[]): Promise<Set<string>>;
  /** Terms starting with the prefix, the most common first. */
  withPrefix(prefix: string, limit: number): Promise<string[]>;
}

export interface QueryPlan {
  /** Null when no word of the query can match anything. */
  tree: QueryNode | null;
  /** Each unit of the query (a word, or a phrase a synonym matched) with its own tree, for "did you mean" and related items. */
  units: Array<{ text: string; tree: QueryNode | null }>;
  /** What to highlight in titles. */
  needles: { han: string[]; latin: string[] };
  phrase: string;
}

// How much each kind of match counts against the posting's field score.
const WEIGHT = { exact: 10, pair: 4, prefix: 7, typo: 6, pinyin: 9, synonym: 8 } as const;
const MAX_UNITS = 10;
const PREFIX_EXPANSIONS = 12;
/** Each atom is one flag column of the search statement: a query uses at most this many. */
export const MAX_ATOMS = 52;

interface Token {
  kind: 'han' | 'latin';
  text: string;
}

/**
 * Turns what a buyer typed into a boolean tree over index terms: every unit (a word, or a phrase
 * a synonym group names) must match; a unit matches by its own terms, its synonyms, or as pinyin.
 * Chinese words match as words or by all their character pairs; English words by their term, the
 * last one also as a prefix while typing, and a word of five letters or more with one typo.
 */
export async function planQuery(lexicon: Lexicon, q: string, lookup: TermLookup): Promise<QueryPlan> {
  const normalized = normalizeText(q);
  const typing = !/\s$/.test(q);
  const tokens: Token[] = splitRuns(normalized).flatMap((run): Token[] =>
    run.kind === 'han' ? lexicon.cutForQuery(run.text).map((text) => ({ kind: 'han', text })) : [{ kind: 'latin', text: run.text }],
  );
  const lastLatin = typing && tokens[tokens.length - 1]?.kind === 'latin' ? tokens.length - 1 : -1;

  // Everything the tree may use is looked up at once: terms, typo neighbours, the last word's prefix.
  const candidates = new Set<string>();
  const typoStems = new Map<number, string[]>();
  tokens.forEach((t, i) => {
    if (t.kind === 'han') {
      for (const word of [t.text, ...subWords(lexicon, t.text)]) {
        candidates.add(word);
        for (const pair of bigrams(word)) candidates.add(pair);
      }
    } else if (!isStopword(t.text)) {
      candidates.add(latinTerm(t.text));
      if (/^[a-z]+$/.test(t.text) && t.text.length >= TYPO_MIN_LENGTH) {
        const stems = [...new Set(editVariants(t.text).map(latinTerm))];
        typoStems.set(i, stems);
        for (const s of stems) candidates.add(s);
      }
    }
  });
  const pinyinPieces = new Map<string, string[][] | null>();
  const pinyinOf = (letters: string) => {
    if (!pinyinPieces.has(letters)) pinyinPieces.set(letters, lexicon.pinyinWords(letters));
    return pinyinPieces.get(letters) ?? null;
  };
  const synonymWords = lexicon.synonyms.flatMap((g) => g.keys.flatMap((k) => k.split(' ')));
  for (const word of synonymWords) {
    candidates.add(word);
    if (/\p{Script=Han}/u.test(word)) for (const pair of bigrams(word)) candidates.add(pair);
  }
  for (const t of tokens) {
    if (t.kind !== 'latin') continue;
    for (const piece of pinyinOf(t.text) ?? []) for (const word of piece) for (const term of hanTerms(word)) candidates.add(term);
  }
  const latinRunText = tokens.filter((t) => t.kind === 'latin').map((t) => t.text).join('');
  for (const piece of pinyinOf(latinRunText) ?? []) for (const word of piece) for (const term of hanTerms(word)) candidates.add(term);
  const [known, prefixed] = await Promise.all([
    lookup.existing([...candidates]),
    lastLatin >= 0 && [...tokens[lastLatin]!.text].length >= 2 ? lookup.withPrefix(tokens[lastLatin]!.text, PREFIX_EXPANSIONS) : Promise.resolve([]),
  ]);

  for (const t of prefixed) known.add(t);
  const atom = (terms: string[], weight: number): Atom => ({ kind: 'atom', bit: 0, terms: [...new Set(terms)].filter((t) => known.has(t)), weight });
  const hanNode = (word: string, weight: number = WEIGHT.exact): QueryNode => {
    const pairs = bigrams(word);
    if (pairs.length <= 1) return atom([word], weight);
    // A compound the word list knows whole (萨摩亚可可, a tag) also matches as its parts (萨摩亚 + 可可).
    const parts = subWords(lexicon, word);
    const byParts = parts.length > 1 ? [and(parts.map((p) => (bigrams(p).length <= 1 ? atom([p], weight) : or([atom([p], weight), and(bigrams(p).map((b) => atom([b], WEIGHT.pair)))]))))] : [];
    return or([atom([word], weight), and(pairs.map((p) => atom([p], WEIGHT.pair))), ...byParts]);
  };
  const wordsNode = (words: string[], weight: number): QueryNode => or(words.map((w) => hanNode(w, weight)));
  const pinyinNode = (letters: string): QueryNode | null => {
    const pieces = pinyinOf(letters);
    return pieces ? and(pieces.map((words) => wordsNode(words, WEIGHT.pinyin))) : null;
  };
  const latinNode = (token: Token, index: number): QueryNode | null => {
    const term = latinTerm(token.text);
    // The word itself; while typing the last word, also what it starts; a word the catalog does not
    // have, also one typo away (a prefix found only in some description must not hide the typo).
    const english: QueryNode | null = isStopword(token.text)
      ? null
      : known.has(term)
        ? atom(index === lastLatin ? [term, ...prefixed] : [term], WEIGHT.exact)
        : or([...(index === lastLatin ? [atom(prefixed, WEIGHT.prefix)] : []), atom(typoStems.get(index) ?? [], WEIGHT.typo)]);
    const asPinyin = pinyinNode(token.text);
    const options = [english, asPinyin].filter((n): n is QueryNode => n !== null);
    return options.length > 0 ? or(options) : null;
  };
  const phraseNode = (key: string, weight: number): QueryNode =>
    and(key.split(' ').map((word) => (/\p{Script=Han}/u.test(word) ? hanNode(word, weight) : atom([word], weight))));

  // Units: synonym phrases first (longest match from each position), then single tokens.
  const units: Array<{ text: string; node: QueryNode | null; latin: boolean }> = [];
  for (let i = 0; i < tokens.length && units.length < MAX_UNITS; ) {
    let matched = false;
    for (let len = Math.min(4, tokens.length - i); len >= 1 && !matched; len--) {
      const slice = tokens.slice(i, i + len);
      const key = slice.map((t) => (t.kind === 'han' ? t.text : latinTerm(t.text))).join(' ');
      const group = lexicon.synonyms.find((g) => g.keys.includes(key));
      if (!group) continue;
      const own = and(slice.map((t, k) => (t.kind === 'han' ? hanNode(t.text) : latinNode(t, i + k))).filter((n): n is QueryNode => n !== null));
      const others = group.keys.filter((k) => k !== key).map((k) => phraseNode(k, WEIGHT.synonym));
      units.push({ text: slice.map((t) => t.text).join(' '), node: or([own, ...others]), latin: false });
      i += len;
      matched = true;
    }
    if (matched) continue;
    const token = tokens[i]!;
    units.push({ text: token.text, node: token.kind === 'han' ? hanNode(token.text) : latinNode(token, i), latin: token.kind === 'latin' });
    i += 1;
  }

  // Several Latin words may be one pinyin phrase ("yezi you"): either each word matches, or the run does.
  let tree: QueryNode | null = and(units.map((u) => u.node).filter((n): n is QueryNode => n !== null));
  const latinUnits = units.filter((u) => u.latin);
  const runPinyin = latinUnits.length >= 2 ? pinyinNode(latinRunText) : null;
  if (runPinyin) {
    const rest = units.filter((u) => !u.latin).map((u) => u.node).filter((n): n is QueryNode => n !== null);
    const latinTree = and(latinUnits.map((u) => u.node).filter((n): n is QueryNode => n !== null));
    tree = and([...rest, or([latinTree, runPinyin])]);
  } else if (units.some((u) => u.node === null && !isStopword(u.text))) {
    tree = null;
  }
  if (units.length === 0) tree = null;

  const pruned = tree ? prune(tree) : null;
  const limited = pruned ? numberBits(pruned) : null;
  const matchedTerms = limited ? atomsOf(limited).flatMap((a) => a.terms) : [];
  return {
    tree: limited,
    units: units.map((u) => {
      const p = u.node ? prune(u.node) : null;
      return { text: u.text, tree: p ? numberBits(p) : null };
    }),
    needles: {
      han: [...new Set(matchedTerms.filter((t) => /\p{Script=Han}/u.test(t)))],
      latin: [...new Set([...tokens.filter((t) => t.kind === 'latin' && !isStopword(t.text)).map((t) => t.text), ...matchedTerms.filter((t) => !/\p{Script=Han}/u.test(t))])],
    },
    phrase: queryPhrase(q),
  };
}

/**
 * The parts of a Chinese word that the word list knows, covering it from start to end, longest
 * first (萨摩亚可可 → 萨摩亚, 可可); empty when it has no such cover.
 */
function subWords(lexicon: Lexicon, word: string): string[] {
  const chars = [...word];
  const parts = new Set(lexicon.cutForIndex(word).filter((w) => w !== word && [...w].length >= 2));
  const cover: string[] = [];
  for (let at = 0; at < chars.length; ) {
    let found = '';
    for (let end = chars.length; end > at + 1 && !found; end--) {
      const piece = chars.slice(at, end).join('');
      if (piece !== word && parts.has(piece)) found = piece;
    }
    if (!found) return [];
    cover.push(found);
    at += [...found].length;
  }
  return cover;
}

/** The terms a Chinese word may be found by (itself and its pairs). */
function hanTerms(word: string): string[] {
  return [word, ...bigrams(word)];
}

/**
 * Gives each atom its own number. A tree with more atoms than MAX_ATOMS keeps its first units' atoms; the
 * rest of an over-long query is dropped (a query of 100 characters rarely gets there).
 */
function numberBits(node: QueryNode): QueryNode | null {
  let next = 0;
  const walk = (n: QueryNode): QueryNode | null => {
    if (n.kind === 'atom') {
      if (next >= MAX_ATOMS) return null;
      return { ...n, bit: next++ };
    }
    const kids = n.nodes.map(walk);
    if (n.kind === 'and') {
      const kept = kids.filter((k): k is QueryNode => k !== null);
      return kept.length > 0 ? and(kept) : null;
    }
    const kept = kids.filter((k): k is QueryNode => k !== null);
    return kept.length > 0 ? or(kept) : null;
  };
  return walk(node);
}
