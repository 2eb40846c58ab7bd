import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart, pngImage } from '../support/catalog-fixtures.ts';
import { testDialect } from '../support/test-db.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';
import { demoExporters } from '../../src/features/demo/demo-data.ts';

/** A PNG whose header declares width × height, with one row of data: what a hostile upload looks like. */
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploads: pixel limit and rate limit', () => {
  let ta: TestApp;
  const h: Record<string, Record<string, string>> = {};
  const upload = (who: string, bytes: Buffer, name = 'photo.png') =>
    ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name, type: 'image/png', bytes }, {}, h[who]) });

  before(async () => {
    ta = await createTestApp();
    h.multani = bearer(await tokenFor(ta.testDb.database.db, demoExporters[0].member.email));
    h.bula = bearer(await tokenFor(ta.testDb.database.db, demoExporters[4].member.email));
  });
  after(() => ta.close());

  test('an image declaring more than 50 megapixels is refused from its header, naming the field; nothing is stored', async () => {
    const res = await upload('multani', pngDeclaring(10_000, 6_000));
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]), [['file', 'too_many_pixels']]);
    assert.equal(res.json().error.details[0].message, 'must be at most 50 megapixels (such as 8,000 × 6,000)');
    assert.equal((await ta.testDb.database.db.selectFrom('media').select('id').execute()).length, 0);
    // A picture within the limit is taken.
    assert.equal((await upload('multani', await pngImage('#336699', 800, 600))).statusCode, 201);
  });

  test('uploads are limited per user on every upload route: 429 in the error format with Retry-After, others unaffected', async () => {
    const text = Buffer.from('not a picture');
    ta.clock.advance(600_000); // a window of its own, whatever the test before uploaded
    let last = await upload('multani', text);
    for (let i = 1; i < 120 && last.statusCode === 400; i++) last = await upload('multani', text);
    assert.equal(last.statusCode, 400, 'the first 120 are answered');
    const limited = await upload('multani', text);
    assert.equal(limited.statusCode, 429, limited.body);
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // Another upload route of the same user counts too.
    const doc = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', ...multipart({ name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }, { kind: 'other' }, h.multani) });
    assert.equal(doc.statusCode, 429, doc.body);
    assert.equal((await upload('bula', text)).statusCode, 400, 'another exporter is not limited');
    ta.clock.advance(600_000);
    assert.equal((await upload('multani', text)).statusCode, 400, 'the next window is open again');
  });
});

describe('health names what cannot be written', () => {
  test('a file store that cannot be written: 503 files_unwritable, and an upload answers 503, not 500', async () => {
    // A file stands where the store's folder should be: nothing can be written under it.
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'pavilion-blocked-')), 'files');
    writeFileSync(blocked, 'a file where the store should be');
    const tb = await createTestApp({ overrides: { files: new DirectoryFileStore(blocked) } });
    try {
      const res = await tb.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'unavailable', database: testDialect, version: tb.config.version, problems: ['files_unwritable'] });
      const token = await tokenFor(tb.testDb.database.db, demoExporters[0].member.email);
      const up = await tb.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'p.png', type: 'image/png', bytes: await pngImage('#aa3300', 200, 100) }, {}, bearer(token)) });
      assert.equal(up.statusCode, 503, up.body);
      assert.equal(up.json().error.code, 'SERVICE_UNAVAILABLE');
      assert.equal((await tb.testDb.database.db.selectFrom('media').select('id').execute()).length, 0);
    } finally {
      await tb.close();
    }
  });

  test('a database that answers but cannot write: 503 database_unwritable', async () => {
    const ta = await createTestApp({ demo: false });
    try {
      const db = ta.testDb.database.db;
      assert.equal((await ta.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
      if (testDialect === 'sqlite') {
        // The connection refuses every write, as a read-only or full database file does.
        await sql`pragma query_only = 1`.execute(db);
      } else {
        // A superuser cannot be made read-only: a table that refuses writes stands for a full disk.
        await sql`create function refuse_write() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`.execute(db);
        await sql`create trigger refuse_write before insert or update on rate_limit_counters for each row execute function refuse_write()`.execute(db);
      }
      const res = await ta.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 503, res.body);
      assert.deepEqual(res.json().problems, ['database_unwritable']);
      if (testDialect === 'sqlite') await sql`pragma query_only = 0`.execute(db);
    } finally {
      await ta.close();
    }
  });
});
