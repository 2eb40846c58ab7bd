import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, bigrams, editVariants, highlight, latinTerm, normalizeText, or, prune, satisfies, splitRuns, type Atom } from './search-text.rules.ts';

const atom = (bit: number, terms: string[] = ['t']): Atom => ({ kind: 'atom', bit, terms, weight: 1 });

test('normalising folds width, case and traditional characters', () => {
  assert.equal(normalizeText('ＦＩＪＩ １２'), 'fiji 12');
  assert.equal(normalizeText('開心果'), '开心果');
  assert.equal(normalizeText('羊絨圍巾'), '羊绒围巾');
  assert.equal(normalizeText('Coconut OIL'), 'coconut oil');
});

test('text splits into runs of Chinese and words of letters or digits', () => {
  assert.deepEqual(splitRuns(normalizeText('Fiji椰子油 500ml, women’s')), [
    { kind: 'latin', text: 'fiji' },
    { kind: 'han', text: '椰子油' },
    { kind: 'latin', text: '500ml' },
    { kind: 'latin', text: 'women' },
  ]);
});

test('English words fold plurals and suffixes; words with digits stay', () => {
  assert.equal(latinTerm('shawls'), latinTerm('shawl'));
  assert.equal(latinTerm('potteries'), latinTerm('pottery'));
  assert.equal(latinTerm('500ml'), '500ml');
});

test('Chinese pairs and one-edit neighbours', () => {
  assert.deepEqual(bigrams('椰子油'), ['椰子', '子油']);
  assert.deepEqual(bigrams('油'), []);
  const near = editVariants('pashmna');
  assert.ok(near.includes('pashmina'), 'an insertion');
  assert.ok(editVariants('vanila').includes('vanilla'));
  assert.ok(editVariants('fotoball').includes('football'), 'a transposition');
  assert.ok(!near.includes('pashmna'), 'not itself');
  assert.ok(!near.includes('pshmnaa'), 'nothing two edits away');
});

test('the boolean tree: every unit must hold, any alternative of a unit may', () => {
  const tree = and([atom(0), or([atom(1), and([atom(2), atom(3)])])]);
  const cases: Array<[number, boolean]> = [
    [0b0001, false],
    [0b0011, true],
    [0b0101, false],
    [0b1101, true],
    [0b1110, false],
  ];
  for (const [mask, expected] of cases) assert.equal(satisfies(tree, BigInt(mask)), expected, mask.toString(2));
});

test('pruning drops atoms with no known term; a required unit without any makes the query unmatchable', () => {
  assert.equal(prune(and([atom(0), atom(1, [])])), null);
  assert.deepEqual(prune(and([atom(0), or([atom(1, []), atom(2)])])), and([atom(0), atom(2)]));
});

test('highlighting marks the matched words and keeps the original text', () => {
  assert.deepEqual(highlight('斐济初榨椰子油', { han: ['椰子油'], latin: [] }), [
    { text: '斐济初榨', hit: false },
    { text: '椰子油', hit: true },
  ]);
  assert.deepEqual(highlight('Pashmina Shawls', { han: [], latin: ['shawl'] }), [
    { text: 'Pashmina ', hit: false },
    { text: 'Shawls', hit: true },
  ]);
  assert.deepEqual(highlight('Pashmina wrap', { han: [], latin: ['pash'] }), [
    { text: 'Pashmina', hit: true },
    { text: ' wrap', hit: false },
  ]);
  assert.equal(highlight('開心果', { han: ['开心'], latin: [] })[0]?.text, '開心');
});
