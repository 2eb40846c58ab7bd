import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/platform/errors.ts';
import { DirectoryFileStore, type FileStore } from '../../src/platform/file-store.ts';
import { checkFileStore } from '../../src/platform/file-store-config.ts';
import { S3FileStore, type S3Settings } from '../../src/platform/s3-file-store.ts';
import { ConfigError } from '../../src/platform/config.ts';
import { startS3Server, TEST_S3, type S3TestServer } from '../support/s3-server.ts';

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

const unavailable = (err: unknown) => err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE';

interface Harness {
  store: FileStore;
  /** A store of the same kind that cannot be reached or written. */
  broken: FileStore;
  /** The keys the store holds now. */
  keys(): string[];
  close(): Promise<void>;
}

/** What every FileStore promises: the directory store and the S3 store are run through the same cases. */
function fileStoreContract(name: string, open: () => Promise<Harness>) {
  describe(`file store contract: ${name}`, () => {
    let h: Harness;
    before(async () => {
      h = await open();
    });
    after(() => h.close());

    test('put then get gives the same bytes (binary, 1 MB); a missing key is null', async () => {
      const bytes = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
      await h.store.put('media/ab/contract-one.webp', bytes);
      assert.ok((await h.store.get('media/ab/contract-one.webp'))?.equals(bytes));
      assert.equal(await h.store.get('media/ab/never-written.webp'), null);
      assert.equal(await h.store.get('nowhere/at-all.pdf'), null);
    });

    test('an overwrite replaces the bytes; delete removes them, and deleting a missing key is no error', async () => {
      await h.store.put('documents/x/contract-two.pdf', Buffer.from('first version'));
      await h.store.put('documents/x/contract-two.pdf', Buffer.from('second'));
      assert.equal((await h.store.get('documents/x/contract-two.pdf'))?.toString(), 'second');
      await h.store.delete('documents/x/contract-two.pdf');
      assert.equal(await h.store.get('documents/x/contract-two.pdf'), null);
      await h.store.delete('documents/x/contract-two.pdf');
      assert.ok(!h.keys().includes('documents/x/contract-two.pdf'));
    });

    test('probe succeeds on a working store and leaves nothing behind', async () => {
      const before = h.keys();
      await h.store.probe();
      assert.deepEqual(h.keys(), before);
    });

    test('a key Pavilion would never make is refused before anything is stored', async () => {
      for (const key of ['../outside', '/absolute', 'Upper/Case', 'a/../../b']) {
        await assert.rejects(h.store.put(key, Buffer.from('x')), (err: unknown) => !(err instanceof AppError) && /^unsafe storage key/.test((err as Error).message));
      }
    });

    test('a store that cannot be reached or written: put, get, delete and probe are SERVICE_UNAVAILABLE', async () => {
      await assert.rejects(h.broken.put('media/cd/x.webp', Buffer.from('x')), unavailable);
      await assert.rejects(h.broken.get('media/cd/x.webp'), unavailable);
      await assert.rejects(h.broken.delete('media/cd/x.webp'), unavailable);
      await assert.rejects(h.broken.probe(), unavailable);
    });
  });
}

