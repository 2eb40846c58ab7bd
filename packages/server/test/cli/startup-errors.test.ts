import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-db.ts';
import { projectRoot } from '../../src/platform/config.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');

/** A TCP server on a free port of 127.0.0.1 (closed by the caller). */
async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** Common mistakes at start end in one line naming the setting and what to do: no stack trace. */
describe('starting with a common mistake', () => {
  let tdb: TestDatabase;
  let databaseUrl: string;
  const run = (args: string[], env: Record<string, string> = {}, cwd?: string) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: tdb.dir, DATABASE_URL: databaseUrl, SECRET_KEY: '', ...env },
      encoding: 'utf8',
      // A server that starts in spite of the mistake would never return: stopped, and the test fails.
      timeout: 120_000,
      ...(cwd ? { cwd } : {}),
    });
  const oneLine = (res: SpawnSyncReturns<string>, pattern: RegExp) => {
    assert.equal(res.status, 2, `exit status 2:\n${res.stderr}${res.stdout}`);
    assert.match(res.stderr, pattern);
    assert.equal(res.stderr.trim().split('\n').length, 1, `one line, no stack trace:\n${res.stderr}`);
  };

  before(async () => {
    tdb = await createTestDatabase();
    databaseUrl = tdb.target.dialect === 'postgres' ? tdb.target.url : `sqlite:${tdb.target.file}`;
  });
  after(() => tdb.drop());

  test('PostgreSQL that cannot be reached names DATABASE_URL (migrate and serve)', async () => {
    const { server, port } = await listening();
    server.close();
    await once(server, 'close');
    for (const command of [['migrate'], ['serve'], ['list']]) {
      oneLine(run(command, { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/pavilion` }), new RegExp(`^pavilion: DATABASE_URL: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): start PostgreSQL there or correct DATABASE_URL$`, 'm'));
    }
  });

  test('a PostgreSQL database that does not exist names DATABASE_URL and the createdb to run', { skip: testDialect === 'postgres' ? false : 'needs TEST_DB=postgres' }, () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    const name = `pavilion_missing_${randomBytes(4).toString('hex')}`;
    url.pathname = `/${name}`;
    const user = decodeURIComponent(url.username) || process.env.PGUSER || process.env.USER || 'postgres';
    const port = url.port || '5432';
    for (const command of [['migrate'], ['serve']]) {
      oneLine(
        run(command, { DATABASE_URL: url.toString() }),
        new RegExp(`^pavilion: DATABASE_URL: PostgreSQL at ${url.hostname}:${port} has no database "${name}": create it \\(createdb -h ${url.hostname} -p ${port} -U ${user} ${name}\\) or correct DATABASE_URL$`, 'm'),
      );
    }
  });

  test('a port already in use names PORT', async () => {
    const { server, port } = await listening();
    try {
      oneLine(run(['serve'], { PORT: String(port), HOST: '127.0.0.1' }), new RegExp(`^pavilion: PORT: ${port} is already in use on 127\\.0\\.0\\.1: .*set PORT to a free port`, 'm'));
    } finally {
      server.close();
    }
  });

  test('a DATA_DIR that cannot be written stops the start naming DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pavilion-datadir-'));
    try {
      // A file where the directory should be: unwritable even for root.
      writeFileSync(path.join(dir, 'blocked'), '');
      const dataDir = path.join(dir, 'blocked', 'data');
      const message = new RegExp(`^pavilion: DATA_DIR: ${dataDir.replace(/[.]/g, '\\.')} cannot be written \\(ENOTDIR\\): set DATA_DIR to a directory`, 'm');
      // The development secrets and the SQLite file both live there…
      oneLine(run(['serve'], { DATA_DIR: dataDir, DATABASE_URL: '' }), message);
      oneLine(run(['migrate'], { DATA_DIR: dataDir, DATABASE_URL: '' }), message);
      // …and with a secret and a database elsewhere, the uploads still do: the start stops all the same.
      oneLine(run(['serve'], { DATA_DIR: dataDir, SECRET_KEY: 'k'.repeat(40) }), message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('FILE_STORE=s3: a missing setting, or a store that cannot be reached, names the setting to fix', async () => {
    const { server, port } = await listening();
    server.close();
    await once(server, 'close');
    const s3 = { FILE_STORE: 's3', S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_REGION: 'us-east-1', S3_BUCKET: 'pavilion-files', S3_ACCESS_KEY_ID: 'PAVILIONKEY', S3_SECRET_ACCESS_KEY: 'pavilion-secret-key', S3_FORCE_PATH_STYLE: 'true' };
    // A configuration error is reported as such (its first line names the variable).
    const missing = run(['serve'], { ...s3, S3_BUCKET: '' });
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /^ {2}S3_BUCKET: must be set when FILE_STORE is s3$/m);
    oneLine(run(['serve'], s3), new RegExp(`^pavilion: S3_ENDPOINT: http://127\\.0\\.0\\.1:${port} cannot be reached \\(ECONNREFUSED: .*\\)$`, 'm'));
  });

  test('a relative DATA_DIR is the project root’s, wherever the command runs; migrate says which file', () => {
    // Inside data/ (ignored by git), where `npm start` keeps its own database.
    const relative = path.join('data', `relative-test-${randomBytes(4).toString('hex')}`);
    const dir = path.join(projectRoot, relative);
    const subFolder = path.join(projectRoot, 'packages/server');
    const stray = path.join(subFolder, relative);
    const strayParentExisted = existsSync(path.dirname(stray));
    try {
      const fromSubFolder = run(['migrate'], { DATA_DIR: relative, DATABASE_URL: '' }, subFolder);
      assert.equal(fromSubFolder.status, 0, fromSubFolder.stderr);
      assert.ok(existsSync(path.join(dir, 'pavilion.db')), 'the database is in DATA_DIR taken from the project root');
      assert.ok(!existsSync(stray), 'no second database under the folder the command ran in');
      assert.match(fromSubFolder.stdout, new RegExp(`^database: SQLite ${path.join(dir, 'pavilion.db').replace(/[.]/g, '\\.')}$`, 'm'));
      const fromRoot = run(['migrate'], { DATA_DIR: relative, DATABASE_URL: '' }, projectRoot);
      assert.match(fromRoot.stdout, /already up to date/, 'the same database from the project root');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(strayParentExisted ? stray : path.dirname(stray), { recursive: true, force: true });
    }
  });
});
