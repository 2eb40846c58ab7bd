import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { checkFileStore, fileStoreFromConfig } from './platform/file-store-config.ts';
import { describeDatabase, openCheckedDatabase } from './platform/database-check.ts';
import { migrateToLatest } from './db/migrator.ts';
import { ConfigError, prepareDataDir, type Config } from './platform/config.ts';
import { createLogger } from './platform/logging.ts';
import { demoAccounts, seedDemo } from './features/demo/index.ts';

export interface ServeOptions {
  migrate: boolean;
  demo: boolean;
}

/**
 * Starts Pavilion: migrate, seed the demo into an empty database when asked, listen, and on SIGTERM
 * or SIGINT stop accepting connections, let in-flight requests finish, then close the database.
 */
export async function serve(config: Config, options: ServeOptions): Promise<FastifyInstance> {
  const logger = createLogger(config);
  prepareDataDir(config.dataDir);
  const database = await openCheckedDatabase(config);
  if (options.migrate) await migrateToLatest(database.db);
  const files = fileStoreFromConfig(config.files, { onFailure: (failure) => logger.warn({ fileStore: failure }, 'file store failed') });
  try {
    await checkFileStore(files, config.files);
  } catch (err) {
    await database.destroy();
    throw err;
  }
  const seeded = options.demo ? await seedDemo(database.db, { files }) : false;

  const app = await buildApp({ config, database, logger, files });
  let closing = false;
  // While closing, answers end their keep-alive connection, so close() does not wait on idle clients.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => {
        logger.info('closed');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const reason = listenError(err, config);
    if (!reason) throw err;
    await app.close().catch(() => {});
    throw reason;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  printBanner({ url, database: describeDatabase(config.database), seeded, demo: options.demo });
  return app;
}

/** The address cannot be had: one line naming PORT or HOST and what to do, instead of a stack trace. */
function listenError(err: unknown, config: Config): ConfigError | null {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') return new ConfigError(`PORT: ${config.port} is already in use on ${config.host}: stop the program using it (another Pavilion?) or set PORT to a free port (PORT=0 picks one)`);
  if (code === 'EACCES') return new ConfigError(`PORT: ${config.port} on ${config.host} needs privileges this process does not have: set PORT to 1024 or above`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ConfigError(`HOST: ${config.host} is not an address of this machine (${code}): set HOST to one (127.0.0.1, or 0.0.0.0 for every interface)`);
  return null;
}

function printBanner(info: { url: string; database: string; seeded: boolean; demo: boolean }): void {
  const lines = [
    '',
    `  Pavilion is running at ${info.url}`,
    `    storefront        ${info.url}/`,
    `    exporter console  ${info.url}/exporter`,
    `    operator console  ${info.url}/operator`,
    `    API docs          ${info.url}/docs`,
    `    database          ${info.database}${info.seeded ? ' (demo data seeded just now)' : ''}`,
    `    ids for the CLI   npx pavilion list (pavilion slugs, exporter and company ids)`,
  ];
  if (info.demo) {
    lines.push('', '  Demo accounts:');
    for (const a of demoAccounts()) {
      lines.push(`    ${a.role.padEnd(9)} ${a.login.padEnd(36)} ${(a.password ?? '(phone code)').padEnd(20)} ${a.note}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
