import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatJobTime, jobKindKey, jobKindKeys } from './job-kinds.ts';

const operatorTexts = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../i18n/locales/${lang}/operator.json`, import.meta.url), 'utf8')) as { jobs: { kinds: Record<string, string> } };

test('every kind the server runs has a description in zh-CN and en', () => {
  const kinds = [
    'customs.sweep', 'notifications.deliver', 'payments.send-refunds', 'payments.query-pending', 'orders.expire-unpaid', 'orders.complete-delivered',
    'trade.close-rfqs', 'trade.notice-deadlines', 'catalog.refresh-listing-prices', 'settlement.issue-statements', 'catalog.import', 'jobs.prune',
  ];
  assert.deepEqual(Object.keys(jobKindKeys).sort(), [...kinds].sort());
  for (const lang of ['zh-CN', 'en']) {
    const texts = operatorTexts(lang).jobs.kinds;
    for (const kind of kinds) {
      const key = jobKindKey(kind);
      assert.ok(key !== null, kind);
      const leaf = key.split('.').at(-1)!;
      assert.ok((texts[leaf] ?? '').trim() !== '', `${kind} has no description in ${lang}`);
    }
  }
});

test('an unknown kind (or an Object property name) has no description and is shown by its name', () => {
  assert.equal(jobKindKey('reports.nightly'), null);
  assert.equal(jobKindKey('toString'), null);
});

test('a job time follows the reader\'s language and time zone, to the second', () => {
  const at = '2026-12-07T08:05:09.000Z';
  // ICU may put a narrow no-break space before AM.
  assert.equal(formatJobTime(at, 'en', 'UTC').replace(/\s/g, ' '), 'Dec 7, 2026, 8:05:09 AM');
  assert.equal(formatJobTime(at, 'zh-CN', 'Asia/Shanghai'), '2026年12月7日 16:05:09');
  assert.equal(formatJobTime('not a date', 'en', 'UTC'), 'not a date');
});
