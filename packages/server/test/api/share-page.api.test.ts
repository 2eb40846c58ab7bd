import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const INDEX = '<!doctype html><html><head><title>Pavilion 国家馆</title><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>';

describe('share page of a pavilion whose name holds $ patterns', () => {
  let ta: TestApp;
  before(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'pavilion-dist-'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    ta = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  after(() => ta.close());

  for (const pattern of ['$&', "$'", '$`', '$1']) {
    test(`a name with ${pattern} shows in <title> and og:title as written`, async () => {
      const nameZh = `太平洋${pattern}岛国馆`;
      const nameEn = `Pacific ${pattern} Islands`;
      await ta.testDb.database.db.updateTable('pavilions').set({ name_zh: nameZh, name_en: nameEn }).where('slug', '=', 'pacific').execute();
      const res = await ta.app.inject({ method: 'GET', url: '/pavilions/pacific', headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 200);
      const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      assert.ok(res.body.includes(`<title>${escaped(`${nameZh} · ${nameEn}`)} · Pavilion 国家馆</title>`), res.body);
      assert.ok(res.body.includes(`<meta property="og:title" content="${escaped(`${nameZh} · ${nameEn}`)}" />`), res.body);
      assert.equal(res.body.split('<div id="root">').length, 2, 'the page body was not copied');
      assert.equal(res.body.split('<script').length, 2, 'the script tag was not copied');
      assert.equal(res.body.split('<title>').length, 2);
    });
  }
});
