import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishIssues } from './story.rules.ts';

test('a story is published with text in both bodies', () => {
  assert.deepEqual(publishIssues({ bodyEn: '<p>Blue pottery</p>', bodyZh: '<p>蓝陶</p>' }), []);
  assert.deepEqual(
    publishIssues({ bodyEn: '<p> </p><img src="https://a.example/x.webp">', bodyZh: '' }).map((i) => i.field),
    ['story.bodyEn', 'story.bodyZh'],
  );
});
