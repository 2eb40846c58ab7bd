import * as OpenCC from 'opencc-js';
import { stemmer } from 'stemmer';

/**
 * The text rules search lives by, pure: how text is normalised, cut into runs of Chinese and of
 * Latin letters, turned into terms, and how a query's words become a boolean tree over terms.
 * The same functions run when a product is indexed and when a buyer types, so both sides agree.
 */

// Traditional characters are folded to simplified ones (開心果 → 开心果), on both sides.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * NFKC folds full-width letters and digits to half-width (ｆｉｊｉ → fiji, １２ → 12) and compatibility
 * forms; then lower case, then simplified Chinese.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

export interface TextRun {
  kind: 'han' | 'latin';
  text: string;
}

const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{Letter}\p{Number}])+(?:['’](?:(?!\p{Script=Han})\p{Letter})+)?)/gu;

/** Runs of Chinese characters and words of letters or digits, in order; everything else separates. */
export function splitRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of normalized.matchAll(RUN)) {
    if (match[1]) runs.push({ kind: 'han', text: match[1] });
    else if (match[2]) runs.push({ kind: 'latin', text: match[2].replace(/['’]s$/, '').replace(/['’]/g, '') });
  }
  return runs;
}

/** Words that carry no meaning in a product search; never indexed, dropped from queries. */
export const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'our',
  'the', 'their', 'this', 'to', 'with', 'we', 'you', 'your', 'no',
]);

/**
 * The term of a Latin word: English words are folded by the Porter stemmer (plurals and simple
 * suffixes: shawls → shawl, potteries → potteri); words with digits stay as written.
 */
export function latinTerm(word: string): string {
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/** Overlapping pairs of characters: the fallback that matches a Chinese word no dictionary knows. */
export function bigrams(han: string): string[] {
  const chars = [...han];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit away (deletion, transposition, substitution, insertion of a–z). */
export function editVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of ALPHABET) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** One typo is tolerated only in words of five letters or more: shorter ones have too many neighbours. */
export const TYPO_MIN_LENGTH = 5;

// The query as a boolean tree. An atom (numbered `bit`) holds when the product holds one of its terms.

export interface Atom {
  kind: 'atom';
  bit: number;
  terms: string[];
  /** How much a match counts, multiplied by the posting's field score. */
  weight: number;
}
export type QueryNode = Atom | { kind: 'and'; nodes: QueryNode[] } | { kind: 'or'; nodes: QueryNode[] };

export const and = (nodes: QueryNode[]): QueryNode => (nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes });
export const or = (nodes: QueryNode[]): QueryNode => (nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes });

/** Whether a product whose matched atoms are the bits of `mask` satisfies the tree (the SQL compiles the same logic on flag columns). */
export function satisfies(node: QueryNode, mask: bigint): boolean {
  switch (node.kind) {
    case 'atom':
      return (mask & (1n << BigInt(node.bit))) !== 0n;
    case 'and':
      return node.nodes.every((n) => satisfies(n, mask));
    case 'or':
      return node.nodes.some((n) => satisfies(n, mask));
  }
}

export function atomsOf(node: QueryNode): Atom[] {
  return node.kind === 'atom' ? [node] : node.nodes.flatMap(atomsOf);
}

/** The tree with every atom that has no term left removed; null when nothing can match. */
export function prune(node: QueryNode): QueryNode | null {
  if (node.kind === 'atom') return node.terms.length > 0 ? node : null;
  const kept = node.nodes.map(prune).filter((n): n is QueryNode => n !== null);
  if (node.kind === 'and') return kept.length === node.nodes.length ? and(kept) : null;
  return kept.length > 0 ? or(kept) : null;
}

/**
 * Splits a title into pieces, marking those the query matched. `needles` are normalised strings
 * (Chinese words, English words or prefixes); a Latin word is marked when its term or its start
 * matches, Chinese by occurrence. Case and width of the original are kept.
 */
export function highlight(text: string, needles: { han: string[]; latin: string[] }): Array<{ text: string; hit: boolean }> {
  const chars = [...text];
  const normalized = chars.map((c) => normalizeText(c));
  const hit = new Array<boolean>(chars.length).fill(false);
  const joined = normalized.join('');
  // Map each position of the joined normalised text back to its character (NFKC keeps lengths close, not equal).
  const owner: number[] = [];
  normalized.forEach((n, i) => {
    for (let k = 0; k < n.length; k++) owner.push(i);
  });
  for (const needle of needles.han) {
    if (!needle) continue;
    for (let from = joined.indexOf(needle); from !== -1; from = joined.indexOf(needle, from + 1)) {
      for (let k = from; k < from + needle.length; k++) hit[owner[k]!] = true;
    }
  }
  const latinNeedles = needles.latin.filter((n) => n.length > 0);
  if (latinNeedles.length > 0) {
    for (const match of joined.matchAll(/(?:(?!\p{Script=Han})[\p{Letter}\p{Number}])+/gu)) {
      const word = match[0];
      const term = latinTerm(word);
      if (latinNeedles.some((n) => term === latinTerm(n) || word.startsWith(n))) {
        for (let k = match.index; k < match.index + word.length; k++) hit[owner[k]!] = true;
      }
    }
  }
  const out: Array<{ text: string; hit: boolean }> = [];
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === hit[i]) last.text += c;
    else out.push({ text: c, hit: hit[i]! });
  });
  return out;
}
