import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withShareMeta } from './share-meta.ts';

test('the page title and Open Graph tags are injected, escaped, with absolute URLs', () => {
  const html = '<html><head><title>Pavilion 国家馆</title></head><body></body></html>';
  const out = withShareMeta(html, { title: '木尔坦蓝陶花瓶 "Multan"', description: 'Blue <b>pottery</b>', image: '/media/x/display.webp' }, { publicUrl: 'https://pavilion.example', pathname: '/products/1' });
  assert.match(out, /<title>木尔坦蓝陶花瓶 &quot;Multan&quot; · Pavilion 国家馆<\/title>/);
  assert.match(out, /<meta property="og:image" content="https:\/\/pavilion.example\/media\/x\/display.webp" \/>/);
  assert.match(out, /<meta property="og:url" content="https:\/\/pavilion.example\/products\/1" \/>/);
  assert.match(out, /content="Blue &lt;b&gt;pottery&lt;\/b&gt;"/);
});
