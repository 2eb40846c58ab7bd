import { Writable } from 'node:stream';
import { fileStoreFromConfig } from '../../src/platform/file-store-config.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { seedDemo } from '../../src/features/demo/seed.ts';
import type { SmsSender } from '../../src/features/auth/sms-sender.ts';
import { createTestDatabase, type SeededTemplate, type TestDatabase } from './test-db.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';

export const TEST_SECRET = 'test-secret-key-that-is-at-least-32-characters';
export const ORIGIN = 'http://localhost:3000';

/** Collects what the app logs, to check request ids are logged and secrets are not. */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
  get text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}

/** Records the codes the app would send by SMS. */
export class CapturingSmsSender implements SmsSender {
  readonly delivery = 'sms' as const;
  readonly sent: Array<{ phone: string; code: string }> = [];
  async sendLoginCode(options: { phone: string; code: string }): Promise<void> {
    this.sent.push({ phone: options.phone, code: options.code });
  }
  lastCodeFor(phone: string): string {
    const found = this.sent.findLast((s) => s.phone === phone);
    if (!found) throw new Error(`no code sent to ${phone}`);
    return found.code;
  }
}

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  config: Config;
  logs: LogCapture;
  sms: CapturingSmsSender;
  /** The test clock: move it with `clock.advance(ms)`. */
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    demo?: boolean;
    /** Also the demo catalog (84 products with pictures): slower, for the tests that browse it. */
    catalog?: boolean;
    /** Sees every SQL statement the app runs. */
    onQuery?: (sql: string) => void;
    env?: Record<string, string>;
    overrides?: Partial<Omit<AppOptions, 'config' | 'database'>>;
  } = {},
): Promise<TestApp> {
  // The demo (and the demo catalog, when its pictures go to the directory store) comes cloned from a
  // template seeded once per run; a catalog for another store (S3) is seeded into it here.
  const catalogElsewhere = options.catalog === true && (options.overrides?.files !== undefined || (options.env?.FILE_STORE ?? 'directory') !== 'directory');
  const seeded: SeededTemplate | undefined =
    options.demo === false || catalogElsewhere
      ? undefined
      : options.catalog
        ? { key: 'demo-catalog', build: (db, files) => seedDemo(db, { files: new DirectoryFileStore(files) }) }
        : { key: 'demo', build: (db) => seedDemo(db) };
  const testDb = await createTestDatabase({ ...(options.onQuery ? { onQuery: options.onQuery } : {}), ...(seeded ? { seeded } : {}) });
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: TEST_SECRET,
    DATA_DIR: testDb.dir,
    LOG_LEVEL: 'info',
    PUBLIC_URL: ORIGIN,
    WEB_DIST_DIR: `${testDb.dir}/no-web-build`,
    ...options.env,
  });
  if (options.demo !== false && !seeded) {
    // The demo pictures go where the app will read them: the store given, or the configured one (FILE_STORE).
    await seedDemo(testDb.database.db, options.catalog ? { files: options.overrides?.files ?? fileStoreFromConfig(config.files) } : {});
  }
  const logs = new LogCapture();
  const sms = new CapturingSmsSender();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const app = await buildApp({
    config,
    database: testDb.database,
    logger: createLogger(config, logs),
    clock: () => clock.now,
    sms,
    // The customs worker would declare paid orders in the background: tests run it by hand (app.customs.runOnce()).
    customs: { worker: false },
    ...options.overrides,
  });
  return {
    app,
    testDb,
    config,
    logs,
    sms,
    clock,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
