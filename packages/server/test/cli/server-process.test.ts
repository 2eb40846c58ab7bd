import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { after, test } from 'node:test';

const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');

/** Every server this file starts: whatever happens to a test, none is left running (it would keep the test process alive). */
const started = new Set<ReturnType<typeof spawn>>();
after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Starts the real server on a free port and resolves with its URL once it prints it. A first start
 * migrates and seeds the demo with its pictures: on a busy machine that takes a while, hence the minute.
 */
async function start(dataDir: string) {
  const child = spawn(process.execPath, [bin, 'serve', '--demo'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
    const check = () => {
      const match = /Pavilion is running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => reject(new Error(`exited early:\n${out}`)));
  });
  return { child, url, output: () => out };
}

test('serve --demo on a new SQLite file: migrates, seeds, prints the accounts, and shuts down cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pavilion-serve-'));
  try {
    const server = await start(dataDir);
    assert.match(server.output(), /operator\.pacific@pavilion\.demo/);
    assert.match(server.output(), /demo data seeded just now/);
    assert.ok(server.output().includes(`database          SQLite ${path.join(dataDir, 'pavilion.db')}`), 'the banner names the database file');

    const health = await fetch(`${server.url}/api/health`);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'sqlite', version: '0.1.0' });
    const pavilions = (await (await fetch(`${server.url}/api/store/pavilions`)).json()) as { items: unknown[] };
    assert.equal(pavilions.items.length, 2);
    assert.ok(existsSync(path.join(dataDir, 'pavilion.db-wal')), 'SQLite runs in WAL mode');

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pavilion.demo', password: 'pavilion-demo-2026', session: 'token' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    // Listened for before the signal: the server may answer and exit before this test looks again.
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    assert.match(server.output(), /"msg":"closed"/);
    assert.ok(!existsSync(path.join(dataDir, 'pavilion.db-wal')), 'the database was closed (WAL checkpointed and removed)');

    // A second start keeps the data and does not seed again.
    const again = await start(dataDir);
    assert.doesNotMatch(again.output(), /seeded just now/);
    const againExited = once(again.child, 'exit');
    again.child.kill('SIGTERM');
    await againExited;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
