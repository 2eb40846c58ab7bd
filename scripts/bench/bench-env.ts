import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * What a benchmark's server needs to start in production mode (every secret set): throwaway keys,
 * made anew each run.
 */
export function productionSecrets(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    IDENTITY_KEYS: JSON.stringify({ bench: randomBytes(32).toString('base64') }),
    IDENTITY_KEY_ID: 'bench',
    IDENTITY_LOOKUP_KEY: randomBytes(32).toString('base64'),
    // Production refuses the log SMS sender; benchmarks send no SMS, so the provider is a closed local port.
    SMS_SENDER: 'tencent',
    TENCENTCLOUD_SECRET_ID: randomBytes(16).toString('hex'),
    TENCENTCLOUD_SECRET_KEY: randomBytes(16).toString('hex'),
    TENCENT_SMS_SDK_APP_ID: '1400000000',
    TENCENT_SMS_SIGN_NAME: 'bench',
    TENCENT_SMS_TEMPLATE_ID: '1',
    TENCENT_SMS_API_BASE: 'http://127.0.0.1:9',
  };
}

/**
 * What every benchmark needs around it: a temp directory, the child processes it starts, a scratch
 * PostgreSQL database, all cleaned up on success, on failure, on Ctrl-C and after a time limit.
 */
export function benchHarness(options: { name: string; timeLimitMs: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), `pavilion-bench-${options.name}-`));
  const children = new Set<ChildProcess>();
  let scratch: { base: string; name: string } | null = null;
  let cleaned = false;

  const dropScratchDatabase = async (): Promise<void> => {
    if (!scratch) return;
    const { base, name } = scratch;
    scratch = null;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  };
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all([...children].map((child) => stopChild(child)));
    await dropScratchDatabase().catch((err: unknown) => console.error('could not drop the scratch database:', err));
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', () => {
    // Last resort when something exits synchronously: no scratch-database drop possible here.
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  setTimeout(() => {
    console.error(`bench:${options.name} took longer than ${options.timeLimitMs / 60_000} min; stopping`);
    void cleanup().finally(() => process.exit(2));
  }, options.timeLimitMs).unref();

  return {
    dir,
    children,
    cleanup,
    dropScratchDatabase,
    /** A new database beside `base` (a PostgreSQL URL), dropped at cleanup; answers its URL. */
    async createScratchDatabase(base: string): Promise<string> {
      const name = `pavilion_bench_${options.name}_${process.pid}`;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name}`);
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      scratch = { base, name };
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The p-th percentile of sorted figures (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
