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

test('a name holding $&, $\', $` or $1 is written as it is, never read as a replacement pattern', () => {
  const html = '<html><head><title>Pavilion 国家馆</title><script src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';
  for (const raw of ['Tea $& Co', "Tea $' Co", 'Tea $` Co', 'Tea $1 Co', 'Tea $$ Co', 'Tea $ Co']) {
    const name = raw.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
    const out = withShareMeta(html, { title: raw, description: `${raw} (description)`, image: null }, { publicUrl: 'https://pavilion.example', pathname: '/pavilions/tea' });
    assert.ok(out.includes(`<title>${name} · Pavilion 国家馆</title>`), `${name}: ${out}`);
    assert.ok(out.includes(`<meta property="og:title" content="${name}" />`), `${name}: ${out}`);
    assert.ok(out.includes(`<meta name="description" content="${name} (description)" />`), name);
    // Nothing of the page was copied: one root, one script, one head end.
    assert.equal(out.split('<div id="root">').length, 2, name);
    assert.equal(out.split('<script').length, 2, name);
    assert.equal(out.split('</head>').length, 2, name);
  }
});