fileStoreContract('directory', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pavilion-contract-'));
  const blocked = path.join(root, 'blocked');
  // A file stands where the broken store's folder should be.
  writeFileSync(blocked, 'not a folder');
  const files = path.join(root, 'files');
  const walk = (dir: string, prefix = ''): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
  return {
    store: new DirectoryFileStore(files),
    broken: new DirectoryFileStore(blocked),
    keys: () => walk(files),
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

const settingsFor = (endpoint: string, overrides: Partial<S3Settings> = {}): S3Settings => ({
  endpoint, region: TEST_S3.region, bucket: TEST_S3.bucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, forcePathStyle: true, ...overrides,
});

fileStoreContract('S3 (the test server, SigV4 checked)', async () => {
  const s3 = await startS3Server();
  return {
    store: new S3FileStore(settingsFor(s3.endpoint)),
    broken: new S3FileStore(settingsFor(`http://127.0.0.1:${await closedPort()}`)),
    keys: () => [...s3.objects.keys()],
    close: () => s3.close(),
  };
});

describe('S3 store: what the S3 API adds', () => {
  let s3: S3TestServer;
  let store: S3FileStore;
  before(async () => {
    s3 = await startS3Server();
    store = new S3FileStore(settingsFor(s3.endpoint));
  });
  after(() => s3.close());

  test('the body is signed with its SHA-256, so a body cut short on the way is refused by the store, not stored', async () => {
    const bytes = Buffer.from('%PDF-1.4 certificate of origin');
    await store.put('documents/e1/origin.pdf', bytes);
    const put = s3.requests.findLast((r) => r.method === 'PUT');
    assert.deepEqual(put, { method: 'PUT', key: 'documents/e1/origin.pdf', payloadHash: createHash('sha256').update(bytes).digest('hex') });
  });

  test('a store that throttles once is asked again; one that stays down is SERVICE_UNAVAILABLE and the old bytes stay whole', async () => {
    await store.put('media/ef/retry.webp', Buffer.from('old'));
    s3.fail(503, 'SlowDown', 1);
    await store.put('media/ef/retry.webp', Buffer.from('new'));
    assert.equal(s3.objects.get('media/ef/retry.webp')?.toString(), 'new');

    s3.fail(500, 'InternalError', 10);
    await assert.rejects(store.put('media/ef/retry.webp', Buffer.from('newer')), unavailable);
    s3.recover();
    assert.equal((await store.get('media/ef/retry.webp'))?.toString(), 'new');
  });

  test('a store that does not answer in time is SERVICE_UNAVAILABLE (the request is given up, not left waiting)', async () => {
    const impatient = new S3FileStore(settingsFor(s3.endpoint), { timeoutMs: 200 });
    s3.stall();
    try {
      await assert.rejects(impatient.put('media/ef/slow.webp', Buffer.from('slow')), unavailable);
      await assert.rejects(impatient.get('media/ef/slow.webp'), unavailable);
    } finally {
      s3.recover();
    }
    assert.equal(s3.objects.has('media/ef/slow.webp'), false);
  });

  test('refused credentials or a missing bucket are SERVICE_UNAVAILABLE, never "no such file"', async () => {
    await store.put('media/ef/kept.webp', Buffer.from('kept'));
    const wrongSecret = new S3FileStore(settingsFor(s3.endpoint, { secretAccessKey: 'not-the-secret-at-all' }));
    await assert.rejects(wrongSecret.get('media/ef/kept.webp'), unavailable);
    const noBucket = new S3FileStore(settingsFor(s3.endpoint, { bucket: 'no-such-bucket' }));
    await assert.rejects(noBucket.get('media/ef/kept.webp'), unavailable);
    await assert.rejects(noBucket.delete('media/ef/kept.webp'), unavailable);
    assert.equal((await store.get('media/ef/kept.webp'))?.toString(), 'kept');
  });

  test('the start-up check names the setting to fix', async () => {
    const check = (settings: S3Settings) => checkFileStore(new S3FileStore(settings), { store: 's3', s3: settings });
    const refused = (variable: string) => (err: unknown) => err instanceof ConfigError && err.message.startsWith(`${variable}: `) && !err.message.includes('\n');
    await check(settingsFor(s3.endpoint));
    await assert.rejects(check(settingsFor(s3.endpoint, { secretAccessKey: 'not-the-secret-at-all' })), refused('S3_SECRET_ACCESS_KEY'));
    await assert.rejects(check(settingsFor(s3.endpoint, { accessKeyId: 'UNKNOWNKEY' })), refused('S3_ACCESS_KEY_ID'));
    await assert.rejects(check(settingsFor(s3.endpoint, { bucket: 'no-such-bucket' })), refused('S3_BUCKET'));
    await assert.rejects(check(settingsFor(s3.endpoint, { region: 'ap-elsewhere' })), refused('S3_REGION'));
    await assert.rejects(check(settingsFor(`http://127.0.0.1:${await closedPort()}`)), refused('S3_ENDPOINT'));
  });

  test('addresses: path style for MinIO, virtual-hosted (bucket.host) for OSS and COS', () => {
    assert.equal(new S3FileStore(settingsFor('http://127.0.0.1:9000/')).objectUrl('media/ab/x.webp'), `http://127.0.0.1:9000/${TEST_S3.bucket}/media/ab/x.webp`);
    const oss = new S3FileStore(settingsFor('https://oss-cn-hangzhou.aliyuncs.com', { bucket: 'pavilion-prod', forcePathStyle: false }));
    assert.equal(oss.objectUrl('media/ab/x.webp'), 'https://pavilion-prod.oss-cn-hangzhou.aliyuncs.com/media/ab/x.webp');
  });
});
