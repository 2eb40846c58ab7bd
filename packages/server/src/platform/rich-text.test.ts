import assert from 'node:assert/strict';
import { test } from 'node:test';
import { richTextToPlain, sanitizeRichText } from './rich-text.ts';

test('formatting, links and images stay; scripts, handlers and javascript: URLs go', () => {
  const dirty =
    '<h2>Multan</h2><p onclick="steal()">Blue <strong>pottery</strong> <a href="javascript:alert(1)">x</a> <a href="https://example.pk">shop</a></p>' +
    '<script>alert(1)</script><img src="https://cdn.example/a.webp" onerror="steal()" alt="vase"><style>p{}</style>';
  const clean = sanitizeRichText(dirty);
  assert.equal(
    clean,
    '<h2>Multan</h2><p>Blue <strong>pottery</strong> <a rel="noopener noreferrer nofollow">x</a> <a href="https://example.pk" rel="noopener noreferrer nofollow">shop</a></p><img src="https://cdn.example/a.webp" alt="vase" />',
  );
});

test('iframes only from the allowed video hosts', () => {
  assert.equal(sanitizeRichText('<iframe src="https://evil.example/x"></iframe>'), '');
  assert.match(sanitizeRichText('<iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>'), /player\.bilibili\.com/);
});

test('plain text for summaries', () => {
  assert.equal(richTextToPlain('<p>蓝陶 <b>Multan</b></p>\n<p>pottery</p>'), '蓝陶 Multan pottery');
});
