import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ImportJob } from '@pavilion/contracts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { demoExporters } from '../../src/features/demo/demo-data.ts';
import { createTestApp, LogCapture, TEST_SECRET, ORIGIN, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart, pngImage, seedHsRate } from '../support/catalog-fixtures.ts';
import { productCsv, vaseRows } from '../support/product-sheets.ts';
import { startS3Server, TEST_S3, type S3TestServer } from '../support/s3-server.ts';
import { testDialect } from '../support/test-db.ts';

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * FILE_STORE=s3: uploads go to the bucket, not to DATA_DIR, so a second server machine (its own
 * DATA_DIR, the same database and bucket) serves what the first received. Private files still go
 * through Pavilion's access checks; a store that is down answers 503, never 500.
 */
describe('files in an S3-compatible bucket (FILE_STORE=s3)', () => {
  let s3: S3TestServer;
  let ta: TestApp;
  let s3Env: Record<string, string>;
  const h: Record<string, Record<string, string>> = {};
  let imageUrl: string;

  before(async () => {
    s3 = await startS3Server();
    s3Env = {
      FILE_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: TEST_S3.region,
      S3_BUCKET: TEST_S3.bucket,
      S3_ACCESS_KEY_ID: TEST_S3.accessKeyId,
      S3_SECRET_ACCESS_KEY: TEST_S3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
    ta = await createTestApp({ env: s3Env });
    h.owner = bearer(await tokenFor(ta.testDb.database.db, demoExporters[0].member.email));
    h.other = bearer(await tokenFor(ta.testDb.database.db, demoExporters[4].member.email));
  });
  after(async () => {
    await ta.close();
    await s3.close();
  });

  test('a product image is stored in the bucket (not under DATA_DIR) and served publicly from it', async () => {
    const up = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'vase.png', type: 'image/png', bytes: await pngImage('#2255aa', 640, 480) }, {}, h.owner) });
    assert.equal(up.statusCode, 201, up.body);
    const image = up.json() as { id: string; urls: { display: string; thumb: string } };
    imageUrl = image.urls.display;
    assert.deepEqual([...s3.objects.keys()].filter((k) => k.includes(image.id)).length, 2, 'both sizes are in the bucket');
    assert.equal(existsSync(path.join(ta.testDb.dir, 'files')), false, 'nothing under DATA_DIR/files');

    const read = await ta.app.inject({ method: 'GET', url: imageUrl });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['content-type'], 'image/webp');
    assert.equal(read.headers['cache-control'], 'public, max-age=31536000, immutable');
    const stored = [...s3.objects.entries()].find(([k]) => k.includes(image.id) && k.includes('display'));
    assert.ok(stored);
    assert.deepEqual(read.rawPayload, stored[1]);
  });

  test("an exporter's document is private: the owner downloads it from the bucket, another exporter and anonymous get 404", async () => {
    const form = new FormData();
    form.append('kind', 'export_licence');
    form.append('file', new Blob([new Uint8Array(minimalPdf)], { type: 'application/pdf' }), '出口许可证.pdf');
    const up = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers: h.owner, payload: form });
    assert.equal(up.statusCode, 201, up.body);
    const docUrl = `/api/exporter/documents/${(up.json() as { id: string }).id}/file`;

    const own = await ta.app.inject({ method: 'GET', url: docUrl, headers: h.owner });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(own.rawPayload, minimalPdf);
    assert.equal(own.headers['cache-control'], 'private, no-store');
    const other = await ta.app.inject({ method: 'GET', url: docUrl, headers: h.other });
    assert.equal(other.statusCode, 404);
    assert.notDeepEqual(other.rawPayload, minimalPdf);
    assert.notEqual((await ta.app.inject({ method: 'GET', url: docUrl })).statusCode, 200);
  });

  /** Another server machine: its own DATA_DIR and connection to the same database, the same bucket. */
  async function secondMachine(): Promise<FastifyInstance> {
    const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pavilion-second-')), LOG_LEVEL: 'silent', PUBLIC_URL: ORIGIN, ...s3Env });
    return buildApp({
      config: { ...config, database: ta.testDb.target }, database: openDatabase({ database: ta.testDb.target }), logger: createLogger(config, new LogCapture()),
      customs: { worker: false }, payments: { worker: false }, settlement: { job: false },
    });
  }

  test('a second server machine serves the image the first received', async () => {
    const second = await secondMachine();
    try {
      const read = await second.inject({ method: 'GET', url: imageUrl });
      assert.equal(read.statusCode, 200);
      assert.deepEqual(read.rawPayload, (await ta.app.inject({ method: 'GET', url: imageUrl })).rawPayload);
    } finally {
      await second.close();
    }
  });

  test('a bucket that is down: health answers 503 files_unwritable, an upload 503 (nothing recorded), a read 503; back up, all is well', async () => {
    s3.fail(503, 'ServiceUnavailable', 1000);
    try {
      const health = await ta.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(health.statusCode, 503);
      assert.deepEqual(health.json(), { status: 'unavailable', database: testDialect, version: ta.config.version, problems: ['files_unwritable'] });

      const mediaBefore = (await ta.testDb.database.db.selectFrom('media').select('id').execute()).length;
      const up = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'p.png', type: 'image/png', bytes: await pngImage('#aa3300', 200, 100) }, {}, h.owner) });
      assert.equal(up.statusCode, 503, up.body);
      assert.equal(up.json().error.code, 'SERVICE_UNAVAILABLE');
      assert.equal((await ta.testDb.database.db.selectFrom('media').select('id').execute()).length, mediaBefore);

      const read = await ta.app.inject({ method: 'GET', url: imageUrl });
      assert.equal(read.statusCode, 503);
      assert.equal(read.json().error.code, 'SERVICE_UNAVAILABLE');
      assert.ok(ta.logs.lines.some((l) => l.msg === 'file store failed' && (l.fileStore as { code?: string }).code === 'ServiceUnavailable'), 'the cause is logged for operators');
      assert.ok(!ta.logs.text.includes(TEST_S3.secretAccessKey), 'the secret is never logged');
    } finally {
      s3.recover();
    }
    assert.equal((await ta.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
    assert.equal((await ta.app.inject({ method: 'GET', url: imageUrl })).statusCode, 200);
  });
  test("a product sheet uploaded to one machine is imported by another machine's background job, which reads it from the bucket", async () => {
    await seedHsRate(ta.testDb.database.db, '6913900000');
    // Only the second machine runs jobs now: the first takes the upload and stops there.
    await ta.app.jobs.stop();
    const second = await secondMachine();
    try {
      await second.ready();
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/catalog/import', ...multipart({ name: 'products.csv', type: 'text/csv', bytes: productCsv(vaseRows('vase-s3', 'S3-VASE')) }, {}, h.owner) });
      assert.equal(res.statusCode, 202, res.body);
      const jobId = (res.json() as { jobId: string }).jobId;
      let job: ImportJob | undefined;
      for (let i = 0; i < 3000 && job?.status !== 'done' && job?.status !== 'failed'; i += 1) {
        if (i > 0) await sleep(10);
        job = (await second.inject({ method: 'GET', url: `/api/exporter/catalog/import/${jobId}`, headers: h.owner })).json() as ImportJob;
      }
      assert.equal(job?.status, 'done', JSON.stringify(job));
      const skus = await ta.testDb.database.db.selectFrom('variants').select('sku').where('sku', 'like', 'S3-VASE%').execute();
      assert.equal(skus.length, 2, 'both sizes of the vase are imported');
      assert.deepEqual([...s3.objects.keys()].filter((k) => k.startsWith('imports/')), [], 'the uploaded sheet is removed once imported');
    } finally {
      await second.close();
    }
  });
});
