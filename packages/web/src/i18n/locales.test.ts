import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { compareLocales } from './compare-locales.ts';

/** A locale is a folder of files, one per face: locales/<lang>/<face>.json, joined under the face's key. */
function readLocale(name: string): unknown {
  const dir = new URL(`./locales/${name}/`, import.meta.url);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown]),
  );
}

test('both locales have the same files', () => {
  const files = (lang: string) => readdirSync(new URL(`./locales/${lang}/`, import.meta.url)).sort();
  assert.deepEqual(files('zh-CN'), files('en'));
});

test('en and zh-CN have the same keys, no empty text and the same {{variables}}', () => {
  const problems = compareLocales({ en: readLocale('en'), 'zh-CN': readLocale('zh-CN') });
  assert.deepEqual(problems, [], `The locale files disagree:\n  ${problems.join('\n  ')}`);
});

test('a key missing from either locale is named with the locale that lacks it', () => {
  const problems = compareLocales({
    en: { store: { title: 'Pavilions', empty: 'None yet' } },
    'zh-CN': { store: { title: '国家馆' }, extra: '多余' },
  });
  assert.deepEqual(problems, ['"extra" is missing in en', '"store.empty" is missing in zh-CN']);
});

test('an empty or blank text is reported', () => {
  const problems = compareLocales({ en: { a: '', b: 'B' }, 'zh-CN': { a: '甲', b: '  ' } });
  assert.deepEqual(problems, ['"a" is empty in en', '"b" is empty in zh-CN']);
});

test('a variable used in one locale only is reported, whatever its spacing or format', () => {
  const problems = compareLocales({
    en: { signedIn: 'Signed in as {{name}} ({{ role }})', count: 'Exporters: {{count, number}}' },
    'zh-CN': { signedIn: '已登录：{{- name}}', count: '出口商：{{count}} 家' },
  });
  assert.deepEqual(problems, ['"signedIn" uses {{role}} in en but not in zh-CN']);
});

test('a key that is a group in one locale and a text in the other is reported', () => {
  const problems = compareLocales({ en: { fields: { email: 'Email' } }, 'zh-CN': { fields: '字段' } });
  assert.deepEqual(problems, ['"fields" is missing in en', '"fields.email" is missing in zh-CN']);
});
