import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { actorLogins, type Actor } from '../support/role-matrix.ts';
import { demoPavilions } from '../../src/features/demo/demo-data.ts';

/** A multipart body whose only part is `file`, cut off after `keep` bytes of it when given. */
function multipart(file: Buffer, options: { keep?: number; name?: string } = {}) {
  const boundary = '----pavilion-malformed-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.name ?? 'upload.png'}"\r\nContent-Type: image/png\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = options.keep === undefined ? Buffer.concat([head, file, tail]) : Buffer.concat([head, file.subarray(0, options.keep)]);
  return { payload: body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The eight routes that take a file, each with the account that owns it. */
type UploadRoute = { url: string | ((ta: TestApp) => Promise<string>); as: Actor; image: boolean };
const exporterMedia: UploadRoute = { url: '/api/exporter/media', as: 'exporter', image: true };
const uploadRoutes: UploadRoute[] = [
  exporterMedia,
  { url: pavilionMediaUrl, as: 'operator', image: true },
  { url: '/api/store/returns/photos', as: 'buyer', image: true },
  { url: '/api/exporter/documents', as: 'exporter', image: false },
  { url: '/api/exporter/catalog/import', as: 'exporter', image: false },
  { url: '/api/operator/fulfilment/shipments.csv', as: 'operator', image: false },
  { url: '/api/trade/files', as: 'importer', image: false },
  { url: '/api/exporter/trade-files', as: 'exporter', image: false },
];

async function pavilionMediaUrl(ta: TestApp): Promise<string> {
  const row = await ta.testDb.database.db.selectFrom('pavilions').select('id').where('slug', '=', demoPavilions[0].slug).executeTakeFirstOrThrow();
  return `/api/operator/pavilions/${row.id}/media`;
}

describe('malformed requests answer 400 in our error format', () => {
  let ta: TestApp;
  const tokens = new Map<Actor, string>();
  before(async () => {
    ta = await createTestApp();
    for (const actor of ['exporter', 'operator', 'buyer', 'importer'] as const) tokens.set(actor, await tokenFor(ta.testDb.database.db, actorLogins[actor]));
  });
  after(() => ta.close());

  const send = async (route: UploadRoute, contentType: string, payload: Buffer | string, headers: Record<string, string> = {}) => {
    const url = typeof route.url === 'string' ? route.url : await route.url(ta);
    return ta.app.inject({ method: 'POST', url, headers: { ...bearer(tokens.get(route.as) ?? ''), 'content-type': contentType, ...headers }, payload });
  };

  test('a multipart body without a boundary, one that is not multipart, or one cut short names the file on every upload route', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const bodies = [
      { name: 'no boundary', contentType: 'multipart/form-data', payload: 'file=hello' },
      { name: 'not multipart', contentType: 'multipart/form-data; boundary=XYZ', payload: 'this is not a multipart body at all' },
      { name: 'cut short', ...multipart(png, { keep: 20 }) },
    ];
    const wrong: string[] = [];
    for (const route of uploadRoutes) {
      for (const body of bodies) {
        const res = await send(route, body.contentType, body.payload);
        const error = res.json().error as { code: string; details?: Array<{ field: string; rule: string }> };
        if (res.statusCode !== 400 || error.code !== 'VALIDATION_FAILED' || error.details?.[0]?.field !== 'file' || error.details[0].rule !== 'invalid_multipart') {
          wrong.push(`${String(route.url)} ${body.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('the message is in the caller\'s language', async () => {
    const res = await send(exporterMedia, 'multipart/form-data', 'x', { 'accept-language': 'zh-CN' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error.details, [{ field: 'file', rule: 'invalid_multipart', message: '须以完整的 multipart/form-data 格式（含 boundary）上传' }]);
  });

  test('a PNG cut short after its header is refused on the three image routes, and nothing is stored', async () => {
    // Noise does not compress, so the pixel data spans many bytes after the header.
    const raw = Buffer.alloc(256 * 256 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    const png = await sharp(raw, { raw: { width: 256, height: 256, channels: 3 } }).png().toBuffer();
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    const mediaBefore = await ta.testDb.database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const route of uploadRoutes.filter((r) => r.image)) {
      const form = multipart(truncated);
      const res = await send(route, form.contentType, form.payload);
      assert.equal(res.statusCode, 400, `${String(route.url)}: ${res.body}`);
      assert.deepEqual(res.json().error.details, [{ field: 'file', rule: 'invalid_image', message: 'is not a readable image (damaged or cut short)' }]);
    }
    const mediaAfter = await ta.testDb.database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(mediaAfter.n), Number(mediaBefore.n));
    // The whole picture is still accepted.
    const whole = multipart(png);
    assert.equal((await send(exporterMedia, whole.contentType, whole.payload)).statusCode, 201);
  });

  test('a URL that is not validly percent-encoded answers 400 in our format, without echoing the URL', async () => {
    const url = '/api/store/products/%E0%A4%A-secret-looking-path';
    const res = await ta.app.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-CN' } });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.ok(res.headers['x-request-id']);
    assert.deepEqual(res.json(), {
      error: { code: 'VALIDATION_FAILED', message: '部分字段填写不正确。', details: [{ field: 'url', rule: 'invalid_encoding', message: '网址中的百分号编码无效' }] },
    });
    assert.ok(!res.body.includes('secret-looking-path'));
  });

  test('a JSON body nested deeper than 64 levels answers 400 naming the body, however deep it goes', async () => {
    for (const depth of [65, 3000, 200_000]) {
      const res = await ta.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' }, payload: '['.repeat(depth) + ']'.repeat(depth) });
      assert.equal(res.statusCode, 400, `depth ${depth}: ${res.body.slice(0, 200)}`);
      assert.deepEqual(res.json().error.details, [{ field: 'body', rule: 'too_deep', message: '数组和对象的嵌套超过 64 层' }]);
    }
    // Ordinary nesting is read as before: the schema answers about the fields.
    const shallow = await ta.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: [[['a']]], password: { a: { b: {} } } } });
    assert.equal(shallow.statusCode, 400);
    assert.deepEqual(shallow.json().error.details.map((d: { field: string }) => d.field).sort(), ['body.email', 'body.password']);
  });

  test('an over-long path parameter answers 400 in our format, without echoing the URL', async () => {
    const url = `/api/store/products/${'a'.repeat(5000)}`;
    const res = await ta.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), {
      error: { code: 'VALIDATION_FAILED', message: 'Some fields are not valid.', details: [{ field: 'params', rule: 'too_big', message: 'a part of the path is longer than 100 characters' }] },
    });
    assert.ok(res.body.length < 300, 'the answer does not carry the URL');
  });
});

describe('the OpenAPI document lists every status a route answers', () => {
  let ta: TestApp;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  before(async () => {
    ta = await createTestApp();
    doc = (await ta.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  after(() => ta.close());

  test('the catalog template and export answer 200 with a content type the document lists for them', async () => {
    const headers = bearer(await tokenFor(ta.testDb.database.db, actorLogins.exporter));
    for (const path of ['/api/exporter/catalog/template', '/api/exporter/catalog/export']) {
      const documented = doc.paths[path]?.get?.responses['200']?.content ?? {};
      for (const format of ['xlsx', 'csv']) {
        const res = await ta.app.inject({ method: 'GET', url: `${path}?format=${format}`, headers });
        assert.equal(res.statusCode, 200);
        const type = String(res.headers['content-type']).split(';')[0] ?? '';
        assert.ok(type in documented, `${path} (${format}) answers ${type}; the document lists ${Object.keys(documented).join(', ') || 'no 200'}`);
      }
    }
  });

  test('an upload sent as JSON answers 415, which the document lists', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', headers: bearer(await tokenFor(ta.testDb.database.db, actorLogins.exporter)), payload: { file: 'x' } });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.ok(doc.paths['/api/exporter/media']?.post?.responses['415']);
  });

  test('every operation lists 400 and 500; those taking a body 403, 413 and 415; those with path parameters 404', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(operations)) {
        const expected = ['400', '500'];
        if (['post', 'put', 'patch', 'delete'].includes(method)) expected.push('403', '413', '415');
        if (path.includes('{')) expected.push('404');
        const absent = expected.filter((status) => !op.responses[status]);
        if (absent.length > 0) missing.push(`${method.toUpperCase()} ${path}: ${absent.join(', ')}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('every upload lists 503, which it answers when the file store cannot be written', () => {
    const paths = uploadRoutes.map((r) => (typeof r.url === 'string' ? r.url : '/api/operator/pavilions/{id}/media'));
    assert.deepEqual(paths.filter((path) => !doc.paths[path]?.post?.responses['503']), []);
  });
});
